// A chair's role named as a circumstance of a sentence: "Với vai trò Chủ
// tịch ASEAN, Việt Nam đã ...", "Việt Nam với cương vị nước điều phối quan
// hệ ASEAN-Ấn Độ ...", "trong vai trò Chủ tịch ABAC năm 2017, Việt Nam ...".
// The actor the sentence is about holds the role: it leads (LABELS.md).
#ifndef VNKB_INDEXER_POSITIONS_ROLE_PHRASES_H_
#define VNKB_INDEXER_POSITIONS_ROLE_PHRASES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// A role phrase: its head words [u0, u1) ("vai trò Chủ tịch") and the end of
// what it is the role of ([u1, end): up to the next comma or the sentence's
// end), with the actors holding it.
struct RolePhrase {
  size_t u0 = 0, u1 = 0, end = 0;
  std::vector<std::string> holders;
};

// The first role phrase of the sentence of units [su0, su1) whose holder is
// an actor of the sentence (role_phrases.cc says which); none when `found`
// is false.
RolePhrase find_role_phrase(const PageMentions& page, size_t su0, size_t su1,
                            bool& found);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_ROLE_PHRASES_H_
