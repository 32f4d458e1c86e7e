// The OCR helper's side: one document open, pages rendered and keyed, the
// parent asked, pages recognised, results sent.
#include "indexer/read/ocr_helper.h"

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <new>

#include "indexer/read/helper.h"
#include "indexer/read/ocr_protocol.h"
#include "indexer/read/ocr_recognizer.h"
#include "indexer/read/ocr_render.h"

namespace kb::ocr {
namespace {

int helper_main(const std::string& path, const std::vector<int>& pages,
                const OcrOptions& options, int sock) {
  limit_openmp();
  quiet_poppler();
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
      if (!helper::write_all(sock, encode_record('R', page, result)))
        return helper::kExitFailed;
      continue;
    }
    result.key = rendered.key;
    if (!helper::write_all(sock, encode_record('K', page, result)))
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
    if (!helper::write_all(sock, encode_record('R', page, result)))
      return helper::kExitFailed;
  }
  return 0;
}

}  // namespace

int cpu_seconds_for(const OcrOptions& options, size_t pages) {
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

}  // namespace kb::ocr
