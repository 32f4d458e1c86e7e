// ocr_pdf_pages (ocr.h), the parent's side of OCR: pages dealt to helpers,
// every step of every page bounded in wall time, the cache asked and filled,
// and a helper that dies, overruns or sends garbage replaced by a new one.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "indexer/read/fork_guard.h"
#include "indexer/read/helper.h"
#include "indexer/read/ocr.h"
#include "indexer/read/ocr_cache.h"
#include "indexer/read/ocr_helper.h"
#include "indexer/read/ocr_protocol.h"

namespace kb {
namespace {

using Clock = std::chrono::steady_clock;
using ocr::cpu_seconds_for;
using ocr::decode_record;
using ocr::kMaxRecordBytes;
using ocr::Record;
using ocr::run_helper;

constexpr size_t kMaxOcrStderrBytes = 4096;
// How long a helper that has finished its pages may take to exit.
constexpr double kExitSeconds = 5;

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

// One helper and the pages it was given.
struct Worker {
  std::vector<size_t> todo;  // positions in the caller's `pages`, in order
  size_t next = 0;           // todo[next] is in progress
  std::unique_ptr<helper::Child> child;
  helper::Fd sock;  // messages from the helper; answers to it
  helper::Fd err;   // its stderr (not under AddressSanitizer)
  std::string in;   // received, not yet decoded
  std::string err_text;
  bool recognizing = false;  // the page in progress is past rendering
  int generation = 0;        // helpers started so far
  Clock::time_point deadline;
  bool done() const { return next >= todo.size(); }
  bool active() const { return !done() || child != nullptr; }
};

class Run {
 public:
  Run(const std::filesystem::path& path, const std::vector<int>& pages,
      const OcrOptions& options, OcrCache* cache)
      : path_(path.string()),
        pages_(pages),
        options_(options),
        cache_(cache),
        engine_(ocr_engine(options)),
        results_(pages.size()) {
    for (size_t i = 0; i < pages.size(); ++i) results_[i].page = pages[i];
  }

  std::vector<OcrPageResult> run() {
    if (pages_.empty()) return {};
    const int n = ocr_parallelism(options_, pages_.size());
    std::vector<Worker> workers(static_cast<size_t>(n));
    for (size_t i = 0; i < pages_.size(); ++i)
      workers[i % workers.size()].todo.push_back(i);
    for (Worker& w : workers) start(w);
    for (;;) {
      std::vector<pollfd> fds;
      struct Owner {
        Worker* worker;
        int generation;
        bool is_stderr;
      };
      std::vector<Owner> owners;
      auto wake = Clock::time_point::max();
      for (Worker& w : workers) {
        if (!w.active()) continue;
        wake = std::min(wake, w.deadline);
        if (w.sock.get() >= 0) {
          fds.push_back({w.sock.get(), POLLIN, 0});
          owners.push_back({&w, w.generation, false});
        }
        if (w.err.get() >= 0) {
          fds.push_back({w.err.get(), POLLIN, 0});
          owners.push_back({&w, w.generation, true});
        }
      }
      if (wake == Clock::time_point::max()) break;  // every worker is done
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          wake - Clock::now())
                          .count();
      const int timeout = static_cast<int>(std::clamp<int64_t>(ms, 0, 60000));
      const int ready = ::poll(fds.data(), fds.size(), timeout);
      if (ready < 0 && errno != EINTR) {
        for (Worker& w : workers) abandon(w, std::strerror(errno));
        break;
      }
      for (size_t i = 0; ready > 0 && i < fds.size(); ++i) {
        if (fds[i].revents == 0) continue;
        Worker& w = *owners[i].worker;
        // A helper replaced meanwhile: these events were its predecessor's.
        if (owners[i].generation != w.generation) continue;
        if (owners[i].is_stderr) {
          if (w.err.get() == fds[i].fd) read_stderr(w);
        } else if (w.sock.get() == fds[i].fd) {
          read_messages(w);
        }
      }
      const auto now = Clock::now();
      for (Worker& w : workers) {
        if (w.active() && now >= w.deadline) timed_out(w);
      }
    }
    return std::move(results_);
  }

