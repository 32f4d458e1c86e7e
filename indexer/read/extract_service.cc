// Small reader processes that fork the per-file extraction helpers.
#include "indexer/read/extract_service.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <thread>

#include "indexer/read/fork_guard.h"

namespace kb {
namespace {

using helper::put_u32;

constexpr uint32_t kMaxPathBytes = 1 << 16;

std::string framed(std::string_view body) {
  std::string out;
  out.reserve(body.size() + 4);
  put_u32(out, static_cast<uint32_t>(body.size()));
  out += body;
  return out;
}

bool read_u32(int fd, uint32_t& v) {
  char bytes[4];
  if (!helper::read_exact(fd, bytes, sizeof bytes)) return false;
  helper::Reader r(std::string_view(bytes, sizeof bytes));
  return r.u32(v);
}

// A reader process: reads paths, answers with what extract_file makes of
// each, until the indexer closes its end.
[[noreturn]] void serve(pid_t parent, int sock, const ExtractLimits& limits) {
  helper::die_with_parent(parent);
  helper::close_other_fds({sock});
  ::signal(SIGPIPE, SIG_DFL);  // the indexer is gone: so are we
  for (;;) {
    uint32_t n = 0;
    if (!read_u32(sock, n) || n > kMaxPathBytes) ::_exit(0);
    std::string path(n, '\0');
    if (!helper::read_exact(sock, path.data(), n)) ::_exit(0);
    Extracted e;
    try {
      e = extract_file(path, limits);
    } catch (const std::bad_alloc&) {
      e = Extracted::failure("", FailureReason::kTooLarge,
                             "reading needs more memory than is available");
    } catch (const std::exception& x) {
      e = Extracted::failure("", FailureReason::kDamaged, x.what());
    }
    std::string body = serialize_extracted(e);
    if (body.size() > UINT32_MAX) {
      body = serialize_extracted(Extracted::failure(
          e.format, FailureReason::kTooLarge, "the text is larger than 4 GB"));
    }
    if (!helper::write_all(sock, framed(body))) ::_exit(0);
  }
}

}  // namespace

int default_reader_count() {
  return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

ExtractService::ExtractService(const ExtractLimits& limits, int readers)
    : limits_(limits), readers_(static_cast<size_t>(std::max(readers, 1))) {}

ExtractService::~ExtractService() {
  for (ReaderProcess& r : readers_) stop(r);
}

pid_t ExtractService::pid() const {
  return readers_[0].running() ? readers_[0].process->pid() : 0;
}

std::vector<pid_t> ExtractService::pids() const {
  std::vector<pid_t> out;
  for (const ReaderProcess& r : readers_)
    out.push_back(r.running() ? r.process->pid() : 0);
  return out;
}

bool ExtractService::ReaderProcess::running() const {
  return process && process->running() && socket.get() >= 0;
}

bool ExtractService::start(ReaderProcess& r) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    return false;
  helper::Fd mine(sv[0]), theirs(sv[1]);
  // Room for a few hundred pages of text, so the service can finish its
  // answer and go on while the indexer is busy.
  const int buffer = 4 << 20;
  ::setsockopt(theirs.get(), SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
  ::setsockopt(mine.get(), SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
  const pid_t parent = ::getpid();
  const pid_t pid = helper::fork_quietly();
  if (pid < 0) return false;
  if (pid == 0) serve(parent, theirs.get(), limits_);
  r.process = std::make_unique<helper::Child>(pid);
  r.socket = std::move(mine);
  return true;
}

void ExtractService::stop(ReaderProcess& r) {
  r.socket.reset();  // the reader reads end-of-file and exits
  if (r.process) r.process->kill_and_wait();
  r.process.reset();
  r.queued.clear();
}

void ExtractService::prefetch(const std::filesystem::path& path) {
  const std::string p = path.string();
  if (p.size() > kMaxPathBytes) return;  // extract() reads it directly
  ReaderProcess& r = readers_[next_];
  next_ = (next_ + 1) % readers_.size();
  if (!r.running()) {
    stop(r);
    if (!start(r)) return;
  }
  const std::string request = framed(p);
  size_t done = 0;
  while (done < request.size()) {
    // MSG_NOSIGNAL: a reader that died must not take the indexer with it.
    const ssize_t n = ::send(r.socket.get(), request.data() + done,
                             request.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      stop(r);
      return;
    }
    done += static_cast<size_t>(n);
  }
  r.queued.push_back(p);
}

bool ExtractService::read_answer(ReaderProcess& r, Extracted& e) {
  // A reader answers in order and bounds each helper by max_seconds (CPU
  // and wall time), so its oldest answer is never further away than that.
  const int64_t wait_ms =
      (static_cast<int64_t>(std::max(limits_.max_seconds, 1)) + 30) * 1000;
  struct pollfd p = {r.socket.get(), POLLIN, 0};
  int ready;
  do {
    ready =
        ::poll(&p, 1, static_cast<int>(std::min<int64_t>(wait_ms, INT32_MAX)));
  } while (ready < 0 && errno == EINTR);
  uint32_t n = 0;
  std::string body;
  bool ok = ready > 0 && read_u32(r.socket.get(), n) &&
            n <= limits_.max_memory_bytes + (1u << 20);
  if (ok) {
    body.resize(n);
    ok = helper::read_exact(r.socket.get(), body.data(), n) &&
         deserialize_extracted(body, e);
  }
  if (!ok) stop(r);
  return ok;
}

Extracted ExtractService::extract(const std::filesystem::path& path) {
  const std::string key = path.string();
  const auto holds_key = [&](const ReaderProcess& r) {
    return std::find(r.queued.begin(), r.queued.end(), key) != r.queued.end();
  };
  auto r = std::find_if(readers_.begin(), readers_.end(), holds_key);
  if (r == readers_.end()) {
    prefetch(path);
    r = std::find_if(readers_.begin(), readers_.end(), holds_key);
  }
  while (r != readers_.end() && !r->queued.empty()) {
    const std::string front = r->queued.front();
    r->queued.pop_front();
    Extracted e;
    if (!read_answer(*r, e)) break;
    if (front == key) return e;
  }
  // The reader failed (or could not start): read the file directly.
  return extract_file(path, limits_);
}

}  // namespace kb
