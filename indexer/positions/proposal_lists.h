// Lists of proposals and requests: "X kiến nghị:" (or "X đề xuất một số
// giải pháp:") and then items on lines of their own ("Thứ nhất, ...",
// "Thứ hai là, ...", "- ...", "1. ..."): each item is a position of X
// with the stance of the cue that announced the list.
#ifndef VNKB_INDEXER_POSITIONS_PROPOSAL_LISTS_H_
#define VNKB_INDEXER_POSITIONS_PROPOSAL_LISTS_H_

#include <cstddef>
#include <optional>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/mentions.h"
#include "indexer/positions/resolution.h"
#include "indexer/positions/subject_state.h"

namespace kb {

// The cue among `hits` (a line's cues, left to right) that announces a
// list on a line ending with a colon at unit `line_u1`: the last cue that
// proposes or requests, followed by at most five words before the colon
// ("kiến nghị:", "đề xuất một số giải pháp:", "đề nghị các bộ, ngành:").
// nullptr when the line announces no such list.
const CueHit* list_introducer(const PageMentions& page,
                              const std::vector<CueHit>& hits, size_t line_u1);

// Where the words of a list item begin, for a line of `kind` spanning
// units [u0, u1): after "Thứ nhất,", "Thứ hai là,", "Một là,", "Cuối
// cùng,", or at u0 for a bullet or a numbered line ("- ...", "2. ...").
// nullopt when the line opens as no item.
std::optional<size_t> list_item_start(const PageMentions& page, LineKind kind,
                                      size_t u0, size_t u1);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PROPOSAL_LISTS_H_
