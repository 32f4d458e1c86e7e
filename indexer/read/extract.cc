// extract_file: picks the reader for a file and runs it in a bounded helper
// process, turning the helper's death, overrun or garbage into a reason.
#include "indexer/read/extract.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <new>

#include "indexer/read/docx.h"
#include "indexer/read/fork_guard.h"
#include "indexer/read/format.h"
#include "indexer/read/helper.h"
#include "indexer/read/html.h"
#include "indexer/read/pdf.h"
#include "indexer/read/plain_text.h"
#include "indexer/read/stray_html.h"

namespace kb {
namespace {

using helper::Child;
using helper::Fd;

// --- The helper process ---------------------------------------------------

// The child's side: bound itself, run `extract`, send the result, exit.
template <typename Fn>
[[noreturn]] void run_helper(pid_t parent, int data_fd, int err_fd,
                             const ExtractLimits& limits, Fn& extract) {
  helper::bound_child(parent, {data_fd}, err_fd,
                      {limits.max_memory_bytes, limits.max_seconds});
  int code = helper::kExitFailed;
  try {
    const std::string data = serialize_extracted(extract());
    code = helper::write_all(data_fd, data) ? 0 : helper::kExitFailed;
  } catch (const std::bad_alloc&) {
    code = helper::kExitOutOfMemory;
  } catch (...) {
    code = helper::kExitFailed;
  }
  // No destructors or atexit handlers: the parent's state is not ours.
  ::_exit(code);
}

constexpr size_t kMaxStderrBytes = 4096;

// Runs `extract` in a child process bounded in address space, CPU time and
// wall time. The parent drains both pipes as data arrives, so a child that
// writes more than a pipe holds never blocks against a parent that waits.
template <typename Fn>
Extracted in_helper(const std::string& format, const ExtractLimits& limits,
                    Fn extract) {
  const auto cannot_start = [&] {
    return Extracted::failure(
        format, FailureReason::kDamaged,
        std::string("cannot start the reader: ") + std::strerror(errno));
  };
  Fd data_r, data_w, err_r, err_w;
  if (!helper::make_pipe(data_r, data_w)) return cannot_start();
  if (!VNKB_ASAN && !helper::make_pipe(err_r, err_w)) return cannot_start();
  const pid_t parent = ::getpid();
  const pid_t pid = helper::fork_quietly();
  if (pid < 0) return cannot_start();
  if (pid == 0) run_helper(parent, data_w.get(), err_w.get(), limits, extract);
  Child child(pid);
  data_w.reset();
  err_w.reset();

  const int seconds = std::max(limits.max_seconds, 1);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  const auto ms_left = [&] {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::clamp<int64_t>(left.count(), 0, INT32_MAX));
  };
  std::string data, err;
  bool timed_out = false;
  bool too_much = false;
  char buf[65536];
  while (data_r.get() >= 0 || err_r.get() >= 0) {
    const int left = ms_left();
    if (left == 0) {
      timed_out = true;
      break;
    }
    struct pollfd p[2] = {{data_r.get(), POLLIN, 0}, {err_r.get(), POLLIN, 0}};
    const int ready = ::poll(p, 2, left);  // a negative fd is skipped
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (ready == 0) continue;  // the deadline check above decides
    for (int i = 0; i < 2; ++i) {
      if (p[i].fd < 0 || p[i].revents == 0) continue;
      const ssize_t n = ::read(p[i].fd, buf, sizeof buf);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      Fd& fd = i == 0 ? data_r : err_r;
      if (n <= 0) {
        fd.reset();  // end of file (or an error): the child is done with it
        continue;
      }
      std::string& to = i == 0 ? data : err;
      // Past the first few KB stderr is only drained, so the child never
      // blocks on it.
      if (i == 1 && to.size() >= kMaxStderrBytes) continue;
      to.append(buf, static_cast<size_t>(n));
    }
    // The text of a file can never need more than the helper's own memory
    // bound; a child that sends more is broken.
    if (data.size() > limits.max_memory_bytes) {
      too_much = true;
      break;
    }
  }
  data_r.reset();
  err_r.reset();
  if (timed_out || too_much) child.kill();
  // The child closed its pipes; normally it is exiting. Give it until the
  // deadline, then kill it: a child stuck after closing must not hang us.
  while (!child.wait(false)) {
    if (ms_left() == 0) {
      timed_out = true;
      child.kill();
      child.wait(true);
      break;
    }
    ::poll(nullptr, 0, 5);
  }
  const int status = child.status();

