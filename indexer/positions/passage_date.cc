// A passage's own date (passage_date.h).
#include "indexer/positions/passage_date.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <regex>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "core/dates.h"
#include "indexer/positions/sentences.h"

namespace kb {

namespace {

// "7/3", "15-5", "26.6" (as some papers write it): a day and month; nullopt
// for anything else ("9-10/9", "55/2020", "1.400").
std::optional<std::pair<int, int>> day_month(const std::string& w) {
  const size_t sep = w.find_first_of("/-.");
  if (sep == std::string::npos || sep == 0 || sep > 2 ||
      w.find_first_of("/-.", sep + 1) != std::string::npos ||
      w.size() - sep - 1 < 1 || w.size() - sep - 1 > 2 ||
      !std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.';
      })) {
    return std::nullopt;
  }
  return std::make_pair(std::atoi(w.c_str()), std::atoi(w.c_str() + sep + 1));
}

// Whether "trình" is the verb "submit" ("dự thảo Luật ... trình Quốc hội
// ngày 21/10/2020": the draft's date, not a statement's), not part of a noun
// ("chương trình", "lộ trình", "quá trình", "Tờ trình").
bool submits(const std::string& before, const std::string& w) {
  static const std::unordered_set<std::string> kNouns = {
      "chương", "Chương", "lộ", "Lộ", "quá",  "Quá",  "công", "Công",
      "tiến",   "Tiến",   "tờ", "Tờ", "giáo", "hành", "đệ",   "phiên"};
  return (w == "trình" || w == "Trình") && !kNouns.count(before);
}

}  // namespace

