// What `show` prints about a document's relations and force: its dates of
// force, its validity today, what it amends, replaces, repeals, guides,
// corrects, cites and mentions, and what does so to it.
#ifndef VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_
#define VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.h"

namespace kb {

// {"effective_date", "expiry_date", "validity": {state, label, reason, …},
//  "relations": [...], "related_by": [...]} as of `as_of` (YYYY-MM-DD).
nlohmann::json relations_json(const Catalog& catalog, const CatalogDocument& d,
                              const std::string& as_of);

// The documents of the catalog (not failed) whose own number has this key
// (DocNumber::key()).
std::vector<CatalogDocument> documents_numbered(const Catalog& catalog,
                                                const std::string& number_key);

// What the other documents of the catalog (not failed, not `self`) say about
// the number with key `number_key`: one object a relation, with the citing
// document's id, number and title. Also for a number not in the collection.
nlohmann::json related_by_json(const Catalog& catalog,
                               const std::string& number_key, int64_t self);

// `related_by` as text, one line a relation ("cites it  30/2025/QĐ-TTg
// (id 3)"), grouped by kind.
void print_related_by(const nlohmann::json& related_by, std::ostream& out);

// The same as text, one relation a line, grouped by kind.
void print_relations(const Catalog& catalog, const CatalogDocument& d,
                     const std::string& as_of, std::ostream& out);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_RELATIONS_OUTPUT_H_
