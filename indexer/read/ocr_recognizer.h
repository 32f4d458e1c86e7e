// Tesseract for OCR: the recognizer one helper process uses for its pages,
// and the OpenMP limit it needs. Internal to indexer/read/.
#ifndef VNKB_INDEXER_READ_OCR_RECOGNIZER_H_
#define VNKB_INDEXER_READ_OCR_RECOGNIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "indexer/read/ocr.h"
#include "indexer/read/ocr_render.h"

namespace tesseract {
class TessBaseAPI;
}

namespace kb::ocr {

// Debian's Tesseract parallelises its LSTM with OpenMP (libgomp), which on
// two cores made a page ~3x slower than one thread, and helpers run side by
// side anyway. libgomp reads OMP_THREAD_LIMIT when it is loaded, before any
// code of ours runs, so the variable is set for runtimes that read it later
// and the nesting level is set to 0, which makes every parallel region of
// this process run on one thread.
// Call before the first Tesseract page of the process; sets
// OMP_THREAD_LIMIT (not while other threads read the environment).
void limit_openmp();

// Tesseract's text, made like an extracted page's: valid UTF-8, NFC, no
// control characters, no spaces at line ends, at most one blank line in a
// row, no blank lines around.
std::string tidy_ocr_text(std::string_view raw);

// One Tesseract instance (not thread-safe: one per helper). Loads its model
// once, in init; each page then costs 1-3 s of one core at 300 dpi.
class Recognizer {
 public:
  Recognizer();
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  // Loads options.language. False, with the reason, when the model cannot be
  // loaded.
  bool init(const OcrOptions& options, std::string* error);

  // Reads `page` into out.text (tidy_ocr_text), out.confidence (0..100) and
  // out.seconds, with out.ok; or out.error. REQUIRES: init succeeded.
  void recognize(const Rendered& page, OcrPageResult& out);

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace kb::ocr

#endif  // VNKB_INDEXER_READ_OCR_RECOGNIZER_H_
