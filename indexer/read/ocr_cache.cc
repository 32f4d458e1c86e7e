// The OCR cache kept in the catalog.
#include "indexer/read/ocr_cache.h"

#include "core/catalog.h"
#include "core/clock.h"

namespace kb {

std::optional<CachedOcrPage> CatalogOcrCache::get(const std::string& key,
                                                  const std::string& engine) {
  const std::optional<OcrCacheEntry> entry = catalog_.ocr_cached(key, engine);
  if (!entry) return std::nullopt;
  return CachedOcrPage{entry->text, entry->confidence, entry->seconds};
}

void CatalogOcrCache::put(const std::string& key, const std::string& engine,
                          const CachedOcrPage& page) {
  catalog_.put_ocr_cache({key, engine, page.text, page.confidence, page.seconds,
                          utc_now_iso8601()});
}

}  // namespace kb
