// Whether a document is in force on a date: not yet (before its effective
// date), in force, partly expired (a part replaced or repealed), or expired
// (past its stated end, or wholly replaced or repealed by a document of the
// collection that is itself in force on that date). The librarian may set
// the status by hand (CatalogDocument::validity), which then wins.
#ifndef VNKB_CORE_VALIDITY_H_
#define VNKB_CORE_VALIDITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog.h"

namespace kb {

// The states, as the API names them.
inline const std::vector<std::string> kValidityStates = {
    "in_force", "not_yet_in_force", "partly_expired", "expired"};

bool is_validity_state(std::string_view state);
// The Vietnamese label vbpl.vn uses: "Còn hiệu lực", "Chưa có hiệu lực",
// "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ".
std::string validity_label(std::string_view state);

struct Validity {
  std::string state;   // one of kValidityStates; "" for a text without force
  std::string reason;  // Vietnamese: "bị thay thế bởi … từ ngày …"
  std::string as_of;   // YYYY-MM-DD
  // The document that ended it (or part of it), when one did.
  int64_t by_id = 0;
  std::string by_number, by_kind, by_scope, since;
};

// The validity of `doc` on `as_of` (YYYY-MM-DD), from its dates of force and
// the relations of the catalog's documents to its number. A document with
// neither a number nor an effective date (a report, a news article) has
// state "".
Validity validity_of(const Catalog& catalog, const CatalogDocument& doc,
                     const std::string& as_of);

// Today, YYYY-MM-DD (UTC).
std::string today_iso();

// The validity facet's values: the states, and "unknown" for a document
// without force (state ""), in the order the facet lists them.
inline const std::vector<std::string> kValidityFacetValues = {
    "in_force", "not_yet_in_force", "partly_expired", "expired", "unknown"};
// The facet's value of a state ("" -> "unknown").
std::string validity_facet_value(std::string_view state);
// The facet's label of a value: the state's label, "Không rõ" for unknown.
std::string validity_facet_label(std::string_view value);

// The facet value of every document of the catalog on `as_of` (as
// validity_of computes it, read in two queries rather than one per
// document), by document id; "" for a document of a kind that has no force
// (a news article, a report: core/facets.h kDocumentKinds) and no state set
// by the librarian, which the facet leaves out.
std::unordered_map<int64_t, std::string> validity_facet_values(
    const Catalog& catalog, const std::string& as_of);

}  // namespace kb

#endif  // VNKB_CORE_VALIDITY_H_
