// The stances a negotiation position can take, with their ids and labels:
// one list for the extractor (indexer/positions.h), the index and the API.
#ifndef VNKB_CORE_STANCES_H_
#define VNKB_CORE_STANCES_H_

#include <array>
#include <string_view>

namespace kb {

struct StanceName {
  std::string_view id;        // "supports"
  std::string_view label_vi;  // "ủng hộ"
  std::string_view label_en;  // "supports"
};

// In the order of kb::Stance.
inline constexpr std::array<StanceName, 7> kStanceNames = {{
    {"supports", "ủng hộ", "supports"},
    {"opposes", "phản đối", "opposes"},
    {"proposes", "đề xuất", "proposes"},
    {"requests", "đề nghị", "requests"},
    {"commits", "cam kết", "commits"},
    {"leads", "chủ trì", "leads"},
    {"concerned", "quan ngại", "is concerned"},
}};

// The stance named by an id or a label in either language (case and
// diacritics as written); nullptr when none.
inline const StanceName* find_stance(std::string_view name) {
  for (const StanceName& s : kStanceNames) {
    if (name == s.id || name == s.label_vi || name == s.label_en) return &s;
  }
  return nullptr;
}

}  // namespace kb

#endif  // VNKB_CORE_STANCES_H_
