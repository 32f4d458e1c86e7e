// OCR of scanned PDF pages: rendering, Tesseract, the helpers, the cache.
//
// A helper gets a list of pages. For each it renders the page and sends its
// key ('K'); the parent answers 'y' (recognise it) or 'n' (the cache has it);
// after recognising, the helper sends the result ('R'). So a page is rendered
// once, the cache stays in the parent (which alone holds the catalog), and
// the parent sees every step of every page and can bound it.
#include "indexer/ocr.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <tesseract/baseapi.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <new>

#include "core/catalog.h"
#include "core/clock.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "indexer/helper.h"

namespace kb {
namespace {

using Clock = std::chrono::steady_clock;

// A page image larger than this is rendered at a lower resolution: A2 at
// 300 dpi is 35 megapixels; a hostile page size must not ask for gigabytes.
constexpr double kMaxPagePixels = 40e6;
// A helper's message larger than this is garbage (a page's text is KBs).
constexpr uint32_t kMaxRecordBytes = 64u << 20;
constexpr size_t kMaxStderrBytes = 4096;
// How long a helper that has finished its pages may take to exit.
constexpr double kExitSeconds = 5;

void quiet_poppler(const std::string&, void*) {}

// Debian's Tesseract parallelises its LSTM with OpenMP (libgomp), which on
// two cores made a page ~3x slower than one thread, and helpers run side by
// side anyway. libgomp reads OMP_THREAD_LIMIT when it is loaded, before any
// code of ours runs, so the variable is set for runtimes that read it later
// and the nesting level is set to 0, which makes every parallel region of
// this process run on one thread.
void limit_openmp() {
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  using SetMaxActiveLevels = void (*)(int);
  void* symbol = ::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
  if (symbol != nullptr) reinterpret_cast<SetMaxActiveLevels>(symbol)(0);
}

// A page as rendered for OCR.
struct Rendered {
  poppler::image image;
  int dpi = 0;
  std::string key;
  std::string error;
};

// The cache key: SHA-256 of the gray pixels (row padding excluded, as its
// bytes are not the page's) with the size and resolution.
std::string image_key(const poppler::image& img, int dpi) {
  Sha256 h;
  h.update("vnkb-ocr-page gray8 " + std::to_string(img.width()) + "x" +
           std::to_string(img.height()) + " " + std::to_string(dpi) + "\n");
  const char* data = img.const_data();
  for (int y = 0; y < img.height(); ++y) {
    h.update(
        std::string_view(data + static_cast<size_t>(y) * img.bytes_per_row(),
                         static_cast<size_t>(img.width())));
  }
  return h.hex_digest();
}

Rendered render_page(poppler::document& doc, int index, int dpi) {
  Rendered r;
  if (index < 0 || index >= doc.pages()) {
    r.error = "the PDF has no page " + std::to_string(index + 1);
    return r;
  }
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) {
    r.error = "the page cannot be read";
    return r;
  }
  const poppler::rectf box = page->page_rect();
  const double square_inches = box.width() / 72 * (box.height() / 72);
  if (!(square_inches > 0) || !std::isfinite(square_inches)) {
    r.error = "the page has no size";
    return r;
  }
  double resolution = std::max(dpi, 1);
  if (square_inches * resolution * resolution > kMaxPagePixels)
    resolution = std::floor(std::sqrt(kMaxPagePixels / square_inches));
  if (resolution < 10) {
    r.error = "the page is too large to read";
    return r;
  }
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  r.image = renderer.render_page(page.get(), resolution, resolution);
  if (!r.image.is_valid() || r.image.width() <= 0 || r.image.height() <= 0) {
    r.error = "Poppler cannot render the page";
    return r;
  }
  r.dpi = static_cast<int>(resolution);
  r.key = image_key(r.image, r.dpi);
  return r;
}

// Tesseract's text, made like an extracted page's: valid UTF-8, NFC, no
// control characters, no spaces at line ends, at most one blank line in a
// row, no blank lines around.
std::string tidy_ocr_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (unsigned char c : raw) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (out.size() >= 2 && out[out.size() - 1] == '\n' &&
          out[out.size() - 2] == '\n') {
        continue;
      }
      out += '\n';
    } else if (c == '\t' || c >= 0x20) {
      out += static_cast<char>(c);
    } else if (c == '\r' || c == '\f' || c == '\v') {
      out += ' ';
    }
  }
  const size_t end = out.find_last_not_of(" \n");
  out.resize(end == std::string::npos ? 0 : end + 1);
  const size_t begin = out.find_first_not_of('\n');
  out.erase(0, begin == std::string::npos ? out.size() : begin);
  return to_nfc(std::move(out));  // ill-formed bytes become U+FFFD
}

// One Tesseract instance (not thread-safe: one per helper).
class Recognizer {
 public:
  // False, with the reason, when the model cannot be loaded.
  bool init(const OcrOptions& options, std::string* error) {
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    if (api_->Init(nullptr, options.language.c_str(),
                   tesseract::OEM_LSTM_ONLY) != 0) {
      api_.reset();
      *error = "Tesseract cannot load the '" + options.language +
               "' model (is tesseract-ocr-" + options.language + " installed?)";
      return false;
    }
    api_->SetPageSegMode(tesseract::PSM_AUTO);
    // Its progress notes ("Detected 306 diacritics") are not ours to print.
    api_->SetVariable("debug_file", "/dev/null");
    return true;
  }