  if (too_much) {
    return Extracted::failure(
        format, FailureReason::kTooLarge,
        "the text is larger than " +
            std::to_string(limits.max_memory_bytes >> 20) + " MB");
  }
  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) ||
      (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
       child.cpu_seconds() >= seconds)) {
    return Extracted::failure(
        format, FailureReason::kTimeout,
        "reading took longer than " + std::to_string(seconds) + " s");
  }
  // Poppler's allocator prints "Out of memory" and aborts instead of throwing.
  if ((WIFEXITED(status) && WEXITSTATUS(status) == helper::kExitOutOfMemory) ||
      err.find("Out of memory") != std::string::npos ||
      err.find("std::bad_alloc") != std::string::npos) {
    return Extracted::failure(
        format, FailureReason::kTooLarge,
        "reading needs more than " +
            std::to_string(limits.max_memory_bytes >> 20) + " MB");
  }
  std::string detail;
  if (!err.empty()) {
    const size_t end = err.find_last_not_of(" \n");
    detail = ": " + err.substr(0, std::min<size_t>(end + 1, 200));
    std::replace(detail.begin(), detail.end(), '\n', ' ');
  }
  if (WIFSIGNALED(status)) {
    return Extracted::failure(format, FailureReason::kDamaged,
                              std::string("the reader crashed on this file (") +
                                  strsignal(WTERMSIG(status)) + ")" + detail);
  }
  Extracted e;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
      !deserialize_extracted(data, e)) {
    return Extracted::failure(format, FailureReason::kDamaged,
                              "the reader failed on this file" + detail);
  }
  return e;
}

}  // namespace

size_t text_cut_point(std::string_view text, uint64_t max) {
  if (text.size() <= max) return text.size();
  constexpr size_t kNear = 64 << 10;
  const size_t limit = static_cast<size_t>(max);
  const size_t from = limit > kNear ? limit - kNear : 0;
  const std::string_view near = text.substr(from, limit - from);
  for (const char c : {'\n', ' '}) {
    const size_t at = near.rfind(c);
    if (at != std::string_view::npos) return from + at + 1;
  }
  size_t at = limit;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
    --at;  // not inside a UTF-8 character
  return at;
}

void cut_text(Extracted& e, uint64_t max) {
  uint64_t kept = 0;
  for (ExtractedPage& page : e.pages) {
    if (kept + page.text.size() > max) {
      page.text.resize(text_cut_point(page.text, max - kept));
      e.text_cut = true;
    }
    kept += page.text.size();
  }
}

Extracted extract_file(const std::filesystem::path& path,
                       const ExtractLimits& limits) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec) {
    return Extracted::failure("", FailureReason::kUnreadable,
                              "cannot read the file: " + ec.message());
  }
  if (!std::filesystem::is_regular_file(st)) {
    // A FIFO or a device would block or never end.
    return Extracted::failure("", FailureReason::kUnsupported,
                              "not a regular file");
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Extracted::failure("", FailureReason::kUnreadable,
                              "cannot read the file: " + ec.message());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // errno is what open(2) said: "Permission denied" is not damage.
    return Extracted::failure(
        "", FailureReason::kUnreadable,
        std::string("cannot open the file: ") + std::strerror(errno));
  }
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  // Empty before unsupported: an empty "report.docx" is empty, not a riddle.
  if (size == 0 || head.empty()) {
    return Extracted::failure(detect_format(path, head), FailureReason::kEmpty,
                              "the file is empty");
  }
  const std::string format = detect_format(path, head);
  if (format.empty()) {
    return Extracted::failure("", FailureReason::kUnsupported,
                              "not a PDF, HTML, DOCX, text or Markdown file");
  }
  if (size > limits.max_file_bytes) {
    return Extracted::failure(
        format, FailureReason::kTooLarge,
        std::to_string(size >> 20) + " MB is over the limit of " +
            std::to_string(limits.max_file_bytes >> 20) + " MB");
  }
  // Plain text and Markdown without stray tags need no parser: read them
  // here (a fork per file would double the cost of indexing many small
  // articles). Every parser runs in the helper: Poppler and libzip read
  // complex binary input, and even gumbo takes minutes and gigabytes on
  // deeply nested tables, which a scraped page can hold. The helper opens
  // the file itself, as it closes the descriptors it inherits.
  // A text file beyond the limit of text is read only that far.
  if (format == "text" || format == "markdown") {
    std::string bytes(
        static_cast<size_t>(std::min<uintmax_t>(size, limits.max_text_bytes)),
        '\0');
    in.clear();  // the head read of a short file hit end-of-file
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    const bool cut = bytes.size() < size;
    if (cut) bytes.resize(text_cut_point(bytes, bytes.size() - 1));
    if (!looks_like_stray_html(bytes)) {
      Extracted e = extract_text(bytes, format == "markdown");
      cut_text(e, limits.max_text_bytes);  // a legacy encoding grows in UTF-8
      e.text_cut = e.text_cut || (cut && e.status != ExtractStatus::kFailed);
      return e;
    }
  }
  in.close();
  return in_helper(format, limits, [&]() -> Extracted {
    Extracted e;
    if (format == "pdf") {
      e = extract_pdf_in_process(path);
    } else if (format == "docx") {
      e = extract_docx(path);
    } else {
      std::ifstream file(path, std::ios::binary);
      std::string bytes(static_cast<size_t>(size), '\0');
      file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      bytes.resize(static_cast<size_t>(file.gcount()));
      e = format == "html" ? extract_html(bytes)
                           : extract_text(bytes, format == "markdown");
    }
    cut_text(e, limits.max_text_bytes);
    return e;
  });
}

}  // namespace kb
