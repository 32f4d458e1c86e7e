// Meetings, talks and statements a news report names ("Hội đàm Việt Nam -
// Nhật Bản", "Tuyên bố chung Việt Nam-Nga", "Diễn đàn Doanh nghiệp Việt Nam
// 2020", "Phiên họp thứ 10 Ủy ban Thường vụ Quốc hội"): the forum of the
// positions taken there, as the text names it, when the taxonomy has no
// entry for it.
#ifndef VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_
#define VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// The first meeting or statement named in units [u0, u1) of the page: a
// capitalised head ("Hội nghị", "Hội đàm", "Diễn đàn", "Đối thoại",
// "Tuyên bố chung", "Phiên họp", "Hội thảo", ...) and what names it after
// (capitalised words, numbers, "cấp cao", "lần thứ", "về" ...), up to 14
// words, as written. Empty when none.
std::string named_forum(const PageMentions& page, size_t u0, size_t u1);

// Talks or a joint statement that a title reports in lower case ("Hai Thủ
// tướng Việt Nam, Nhật Bản hội đàm", "Việt Nam-Nga ra tuyên bố chung về
// ...", "Chủ tịch nước ... hội đàm với ... Trung Quốc ..."), named after
// its two sides: "Hội đàm Việt Nam - Nhật Bản". The sides are the countries
// the title names (a person's country too), completed from `parties` (the
// two countries the page names most), by their taxonomy names, Việt Nam
// first. Empty unless there are exactly two.
std::string talks_in_title(const PageMentions& page, size_t u0, size_t u1,
                           const std::vector<std::string>& parties);

// The first draft law or decree named in units [u0, u1) of the page, the
// subject of a consultation ("dự thảo Luật Biên phòng Việt Nam", "Dự thảo
// Luật Du lịch", "dự thảo Nghị định 08/2015/NĐ-CP"): "dự thảo", then a
// capitalised "Luật", "Bộ luật", "Nghị định" or "Thông tư", then at least
// one capitalised word or number, up to the first word that is neither, as
// written. Empty when none ("dự thảo Luật quy định ..." names no law).
std::string named_draft(const PageMentions& page, size_t u0, size_t u1);

// Whether `forum` is a draft named_draft gave.
bool is_draft_forum(const std::string& forum);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_FORUM_NAMES_H_