 private:
  void start(Worker& w) {
    w.in.clear();
    w.err_text.clear();
    w.recognizing = false;
    w.deadline = Clock::now() + step_time();
    if (w.done()) return;
    // A socket, not a pipe, for the answers: send() with MSG_NOSIGNAL cannot
    // raise SIGPIPE in the indexer when a helper has died.
    int sv[2] = {-1, -1};
    const bool paired =
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0;
    helper::Fd mine(sv[0]), theirs(sv[1]), err_r, err_w;
    if (!paired || (!VNKB_ASAN && !helper::make_pipe(err_r, err_w))) {
      abandon(w, std::string("cannot start OCR: ") + std::strerror(errno));
      return;
    }
    std::vector<int> pages;
    for (size_t k = w.next; k < w.todo.size(); ++k)
      pages.push_back(pages_[w.todo[k]]);
    const pid_t parent = ::getpid();
    const pid_t pid = helper::fork_quietly();
    if (pid < 0) {
      abandon(w, std::string("cannot start OCR: ") + std::strerror(errno));
      return;
    }
    if (pid == 0)
      run_helper(parent, path_, pages, options_, theirs.get(), err_w.get());
    w.child = std::make_unique<helper::Child>(pid);
    ++w.generation;
    // Reads never block the parent, which waits in poll() on every helper.
    ::fcntl(mine.get(), F_SETFL, ::fcntl(mine.get(), F_GETFL) | O_NONBLOCK);
    if (err_r.get() >= 0) {
      ::fcntl(err_r.get(), F_SETFL, ::fcntl(err_r.get(), F_GETFL) | O_NONBLOCK);
    }
    w.sock = std::move(mine);
    w.err = std::move(err_r);
  }

  std::chrono::steady_clock::duration step_time() const {
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(std::max(options_.page_seconds, 0.001)));
  }

  // Every page left fails with `why`.
  void abandon(Worker& w, const std::string& why) {
    if (w.child) w.child->kill_and_wait();
    w.child.reset();
    w.sock.reset();
    w.err.reset();
    for (; !w.done(); ++w.next) results_[w.todo[w.next]].error = why;
  }

  void read_stderr(Worker& w) {
    char buf[4096];
    const ssize_t n = ::read(w.err.get(), buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
      w.err.reset();
      return;
    }
    // Past the first few KB stderr is only drained, so the helper never
    // blocks on it.
    if (w.err_text.size() < kMaxOcrStderrBytes)
      w.err_text.append(buf, static_cast<size_t>(n));
  }

