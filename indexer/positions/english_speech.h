// When a speech verb carries a stance. ENB reports say most positions with
// "said", "stressed", "highlighted": "said countries should not reopen" is
// a position, "said a lot of information had been exchanged" is not. These
// read the clause after the verb (lower case, up to the next cue) and the
// sentence around it.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_

#include <optional>
#include <string_view>

#include "core/stances.h"

namespace kb::english {

// Whether a speech verb's clause opens with a gerund, as in "emphasized
// anchoring existing institutions": a call for it. Adjectives in -ing
// ("ongoing", "existing", "increasing") are none.
bool opens_with_gerund(std::string_view lower);

// The stance a speech verb's clause states, if any: "should not" opposes,
// "the need"/"should" requests, "the importance of" supports, "its
// commitment" commits, "his concern" is concerned.
std::optional<Stance> clause_stance(std::string_view lower);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_SPEECH_H_
