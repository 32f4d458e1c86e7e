// PDF text, page by page, with poppler-cpp.
#include "indexer/read/pdf.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/read/pdf_title.h"
#include "indexer/read/title.h"

namespace kb {
namespace {

std::string to_utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// A document-info string. Poppler turns a string without a UTF-16 byte order
// mark into one code point per byte; many producers (Word's "Print to PDF",
// web converters) store UTF-8 there, which then reads "CÃ´ng vÄƒn". When every
// code point fits a byte and the bytes are UTF-8, the bytes are the text.
std::string info_string(const poppler::ustring& s) {
  std::string bytes;
  bool multibyte = false;
  for (const poppler::ustring::value_type c : s) {
    if (c > 0xFF) return to_utf8(s);
    bytes.push_back(static_cast<char>(c));
    multibyte = multibyte || c >= 0x80;
  }
  if (multibyte && is_valid_utf8(bytes)) return bytes;
  return to_utf8(s);
}

// Poppler's own diagnostics go nowhere: a damaged file is reported by us.
void quiet_poppler(const std::string&, void*) {}

// A page has a usable text layer when it yields a few letters.
bool has_letters(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) {
    if (std::isalpha(c) || c >= 0xC0) ++letters;
    if (letters >= 8) return true;
  }
  return false;
}

// True when a page without text still shows ink: a scan, or text drawn as
// outlines, which OCR can read. A blank page, or one holding only its page
// number, shows (almost) none. Rendered small, as the question is coarse.
bool page_has_ink(const poppler::page& page) {
  if (!poppler::page_renderer::can_render())
    return true;  // cannot tell: let OCR look
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image img = renderer.render_page(&page, 24, 24);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) return true;
  // At 24 dpi a line of clean printed text is a light gray smear (a pixel
  // averages a 1/24 inch square, mostly paper), so any clearly non-white
  // pixel counts, not only dark ones.
  int64_t ink = 0;
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(img.const_data()) +
                      y * img.bytes_per_row();
    for (int x = 0; x < img.width(); ++x) ink += row[x] < 200;
  }
  // Measured at 24 dpi on A4 (pixels under 200): a page number alone 0.1 %;
  // clean text pages rendered to images 2.5-19 %; scans 9-25 %.
  return ink * 200 > static_cast<int64_t>(img.width()) * img.height();
}

// Poppler pads layout lines with spaces and ends pages with a form feed;
// stray control characters come from broken ToUnicode maps.
std::string tidy_page_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (unsigned char c : raw) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
    } else if (c == '\t' || c >= 0x20) {
      out += static_cast<char>(c);
    } else if (c == '\r' || c == '\f' || c == '\v') {
      out += ' ';
    }  // other C0 controls carry no text
  }
  const size_t end = out.find_last_not_of(" \n");
  out.resize(end == std::string::npos ? 0 : end + 1);
  const size_t begin = out.find_first_not_of('\n');
  out.erase(0, begin == std::string::npos ? out.size() : begin);
  return out;
}

}  // namespace

Extracted extract_pdf_in_process(const std::filesystem::path& path) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(path.string()));
  if (!doc) {
    return Extracted::failure("pdf", FailureReason::kDamaged,
                              "Poppler cannot open the file");
  }
  // A user password: pages() would crash (see VIETNAMESE.md); stop here.
  if (doc->is_locked()) {
    return Extracted::failure("pdf", FailureReason::kEncrypted,
                              "the PDF needs a password");
  }
  Extracted e;
  e.format = "pdf";
  e.title = clean_title(info_string(doc->info_key("Title")));
  const int pages = doc->pages();
  if (pages <= 0)
    return Extracted::failure("pdf", FailureReason::kEmpty,
                              "the PDF has no pages");
  Encoding seen = Encoding::kUnicode;
  bool any_text = false;
  bool any_scan = false;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    ExtractedPage out;
    if (!page) {  // a page object the repaired xref could not find
      e.pages.push_back(std::move(out));
      continue;
    }
    // Physical layout keeps a letterhead's two columns on their lines
    // ("Số: 30/2020/NĐ-CP      Hà Nội, ngày ...").
    std::string text = tidy_page_text(
        to_utf8(page->text(poppler::rectf(), poppler::page::physical_layout)));
    if (!has_letters(text) && page_has_ink(*page)) {
      // OCR reads it; the few stray glyphs found would only add noise.
      out.has_text_layer = false;
      any_scan = true;
      e.pages.push_back(std::move(out));
      continue;
    }
    DecodedText repaired = repair_legacy_text(text);
    if (repaired.encoding != Encoding::kUnicode) seen = repaired.encoding;
    out.text = to_nfc(std::move(repaired.text));
    any_text = any_text || !out.text.empty();
    // Without a usable Title, the file's title is what its first page
    // shows largest: the metadata prefers it when the text has it as a
    // line of its own (metadata/extractor.h).
    if (i == 0 && looks_like_file_name(e.title)) {
      std::string shown = largest_text_of_page(*page);
      if (!shown.empty()) e.title = std::move(shown);
    }
    e.pages.push_back(std::move(out));
  }
  e.encoding = encoding_name(seen);
  if (any_scan) {
    e.status = ExtractStatus::kNeedsOcr;
  } else if (!any_text) {
    return Extracted::failure("pdf", FailureReason::kEmpty,
                              "the PDF shows no text");
  }
  return e;
}

}  // namespace kb
