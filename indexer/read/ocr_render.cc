// Rendering a PDF page for OCR with Poppler, and the page's cache key.
#include "indexer/read/ocr_render.h"

#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>

#include "core/sha256.h"

namespace kb::ocr {
namespace {

// A page image larger than this is rendered at a lower resolution: A2 at
// 300 dpi is 35 megapixels; a hostile page size must not ask for gigabytes.
constexpr double kMaxPagePixels = 40e6;

void ignore_message(const std::string&, void*) {}

}  // namespace

void quiet_poppler() {
  poppler::set_debug_error_function(ignore_message, nullptr);
}

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

}  // namespace kb::ocr
