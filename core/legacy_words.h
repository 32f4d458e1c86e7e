// One word at a time in the legacy Vietnamese encodings: the characters
// that betray them, their conversion to Unicode, and whether a word reads as
// Vietnamese. Words arrive as code points of text read as Latin-1 (each
// legacy byte one code point). Internal to core/legacy_encoding.cc, which
// decides which lines to convert; the byte tables are core/legacy_tables.h.
#ifndef VNKB_CORE_LEGACY_WORDS_H_
#define VNKB_CORE_LEGACY_WORDS_H_

#include <string>
#include <string_view>

namespace kb::legacy {

// Latin-1 letters that proper Unicode Vietnamese uses (à, á, â, ã, è, ...);
// they prove nothing.
bool is_vietnamese_latin1_letter(char32_t c);
bool is_ascii_vowel(char32_t c);
// ASCII letters and the Latin-1 range a legacy font puts letters in.
bool is_letter_like(char32_t c);
// Scoring only trusts words that mix ASCII letters with legacy bytes: a lone
// symbol such as "©" proves nothing.
bool has_ascii_letter(std::u32string_view w);
bool only_latin1(std::u32string_view w);

// True when every letter run of `word` is a common Vietnamese syllable (in
// any case, normalization or tone placement) or a capital abbreviation (QĐ,
// TTg), and there is at least one.
bool word_is_vietnamese(std::u32string_view word);

// TCVN3 (ABC): whether the word shows its signature bytes, and the word
// converted. `hyphen_is_u_horn` also reads a '-' between letters as ư (as
// Poppler produces it) when that makes the word Vietnamese.
bool has_tcvn3_signature(std::u32string_view w);
std::u32string tcvn3_word(std::u32string_view w, bool hyphen_is_u_horn);

// VNI-Windows: the same; the result is NFC.
bool has_vni_signature(std::u32string_view w);
std::u32string vni_word(std::u32string_view w);

// VIQR (ASCII with marks: "Vie^.t Nam"): converts one word, NFC; `strong`
// is set when the word carries an unambiguous VIQR mark (vowel quality, dd,
// or a tone inside the word).
std::u32string viqr_word(std::u32string_view w, bool& strong);

}  // namespace kb::legacy

#endif  // VNKB_CORE_LEGACY_WORDS_H_
