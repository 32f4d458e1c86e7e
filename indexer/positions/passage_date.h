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
// states none (LABELS.md: the statement's date, else the meeting's, else
// the dateline): the first day named in its opening ("Chiều 29/6, ...",
// "Ngày 31/5/2017", "(11/5)", "ngày 28 tháng 1"; not a deadline, the date
// of a document cited by number, nor an earlier event "Trước đó, ngày
// ..."), or the month of a meeting over several days ("Từ ngày 15 đến
// 17/5"); with a `dateline` (the document's own date, metadata's issue date;
// may be empty) only a day in the month up to it, else the dateline itself.
// Without one: the first "tháng 6/2017" of the opening, else a day named
// later in the text, else the year alone. A day written without its year
// takes the dateline's year, else that of the latest full date of the text
// (not a cited document's), else the year the text names most often; a
// weekday with the day ("thứ Năm (1/6)") settles the year. YYYY-MM-DD,
// YYYY-MM or YYYY; empty when the text gives none.
std::string report_date(const std::vector<std::string>& pages,
                        const std::string& dateline = {});

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PASSAGE_DATE_H_