  void recognize(const Rendered& page, OcrPageResult& out) {
    const auto start = Clock::now();
    api_->SetImage(
        reinterpret_cast<const unsigned char*>(page.image.const_data()),
        page.image.width(), page.image.height(), 1, page.image.bytes_per_row());
    api_->SetSourceResolution(page.dpi);
    std::unique_ptr<char[]> text(api_->GetUTF8Text());
    if (!text) {
      out.error = "Tesseract cannot read the page";
      api_->Clear();
      return;
    }
    out.text = tidy_ocr_text(text.get());
    out.confidence = std::clamp(api_->MeanTextConf(), 0, 100);
    out.ok = true;
    api_->Clear();
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

// --- The helper's messages ------------------------------------------------
//
// A message is a u32 length and then: type ('K' rendered, waiting for an
// answer; 'R' result), page index, key, ok, confidence x 100, milliseconds,
// text, error.

struct Record {
  uint8_t type = 0;
  uint32_t page = 0;
  OcrPageResult result;
};

std::string encode(uint8_t type, int page, const OcrPageResult& r) {
  std::string body;
  body.push_back(static_cast<char>(type));
  helper::put_u32(body, static_cast<uint32_t>(page));
  helper::put_string(body, r.key);
  helper::put_u32(body, r.ok ? 1 : 0);
  helper::put_u32(body, static_cast<uint32_t>(
                            std::lround(std::max(r.confidence, 0.0) * 100)));
  helper::put_u32(body, static_cast<uint32_t>(std::lround(r.seconds * 1000)));
  helper::put_string(body, r.text);
  helper::put_string(body, r.error);
  std::string out;
  helper::put_u32(out, static_cast<uint32_t>(body.size()));
  return out + body;
}

bool decode(std::string_view body, Record& rec) {
  helper::Reader r(body);
  uint32_t ok = 0, confidence = 0, millis = 0;
  if (!r.u8(rec.type) || !r.u32(rec.page) || !r.string(rec.result.key) ||
      !r.u32(ok) || !r.u32(confidence) || !r.u32(millis) ||
      !r.string(rec.result.text) || !r.string(rec.result.error) ||
      !r.at_end()) {
    return false;
  }
  if ((rec.type != 'K' && rec.type != 'R') || confidence > 10000) return false;
  rec.result.page = static_cast<int>(rec.page);
  rec.result.ok = ok != 0;
  rec.result.confidence = rec.result.ok ? confidence / 100.0 : -1;
  rec.result.seconds = millis / 1000.0;
  return true;
}

// --- The helper's side ----------------------------------------------------

int helper_main(const std::string& path, const std::vector<int>& pages,
                const OcrOptions& options, int sock) {
  limit_openmp();
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(path));
  std::string doc_error;
  if (!doc) {
    doc_error = "Poppler cannot open the file";
  } else if (doc->is_locked()) {  // pages() would crash (VIETNAMESE.md)
    doc_error = "the PDF needs a password";
  }
  Recognizer recognizer;
  bool initialized = false;
  std::string init_error;
  for (int page : pages) {
    OcrPageResult result;
    Rendered rendered;
    if (doc_error.empty()) rendered = render_page(*doc, page, options.dpi);
    if (!doc_error.empty() || !rendered.error.empty()) {
      result.error = doc_error.empty() ? rendered.error : doc_error;
      if (!helper::write_all(sock, encode('R', page, result)))
        return helper::kExitFailed;
      continue;
    }
    result.key = rendered.key;
    if (!helper::write_all(sock, encode('K', page, result)))
      return helper::kExitFailed;
    char answer = 0;
    if (!helper::read_exact(sock, &answer, 1)) return 0;  // parent gone
    if (answer != 'y') continue;                          // cached
    if (!initialized) {
      initialized = true;
      recognizer.init(options, &init_error);
    }
    if (!init_error.empty()) {
      result.error = init_error;
    } else {
      recognizer.recognize(rendered, result);
    }
    if (!helper::write_all(sock, encode('R', page, result)))
      return helper::kExitFailed;
  }
  return 0;
}

int cpu_seconds_for(const OcrOptions& options, size_t pages) {
  // Rendering and recognising each page, plus starting up.
  const double s = options.page_seconds * 2 * static_cast<double>(pages) + 10;
  return static_cast<int>(std::min(s, 1e6));
}

[[noreturn]] void run_helper(pid_t parent, const std::string& path,
                             const std::vector<int>& pages,
                             const OcrOptions& options, int sock, int err_fd) {
  helper::bound_child(
      parent, {sock}, err_fd,
      {options.max_memory_bytes, cpu_seconds_for(options, pages.size())});
  int code = helper::kExitFailed;
  try {
    code = helper_main(path, pages, options, sock);
  } catch (const std::bad_alloc&) {
    code = helper::kExitOutOfMemory;
  } catch (...) {
    code = helper::kExitFailed;
  }
  // No destructors or atexit handlers: the parent's state is not ours.
  ::_exit(code);
}

// --- The parent's side ----------------------------------------------------

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
      const OcrOptions& options, Catalog* cache)
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
    const pid_t pid = ::fork();
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
    if (w.err_text.size() < kMaxStderrBytes)
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
      const bool ok = decode(std::string_view(w.in).substr(4, len), rec);
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
      std::optional<OcrCacheEntry> hit;
      if (cache_ && options_.mode != OcrMode::kForce)
        hit = cache_->ocr_cached(rec.result.key, engine_);
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
      cache_->put_ocr_cache({out.key, engine_, out.text, out.confidence,
                             out.seconds, utc_now_iso8601()});
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
  Catalog* cache_;
  std::string engine_;
  std::vector<OcrPageResult> results_;
};

