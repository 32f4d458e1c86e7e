// Vietnamese letters and syllables: the canonical and folded forms of a word.
//
// Canonical form (what the exact index tier holds):
//   - lower case; Ð/ð (U+00D0/U+00F0, look-alikes) unified with đ (U+0111);
//   - Cyrillic look-alike letters (С, Р, а, о, ...) read as the Latin letters
//     they imitate, when every Cyrillic letter of the word has such a twin;
//   - the tone mark of a Vietnamese syllable placed by one rule (below), which
//     also repairs a tone typed on the wrong vowel (nứơc -> nước, qủa -> quả).
//
// Tone placement rule (the "old style" used by most official documents):
//   qu- and gi- (before another vowel) are onsets, so their u/i never carry
//   the tone. In the remaining vowel nucleus the tone goes on
//     1. the last vowel with a quality mark (ă â ê ô ơ ư): người, thuở, quyết;
//     2. else the middle of three vowels: ngoài, khuỷu;
//     3. else, with a final consonant, the last vowel: hoàn, khoét, huýt;
//     4. else the first of two vowels: hòa, khỏe, thủy, múa, cái;
//     5. else the only vowel.
//   So hoà/hòa, thuỷ/thủy and khoẻ/khỏe share one canonical form: hòa, thủy,
//   khỏe. Words that are not a well-formed Vietnamese syllable, or that carry
//   two tone marks, keep their marks where they are.
//
// Folded form (the folded index tier): no diacritics at all, đ -> d.
#ifndef VNKB_CORE_VIETNAMESE_H_
#define VNKB_CORE_VIETNAMESE_H_

#include <string>
#include <string_view>

namespace kb {

// Returns the canonical form of one word (a run of letters, marks and digits;
// no spaces or punctuation). Idempotent.
std::u32string canonical_word(std::u32string_view word);
// Same, into `out` (replacing its contents), to reuse its buffer.
void canonicalize_word(std::u32string_view word, std::u32string& out);

// Appends the folded form of `word` (canonical or not) to `out`: lower case
// without any diacritics, đ -> d, combining marks dropped.
void append_folded(std::u32string_view word, std::u32string& out);
std::u32string folded_word(std::u32string_view word);

// True when `c` is a letter carrying a Vietnamese diacritic (tone or vowel
// mark) or is đ/Đ/Ð, or is a combining mark. Used to tell an accented query
// from an unaccented one.
bool has_diacritic(char32_t c);
bool has_diacritics(std::u32string_view text);

// True when `lower` (lower case, NFC) is a well-formed Vietnamese syllable:
// a valid onset, a known vowel nucleus, a valid final consonant and at most one
// tone mark. ASCII-only syllables such as "ba" or "trong" count.
bool is_vietnamese_syllable(std::u32string_view lower);

// Lower-cases one code point (simple case mapping), with Ð/ð -> đ.
char32_t lower_letter(char32_t c);

// The Latin letter a Cyrillic look-alike imitates (С -> C, а -> a), or 0.
char32_t latin_twin(char32_t c);

}  // namespace kb

#endif  // VNKB_CORE_VIETNAMESE_H_
