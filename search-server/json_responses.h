// The JSON of every API answer, built from the searcher's structs: the one
// place that names the fields of the API (documented in server.h).
#ifndef VNKB_SEARCH_SERVER_JSON_RESPONSES_H_
#define VNKB_SEARCH_SERVER_JSON_RESPONSES_H_

#include <nlohmann/json.hpp>

#include "search-server/position_matrix.h"
#include "search-server/search_types.h"

namespace kb {

nlohmann::json to_json(const SearchResult& result);
// {"total", "facets", "definitions"}: the counts, and the facet tables
// (core/facets.h) in UI order, so that the web page lists what the server
// defines.
nlohmann::json to_json(const FacetOverview& overview);
nlohmann::json to_json(const DocumentDetails& document);
nlohmann::json to_json(const PageText& page);
nlohmann::json to_json(const PositionResult& result);
nlohmann::json to_json(const ActorPage& actor);
nlohmann::json to_json(const PositionMatrix& matrix);
nlohmann::json to_json(const Health& health);

// The facet tables: {"search": [...], "positions": [...]}, each facet as
// {"name", "label", "label_en", "counted"} in UI order.
nlohmann::json facet_definitions();

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_JSON_RESPONSES_H_
