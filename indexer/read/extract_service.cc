// One small process that forks the per-file extraction helpers.
#include "indexer/read/extract_service.h"

#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

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

// The service process: reads paths, answers with what extract_file makes of
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

ExtractService::ExtractService(const ExtractLimits& limits) : limits_(limits) {}

ExtractService::~ExtractService() { stop(); }

pid_t ExtractService::pid() const { return running() ? process_->pid() : 0; }

bool ExtractService::running() const {
  return process_ && process_->running() && socket_.get() >= 0;
}

bool ExtractService::start() {
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
  const pid_t pid = ::fork();
  if (pid < 0) return false;
  if (pid == 0) serve(parent, theirs.get(), limits_);
  process_ = std::make_unique<helper::Child>(pid);
  socket_ = std::move(mine);
  return true;
}

void ExtractService::stop() {
  socket_.reset();  // the service reads end-of-file and exits
  if (process_) process_->kill_and_wait();
  process_.reset();
  queued_.clear();
}

void ExtractService::prefetch(const std::filesystem::path& path) {
  const std::string p = path.string();
  if (p.size() > kMaxPathBytes) return;  // extract() reads it directly
  if (!running()) {
    stop();
    if (!start()) return;
  }
  const std::string request = framed(p);
  size_t done = 0;
  while (done < request.size()) {
    // MSG_NOSIGNAL: a service that died must not take the indexer with it.
    const ssize_t n = ::send(socket_.get(), request.data() + done,
                             request.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      stop();
      return;
    }
    done += static_cast<size_t>(n);
  }
  queued_.push_back(p);
}

bool ExtractService::read_answer(Extracted& e) {
  // The service answers in order and bounds each helper by max_seconds (CPU
  // and wall time), so the oldest answer is never further away than that.
  const int64_t wait_ms =
      (static_cast<int64_t>(std::max(limits_.max_seconds, 1)) + 30) * 1000;
  struct pollfd p = {socket_.get(), POLLIN, 0};
  int ready;
  do {
    ready =
        ::poll(&p, 1, static_cast<int>(std::min<int64_t>(wait_ms, INT32_MAX)));
  } while (ready < 0 && errno == EINTR);
  uint32_t n = 0;
  std::string body;
  bool ok = ready > 0 && read_u32(socket_.get(), n) &&
            n <= limits_.max_memory_bytes + (1u << 20);
  if (ok) {
    body.resize(n);
    ok = helper::read_exact(socket_.get(), body.data(), n) &&
         deserialize_extracted(body, e);
  }
  if (!ok) stop();
  return ok;
}

Extracted ExtractService::extract(const std::filesystem::path& path) {
  const std::string key = path.string();
  if (std::find(queued_.begin(), queued_.end(), key) == queued_.end())
    prefetch(path);
  while (!queued_.empty()) {
    const std::string front = queued_.front();
    queued_.pop_front();
    Extracted e;
    if (!read_answer(e)) break;
    if (front == key) return e;
  }
  // The service failed (or could not start): read the file directly.
  return extract_file(path, limits_);
}

}  // namespace kb
