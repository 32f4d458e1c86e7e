// The number line of an English translation (english_number.h).
#include "indexer/metadata/english_number.h"

#include <array>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace kb::metadata {
namespace {

constexpr size_t kHeadingLines = 10;

// Folded (lower case) type words of the translations' headings.
constexpr std::array<std::string_view, 9> kEnglishTypeWords = {
    "law",        "code",      "decree",    "decision", "circular",
    "resolution", "directive", "ordinance", "order"};

}  // namespace

std::optional<DocNumber> english_own_number(const std::vector<Line>& lines) {
  size_t seen = 0;
  for (const Line& line : lines) {
    if (line.blank()) continue;
    if (++seen > kHeadingLines) break;
    const std::u32string& folded = line.folded;  // one code point each
    for (std::string_view no : {" no.", " no:", " number"}) {
      const size_t at = folded.find(utf8_to_u32(no));
      if (at == std::u32string::npos) continue;
      bool typed = false;
      for (std::string_view type : kEnglishTypeWords) {
        const size_t t = folded.find(utf8_to_u32(type));
        typed = typed || (t != std::u32string::npos && t < at);
      }
      if (!typed) continue;
      // The number ends at a dash between spaces: "ND-CP – ON THE ..." is
      // not the code "ON".
      std::u32string_view rest =
          std::u32string_view(line.text).substr(at + no.size());
      for (std::u32string_view dash : {U" \u2013 ", U" \u2014 "})
        rest = rest.substr(0, rest.find(dash));
      const std::vector<NumberMatch> numbers = find_doc_numbers(rest);
      if (!numbers.empty()) return numbers.front().number;
    }
  }
  return std::nullopt;
}

}  // namespace kb::metadata
