// Actors the taxonomy does not know, found by the shape of their names in a
// page: an organisation head ("Hiệp hội", "Bộ", "Công ty", "UBND tỉnh" ...)
// followed by capitalised words ("Hiệp hội Nhựa Việt Nam"), an acronym
// that is nobody's term ("VASEP", "KoCham"), or a person's title and name
// ("Tổng thống Trump"). Each gets an entry of kind "open" whose id is
// open_actor_id(name as written) (core/taxonomy.h).
#ifndef VNKB_INDEXER_POSITIONS_OPEN_ACTORS_H_
#define VNKB_INDEXER_POSITIONS_OPEN_ACTORS_H_

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "core/taxonomy.h"

namespace kb {

struct Unit;
struct NameFound;

// The kind of the entries made here.
inline constexpr std::string_view kOpenActorKind = "open";

// Adds to `names` (sorted by first unit, not overlapping, as `unit_name`
// marks them) the open names of the page whose units are `units` and text
// `text`; their entries are appended to `store`. A taxonomy name that starts
// a longer open name ("Việt Nam" in "Hiệp hội Nhựa Việt Nam") is absorbed
// by it; one that starts where an open name would is kept. Leaves `names`
// sorted and `unit_name` consistent.
void add_open_names(const std::string& text, const std::vector<Unit>& units,
                    std::vector<NameFound>& names, std::vector<int>& unit_name,
                    std::deque<TaxonomyEntry>& store);

// Whether the word before a taxonomy name makes it part of a common noun
// ("phi" in "tổ chức phi chính phủ"): then it names no actor.
bool joins_common_noun(const std::string& word_before);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_OPEN_ACTORS_H_
