// Meetings, talks and statements a news report names ("Hội đàm Việt Nam -
// Nhật Bản", "Tuyên bố chung Việt Nam-Nga", "Diễn đàn Doanh nghiệp Việt Nam
// 2020", "Phiên họp thứ 10 Ủy ban Thường vụ Quốc hội"): the forum of the
// positions taken there, as the text names it, when the taxonomy has no
// entry for it.
#ifndef VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_
#define VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_

#include <cstddef>
#include <string>

#include "indexer/positions/mentions.h"

namespace kb {

// The first meeting or statement named in units [u0, u1) of the page: a
// capitalised head ("Hội nghị", "Hội đàm", "Diễn đàn", "Đối thoại",
// "Tuyên bố chung", "Phiên họp", "Hội thảo", ...) and what names it after
// (capitalised words, numbers, "cấp cao", "lần thứ", "về" ...), up to 14
// words, as written. Empty when none.
std::string named_forum(const PageMentions& page, size_t u0, size_t u1);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_
