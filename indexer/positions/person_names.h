// People named by their title ("Tổng thống Vladimir Putin", "Bộ trưởng Bộ
// Công Thương Trần Tuấn Anh", "ông Trump") are actors: a person speaks for
// the country or organisation named between the title and the name, else
// for the entity the title is ("Thủ tướng" -> the Prime Minister), else for
// what the same person was said to speak for earlier in the page ("Tổng
// thống Chi-lê M.Ba-chê-lết" ... "Tổng thống M.Ba-chê-lết"), else for
// themselves (an open entry of kind "open" named as written).
#ifndef VNKB_INDEXER_POSITIONS_PERSON_NAMES_H_
#define VNKB_INDEXER_POSITIONS_PERSON_NAMES_H_

#include <deque>
#include <string>
#include <vector>

#include "core/taxonomy.h"

namespace kb {

struct Unit;
struct NameFound;

// Replaces, in `names` (sorted, not overlapping, as `unit_name` marks them),
// each title and what follows it up to the end of the person's name by one
// name marked `person`, whose entry is the actor the person speaks for; new
// entries are appended to `store`. Leaves `names` sorted and `unit_name`
// consistent.
void add_person_names(const std::string& text, const std::vector<Unit>& units,
                      std::vector<NameFound>& names,
                      std::vector<int>& unit_name,
                      std::deque<TaxonomyEntry>& store);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PERSON_NAMES_H_