  void read_messages(Worker& w) {
    char buf[65536];
    const ssize_t n = ::read(w.sock.get(), buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {
      exited(w);
      return;
    }
    w.in.append(buf, static_cast<size_t>(n));
    while (w.in.size() >= 4 && w.child) {
      uint32_t len = 0;
      helper::Reader(w.in).u32(len);
      if (len > kMaxRecordBytes) {
        broken(w);
        return;
      }
      if (w.in.size() - 4 < len) break;
      Record rec;
      const bool ok = decode_record(std::string_view(w.in).substr(4, len), rec);
      w.in.erase(0, 4 + static_cast<size_t>(len));
      if (!ok || w.done() || rec.result.page != pages_[w.todo[w.next]] ||
          (rec.type == 'K' && w.recognizing)) {
        broken(w);
        return;
      }
      handle(w, rec);
    }
  }

  void handle(Worker& w, Record& rec) {
    OcrPageResult& out = results_[w.todo[w.next]];
    w.deadline = Clock::now() + step_time();
    if (rec.type == 'K') {
      std::optional<CachedOcrPage> hit;
      if (cache_ && options_.mode != OcrMode::kForce)
        hit = cache_->get(rec.result.key, engine_);
      const char answer = hit ? 'n' : 'y';
      // A helper that died meanwhile shows as end-of-file next.
      ::send(w.sock.get(), &answer, 1, MSG_NOSIGNAL);
      if (hit) {
        out.key = rec.result.key;
        out.ok = true;
        out.cached = true;
        out.text = hit->text;
        out.confidence = hit->confidence;
        out.seconds = hit->seconds;
        ++w.next;
      } else {
        w.recognizing = true;
      }
      return;
    }
    out = std::move(rec.result);
    if (out.ok && cache_ && !out.key.empty()) {
      cache_->put(out.key, engine_, {out.text, out.confidence, out.seconds});
    }
    w.recognizing = false;
    ++w.next;
  }

  // The helper closed its end: it has finished, or died on the page in
  // progress, which then fails; a new helper takes the pages left.
  void exited(Worker& w) {
    w.sock.reset();
    // Its stderr says why it died, if it did.
    while (w.err.get() >= 0) {
      pollfd p = {w.err.get(), POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) break;
      read_stderr(w);
    }
    w.err.reset();
    const auto limit =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(kExitSeconds));
    while (!w.child->wait(false)) {
      if (Clock::now() >= limit) {
        w.child->kill_and_wait();
        break;
      }
      ::poll(nullptr, 0, 5);
    }
    if (!w.done()) {
      results_[w.todo[w.next]].error = death_reason(*w.child, w.err_text);
      ++w.next;
    }
    w.child.reset();
    if (!w.done()) start(w);
  }

  void timed_out(Worker& w) {
    if (w.child) w.child->kill_and_wait();
    w.child.reset();
    w.sock.reset();
    w.err.reset();
    if (!w.done()) {
      results_[w.todo[w.next]].error =
          std::string(w.recognizing ? "recognising" : "rendering") +
          " took longer than " + format_seconds(options_.page_seconds) + " s";
      ++w.next;
    }
    if (!w.done()) start(w);
  }

  // A helper that sends what it should not is killed; its page fails.
  void broken(Worker& w) {
    if (w.child) w.child->kill_and_wait();
    w.child.reset();
    w.sock.reset();
    w.err.reset();
    if (!w.done()) {
      results_[w.todo[w.next]].error = "the OCR helper sent garbage";
      ++w.next;
    }
    if (!w.done()) start(w);
  }

  std::string death_reason(const helper::Child& child,
                           const std::string& err) const {
    const int status = child.status();
    std::string detail;
    if (!err.empty()) {
      const size_t end = err.find_last_not_of(" \n");
      detail = ": " + err.substr(0, std::min<size_t>(end + 1, 200));
      std::replace(detail.begin(), detail.end(), '\n', ' ');
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
      return "used more than " +
             std::to_string(cpu_seconds_for(options_, pages_.size())) +
             " s of CPU time";
    }
    // Poppler's allocator prints "Out of memory" and aborts; Leptonica
    // prints "pixdata_malloc fail" and Tesseract then crashes.
    if ((WIFEXITED(status) &&
         WEXITSTATUS(status) == helper::kExitOutOfMemory) ||
        err.find("Out of memory") != std::string::npos ||
        err.find("malloc fail") != std::string::npos ||
        err.find("std::bad_alloc") != std::string::npos) {
      return "needs more than " +
             std::to_string(options_.max_memory_bytes >> 20) + " MB";
    }
    if (WIFSIGNALED(status)) {
      return std::string("the OCR helper crashed (") +
             strsignal(WTERMSIG(status)) + ")" + detail;
    }
    return "the OCR helper failed" + detail;
  }

  std::string path_;
  const std::vector<int>& pages_;
  const OcrOptions& options_;
  OcrCache* cache_;
  std::string engine_;
  std::vector<OcrPageResult> results_;
};

}  // namespace

std::vector<OcrPageResult> ocr_pdf_pages(const std::filesystem::path& path,
                                         const std::vector<int>& pages,
                                         const OcrOptions& options,
                                         OcrCache* cache) {
  return Run(path, pages, options, cache).run();
}

}  // namespace kb
