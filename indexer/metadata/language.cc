// The language of a text (see language.h).
#include "indexer/metadata/language.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/vietnamese.h"

namespace kb::metadata {
namespace {

// Enough text to tell the language apart.
constexpr size_t kLanguageSampleChars = 20000;

}  // namespace

std::string language_of(std::u32string_view text) {
  int words = 0;
  int marked = 0;
  size_t i = 0;
  const size_t n = std::min(text.size(), kLanguageSampleChars);
  while (i < n) {
    if (!u_isalpha(static_cast<UChar32>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    bool mark = false;
    while (j < n &&
           (u_isalpha(static_cast<UChar32>(text[j])) ||
            u_charType(static_cast<UChar32>(text[j])) == U_NON_SPACING_MARK)) {
      mark = mark || has_diacritic(text[j]);
      ++j;
    }
    ++words;
    if (mark) ++marked;
    i = j;
  }
  if (words == 0) return {};
  // Most Vietnamese syllables carry a mark (tone, hat, horn or đ); English
  // words almost none.
  return marked * 10 >= words * 4 ? "vi" : "en";
}

}  // namespace kb::metadata
