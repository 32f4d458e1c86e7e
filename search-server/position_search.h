// Position search (/api/positions): negotiation positions, faceted by actor,
// stance, process, topic and year, as a timeline or by relevance.
#ifndef VNKB_SEARCH_SERVER_POSITION_SEARCH_H_
#define VNKB_SEARCH_SERVER_POSITION_SEARCH_H_

#include "search-server/search_context.h"
#include "search-server/search_types.h"

namespace kb {

// Answers `request` over `context`'s position index (an empty answer, with
// indexed false, when the database has none yet). Throws BadRequest for a
// malformed query or parameter.
PositionResult search_positions(SearchContext& context,
                                const PositionRequest& request);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_POSITION_SEARCH_H_
