// Lines of a document's text and the character tests every metadata unit
// shares: each line kept as written and folded code point by code point, so
// an offset in one is an offset in the other; cells of HTML and PDF layout
// lines; phrase matching on folded text.
#ifndef VNKB_INDEXER_METADATA_TEXT_LINES_H_
#define VNKB_INDEXER_METADATA_TEXT_LINES_H_

#include <unicode/uchar.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::metadata {

// Column from which a PDF layout cell belongs to the right half of the
// letterhead (the national motto); the left column's lines are centred in
// the left third.
constexpr size_t kRightColumn = 30;

// Blanks, including the invisible marks some pages carry (LRM before "Hà
// Nội", BOM, zero-width space).
inline bool is_blank_char(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

// A letter or digit of any script.
inline bool is_alnum(char32_t c) {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') ||
           ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  }
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

inline bool is_upper(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) != 0;
}

// What match_phrase and the finders return for "not found".
inline constexpr size_t npos = std::u32string_view::npos;

// The first offset from `i` that is not a blank (s.size() when none).
inline size_t skip_blanks(std::u32string_view s, size_t i) {
  while (i < s.size() && is_blank_char(s[i])) ++i;
  return i;
}

struct Line {
  std::u32string text;    // without leading/trailing blanks; NFC
  std::u32string folded;  // fold_char of each code point of `text`
  size_t indent = 0;      // blanks removed before `text` (PDF layout column)
  bool blank() const { return text.empty(); }
};

// The lines of `all` (split at '\n'; a last line without '\n' counts).
std::vector<Line> split_lines(std::u32string_view all);

// `s` without leading and trailing blanks.
std::u32string_view trimmed(std::u32string_view s);

// Matches `phrase` (folded words separated by single spaces) in the folded
// text `f` at `pos`: any run of blanks matches a space, and the phrase must
// end at a word boundary. Returns the end offset, or npos.
size_t match_phrase(std::u32string_view f, size_t pos,
                    std::u32string_view phrase);

// True when the folded line starts with `phrase` (as match_phrase reads it).
bool starts_with_phrase(const Line& line, std::u32string_view phrase);

// The folded line with blank runs collapsed to one space.
std::u32string collapsed(std::u32string_view folded);

// collapsed(folded) when that is at most `limit` characters long; else a
// longer string (its start). Reads only as far as it needs: a sentence can
// be a whole one-line file.
std::u32string collapsed_prefix(std::u32string_view folded, size_t limit);

// The words of `f` just before `pos` (at most `words`), blanks collapsed:
// what a test on the end of a sentence's start needs, without collapsing
// all of it (a long sentence times its matches was quadratic).
std::u32string words_before(std::u32string_view f, size_t pos, int words);

// True when every letter of `text` is a capital and there are at least two.
bool is_upper_line(std::u32string_view text);

// A line of rules or stars under the letterhead: no letter, no digit.
bool is_rule_line(const Line& line);

// Cells of a line: HTML table cells are tab-separated, PDF layout columns
// are separated by runs of three blanks or more. Returns [begin, end)
// offsets into line.text (and line.folded).
std::vector<std::pair<size_t, size_t>> cells(const Line& line);

// True when `text` starts with the word `lower` (lower case, with its
// diacritics: "phần" must not match "Phân loại").
bool starts_with_word(std::u32string_view text, std::u32string_view lower);

// True when `phrase` (as match_phrase reads it) starts at a word start
// anywhere in `folded`.
bool contains(std::u32string_view folded, std::u32string_view phrase);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_TEXT_LINES_H_
