// What `show` prints about a document's relations and force: its dates of
// force, its validity today, what it amends, replaces, repeals, guides,
// corrects, cites and mentions, and what does so to it.
#ifndef VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_
#define VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "core/catalog.h"

namespace kb {

// {"effective_date", "expiry_date", "validity": {state, label, reason, …},
//  "relations": [...], "related_by": [...]} as of `as_of` (YYYY-MM-DD).
nlohmann::json relations_json(const Catalog& catalog, const CatalogDocument& d,
                              const std::string& as_of);

// The same as text, one relation a line, grouped by kind.
void print_relations(const Catalog& catalog, const CatalogDocument& d,
                     const std::string& as_of, std::ostream& out);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_