uint64_t available_memory_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string name;
  uint64_t kb = 0;
  std::string unit;
  while (in >> name >> kb) {
    std::getline(in, unit);
    if (name == "MemAvailable:") return kb << 10;
  }
  return 0;
}

int cores() {
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

}  // namespace

const char* ocr_mode_name(OcrMode mode) {
  switch (mode) {
    case OcrMode::kAuto:
      return "auto";
    case OcrMode::kNever:
      return "never";
    case OcrMode::kForce:
      return "force";
  }
  return "auto";
}

std::optional<OcrMode> parse_ocr_mode(std::string_view name) {
  if (name == "auto") return OcrMode::kAuto;
  if (name == "never") return OcrMode::kNever;
  if (name == "force") return OcrMode::kForce;
  return std::nullopt;
}

std::string ocr_engine(const OcrOptions& options) {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " +
         options.language + " lstm psm" +
         std::to_string(static_cast<int>(tesseract::PSM_AUTO));
}

int ocr_parallelism(const OcrOptions& options, size_t pages) {
  int64_t n = std::min<int64_t>(options.max_parallel, cores());
  n = std::min<int64_t>(n, static_cast<int64_t>(pages));
  const uint64_t available = available_memory_bytes();
  if (available > 0 && options.max_memory_bytes > 0) {
    n = std::min<int64_t>(
        n, static_cast<int64_t>(available / options.max_memory_bytes));
  }
  return static_cast<int>(std::max<int64_t>(n, 1));
}

std::vector<OcrPageResult> ocr_pdf_pages(const std::filesystem::path& path,
                                         const std::vector<int>& pages,
                                         const OcrOptions& options,
                                         Catalog* cache) {
  return Run(path, pages, options, cache).run();
}

OcrReport read_scanned_pages(const std::filesystem::path& path, Extracted& e,
                             const OcrOptions& options, Catalog* cache) {
  OcrReport report;
  if (e.status != ExtractStatus::kNeedsOcr) return report;
  std::vector<int> scanned;
  for (size_t i = 0; i < e.pages.size(); ++i) {
    if (!e.pages[i].has_text_layer && !e.pages[i].ocr)
      scanned.push_back(static_cast<int>(i));
  }
  report.scanned = static_cast<int>(scanned.size());
  if (options.mode == OcrMode::kNever) {
    report.detail =
        "OCR not run (--ocr=never): " + std::to_string(scanned.size()) +
        (scanned.size() == 1 ? " page" : " pages") + " without text";
    return report;
  }
  report.ran = true;
  const auto start = Clock::now();
  const std::vector<OcrPageResult> results =
      ocr_pdf_pages(path, scanned, options, cache);
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::string failures;
  for (const OcrPageResult& r : results) {
    ExtractedPage& page = e.pages[static_cast<size_t>(r.page)];
    if (!r.ok) {
      ++report.failed;
      if (report.failed <= 10) {
        failures += (failures.empty() ? "" : "; ") + std::string("page ") +
                    std::to_string(r.page + 1) + ": " + r.error;
      }
      continue;
    }
    ++(r.cached ? report.cached : report.recognized);
    page.text = r.text;
    page.ocr = true;
    page.ocr_confidence = r.confidence;
  }
  if (report.failed == 0) {
    e.status = ExtractStatus::kOk;
  } else {
    report.detail = "OCR failed on " + std::to_string(report.failed) + " of " +
                    std::to_string(report.scanned) + " pages: " + failures;
    if (report.failed > 10) report.detail += "; ...";
  }
  return report;
}

OcrPageResult ocr_pdf_page_in_process(const std::filesystem::path& path,
                                      int page, const OcrOptions& options) {
  OcrPageResult result;
  result.page = page;
  limit_openmp();
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(path.string()));
  if (!doc || doc->is_locked()) {
    result.error =
        doc ? "the PDF needs a password" : "Poppler cannot open the file";
    return result;
  }
  const Rendered rendered = render_page(*doc, page, options.dpi);
  if (!rendered.error.empty()) {
    result.error = rendered.error;
    return result;
  }
  result.key = rendered.key;
  Recognizer recognizer;
  if (!recognizer.init(options, &result.error)) return result;
  recognizer.recognize(rendered, result);
  return result;
}

}  // namespace kb
