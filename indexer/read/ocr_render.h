// A scanned PDF page rendered for OCR: Poppler's gray image at a bounded
// resolution, and the SHA-256 key under which the OCR cache knows it.
// Internal to indexer/read/.
#ifndef VNKB_INDEXER_READ_OCR_RENDER_H_
#define VNKB_INDEXER_READ_OCR_RENDER_H_

#include <poppler-document.h>
#include <poppler-image.h>

#include <string>

namespace kb::ocr {

// Silences Poppler's own diagnostics in this process: a page that cannot be
// read is reported by us, with its reason.
void quiet_poppler();

// A page as rendered for OCR.
struct Rendered {
  poppler::image image;  // gray, 8 bits a pixel
  int dpi = 0;           // the resolution used (may be below the one asked)
  std::string key;       // image_key(image, dpi)
  std::string error;     // not empty: the page was not rendered, and why
};

// The cache key: SHA-256 of the gray pixels (row padding excluded, as its
// bytes are not the page's) with the size and resolution. The same page in
// another file has the same key: the cache knows content, not files.
std::string image_key(const poppler::image& img, int dpi);

// Page `index` (0-based) of `doc` at `dpi`, lower for pages so large that
// the image would exceed ~40 megapixels. REQUIRES: `doc` is not locked.
// A missing, sizeless or unrenderable page is an error value, not a throw.
Rendered render_page(poppler::document& doc, int index, int dpi);

}  // namespace kb::ocr

#endif  // VNKB_INDEXER_READ_OCR_RENDER_H_
