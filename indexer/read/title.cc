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

bool looks_like_file_name(std::string_view title) {
  const auto ends_with = [&](std::string_view tail) {
    if (title.size() < tail.size()) return false;
    for (size_t i = 0; i < tail.size(); ++i) {
      const char c = title[title.size() - tail.size() + i];
      if (std::tolower(static_cast<unsigned char>(c)) != tail[i]) return false;
    }
    return true;
  };
  if (title.empty() || title.substr(0, 16) == "Microsoft Word -") return true;
  for (std::string_view ext : {".doc", ".docx", ".pdf", ".txt", ".html", ".htm",
                               ".rtf", ".odt", ".xls", ".xlsx"}) {
    if (ends_with(ext)) return true;
  }
  const bool blank = title.find(' ') != std::string_view::npos;
  const bool digit =
      title.find_first_of("0123456789") != std::string_view::npos;
  return !blank && digit;
}

}  // namespace kb
