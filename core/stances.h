// The stances a negotiation position can take, with their ids and labels:
// the one definition the extractor (indexer/positions/), the index, the
// command line and the API all read.
#ifndef VNKB_CORE_STANCES_H_
#define VNKB_CORE_STANCES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kb {

enum class Stance : uint8_t {
  kSupports,
  kOpposes,
  kProposes,
  kRequests,
  kCommits,
  kLeads,
  kConcerned,
};

struct StanceName {
  Stance stance;
  std::string_view id;        // "supports": the index term and the API's id
  std::string_view label_vi;  // "ủng hộ"
  std::string_view label_en;  // "supports"
};

// Every stance with its names, in the order of the enum (checked below).
// The strings are literals, so .data() is NUL-terminated.
inline constexpr std::array<StanceName, 7> kStanceNames = {{
    {Stance::kSupports, "supports", "ủng hộ", "supports"},
    {Stance::kOpposes, "opposes", "phản đối", "opposes"},
    {Stance::kProposes, "proposes", "đề xuất", "proposes"},
    {Stance::kRequests, "requests", "đề nghị", "requests"},
    {Stance::kCommits, "commits", "cam kết", "commits"},
    {Stance::kLeads, "leads", "chủ trì", "leads"},
    {Stance::kConcerned, "concerned", "quan ngại", "is concerned"},
}};

namespace stances_internal {
constexpr bool names_follow_enum() {
  for (size_t i = 0; i < kStanceNames.size(); ++i) {
    if (static_cast<size_t>(kStanceNames[i].stance) != i) return false;
  }
  return true;
}
}  // namespace stances_internal
static_assert(stances_internal::names_follow_enum(),
              "kStanceNames must list every Stance in enum order");

inline constexpr std::array<Stance, kStanceNames.size()> kAllStances = {
    Stance::kSupports, Stance::kOpposes, Stance::kProposes, Stance::kRequests,
    Stance::kCommits,  Stance::kLeads,   Stance::kConcerned};

// Every stance, in enum order.
inline const std::array<Stance, kStanceNames.size()>& all_stances() {
  return kAllStances;
}

// The names of `stance`.
inline const StanceName& stance_name(Stance stance) {
  return kStanceNames[static_cast<size_t>(stance)];
}

// English id: "supports", "opposes", "proposes", "requests", "commits",
// "leads", "concerned".
inline const char* stance_id(Stance stance) {
  return stance_name(stance).id.data();
}

// Vietnamese label for people: "ủng hộ", "phản đối", "đề xuất", "đề nghị",
// "cam kết", "chủ trì", "quan ngại".
inline const char* stance_label_vi(Stance stance) {
  return stance_name(stance).label_vi.data();
}

// The stance of an English id; nullopt for anything else.
inline std::optional<Stance> parse_stance(std::string_view id) {
  for (const StanceName& s : kStanceNames) {
    if (id == s.id) return s.stance;
  }
  return std::nullopt;
}

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