std::string passage_date(const PageMentions& page, size_t u0, size_t u1,
                         const std::string& report) {
  const std::optional<Date> report_day = parse_iso_partial_date(report);
  const int year = report_day ? report_day->year : 0;
  static const std::unordered_set<std::string> kNotOwn = {
      "trước", "đến", "hết",  "từ", "tới", "sau",
      "vào",   "hạn", "đoạn", "kể", "lực", "dự"};
  auto word = [&](size_t u) -> const std::string& { return page.word(u); };
  auto own = [&](size_t u) {  // the two words before "ngày"/"tháng"
    if (u > u0 && kNotOwn.count(word(u - 1))) return false;
    if (u > u0 + 1 && kNotOwn.count(word(u - 2))) return false;
    // "trình Quốc hội ngày ...": a draft's date.
    for (size_t k = 1; k <= 3 && u >= u0 + k; ++k) {
      if (submits(u >= u0 + k + 1 ? word(u - k - 1) : std::string(),
                  word(u - k)))
        return false;
    }
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
    // "hôm nay 30.6", "chiều nay 11/12": today, named by its date, in the
    // report's year (a present even after "đến hết").
    if (kDayWords.count(w) && u + 2 < u1 && word(u + 1) == "nay" && year != 0) {
      if (const auto dm = day_month(word(u + 2))) {
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
      // "ngày 17 tháng 8": in the report's year, as "ngày 7/3".
      if (u + 3 < u1 && word(u + 2) == "tháng" && year != 0 &&
          (u + 4 >= u1 || word(u + 4) != "năm")) {
        if (const auto d = make_date(year, number(u + 3), number(u + 1)))
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

// The word before byte `at` of `text`, blanks skipped; empty at the start.
// `start` (when given) receives where it begins.
std::string word_before(const std::string& text, size_t at,
                        size_t* start = nullptr) {
  size_t e = at;
  while (e > 0 && text[e - 1] == ' ') --e;
  size_t b = e;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
  if (start) *start = b;
  return text.substr(b, e - b);
}

// Whether a date written at byte `at` is not the report's own: a deadline
// or period ("trước ngày 24/9", "từ ngày 1/3"), the date of a document cited
// by its number ("Quyết định số 37/2011/QĐ-TTg ngày 29/6/2011", "Tờ trình
// số 02 ngày 4/1"), or an earlier event ("Trước đó, ngày 3/11, ...").
// Whether a date written at byte `at` is that of a document cited by its
// number ("Quyết định số 37/2011/QĐ-TTg ngày 29/6/2011", "Tờ trình số 02
// ngày 4/1").
bool cites_document(const std::string& text, size_t at) {
  size_t b = 0;
  const std::string w = word_before(text, at, &b);
  if (w.find('/') != std::string::npos) return true;  // "37/2011/QĐ-TTg"
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return c >= '0' && c <= '9';
  }) && word_before(text, b) == "số";
}

bool not_own(const std::string& text, size_t at) {
  static const std::unordered_set<std::string> kNotOwn = {
      "trước", "sau", "đến", "từ",  "hết", "tới", "hạn",
      "Trước", "Sau", "Từ",  "Đến", "Hết", "Tới"};
  size_t b = 0;
  const std::string w = word_before(text, at, &b);
  if (kNotOwn.count(w) || cites_document(text, at)) return true;
  // "dự thảo Luật ... trình Quốc hội ngày 21/10/2020": the draft's date.
  for (size_t e = at, k = 0; k < 3; ++k) {
    const std::string v = word_before(text, e, &e);
    if (v.empty() || v.find_first_of(",.;:") != std::string::npos) break;
    if (submits(word_before(text, e), v)) return true;
  }
  if (w == "đó,") {
    const std::string w2 = word_before(text, b);
    return w2 == "Trước" || w2 == "trước";
  }
  // A sentence that opens with "Trước đó," tells an earlier event wherever
  // its date stands ("Trước đó, Báo ... đã phản ánh, ngày 4.1.2017, ...").
  const size_t stop = text.find_last_of(".\n", at == 0 ? 0 : at - 1);
  size_t open = stop == std::string::npos ? 0 : stop + 1;
  while (open < at && text[open] == ' ') ++open;
  static constexpr std::string_view kEarlier = "Trước đó,";
  return text.compare(open, kEarlier.size(), kEarlier) == 0;
}

// The first match of `re` in `text` that is the report's own (not_own).
bool search_own(const std::string& text, const std::regex& re,
                std::smatch& out) {
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end;
       ++it) {
    if (not_own(text, it->position(0))) continue;
    out = *it;
    return true;
  }
  return false;
}

// Whether the year at byte `at` is part of an agreement's name ("Hiệp định
// Paris 2015", "thỏa thuận Paris 2015", "Công ước Luật Biển 1982"): the
// year another event was made, not the report's (a G20 summit "hôm 8/7"
// that withdrew from it is not of 2015).
bool names_an_agreement(const std::string& text, size_t at) {
  static const std::unordered_set<std::string> kAgreements = {
      "hiệp", "Hiệp", "thỏa", "Thỏa", "thoả", "Thoả", "ước", "Ước"};
  size_t e = at;
  for (int k = 0; k < 4; ++k) {
    const std::string w = word_before(text, e, &e);
    if (w.empty() || w.find_first_of(",.;:()\"") != std::string::npos)
      return false;
    if (kAgreements.count(w)) return true;
  }
  return false;
}

// The year the text names most often as a time of its own ("năm 2017",
// "APEC 2017"), the latest on a tie. Left out: years inside numbers
// ("55/2020", "ASEAN-2025"), the end of a range ("2017 - 2018"), targets
// and deadlines ("đến năm 2030", "đến tháng 12 năm 2030", "tới 2025",
// "trước năm 2020", "giai đoạn 2021", "tầm nhìn 2045", "sau năm 2020",
// "nhiệm kỳ 2020", "Chương trình nghị sự 2030": a time ahead of the
// report) and the start of a period
// ("từ năm 2008 tới nay": a time before it). 0 when none.
int year_named_most(const std::string& text) {
  static const std::regex kAnyYear(
      R"((?:^|[^\d/.,-])((?:19|20)\d\d)(?![\d/]))");
  static const std::unordered_set<std::string> kAhead = {
      "đến", "tới", "trước", "hết", "đoạn",  "nhìn", "từ", "sau",
      "kỳ",  "sự",  "Đến",   "Tới", "Trước", "Từ",   "Sau"};
  std::map<int, int> count;
  for (std::sregex_iterator it(text.begin(), text.end(), kAnyYear), end;
       it != end; ++it) {
    const size_t at = it->position(1);
    // The word before the year, skipping "năm".
    size_t e = at;
    std::string before;
    for (int k = 0; k < 2; ++k) {
      before = word_before(text, e, &e);
      if (before != "năm" && before != "Năm") break;
    }
    // "đến tháng 12 năm 2030": the word before the month.
    if (!before.empty() &&
        std::all_of(before.begin(), before.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      size_t m = e;
      const std::string month = word_before(text, m, &m);
      if (month == "tháng" || month == "Tháng") before = word_before(text, m);
    }
    // "“Từ năm 2008 tới nay": an opening mark is no part of the word.
    for (const std::string_view mark : {"\u201C", "\"", "("}) {
      if (before.rfind(mark, 0) == 0) before.erase(0, mark.size());
    }
    if (kAhead.count(before)) continue;
    if (names_an_agreement(text, at)) continue;
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

// 0 for Sunday .. 6 for Saturday (Sakamoto's method).
int weekday(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

// The year nearest `year` (within six) in which the weekday of a report's
// "thứ Năm (1/6)", "Thứ Ba, 7/3", "Chủ nhật 9/7" falls on its day; `year`
// when the text names no weekday with a day or none fits.
int year_of_weekday(const std::string& opening, int year) {
  static const std::regex kWeekday(
      R"((?:[Tt]hứ ([Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ [Nn]hật)[ ,(]*(?:ngày )?(\d{1,2})[/-](\d{1,2})(?![\d/]))");
  std::smatch m;
  if (year == 0 || !std::regex_search(opening, m, kWeekday)) return year;
  int wd = 0;  // Chủ nhật
  if (m[1].matched) {
    static const std::map<std::string, int> kDays = {
        {"hai", 1}, {"ba", 2}, {"tư", 3}, {"năm", 4}, {"sáu", 5}, {"bảy", 6}};
    std::string name = m[1];
    if (name[0] >= 'A' && name[0] <= 'Z') name[0] = name[0] - 'A' + 'a';
    const auto it = kDays.find(name);
    wd = it != kDays.end() ? it->second : (std::stoi(name) - 1) % 7;
  }
  const int d = std::stoi(m[2]), mo = std::stoi(m[3]);
  for (int k = 0; k <= 6; ++k) {
    for (const int y : {year + k, year - k}) {
      if (make_date(y, mo, d) && weekday(y, mo, d) == wd) return y;
    }
  }
  return year;
}

// The year of month `month` where the paragraph of byte `near` names it
// with one: "tháng 7 năm 2017", "tháng 7/2017" (the report's own: not a
// deadline's or a period's, "đến tháng 7/2018"). A day "từ ngày 15 đến
// 17/7" belongs to the month its paragraph dates, not to the year of
// another event the text names more often. 0 when the paragraph names none.
int year_of_month_in_paragraph(const std::string& text, int month,
                               size_t near) {
  static const std::regex kMonthYear(
      R"([Tt]háng (\d{1,2})(?:/| năm )((?:19|20)\d\d)(?![\d/]))");
  if (text.empty()) return 0;
  near = std::min(near, text.size() - 1);
  const size_t nl = near == 0 ? std::string::npos : text.rfind('\n', near - 1);
  const size_t b = nl == std::string::npos ? 0 : nl + 1;
  size_t e = text.find('\n', near);
  if (e == std::string::npos) e = text.size();
  if (e <= b) return 0;
  const auto first = text.begin() + static_cast<std::ptrdiff_t>(b);
  const auto last = text.begin() + static_cast<std::ptrdiff_t>(e);
  int year = 0;
  size_t best = std::string::npos;
  for (std::sregex_iterator it(first, last, kMonthYear), end; it != end; ++it) {
    const std::smatch& m = *it;
    const size_t at = b + static_cast<size_t>(m.position(0));
    if (std::stoi(m[1]) != month || not_own(text, at)) continue;
    const size_t gap = at > near ? at - near : near - at;
    if (gap < best) {
      best = gap;
      year = std::stoi(m[2]);
    }
  }
  return year;
}

// The report's year for a day written without one, the day at byte `near`:
// the dateline's (the year before for a day months after it: "28/12" in a
// report of January), else that of its month where its paragraph names it
// (year_of_month_in_paragraph), else that of the latest full date of the text,
// else the year it names most; a weekday with the day settles it. 0 when the
// text names no year.
int report_year(const std::string& text, const std::optional<Date>& dateline,
                int month, size_t near = 0) {
  if (dateline) {
    return dateline->month && month > dateline->month + 1 ? dateline->year - 1
                                                          : dateline->year;
  }
  if (month != 0) {
    if (const int y = year_of_month_in_paragraph(text, month, near); y != 0)
      return y;
  }
  static const std::regex kFull(
      R"((\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?!\d))");
  int year = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), kFull), end; it != end;
       ++it) {
    // Not a cited document's date ("số 37/2011/QĐ-TTg ngày 29/6/2011").
    size_t at = it->position(0);
    const std::string before = word_before(text, at, &at);
    if ((before == "ngày" || before == "Ngày") && cites_document(text, at))
      continue;
    const int y = std::stoi((*it)[4]);
    if (make_date(y, std::stoi((*it)[3]), std::stoi((*it)[1])))
      year = std::max(year, y);
  }
  if (year == 0) year = year_named_most(text);
  return year_of_weekday(text.substr(0, std::min<size_t>(text.size(), 1500)),
                         year);
}

// The first "tháng 6/2017" or "tháng 6 năm 2017" of `text` that is not a
// time ahead of the report ("đến tháng 12 năm 2030", "trước tháng
// 11/2021": a target or a deadline); "đến hết tháng 9/2020" (as of the end
// of September) is the report's present.
std::optional<std::smatch> month_not_ahead(const std::string& text) {
  static const std::regex kMonth(
      R"([Tt]háng (\d{1,2})(?:[/-]| năm )((?:19|20)\d\d))");
  static const std::unordered_set<std::string> kAhead = {
      "đến", "tới", "trước", "sau", "hạn", "Đến", "Tới", "Trước", "Sau"};
  for (std::sregex_iterator it(text.begin(), text.end(), kMonth), end;
       it != end; ++it) {
    if (!kAhead.count(word_before(text, it->position(0)))) return *it;
  }
  return std::nullopt;
}

// A lead paragraph placed last (after_lead_marker) is where such news
// date their event ("... được tổ chức ngày 31/10"), so it opens the text.
// The lead and a newline, or empty.
std::string lead_placed_last(const std::string& text) {
  for (size_t at = text.find("\nmore("); at != std::string::npos;
       at = text.find("\nmore(", at + 1)) {
    const size_t b = after_lead_marker(text, at + 1);
    if (b == at + 1) continue;
    const size_t e = text.find('\n', b);
    return text.substr(b, e == std::string::npos ? std::string::npos : e - b) +
           "\n";
  }
  return {};
}

}  // namespace

namespace {

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_of(const Date& d) {
  const int y = d.year - (d.month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>((d.month + 9) % 12);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Whether `day` can be the meeting a report dated `dateline` tells of: in
// the month before it, at the latest on it (a day years away is an event
// the report recalls: "Tuyên bố chung ký ngày 29/5/2015"); in its year when
// the dateline has no day. Any day without a dateline.
bool near_dateline(const std::string& day, const std::optional<Date>& own) {
  const std::optional<Date> d = parse_iso_date(day);
  if (!own || !d) return true;
  if (own->precision() != DatePrecision::kDay) return d->year == own->year;
  const long gap = days_of(*own) - days_of(*d);
  return gap >= 0 && gap <= 31;
}

// The month of a meeting held over several days that ended at most a week
// before `day` ("... được tổ chức tại Geneva từ ngày 5 đến ngày 14 tháng 8
// năm 2025", then "ngày 17 tháng 8" in the opening): the opening's day is
// then a reaction to the meeting, and the report's statements without a
// date of their own were made at the meeting (LABELS.md: the meeting's date
// before the dateline); the sentence of the range says the meeting was held.
// Empty when the text names no such meeting.
std::string meeting_month_before(const std::string& text,
                                 const std::string& day) {
  const std::optional<Date> d = parse_iso_date(day);
  if (!d) return {};
  static const std::regex kRange(
      R"([Nn]gày (\d{1,2}) ?(?:đến|-|–) ?(?:ngày )?(\d{1,2})(?:[/-]| tháng )(\d{1,2})(?:(?:[/-]| năm )((?:19|20)\d\d))?(?![\d/]))");
  for (std::sregex_iterator it(text.begin(), text.end(), kRange), end;
       it != end; ++it) {
    const std::smatch& m = *it;
    // The meeting the report tells of is one its sentence says was held
    // ("được tổ chức tại Geneva từ ngày 5 ...", "diễn ra từ ngày ..."), not
    // one named in passing ("dự Hội nghị G20 tại Đức (từ ngày 7 đến 8-7)").
    const size_t at = static_cast<size_t>(m.position(0));
    const size_t stop = text.find_last_of(".\n", at);
    const size_t open = stop == std::string::npos ? 0 : stop + 1;
    const std::string_view lead(text.data() + open, at - open);
    if (lead.find("tổ chức") == std::string_view::npos &&
        lead.find("diễn ra") == std::string_view::npos)
      continue;
    const int y = m[4].matched ? std::stoi(m[4]) : d->year;
    const auto last = make_date(y, std::stoi(m[3]), std::stoi(m[2]));
    if (!last || std::stoi(m[1]) >= last->day) continue;
    const long gap = days_of(*d) - days_of(*last);
    if (gap < 1 || gap > 7) continue;
    if (const auto month = make_month(y, last->month))
      return format_iso(*month);
  }
  return {};
}

}  // namespace

std::string report_date(const std::vector<std::string>& pages,
                        const std::string& dateline) {
  if (pages.empty()) return dateline;
  std::string text;
  for (const std::string& p : pages) text += p + "\n";
  const std::optional<Date> own = parse_iso_partial_date(dateline);
  const std::string lead = lead_placed_last(text);
  const std::string opening =
      lead + text.substr(0, std::min<size_t>(text.size(), 1500));
  // Where byte `at` of the opening is in the text.
  const size_t lead_at =
      lead.empty() ? 0 : text.find(lead.substr(0, lead.size() - 1));
  auto in_text = [&](size_t at) {
    return at >= lead.size() ? at - lead.size() : lead_at + at;
  };
  auto day = [&](const std::smatch& m, int d, int mo,
                 size_t at) -> std::string {
    const int y =
        m[3].matched ? std::stoi(m[3]) : report_year(text, own, mo, at);
    const auto date = make_date(y, mo, d);
    if (!date || !near_dateline(format_iso(*date), own)) return {};
    return format_iso(*date);
  };
  // "Từ ngày 15 đến 17/5", "vào ngày 18-19/8/2020": the month of the
  // meeting.
  static const std::regex kDays(
      R"([Nn]gày (\d{1,2}) ?(?:đến|-|–) ?(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/]))");
  std::smatch range;
  const bool has_range = std::regex_search(opening, range, kDays);
  // "Chiều 29/6", "Chiều nay 11/12", "hôm 8/7", "Ngày 15-5", "(11/5)",
  // "Ngày 26.6", "(30.6)", "ngày 4.1.2017".
  static const std::regex kDay(
      R"((?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm|\() ?(?:nay,? |qua,? )?(\d{1,2})[/.-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/])(?!\.\d)|[Nn]gày (\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d))");
  // "ngày 28 tháng 1", "Hà Nội, ngày 9 tháng 10 năm 2025".
  static const std::regex kDayInWords(
      R"([Nn]gày (\d{1,2}) tháng (\d{1,2})(?: năm ((?:19|20)\d\d))?)");
  std::smatch m, w;
  const bool has_day = search_own(opening, kDay, m);
  const bool has_words = search_own(opening, kDayInWords, w);
  // A meeting over several days dates the report by its month, unless the
  // opening names one day before it ("Chiều 23/6, lễ đón ... thăm Việt Nam
  // từ ngày 23 - 26/6/2017": the day of the talks).
  if (has_range && (!has_day || range.position(0) < m.position(0))) {
    const int mo = std::stoi(range[3]);
    const int y = range[4].matched
                      ? std::stoi(range[4])
                      : report_year(text, own, mo, in_text(range.position(0)));
    const auto d = make_month(y, mo);
    if (d && (!own || own->year == y)) return format_iso(*d);
  }
  bool words_first = has_words && (!has_day || w.position(0) < m.position(0));
  // A record's own dateline ("Hà Nội, ngày 9 tháng 4 năm 2025") before the
  // day of its meeting ("Chiều 8/4/2025, ... tổ chức hội thảo"): the
  // meeting's day.
  if (words_first && has_day && own && w[3].matched) {
    const auto d = make_date(std::stoi(w[3]), std::stoi(w[2]), std::stoi(w[1]));
    words_first = !(d && format_iso(*d) == dateline);
  }
  if (words_first) {
    if (std::string d =
            day(w, std::stoi(w[1]), std::stoi(w[2]), in_text(w.position(0)));
        !d.empty()) {
      if (std::string month = meeting_month_before(text, d); !month.empty())
        return month;
      return d;
    }
  } else if (has_day) {
    if (m[4].matched) {  // "ngày 4.1.2017"
      const auto d =
          make_date(std::stoi(m[6]), std::stoi(m[5]), std::stoi(m[4]));
      if (d && near_dateline(format_iso(*d), own)) return format_iso(*d);
    } else if (std::string d = day(m, std::stoi(m[1]), std::stoi(m[2]),
                                   in_text(m.position(0)));
               !d.empty()) {
      if (std::string month = meeting_month_before(text, d); !month.empty())
        return month;
      return d;
    }
  }
  // The document's own dateline, else the month of the opening.
  if (own) return dateline;
  if (const std::optional<std::smatch> month = month_not_ahead(opening)) {
    m = *month;
    if (const auto d = make_month(std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  // A report that dates its event at the end ("Chiều nay 11/12, ...").
  if (search_own(text, kDay, m) && !m[4].matched) {
    if (std::string d = day(m, std::stoi(m[1]), std::stoi(m[2]), m.position(0));
        !d.empty())
      return d;
  }
  // Else the year the text is about, as precise as it allows.
  if (const int year = report_year(text, own, 0); year != 0)
    return std::to_string(year);
  return {};
}

}  // namespace kb
