// Where OCR results are kept so that no page is recognised twice: a small
// interface the OCR reader asks, and its implementation on the catalog.
#ifndef VNKB_INDEXER_READ_OCR_CACHE_H_
#define VNKB_INDEXER_READ_OCR_CACHE_H_

#include <optional>
#include <string>

namespace kb {

class Catalog;

// A page's OCR as a cache keeps it.
struct CachedOcrPage {
  std::string text;        // NFC, as Tesseract's text was tidied
  double confidence = -1;  // Tesseract's mean word confidence, 0..100
  double seconds = 0;      // recognition time of the run that recognised it
};

// OCR results by rendered page. `key` is the SHA-256 of the page image
// (OcrPageResult::key), `engine` the recognizer and its settings
// (ocr_engine()): a new Tesseract or model reads pages again.
// The reader calls it only from the thread that called ocr_pdf_pages or
// read_scanned_pages; implementations need not be thread-safe.
class OcrCache {
 public:
  virtual ~OcrCache() = default;

  // What `engine` read on the page `key`; nullopt when not cached.
  virtual std::optional<CachedOcrPage> get(const std::string& key,
                                           const std::string& engine) = 0;

  // Keeps `page` for `key` and `engine`, replacing what was there.
  virtual void put(const std::string& key, const std::string& engine,
                   const CachedOcrPage& page) = 0;
};

// The cache in the catalog's ocr_cache table (Catalog::ocr_cached,
// put_ocr_cache), stamped with the time of put. Does not own the catalog,
// which must outlive it.
class CatalogOcrCache final : public OcrCache {
 public:
  explicit CatalogOcrCache(Catalog& catalog) : catalog_(catalog) {}

  std::optional<CachedOcrPage> get(const std::string& key,
                                   const std::string& engine) override;
  void put(const std::string& key, const std::string& engine,
           const CachedOcrPage& page) override;

 private:
  Catalog& catalog_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_READ_OCR_CACHE_H_
