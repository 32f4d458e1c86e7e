// The pieces english_positions.cc reads an English sentence with: sentence
// spans, phrase matching that ignores doubled spaces, and the subject before
// a verb ("CHILE, PERU and COLOMBIA", "Ana Reyes, Chile,", "He").
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_SUBJECT_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_SUBJECT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.h"

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

// What stands before a verb.
struct Subject {
  enum Kind { kNone, kNames, kPronoun, kEmpty } kind = kNone;
  std::vector<std::string> names;  // kNames: each actor as written
  // "X, supported by Y," / "X, opposed by Z,": Y shares X's stance, Z takes
  // the opposite one.
  std::vector<std::string> supporters, opponents;
};

// Reads `text` (everything between the clause start and the verb) as a
// subject: a pronoun, one name or a list of names, with appositions,
// "on behalf of", "supported by" and "opposed by"; in a list, "Costa Rica,
// for AILAC," is AILAC. Leading adverbials
// ("On the mechanisms,", "Responding to Kenya,") are skipped; "also",
// "then" before the verb too.
Subject parse_subject(std::string_view text, const Taxonomy& taxonomy);

// The parties in capitals a sentence opens with ("The US and the EU
// noted ..." -> US, EU), or nothing.
std::vector<std::string> leading_capitals(std::string_view sentence,
                                          const Taxonomy& taxonomy);

// The names of a list "A, B and C" (all of `text`), or nothing when an item
// is no name.
std::vector<std::string> names_in_list(std::string_view text,
                                       const Taxonomy& taxonomy);

// The names of a list after "by" ("Ana Reyes (Spain) and Tom
// Berg (Sweden), with ..."): up to the first item that is no name.
std::vector<std::string> names_after_by(std::string_view text,
                                        const Taxonomy& taxonomy);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_SUBJECT_H_
