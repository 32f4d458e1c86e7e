// Forked helper processes: bounds, pipes, reaping, encoding.
#include "indexer/read/helper.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

namespace kb::helper {
namespace {

// This process's address space (virtual size), from /proc; 0 if unknown.
[[maybe_unused]] uint64_t address_space_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t pages = 0;
  if (!(statm >> pages)) return 0;
  return pages * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

// Stack growth counts against RLIMIT_AS: a reader deep in a recursive
// document (forms drawing forms) that meets its bound while its stack grows
// dies of SIGSEGV, which reads as a crash, not as "too large". The stack it
// may need is mapped before the bound is set; a grown stack stays mapped.
constexpr size_t kStackMappedFirst = 2 << 20;

[[gnu::noinline, maybe_unused]] void map_stack() {
  volatile char stack[kStackMappedFirst];
  for (size_t i = 0; i < sizeof stack; i += 4096) stack[i] = 0;
}

}  // namespace

// A child forked while another helper's pipe was open would otherwise hold
// that pipe's write end, and the parent would not see end-of-file until this
// child exits; the parent's database files are none of the child's business
// either.
void close_other_fds(std::vector<int> keep) {
  std::sort(keep.begin(), keep.end());
  unsigned first = STDERR_FILENO + 1;
  bool ok = true;
  for (int k : keep) {
    if (k < static_cast<int>(first)) continue;
    const unsigned u = static_cast<unsigned>(k);
    if (u > first) ok = ok && ::close_range(first, u - 1, 0) == 0;
    first = u + 1;
  }
  ok = ok && ::close_range(first, ~0U, 0) == 0;
  if (ok) return;
  struct rlimit nofile;  // kernels before 5.9 lack close_range
  const int limit =
      ::getrlimit(RLIMIT_NOFILE, &nofile) == 0 &&
              nofile.rlim_cur != RLIM_INFINITY
          ? static_cast<int>(std::min<rlim_t>(nofile.rlim_cur, 1 << 16))
          : 1 << 16;
  for (int fd = STDERR_FILENO + 1; fd < limit; ++fd) {
    if (std::find(keep.begin(), keep.end(), fd) == keep.end()) ::close(fd);
  }
}

void die_with_parent(pid_t parent) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(kExitFailed);  // it died before prctl
}

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

bool make_pipe(Fd& read_end, Fd& write_end) {
  int fds[2];
  // CLOEXEC: should the indexer ever exec a program, it must not inherit
  // the ends and keep a helper's pipe open.
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end.reset(fds[0]);
  write_end.reset(fds[1]);
  return true;
}

bool write_all(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);  // a pipe may take only part of a write
  }
  return true;
}

bool read_exact(int fd, char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    const ssize_t r = ::read(fd, buf + done, n - done);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    done += static_cast<size_t>(r);
  }
  return true;
}

void bound_child(pid_t parent, const std::vector<int>& keep, int err_fd,
                 const Bounds& bounds) {
  die_with_parent(parent);
  if (err_fd >= 0 && !VNKB_ASAN) ::dup2(err_fd, STDERR_FILENO);
  close_other_fds(keep);
  // The parent may ignore these; the bounds below rely on their default
  // actions (SIGXCPU ends the helper at the CPU limit).
  ::signal(SIGXCPU, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  // A crash on a bad file is expected, not worth a core dump.
  struct rlimit none = {0, 0};
  ::setrlimit(RLIMIT_CORE, &none);
#if !VNKB_ASAN
  // The bound is on what the helper adds: it inherits the parent's address
  // space, which holds every thread's stack and malloc arena reservations
  // (tens of MB each) and could alone exceed an absolute limit.
  map_stack();
  const uint64_t inherited = address_space_bytes();
  const uint64_t bound = bounds.max_memory_bytes > UINT64_MAX - inherited
                             ? UINT64_MAX
                             : inherited + bounds.max_memory_bytes;
  struct rlimit as = {static_cast<rlim_t>(bound), static_cast<rlim_t>(bound)};
  ::setrlimit(RLIMIT_AS, &as);
#endif
  const rlim_t seconds = static_cast<rlim_t>(std::max(bounds.cpu_seconds, 1));
  struct rlimit cpu = {seconds, seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
}

Child::~Child() {
  if (pid_ > 0) kill_and_wait();
}

bool Child::wait(bool block) {
  for (;;) {
    const pid_t r = ::wait4(pid_, &status_, block ? 0 : WNOHANG, &usage_);
    if (r == pid_) break;
    if (r == 0) return false;
    if (errno == EINTR) continue;
    status_ = 0;  // ECHILD: someone else reaped it (SIGCHLD ignored)
    break;
  }
  pid_ = -1;
  return true;
}

void Child::kill() {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
}

void Child::kill_and_wait() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait(true);
}

double Child::cpu_seconds() const {
  const auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return secs(usage_.ru_utime) + secs(usage_.ru_stime);
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void put_string(std::string& out, std::string_view s) {
  put_u32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

bool Reader::u8(uint8_t& v) {
  if (data_.size() - pos_ < 1) return false;
  v = static_cast<uint8_t>(data_[pos_++]);
  return true;
}

bool Reader::u32(uint32_t& v) {
  if (data_.size() - pos_ < 4) return false;
  v = 0;
  for (int i = 0; i < 4; ++i) {
    v |= static_cast<uint32_t>(static_cast<unsigned char>(data_[pos_ + i]))
         << (8 * i);
  }
  pos_ += 4;
  return true;
}

bool Reader::string(std::string& s) {
  uint32_t n;
  const size_t start = pos_;
  if (!u32(n) || data_.size() - pos_ < n) {
    pos_ = start;
    return false;
  }
  s.assign(data_.substr(pos_, n));
  pos_ += n;
  return true;
}

}  // namespace kb::helper
