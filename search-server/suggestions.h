// "Did you mean": diacritics restored and one-letter typos fixed from the
// index's own vocabulary.
#ifndef VNKB_SEARCH_SERVER_SUGGESTIONS_H_
#define VNKB_SEARCH_SERVER_SUGGESTIONS_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kb {

// Spellings of a folded word in the index, most frequent first.
using Vocabulary =
    std::unordered_map<std::string,
                       std::vector<std::pair<std::string, Xapian::doccount>>>;

// Every unprefixed (exact-tier) term of `db` by its folded form. Reads the
// whole term list: build it once per revision (RevisionData::vocabulary).
Vocabulary build_vocabulary(Xapian::Database& db);

// The likeliest spelling of `words` (folded terms, as typed): each word's
// spellings in the vocabulary, or those of the most frequent word one edit
// away, chosen by how often adjacent words occur together. nullopt when a
// word has no candidate or there are more than 8 words.
std::optional<std::string> suggest(Xapian::Database& db,
                                   const Vocabulary& vocabulary,
                                   const std::vector<std::string>& words);

// `suggestion` in capitals when `typed` was typed in capitals ("FLGET" ->
// "FLEGT"): the vocabulary is lower case.
std::string in_typed_case(const std::string& suggestion,
                          const std::string& typed);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SUGGESTIONS_H_
