// Stances a modal verb carries inside reported speech: "Bộ Ngoại giao cho
// rằng Bộ Tài chính nên cân nhắc ..." (the ministry proposes), where "nên"
// (should) is far more often "so, therefore" ("..., nên ...", "do ... nên
// ...", "cho nên").
#ifndef VNKB_INDEXER_POSITIONS_MODAL_CUES_H_
#define VNKB_INDEXER_POSITIONS_MODAL_CUES_H_

#include <cstddef>
#include <vector>

#include "indexer/positions/mentions.h"
#include "indexer/positions/resolution.h"

namespace kb {

// Whether the cue "nên" of `hit` (in the clause starting at unit `cu0`)
// means "should" in what a speaker says: a speech verb of a named actor
// before it in the clause (`earlier`, the clause's cues so far, `hit`
// last) with at most a short subject between them, no comma right before
// it (but "cho rằng, nên ..."), no cause between the two ("do", "vì",
// "bởi", "nhờ") and not "cho nên", "trở nên", "vì vậy nên".
bool should_proposes(const PageMentions& m, const CueHit& hit, size_t cu0,
                     const std::vector<CueHit>& earlier);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_MODAL_CUES_H_
