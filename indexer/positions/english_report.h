// The meeting and the day an English report covers: its first heading's
// date and session, its title's meeting; and a day a sentence moves on to.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_REPORT_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_REPORT_H_

#include <string>
#include <string_view>

namespace kb {

// The meeting and the day an English report covers, from its first lines;
// each may be empty.
struct ReportHead {
  std::string forum;  // "COP-7", "EXP-9", "Workshop on Examples"
  // As precise as the heading tells a sentence's day: "8 NOVEMBER 2001" is
  // that day, "4-6 APRIL 2001" the month, "28 AUGUST - 1 SEPTEMBER 1995"
  // the year (YYYY-MM-DD, YYYY-MM or YYYY); with no date in the heading,
  // the month of the title's meeting ("... Conference - May 2012").
  std::string date;
};
ReportHead english_report_head(std::string_view first_page);

// A day a sentence names with its weekday ("on Friday evening, 3 March"),
// in the report's year (`year` starts with four digits): the day the
// report moves on to, as YYYY-MM-DD. Else "".
std::string named_day(std::string_view sentence, std::string_view year);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_REPORT_H_
