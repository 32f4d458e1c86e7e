// What a search for a document number found: whether the collection holds
// the decision, how many documents relate to it, and what each hit is to
// it (the decision itself, or a document citing, amending, … or merely
// mentioning it). Researchers ask "is it here?" before "what cites it?".
#ifndef VNKB_SEARCH_SERVER_NUMBER_ROLES_H_
#define VNKB_SEARCH_SERVER_NUMBER_ROLES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"

namespace kb {

// The role of a document that is the numbered decision itself.
inline constexpr const char* kRoleIs = "is";

struct NumberRoles {
  std::string key;     // DocNumber::key()
  std::string number;  // as the collection writes it ("20/2020/QĐ-TTg")
  // The decision, when the collection holds it (not failed).
  std::optional<int64_t> id;
  std::string title;
  // Documents other than the decision that cite, amend, … or mention it.
  uint64_t related = 0;
  // By document id: kRoleIs or the strongest relation kind (the order of
  // kRelationKinds: amends first, mentions last).
  std::map<int64_t, std::string> roles;
};

// The roles for each number key (at most `max_numbers` of them, in order).
// `fallback_number` is shown for a key no document writes (the query).
std::vector<NumberRoles> number_roles(const Catalog& catalog,
                                      const std::vector<std::string>& keys,
                                      const std::string& fallback_number,
                                      size_t max_numbers = 3);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_NUMBER_ROLES_H_
