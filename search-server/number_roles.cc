// Number roles: the catalog's numbers and relations, read per search.
#include "search-server/number_roles.h"

#include <algorithm>

#include "core/relation.h"

namespace kb {
namespace {

// Lower is stronger: "is" first, then the relation kinds in their order.
size_t strength(const std::string& role) {
  if (role == kRoleIs) return 0;
  const auto it = std::find(kRelationKinds.begin(), kRelationKinds.end(), role);
  return 1 + static_cast<size_t>(it - kRelationKinds.begin());
}

void keep_stronger(std::map<int64_t, std::string>& roles, int64_t id,
                   const std::string& role) {
  auto [it, inserted] = roles.emplace(id, role);
  if (!inserted && strength(role) < strength(it->second)) it->second = role;
}

}  // namespace

std::vector<NumberRoles> number_roles(const Catalog& catalog,
                                      const std::vector<std::string>& keys,
                                      const std::string& fallback_number,
                                      size_t max_numbers) {
  std::vector<NumberRoles> out;
  for (const std::string& key : keys) {
    if (out.size() >= max_numbers) break;
    NumberRoles n;
    n.key = key;
    for (int64_t id : catalog.ids_with_number(key)) {
      const auto d = catalog.get(id);
      if (!d || d->status == "failed") continue;
      if (!n.id) {
        n.id = d->id;
        n.title = d->title;
        n.number = d->number;
      }
      n.roles[d->id] = kRoleIs;
    }
    for (const IncomingRelation& in : catalog.relations_to(key)) {
      if (n.roles.count(in.doc_id) && n.roles[in.doc_id] == kRoleIs) continue;
      if (n.number.empty()) n.number = in.relation.target;
      keep_stronger(n.roles, in.doc_id, in.relation.kind);
    }
    // Citations recorded before relations were kept (older catalogs).
    for (int64_t id : catalog.ids_citing(key)) {
      if (n.roles.count(id) && n.roles[id] == kRoleIs) continue;
      keep_stronger(n.roles, id, "cites");
    }
    for (const auto& [id, role] : n.roles)
      if (role != kRoleIs) ++n.related;
    if (n.number.empty()) n.number = fallback_number;
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace kb
