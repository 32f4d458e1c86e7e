// OCR's entry points: modes, how many helpers, the indexer's step that
// fills an Extracted value's scanned pages, and one page in this process.
#include "indexer/read/ocr.h"

#include <poppler-document.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>

#include "indexer/read/ocr_recognizer.h"
#include "indexer/read/ocr_render.h"

namespace kb {
namespace {

using Clock = std::chrono::steady_clock;

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

OcrReport read_scanned_pages(const std::filesystem::path& path, Extracted& e,
                             const OcrOptions& options, OcrCache* cache) {
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
  ocr::limit_openmp();
  ocr::quiet_poppler();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(path.string()));
  if (!doc || doc->is_locked()) {
    result.error =
        doc ? "the PDF needs a password" : "Poppler cannot open the file";
    return result;
  }
  const ocr::Rendered rendered = ocr::render_page(*doc, page, options.dpi);
  if (!rendered.error.empty()) {
    result.error = rendered.error;
    return result;
  }
  result.key = rendered.key;
  ocr::Recognizer recognizer;
  if (!recognizer.init(options, &result.error)) return result;
  recognizer.recognize(rendered, result);
  return result;
}

}  // namespace kb
