// finish_single_page and the emptiness and trimming rules it applies.
#include "indexer/read/single_page.h"

#include <algorithm>
#include <utility>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/read/title.h"

namespace kb {
namespace {

// Keeps a text page unless it holds no letters or digits at all.
bool has_content(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) || c >= 0x80;
  });
}

// Blank lines before the first words and whitespace after the last carry
// nothing; the text's own inner spacing is kept.
std::string_view trim_blank_ends(std::string_view text) {
  const size_t last = text.find_last_not_of(" \t\r\n\f\v");
  if (last == std::string_view::npos) return {};
  text = text.substr(0, last + 1);
  const size_t first = text.find_first_not_of(" \t\r\n\f\v");
  const size_t line_start = text.rfind('\n', first);
  return line_start == std::string_view::npos ? text
                                              : text.substr(line_start + 1);
}

}  // namespace

Extracted finish_single_page(std::string format, std::string_view text,
                             std::string_view title) {
  Extracted e;
  e.format = std::move(format);
  DecodedText repaired = repair_legacy_text(trim_blank_ends(text));
  e.encoding = encoding_name(repaired.encoding);
  if (!has_content(repaired.text)) {
    return Extracted::failure(e.format, FailureReason::kEmpty,
                              "no text in the file");
  }
  e.pages.push_back({to_nfc(std::move(repaired.text)), true});
  e.title = clean_title(title);
  return e;
}

}  // namespace kb
