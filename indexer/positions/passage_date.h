// The date a passage states as its own ("ngày 16/8/2021", "tháng 6 năm
// 2005"), which a position takes instead of the document's date.
#ifndef VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_
#define VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_

#include <cstddef>
#include <string>

#include "indexer/positions/mentions.h"

namespace kb {

// The first date stated in units [u0, u1) of the page: "ngày 16/8/2021",
// "ngày 9 tháng 10 năm 2025", "ngày 9-10/9/2021" (the first day), "tháng
// 6/2005", "tháng 6 năm 2005", as YYYY-MM-DD or YYYY-MM. Deadlines and
// periods ("trước ngày", "đến năm", "từ ngày") are not the passage's date.
// Empty when none.
std::string passage_date(const PageMentions& page, size_t u0, size_t u1);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_
