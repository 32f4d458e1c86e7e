// The meeting and day of an English report (english_report.h).
#include "indexer/positions/english_report.h"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

#include "core/dates.h"
#include "indexer/positions/english_subject.h"

namespace kb {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

int month_number(std::string_view name) {
  const std::string m = english::ascii_lower(name);
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (m == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

std::optional<Date> day_of(const std::string& d, const std::string& m,
                           const std::string& y) {
  const int month = month_number(m);
  if (month == 0) return std::nullopt;
  return make_date(std::stoi(y), month, std::stoi(d));
}

// The days a heading names, as precise as it says which day a sentence is
// from: "8 NOVEMBER 2001" is that day; a range ("4-6 APRIL 2001") is its
// month, or its year when it spans two months ("28 AUGUST - 1 SEPTEMBER
// 1995"): a summary of several days dates a sentence only where the text
// names its day.
void read_heading_days(std::string_view line, ReportHead* head) {
  static const std::regex across(
      "(\\d{1,2})\\s+([A-Za-z]+)\\s*(?:-|\xE2\x80\x93)\\s*(\\d{1,2})\\s+([A-Za-"
      "z]+),?\\s+(\\d{4})");
  static const std::regex within(
      "(\\d{1,2})\\s*(?:-|\xE2\x80\x93)\\s*(\\d{1,2})\\s+([A-Za-z]+),?\\s+(\\d{"
      "4})");
  static const std::regex one(R"((\d{1,2})\s+([A-Za-z]+),?\s+(\d{4}))");
  const std::string l(line);
  std::smatch m;
  if (std::regex_search(l, m, across)) {
    const auto a = day_of(m[1], m[2], m[5]);
    if (a && day_of(m[3], m[4], m[5])) {
      head->date = format_iso(*make_year(a->year));
      return;
    }
  }
  if (std::regex_search(l, m, within)) {
    const auto a = day_of(m[1], m[3], m[4]);
    if (a && day_of(m[2], m[3], m[4])) {
      head->date = format_iso(*make_month(a->year, a->month));
      return;
    }
  }
  for (auto it = std::sregex_iterator(l.begin(), l.end(), one);
       it != std::sregex_iterator(); ++it) {
    if (const auto d = day_of((*it)[1], (*it)[2], (*it)[3])) {
      head->date = format_iso(*d);
      return;
    }
  }
}

int ordinal(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kOrdinals = {
      "first",     "second",      "third",      "fourth",     "fifth",
      "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
      "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
  const std::string w = english::ascii_lower(word);
  for (size_t i = 0; i < kOrdinals.size(); ++i)
    if (w == kOrdinals[i]) return static_cast<int>(i + 1);
  return 0;
}

}  // namespace

ReportHead english_report_head(std::string_view page) {
  ReportHead head;
  std::string title, heading;
  size_t at = 0;
  for (int n = 0; n < 12 && at < page.size(); ++n) {
    size_t end = page.find('\n', at);
    if (end == std::string_view::npos) end = page.size();
    const std::string_view line = page.substr(at, end - at);
    at = end + 1;
    if (title.empty() && line.find("Negotiations Bulletin") != line.npos)
      title = line;
    if (heading.empty() && !line.empty() && line[0] == '#')
      heading = line.substr(line.find_first_not_of("# "));
  }
  read_heading_days(heading, &head);
  if (head.date.empty()) {
    // The meeting's month in the title ("Bonn Climate Change Conference -
    // May 2012"): a daily report whose heading names no day ("SB 36
    // HIGHLIGHTS") says only "On Tuesday", which is no date.
    static const std::regex month_year(R"(\b([A-Z][a-z]+) (\d{4})\b)");
    for (auto it = std::sregex_iterator(title.begin(), title.end(), month_year);
         it != std::sregex_iterator(); ++it) {
      const int month = month_number((*it)[1].str());
      if (month == 0) continue;
      if (const auto d = make_month(std::stoi((*it)[2].str()), month)) {
        head.date = format_iso(*d);
        break;
      }
    }
  }
  // A session's short name in the heading ("COP-7", "SB 34").
  static const std::regex short_name(
      R"(\b([A-Z]{2,}(?:/[A-Z]+)?-\d+(?:-\d+)?|(?:COP|SB|ADP|AWG-[A-Z]+|SBSTA|SBI|INC|MOP) \d+(?:-\d+)?)\b)");
  std::smatch m;
  if (std::regex_search(heading, m, short_name)) {
    head.forum = m[1].str();
    return head;
  }
  // "– Ninth session of the ... (EXP) (Town) –": "EXP-9".
  static const std::regex session(
      R"(([A-Za-z]+) [Ss]ession of [^()]*\(([A-Z][A-Za-z0-9/-]+)\))");
  if (std::regex_search(title, m, session) && ordinal(m[1].str()) > 0) {
    head.forum = m[2].str() + "-" + std::to_string(ordinal(m[1].str()));
    return head;
  }
  // Else the meeting the title names, without its place.
  const std::string dash = "\xE2\x80\x93";  // "–"
  const size_t a = title.find(" " + dash + " ");
  if (a != std::string::npos) {
    std::string meeting = title.substr(a + dash.size() + 2);
    const size_t b = meeting.rfind(" " + dash);
    if (b != std::string::npos) meeting = meeting.substr(0, b);
    const size_t paren = meeting.find(" (");
    if (paren != std::string::npos) meeting = meeting.substr(0, paren);
    if (meeting.find_first_not_of(" ()") != std::string::npos)
      head.forum = meeting;
  }
  return head;
}

std::string named_day(std::string_view sentence, std::string_view year) {
  static const std::regex day(
      R"((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[a-z ]{0,20},? (\d{1,2}) ([A-Z][a-z]+))");
  if (year.size() < 4 ||
      !std::all_of(year.begin(), year.begin() + 4,
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  const std::string l(sentence);
  std::smatch m;
  if (!std::regex_search(l, m, day)) return {};
  const std::string month = english::ascii_lower(m[2].str());
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (month != kMonths[i]) continue;
    return format_iso(Date{std::stoi(std::string(year.substr(0, 4))),
                           static_cast<int>(i) + 1, std::stoi(m[1].str())});
  }
  return {};
}

}  // namespace kb
