// Splitting a page's text into lines and sentences, and trimming a clause
// to the quote a position shows.
//
// Sentences are split on lines and on . ! ? before a capital (not after
// abbreviations, initials, numbers or list markers "1.", "Điều 5."); the
// page reader splits sentences into clauses on ";".
#ifndef VNKB_INDEXER_POSITIONS_SENTENCES_H_
#define VNKB_INDEXER_POSITIONS_SENTENCES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kb {

// A byte range [begin, end) of a text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// ASCII white space, line breaks included.
bool is_space_byte(char c);

// Whether `line` ends with ':' before any trailing white space.
bool ends_with_colon(std::string_view line);

// The lines of `text` (split on '\n', which is left out), in order; empty
// lines included.
std::vector<TextSpan> split_lines(std::string_view text);

// Some scraped news (hddtvn) end with their lead paragraph behind the
// source's marker: "more(HDDTVN) – Tập đoàn ...". Where the lead starts
// when such a marker opens the line at `at`, else `at`.
size_t after_lead_marker(std::string_view text, size_t at);

// Byte ranges [begin, end) of the sentences of `text`, in order, trimmed of
// surrounding whitespace; never empty ranges. A lead marker
// (after_lead_marker) is no part of a sentence.
std::vector<TextSpan> split_sentences(std::string_view text);

// The clause [begin, end) of `text` (UTF-8, NFC) without leading bullets and
// without surrounding white space, no-break and typographic spaces
// included. May be empty.
TextSpan trim_quote(std::string_view text, size_t begin, size_t end);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_SENTENCES_H_
