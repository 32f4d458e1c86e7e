// OCR of scanned PDF pages with Tesseract (the "vie" model). A page without a
// text layer is rendered with Poppler (gray, 300 dpi) and recognised in a
// bounded helper process, as Poppler parses files in extract.h: Tesseract is
// a large C++ library reading images a stranger made, and a page may take
// long. Results are cached (ocr_cache.h, in the catalog for the indexer) by
// the rendered page's SHA-256, so re-indexing never recognises a page twice.
//
// Where each part lives: ocr_render (Poppler, the page key), ocr_recognizer
// (Tesseract), ocr_protocol (the helper's messages), ocr_helper (the
// helper's side), ocr_run.cc (the parent's side), ocr_cache (the cache).
//
// Cost control:
//  - each helper bounds its address space and CPU time (the CPU bound grows
//    with its page count); the parent bounds each step of each page (render,
//    recognise) in wall time: a page over it fails as timed out, its helper is
//    killed and a new one takes the pages left;
//  - Tesseract runs one thread per helper (OpenMP limited, as
//    OMP_THREAD_LIMIT=1 does): on two cores its own threads were ~3x slower
//    than one;
//  - pages go to at most OcrOptions::max_parallel helpers at once, fewer when
//    the cores or the available memory (max_memory_bytes per helper) are
//    short (ocr_parallelism).
#ifndef VNKB_INDEXER_READ_OCR_H_
#define VNKB_INDEXER_READ_OCR_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/read/extracted.h"
#include "indexer/read/ocr_cache.h"

namespace kb {

enum class OcrMode {
  kAuto,   // read the pages without a text layer, from the cache when there
  kNever,  // leave them unread: the document stays "needs-ocr"
  kForce,  // read them again even when cached, refreshing the cache
};
const char* ocr_mode_name(OcrMode mode);  // "auto", "never", "force"
std::optional<OcrMode> parse_ocr_mode(std::string_view name);

struct OcrOptions {
  OcrMode mode = OcrMode::kAuto;
  std::string language = "vie";  // Tesseract model
  // Rendering resolution; lower for pages larger than A2, so that no page
  // image exceeds ~40 megapixels.
  int dpi = 300;
  // Longest one step of one page may take (rendering it, or recognising it),
  // in wall time. A 300 dpi A4 page takes 1-3 s on one core.
  double page_seconds = 60;
  // Helpers (one page each at a time) running at once.
  int max_parallel = 2;
  // Address space each helper may add to what it inherits; also what
  // ocr_parallelism reserves per helper. Tesseract with a 300 dpi A4 page
  // uses ~100 MB.
  uint64_t max_memory_bytes = 1536ull << 20;
};

// One page's OCR, fresh or from the cache.
struct OcrPageResult {
  int page = 0;            // 0-based page index in the PDF
  std::string key;         // SHA-256 of the rendered page: the cache key
  bool ok = false;         // text (possibly empty: nothing readable) is valid
  bool cached = false;     // from the cache: Tesseract was not called
  std::string text;        // NFC, lines as Tesseract found them
  double confidence = -1;  // Tesseract's mean word confidence, 0..100
  double seconds = 0;      // recognition time (of the run that recognised it)
  std::string error;       // with !ok: "timed out after 60 s", ...
};

// The recognizer and its settings, as the cache records them (a new
// Tesseract version or model reads pages again): "tesseract 5.3.0 vie
// lstm psm3".
std::string ocr_engine(const OcrOptions& options);

// Helpers to run at once for `pages` pages: OcrOptions::max_parallel, at most
// the cores online and the pages, and at most as many as MemAvailable holds
// at max_memory_bytes each; at least 1.
int ocr_parallelism(const OcrOptions& options, size_t pages);

// Reads `pages` (0-based indices) of the PDF at `path` by OCR in helper
// processes, at most ocr_parallelism at once. With a `cache` (not owned;
// nullptr: none): in kAuto mode a page whose rendering is cached for this
// engine is not recognised again; every page recognised is stored (kAuto
// and kForce). Returns one result per
// page, in the order of `pages`; a page that failed (cannot render, timed
// out, out of memory, Tesseract cannot load its model) has ok false and the
// reason. kNever is treated as kAuto: the caller decides whether to OCR.
// Calls `cache` only from the calling thread. Never throws for a bad file.
std::vector<OcrPageResult> ocr_pdf_pages(const std::filesystem::path& path,
                                         const std::vector<int>& pages,
                                         const OcrOptions& options,
                                         OcrCache* cache);

// What read_scanned_pages did.
struct OcrReport {
  int scanned = 0;     // pages without a text layer
  int recognized = 0;  // read by Tesseract in this run
  int cached = 0;      // read from the cache
  int failed = 0;      // left unread (see detail)
  bool ran = false;    // false: nothing to read, or OcrMode::kNever
  double seconds = 0;  // wall time of the OCR
  // Why pages stayed unread: "OCR not run (--ocr=never)", or "OCR failed on
  // 1 of 3 pages: page 2: timed out after 60 s".
  std::string detail;
};

// The indexer's step after extract_file: reads the pages of `e` (extracted
// from the PDF at `path`) that have no text layer, unless the mode is kNever;
// fills their text, ocr and ocr_confidence, and makes `e` kOk once every such
// page has OCR text. A page that fails keeps no text (and `e` stays
// kNeedsOcr). Does nothing unless `e` is kNeedsOcr. `cache` as for
// ocr_pdf_pages (the indexer passes a CatalogOcrCache).
OcrReport read_scanned_pages(const std::filesystem::path& path, Extracted& e,
                             const OcrOptions& options, OcrCache* cache);

// One page, in this process (no helper, no bounds, no cache): for tests and
// tools. Limits this process's OpenMP to one thread, as a helper does (and
// sets OMP_THREAD_LIMIT: not while other threads read the environment).
OcrPageResult ocr_pdf_page_in_process(const std::filesystem::path& path,
                                      int page, const OcrOptions& options);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_OCR_H_
