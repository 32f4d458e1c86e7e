// The stable key of a position, which a librarian's correction names.
#ifndef VNKB_INDEXER_POSITIONS_POSITION_KEY_H_
#define VNKB_INDEXER_POSITIONS_POSITION_KEY_H_

#include <string>
#include <string_view>

#include "core/stances.h"

namespace kb {

// Hex digest (16 characters) of the actor, the stance and the quote's
// canonical terms: spacing, case, tone placement and Unicode form do not
// change it; another actor, stance or wording does.
std::string position_key(std::string_view actor, Stance stance,
                         std::string_view quote);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_POSITION_KEY_H_
