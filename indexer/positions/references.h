// Short references to an actor named earlier in the page, which news
// reports use once the full name has been given:
//   - an organisation's head noun alone, capitalised ("Tập đoàn kiến nghị"
//     after "Tập đoàn Điện lực Việt Nam", "Bộ sẽ tiếp tục" after "Bộ Công
//     Thương"), or followed by "này" ("doanh nghiệp này", "DN này" after a
//     "Công ty ..."), is the last actor named with that head;
//   - "tôi", "chúng tôi" inside a quotation is its speaker (named after
//     or before it, quoted_speech.h); elsewhere the person last named as
//     speaking, as the organisation that person speaks for.
// A plural or generic use ("các Bộ", "Bộ ngành", "Bộ Tài chính" not in the
// taxonomy) refers to no one.
#ifndef VNKB_INDEXER_POSITIONS_REFERENCES_H_
#define VNKB_INDEXER_POSITIONS_REFERENCES_H_

#include <string>
#include <vector>

namespace kb {

struct Unit;
struct NameFound;

// Adds to `names` (sorted, not overlapping, as `unit_name` marks them) one
// name for each short reference in `units` of `text`, with the entry it
// refers to. Leaves `names` sorted and `unit_name` consistent.
void add_short_references(const std::string& text,
                          const std::vector<Unit>& units,
                          std::vector<NameFound>& names,
                          std::vector<int>& unit_name);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_REFERENCES_H_
