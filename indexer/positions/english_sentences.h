// Sentences and phrases of English text: sentence spans, and phrase
// matching that ignores doubled spaces (the ENB reports wrap lines with two).
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_SENTENCES_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_SENTENCES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kb::english {

struct Span {
  size_t begin = 0, end = 0;
};

// The sentences of `text`, trimmed, as byte spans: a line break always ends
// one; . ! ? end one before a capital, a digit or a quote mark unless they
// end an abbreviation or an initial ("Anna B. Cole", "No. 12").
std::vector<Span> split_sentences(std::string_view text);

// Where `phrase` (lower case, single spaces) matches `lower` at `at`, as
// whole words, a space of the phrase matching any run of spaces: the end of
// the match, or npos.
size_t match_phrase(std::string_view lower, size_t at, std::string_view phrase);

// ASCII lower case, byte for byte (offsets stay valid).
std::string ascii_lower(std::string_view s);

// The next " and " of `s` at or after `from` that joins two items of a
// list, not one inside a country's name ("Trinidad and Tobago", "ANTIGUA
// and BARBUDA"): its position, or npos.
size_t next_list_and(std::string_view s, size_t from);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_SENTENCES_H_
