// Lists of proposals and requests (proposal_lists.h).
#include "indexer/positions/proposal_lists.h"

#include <string>
#include <unordered_set>

namespace kb {

const CueHit* list_introducer(const PageMentions& page,
                              const std::vector<CueHit>& hits, size_t line_u1) {
  for (size_t h = hits.size(); h > 0; --h) {
    const CueHit& hit = hits[h - 1];
    const Stance s = hit.cue->stance;
    if (s != Stance::kProposes && s != Stance::kRequests) continue;
    // "kiến nghị:" and up to five words naming the items or the addressee.
    if (hit.u1 > line_u1 || line_u1 - hit.u1 > 5) return nullptr;
    // "... theo đề nghị của X:" is no proposal of the line's subject.
    if (hit.u0 > 0 && page.word(hit.u0 - 1) == "theo") return nullptr;
    return &hit;
  }
  return nullptr;
}

std::optional<size_t> list_item_start(const PageMentions& page, LineKind kind,
                                      size_t u0, size_t u1) {
  if (u0 >= u1) return std::nullopt;
  if (kind == LineKind::kBullet) return u0;
  if (kind == LineKind::kClause) return u0 + 1;  // after the number
  static const std::unordered_set<std::string> kOrdinals = {
      "nhất", "hai", "ba",  "tư",   "bốn", "năm",
      "sáu",  "bảy", "tám", "chín", "mười"};
  static const std::unordered_set<std::string> kCounts = {
      "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"};
  size_t s = u0;
  const std::string& w = page.word(u0);
  if (u0 + 1 < u1 && w == "thứ" && kOrdinals.count(page.word(u0 + 1))) {
    s = u0 + 2;
  } else if (u0 + 1 < u1 && kCounts.count(w) && page.word(u0 + 1) == "là") {
    s = u0 + 2;  // "Một là, ..."
  } else if (u0 + 1 < u1 && w == "cuối" && page.word(u0 + 1) == "cùng") {
    s = u0 + 2;
  } else {
    return std::nullopt;
  }
  if (s < u1 && page.word(s) == "là") ++s;  // "Thứ nhất là, ..."
  // The ordinal is set off by a comma or a colon: "Thứ hai năm ..." is not.
  if (s >= u1 ||
      !(page.between_has(page.unit(s - 1).end, page.unit(s).begin, ',') ||
        page.between_has(page.unit(s - 1).end, page.unit(s).begin, ':')))
    return std::nullopt;
  return s;
}

}  // namespace kb
