// Format detection, and extraction in a bounded helper process for the
// formats whose parsers read complex binary input (PDF, DOCX).
#include "indexer/extract.h"

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

#include "indexer/helper.h"

namespace kb {
namespace {

using helper::Child;
using helper::Fd;
using helper::put_string;
using helper::put_u32;

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return ext;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kEmptyZipMagic("PK\x05\x06", 4);
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// Signatures of binary formats we never read as text, whatever their name
// (a PNG saved as "scan.txt" must not be indexed as mojibake).
bool is_known_binary(std::string_view head) {
  static constexpr std::string_view kMagics[] = {
      std::string_view("\x89PNG\r\n\x1A\n", 8),  // PNG
      std::string_view("\xFF\xD8\xFF", 3),       // JPEG
      "GIF87a",                                  // GIF
      "GIF89a",                                  //
      std::string_view("II*\0", 4),              // TIFF
      std::string_view("MM\0*", 4),              // TIFF
      std::string_view("\x1F\x8B", 2),           // gzip
      "BZh",                                     // bzip2
      std::string_view("\xFD"
                       "7zXZ\0",
                       6),                        // xz
      std::string_view("7z\xBC\xAF\x27\x1C", 6),  // 7-Zip
      "Rar!",                                     // RAR
      std::string_view("\x7F"
                       "ELF",
                       4),  // executables
      "RIFF",               // WebP, WAV, AVI
      kZipMagic,            // other zips (xlsx, odt)
      kEmptyZipMagic,       //
      kOleMagic,            // .doc, .xls, encrypted OOXML
  };
  return std::any_of(std::begin(kMagics), std::end(kMagics),
                     [&](std::string_view m) { return starts_with(head, m); });
}

// Text never holds NUL bytes unless it is UTF-16 (which has a BOM).
bool looks_binary(std::string_view head) {
  if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF"))
    return false;
  return head.find('\0') != std::string_view::npos;
}

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
  const pid_t pid = ::fork();
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

std::string serialize_extracted(const Extracted& e) {
  std::string out;
  put_string(out, e.format);
  put_string(out, e.title);
  put_string(out, e.encoding);
  put_u32(out, static_cast<uint32_t>(e.status));
  put_u32(out, static_cast<uint32_t>(e.reason));
  put_string(out, e.error);
  put_u32(out, static_cast<uint32_t>(e.pages.size()));
  for (const ExtractedPage& p : e.pages) {
    put_u32(out, p.has_text_layer ? 1 : 0);
    put_string(out, p.text);
  }
  return out;
}

bool deserialize_extracted(std::string_view data, Extracted& e) {
  helper::Reader r(data);
  uint32_t status, reason, pages;
  if (!r.string(e.format) || !r.string(e.title) || !r.string(e.encoding) ||
      !r.u32(status) || !r.u32(reason) || !r.string(e.error) || !r.u32(pages)) {
    return false;
  }
  if (status > static_cast<uint32_t>(ExtractStatus::kFailed) ||
      reason > static_cast<uint32_t>(FailureReason::kTimeout)) {
    return false;
  }
  e.status = static_cast<ExtractStatus>(status);
  e.reason = static_cast<FailureReason>(reason);
  for (uint32_t i = 0; i < pages; ++i) {
    uint32_t layer;
    ExtractedPage p;
    if (!r.u32(layer) || !r.string(p.text)) return false;
    p.has_text_layer = layer != 0;
    e.pages.push_back(std::move(p));
  }
  return r.at_end();
}

std::string detect_format(const std::filesystem::path& path,
                          std::string_view head) {
  const std::string ext = lower_extension(path);
  // PDF readers accept the header anywhere in the first kilobyte.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return "pdf";
  if (starts_with(head, kZipMagic) || starts_with(head, kEmptyZipMagic)) {
    return ext == ".docx" ? "docx" : "";
  }
  // An encrypted .docx is an OLE container; extract_docx says so.
  if (starts_with(head, kOleMagic) && ext == ".docx") return "docx";
  if (is_known_binary(head)) return "";
  if (ext == ".pdf")
    return "pdf";  // junk, or a damaged header: let Poppler judge
  if (ext == ".docx") return "docx";
  if (looks_binary(head)) return "";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".txt" || ext == ".text" || ext == ".csv") return "text";
  // No known extension: sniff for HTML, else refuse.
  std::string lower(head.substr(0, 512));
  std::transform(
      lower.begin(), lower.end(), lower.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("<!doctype html") != std::string::npos ||
      lower.find("<html") != std::string::npos) {
    return "html";
  }
  return "";
}

Extracted extract_file(const std::filesystem::path& path,
                       const ExtractLimits& limits) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec) {
    return Extracted::failure("", FailureReason::kDamaged,
                              "cannot read the file: " + ec.message());
  }
  if (!std::filesystem::is_regular_file(st)) {
    // A FIFO or a device would block or never end.
    return Extracted::failure("", FailureReason::kUnsupported,
                              "not a regular file");
  }
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Extracted::failure("", FailureReason::kDamaged,
                              "cannot read the file: " + ec.message());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Extracted::failure("", FailureReason::kDamaged,
                              "cannot open the file");
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
  if (format == "text" || format == "markdown") {
    std::string bytes(static_cast<size_t>(size), '\0');
    in.clear();  // the head read of a short file hit end-of-file
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (!looks_like_stray_html(bytes))
      return extract_text(bytes, format == "markdown");
  }
  in.close();
  return in_helper(format, limits, [&]() -> Extracted {
    if (format == "pdf") return extract_pdf_in_process(path);
    if (format == "docx") return extract_docx(path);
    std::ifstream file(path, std::ios::binary);
    std::string bytes(static_cast<size_t>(size), '\0');
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(file.gcount()));
    if (format == "html") return extract_html(bytes);
    return extract_text(bytes, format == "markdown");
  });
}

}  // namespace kb
