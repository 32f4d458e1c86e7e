// The language of a text (see language.h).
#include "core/language.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// Enough text to tell the language apart.
constexpr size_t kLanguageSampleChars = 20000;

struct WordCount {
  int words = 0;
  int marked = 0;
  int syllables = 0;  // unmarked words spelled as Vietnamese syllables
};

WordCount count_words(std::u32string_view text) {
  WordCount c;
  size_t i = 0;
  const size_t n = std::min(text.size(), kLanguageSampleChars);
  while (i < n) {
    if (!u_isalpha(static_cast<UChar32>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    bool mark = false;
    std::u32string lower;
    while (j < n &&
           (u_isalpha(static_cast<UChar32>(text[j])) ||
            u_charType(static_cast<UChar32>(text[j])) == U_NON_SPACING_MARK)) {
      mark = mark || has_diacritic(text[j]);
      lower.push_back(
          static_cast<char32_t>(u_tolower(static_cast<UChar32>(text[j]))));
      ++j;
    }
    ++c.words;
    if (mark) ++c.marked;
    if (!mark && is_vietnamese_syllable(lower)) ++c.syllables;
    i = j;
  }
  return c;
}

std::string language_of_count(const WordCount& c) {
  if (c.words == 0) return {};
  if (c.marked * 10 >= c.words * 3) return "vi";
  // Vietnamese typed without diacritics: nearly every word a syllable.
  if (c.marked + c.syllables >= c.words * 9 / 10 && c.words >= 5) return "vi";
  if (c.marked * 10 < c.words) return "en";
  return "mixed";
}

}  // namespace

const LanguageName* find_language(std::string_view id) {
  const std::string key = canonical_string(id);
  for (const LanguageName& l : kLanguages) {
    if (key == l.id || key == canonical_string(l.label_vi) ||
        key == canonical_string(l.label_en)) {
      return &l;
    }
  }
  return nullptr;
}

std::string language_of(std::u32string_view text) {
  return language_of_count(count_words(text));
}

std::string language_of_utf8(std::string_view text) {
  return language_of(utf8_to_u32(
      text.substr(0, std::min(text.size(), 4 * kLanguageSampleChars))));
}

std::string language_of_pages(const std::vector<std::string>& pages) {
  int vi = 0;
  int en = 0;
  for (const std::string& page : pages) {
    const WordCount c = count_words(
        utf8_to_u32(to_nfc(page.substr(0, 4 * kLanguageSampleChars))));
    const std::string language = language_of_count(c);
    if (language == "mixed") return "mixed";
    if (language == "vi") vi += c.words;
    if (language == "en") en += c.words;
  }
  if (vi == 0 && en == 0) return {};
  if (std::min(vi, en) * 100 >= (vi + en) * 15) return "mixed";
  return vi >= en ? "vi" : "en";
}

}  // namespace kb
