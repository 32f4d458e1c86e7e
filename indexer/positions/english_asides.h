// Asides of English report sentences that belong to another verb than the
// one before them: ", but, supported by SWEDEN, opposed" (the second
// verb's).
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_ASIDES_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_ASIDES_H_

#include <cstddef>
#include <string_view>

namespace kb::english {

// Whether the aside starting at `at` of `text` follows "but," or "and,"
// ("noted ..., but, supported by Sweden and others, opposed"): it opens
// the next verb's clause.
bool opens_next_verb_aside(std::string_view text, size_t at);

// Whether `text` (as written, after "supported by ") holds names only up
// to its end, the next verb: "Sweden and others, ", not "the EU and
// Norway, a roundtable on".
bool only_names(std::string_view text);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_ASIDES_H_
