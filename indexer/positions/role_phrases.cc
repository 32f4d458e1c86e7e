// Chairs' roles as circumstances (role_phrases.h).
#include "indexer/positions/role_phrases.h"

namespace kb {
namespace {

// The end of the role's head at `u` ("vai trò (là) Chủ tịch", "cương vị
// nước điều phối"), or `u` when none starts there. "cương vị Chủ tịch
// nước" is the head of state's office, no chair.
size_t role_head_end(const PageMentions& page, size_t u, size_t su1) {
  auto w = [&](size_t k) -> const std::string& { return page.word(k); };
  if (u + 3 >= su1) return u;
  const bool role = (w(u) == "vai" && w(u + 1) == "trò") ||
                    (w(u) == "cương" && w(u + 1) == "vị") ||
                    (w(u) == "tư" && w(u + 1) == "cách");
  if (!role) return u;
  size_t k = u + 2;
  if (w(k) == "là") ++k;
  if (k + 1 >= su1) return u;
  if (w(k) == "chủ" && w(k + 1) == "tịch") {
    if (k + 2 < su1 && w(k + 2) == "nước") return u;
    return k + 2;
  }
  // A host ("chủ nhà") receives the meeting; it does not lead it.
  if (w(k) == "nước" && k + 2 < su1 && w(k + 1) == "điều" && w(k + 2) == "phối")
    return k + 3;
  return u;
}

}  // namespace

RolePhrase find_role_phrase(const PageMentions& page, size_t su0, size_t su1,
                            bool& found) {
  found = false;
  RolePhrase r;
  for (size_t u = su0; u < su1 && !found; ++u) {
    const size_t head_end = role_head_end(page, u, su1);
    if (head_end == u) continue;
    r.u0 = u;
    r.u1 = head_end;
    r.end = head_end;
    while (r.end < su1 && !page.between_has(page.unit(r.end - 1).end,
                                            page.unit(r.end).begin, ','))
      ++r.end;
    found = true;
  }
  if (!found) return r;
  // The holder: the actor right before the phrase ("Việt Nam với vai trò
  // ...", "của Việt Nam trên cương vị ..."), else the first after it ("Với
  // vai trò ..., Việt Nam"), else the first before it that is no object.
  size_t b = r.u0;
  while (b > su0 && (page.word(b - 1) == "với" || page.word(b - 1) == "trên" ||
                     page.word(b - 1) == "trong" || page.word(b - 1) == "ở"))
    --b;
  const int before = b > su0 ? page.group_at(b - 1) : -1;
  if (before >= 0) {
    const ActorGroup& g = page.groups()[before];
    // Not a place: "tại Canada và Hàn Quốc trên cương vị ...".
    const bool owner = g.u0 > su0 && page.word(g.u0 - 1) == "của";
    if (g.u1 == b && g.u0 >= su0 && (owner || !page.group_is_object(g, su0))) {
      r.holders = page.group_ids(g);
      return r;
    }
  }
  for (size_t u = r.end; u < su1 && r.holders.empty(); ++u) {
    const int gi = page.group_at(u);
    if (gi < 0) continue;
    const ActorGroup& g = page.groups()[gi];
    if (g.u0 >= r.end && !page.group_is_object(g, su0))
      r.holders = page.group_ids(g);
    u = g.u1 - 1;
  }
  if (!r.holders.empty()) return r;
  for (size_t u = su0; u < r.u0; ++u) {  // the last before it
    const int gi = page.group_at(u);
    if (gi < 0) continue;
    const ActorGroup& g = page.groups()[gi];
    if (g.u0 >= su0 && g.u1 <= r.u0 && !page.group_is_object(g, su0))
      r.holders = page.group_ids(g);
    u = g.u1 - 1;
  }
  found = !r.holders.empty();
  return r;
}

}  // namespace kb
