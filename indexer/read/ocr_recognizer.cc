// Tesseract: one thread per process, one model load per helper, and its
// text tidied like an extracted page's.
#include "indexer/read/ocr_recognizer.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "core/utf8.h"

namespace kb::ocr {

using Clock = std::chrono::steady_clock;

void limit_openmp() {
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  using SetMaxActiveLevels = void (*)(int);
  void* symbol = ::dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
  if (symbol != nullptr) reinterpret_cast<SetMaxActiveLevels>(symbol)(0);
}

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

Recognizer::Recognizer() = default;
Recognizer::~Recognizer() = default;

bool Recognizer::init(const OcrOptions& options, std::string* error) {
  api_ = std::make_unique<tesseract::TessBaseAPI>();
  if (api_->Init(nullptr, options.language.c_str(), tesseract::OEM_LSTM_ONLY) !=
      0) {
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

void Recognizer::recognize(const Rendered& page, OcrPageResult& out) {
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
  // Tesseract's mean word confidence; 0..100 is what the catalog and
  // `list --low-confidence` expect.
  out.confidence = std::clamp(api_->MeanTextConf(), 0, 100);
  out.ok = true;
  api_->Clear();
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace kb::ocr

namespace kb {

std::string ocr_engine(const OcrOptions& options) {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " " +
         options.language + " lstm psm" +
         std::to_string(static_cast<int>(tesseract::PSM_AUTO));
}

}  // namespace kb
