// The subject before a verb in an English sentence ("CHILE, PERU and
// COLOMBIA", "Ana Reyes, Chile,", "He"); sentence spans and phrase matching
// are english_sentences.h.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_SUBJECT_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_SUBJECT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.h"
#include "indexer/positions/english_sentences.h"

namespace kb::english {

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
