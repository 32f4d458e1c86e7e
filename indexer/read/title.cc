// clean_title: legacy repair, byte-order marks, controls and whitespace.
#include "indexer/read/title.h"

#include <cctype>

#include "core/legacy_encoding.h"
#include "core/utf8.h"

namespace kb {

std::string clean_title(std::string_view raw) {
  std::string title = repair_legacy_text(raw).text;
  // Producers write UTF-16 byte order marks as characters ("\uFEFF", or
  // "ÿþ" when the marks went through Latin-1).
  for (std::string_view bom :
       {"\xEF\xBB\xBF", "\xC3\xBF\xC3\xBE", "\xC3\xBE\xC3\xBF"}) {
    if (title.substr(0, bom.size()) == bom) title.erase(0, bom.size());
  }
  std::string out;
  bool space = false;
  bool letter = false;
  for (const char32_t c : utf8_to_u32(to_nfc(std::move(title)))) {
    if (c == U'\uFEFF' || c == U'\uFFFD' ||
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(c, out);
    letter = letter ||
             (c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : c >= 0xC0);
  }
  return letter ? out : std::string();
}

}  // namespace kb
