// A passage's own date (passage_date.h).
#include "indexer/positions/passage_date.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <unordered_set>
#include <utility>

#include "core/dates.h"

namespace kb {

namespace {

// "7/3", "15-5": a day and month; nullopt for anything else ("9-10/9",
// "55/2020").
std::optional<std::pair<int, int>> day_month(const std::string& w) {
  const size_t sep = w.find_first_of("/-");
  if (sep == std::string::npos || sep == 0 || sep > 2 ||
      w.find_first_of("/-", sep + 1) != std::string::npos ||
      w.size() - sep - 1 < 1 || w.size() - sep - 1 > 2 ||
      !std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '/' || c == '-';
      })) {
    return std::nullopt;
  }
  return std::make_pair(std::atoi(w.c_str()), std::atoi(w.c_str() + sep + 1));
}

}  // namespace

std::string passage_date(const PageMentions& page, size_t u0, size_t u1,
                         const std::string& report) {
  const std::optional<Date> report_day = parse_iso_date(report);
  const int year = report_day ? report_day->year : 0;
  static const std::unordered_set<std::string> kNotOwn = {
      "trước", "đến", "hết",  "từ", "tới", "sau",
      "vào",   "hạn", "đoạn", "kể", "lực", "dự"};
  auto word = [&](size_t u) -> const std::string& { return page.word(u); };
  auto own = [&](size_t u) {  // the two words before "ngày"/"tháng"
    if (u > u0 && kNotOwn.count(word(u - 1))) return false;
    if (u > u0 + 1 && kNotOwn.count(word(u - 2))) return false;
    return true;
  };
  auto number = [&](size_t u) -> int {
    if (u >= u1 || page.unit(u).kind != TokenKind::kNumber) return -1;
    const std::string& w = word(u);
    if (w.empty() || w.size() > 4 ||
        !std::all_of(w.begin(), w.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      return -1;
    }
    return std::stoi(w);
  };
  static const std::unordered_set<std::string> kDayWords = {
      "ngày", "sáng", "chiều", "tối", "trưa", "hôm", "đêm"};
  for (size_t u = u0; u < u1; ++u) {
    const std::string& w = word(u);
    // "ngày 7/3", "chiều 15-5", "hôm 8/7": in the report's year.
    if (kDayWords.count(w) && own(u) && u + 1 < u1 && year != 0) {
      if (const auto dm = day_month(word(u + 1))) {
        if (const auto d = make_date(year, dm->second, dm->first))
          return format_iso(*d);
      }
    }
    // "hôm nay", "chiều nay": the report's own day.
    if (kDayWords.count(w) && w != "ngày" && u + 1 < u1 &&
        word(u + 1) == "nay" && report_day &&
        report_day->precision() == DatePrecision::kDay) {
      return report;
    }
    if (w != "ngày" && w != "tháng") continue;
    if (!own(u)) continue;
    if (u + 1 >= u1) continue;
    const std::string& next = word(u + 1);
    if (w == "ngày" && page.unit(u + 1).kind == TokenKind::kNumber &&
        parse_iso_date(next)) {
      return next;  // "ngày 16/8/2021" is already "2021-08-16"
    }
    if (w == "ngày") {
      const std::string& raw = next;  // "9-10/9/2021": the first day
      const size_t dash = raw.rfind('-');
      if (dash != std::string::npos && raw.find('/') != std::string::npos) {
        if (auto last = parse_dmy(raw.substr(dash + 1))) {
          const int d0 = std::atoi(raw.c_str());
          if (d0 >= 1 && d0 <= last->day) last->day = d0;
          return format_iso(*last);
        }
      }
      // "ngày 9 tháng 10 năm 2025"
      if (u + 5 < u1 && word(u + 2) == "tháng" && word(u + 4) == "năm") {
        if (const auto d =
                make_date(number(u + 5), number(u + 3), number(u + 1)))
          return format_iso(*d);
      }
      continue;
    }
    // "tháng 6/2005", "tháng 6 năm 2005"
    if (const auto m = parse_month_year(next)) return format_iso(*m);
    if (u + 3 < u1 && word(u + 2) == "năm") {
      if (const auto m = make_month(number(u + 3), number(u + 1)))
        return format_iso(*m);
    }
  }
  return {};
}

namespace {

// The first match of `re` in `text` that is no deadline or period ("trước
// ngày 24/9", "sau ngày 31/12", "từ ngày 1/3").
bool search_own(const std::string& text, const std::regex& re,
                std::smatch& out) {
  static const std::unordered_set<std::string> kNotOwn = {
      "trước", "sau", "đến", "từ", "hết", "tới", "hạn", "Trước", "Sau", "Từ"};
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end;
       ++it) {
    size_t e = it->position(0);
    while (e > 0 && text[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
    if (kNotOwn.count(text.substr(b, e - b))) continue;
    out = *it;
    return true;
  }
  return false;
}

// The year the text names most often as a time of its own ("năm 2017",
// "APEC 2017"), the latest on a tie. Left out: years inside numbers
// ("55/2020", "ASEAN-2025"), the end of a range ("2017 - 2018"), targets
// and deadlines ("đến năm 2030", "tới 2025", "trước năm 2020", "giai đoạn
// 2021", "tầm nhìn 2045": a time ahead of the report) and the start of a
// period ("từ năm 2008 tới nay": a time before it). 0 when none.
int year_named_most(const std::string& text) {
  static const std::regex kAnyYear(
      R"((?:^|[^\d/.,-])((?:19|20)\d\d)(?![\d/]))");
  static const std::unordered_set<std::string> kAhead = {
      "đến", "tới", "trước", "hết",   "đoạn", "nhìn",
      "từ",  "Đến", "Tới",   "Trước", "Từ"};
  std::map<int, int> count;
  for (std::sregex_iterator it(text.begin(), text.end(), kAnyYear), end;
       it != end; ++it) {
    const size_t at = it->position(1);
    // The word before the year, skipping "năm".
    size_t e = at;
    std::string before;
    for (int k = 0; k < 2; ++k) {
      while (e > 0 && text[e - 1] == ' ') --e;
      size_t b = e;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
      before = text.substr(b, e - b);
      e = b;
      if (before != "năm" && before != "Năm") break;
    }
    if (kAhead.count(before)) continue;
    // "2017 - 2018": the range's end.
    if (at >= 2 && text.compare(at - 2, 2, "- ") == 0) continue;
    ++count[std::stoi((*it)[1])];
  }
  int year = 0, best = 0;
  for (const auto& [y, n] : count) {
    if (n >= best) {
      best = n;
      year = y;
    }
  }
  return year;
}

}  // namespace

std::string report_date(const std::vector<std::string>& pages) {
  if (pages.empty()) return {};
  std::string text;
  for (const std::string& p : pages) text += p + "\n";
  static const std::regex kFull(
      R"((\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?!\d))");
  int year = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), kFull), end; it != end;
       ++it) {
    const int y = std::stoi((*it)[3]);
    if (make_date(y, std::stoi((*it)[2]), std::stoi((*it)[1])))
      year = std::max(year, y);
  }
  if (year == 0) year = year_named_most(text);
  const std::string opening =
      text.substr(0, std::min<size_t>(text.size(), 1500));
  // "Chiều 29/6", "Chiều nay 11/12", "hôm 8/7", "Ngày 15-5", "(11/5)".
  static const std::regex kDay(
      R"((?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm|\() ?(?:nay |qua )?(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/]))");
  // "Từ ngày 15 đến 17/5": the month of the meeting.
  static const std::regex kDays(
      R"([Nn]gày (\d{1,2}) (?:đến|-) (\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/]))");
  std::smatch m;
  if (std::regex_search(opening, m, kDays)) {
    const int y = m[4].matched ? std::stoi(m[4]) : year;
    if (const auto d = make_month(y, std::stoi(m[3]))) return format_iso(*d);
  }
  if (search_own(opening, kDay, m)) {
    const int y = m[3].matched ? std::stoi(m[3]) : year;
    if (const auto d = make_date(y, std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  static const std::regex kMonth(R"([Tt]háng (\d{1,2})[/-]((?:19|20)\d\d))");
  if (std::regex_search(opening, m, kMonth)) {
    if (const auto d = make_month(std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  // A report that dates its event at the end ("Chiều nay 11/12, ...").
  if (search_own(text, kDay, m)) {
    const int y = m[3].matched ? std::stoi(m[3]) : year;
    if (const auto d = make_date(y, std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  // Else the year the text is about, as precise as it allows.
  if (year != 0) return std::to_string(year);
  return {};
}

}  // namespace kb
