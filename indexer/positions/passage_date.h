// The date a passage states as its own ("ngày 16/8/2021", "tháng 6 năm
// 2005"), which a position takes instead of the document's date.
#ifndef VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_
#define VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// The first date stated in units [u0, u1) of the page: "ngày 16/8/2021",
// "ngày 9 tháng 10 năm 2025", "ngày 9-10/9/2021" (the first day), "tháng
// 6/2005", "tháng 6 năm 2005", as YYYY-MM-DD or YYYY-MM. Deadlines and
// periods ("trước ngày", "đến năm", "từ ngày") are not the passage's date.
// With the report's date `report` (report_date; may be empty), also "ngày
// 7/3", "chiều 15-5" in the report's year and "hôm nay", "chiều nay" as the
// report's day. Empty when none.
std::string passage_date(const PageMentions& page, size_t u0, size_t u1,
                         const std::string& report = {});

// The date a news report gives its event, for positions whose sentence
// states none: the first day named in its opening ("Chiều 29/6, ...",
// "Ngày 31/5/2017", "(11/5)"), in the year of the latest full date of the
// text ("ngày 1/7/2017"; else the year the text names most often), else the
// first "tháng 6/2017" of the opening. YYYY-MM-DD or YYYY-MM; empty when
// the text gives none.
std::string report_date(const std::vector<std::string>& pages);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_
