// The language of a text, a page and a document: Vietnamese ("vi"), English
// ("en") or both ("mixed"). Told apart by diacritics: most Vietnamese
// syllables carry a mark (tone, hat, horn or đ), English words almost none.
// Measured on ../shared/corpus (docs/bench/english.md): the share of marked
// words is at most 0.008 in every ENB report and at most 0.025 in the
// official English translations, at least 0.48 in the Vietnamese legal
// documents and 0.77 in the Vietnamese news.
#ifndef VNKB_CORE_LANGUAGE_H_
#define VNKB_CORE_LANGUAGE_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

struct LanguageName {
  std::string_view id;  // "vi", "en", "mixed"
  std::string_view label_vi;
  std::string_view label_en;
};
inline constexpr std::array<LanguageName, 3> kLanguages = {{
    {"vi", "Tiếng Việt", "Vietnamese"},
    {"en", "Tiếng Anh", "English"},
    {"mixed", "Song ngữ", "Vietnamese and English"},
}};
// The language named `id` (an id or a label, any case), or nullptr.
const LanguageName* find_language(std::string_view id);

// The language of one text (a page), from its first 20,000 code points: "vi"
// when at least 3 words in 10 carry a diacritic, or when 9 in 10 are marked
// or spelled as Vietnamese syllables (Vietnamese typed without diacritics, five
// words at least); "en" when fewer than 1 in 10 carry a diacritic; else
// "mixed". Empty when the text has no words.
std::string language_of(std::u32string_view text);
std::string language_of_utf8(std::string_view text);

// The language of a document from its pages' texts: the language of every
// page that has words when they agree; "mixed" when a page is mixed or the
// pages of the less frequent language hold at least 15% of the words.
std::string language_of_pages(const std::vector<std::string>& pages);

// True for a language whose text gets the English tier (core/english_terms.h).
inline bool has_english(std::string_view language) {
  return language == "en" || language == "mixed";
}

}  // namespace kb

#endif  // VNKB_CORE_LANGUAGE_H_
