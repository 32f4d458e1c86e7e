// A passage's own date (passage_date.h).
#include "indexer/positions/passage_date.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>
#include <unordered_set>

#include "core/dates.h"

namespace kb {

std::string passage_date(const PageMentions& page, size_t u0, size_t u1) {
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
  for (size_t u = u0; u < u1; ++u) {
    const std::string& w = word(u);
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

std::string report_date(const std::vector<std::string>& pages) {
  if (pages.empty()) return {};
  std::string text;
  for (const std::string& p : pages) text += p + "\n";
  static const std::regex kFull(
      R"((\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?!\d))");
  static const std::regex kYear(R"((?:năm|Năm) ((?:19|20)\d\d)(?!\d))");
  int year = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), kFull), end; it != end;
       ++it) {
    const int y = std::stoi((*it)[3]);
    if (make_date(y, std::stoi((*it)[2]), std::stoi((*it)[1])))
      year = std::max(year, y);
  }
  if (year == 0) {
    std::map<int, int> count;
    for (std::sregex_iterator it(text.begin(), text.end(), kYear), end;
         it != end; ++it) {
      ++count[std::stoi((*it)[1])];
    }
    int best = 0;
    for (const auto& [y, n] : count) {
      if (n >= best) {
        best = n;
        year = y;
      }
    }
  }
  const std::string opening =
      text.substr(0, std::min<size_t>(text.size(), 1500));
  static const std::regex kDay(
      R"((?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|\() ?(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d\d))?(?![\d/]))");
  std::smatch m;
  if (std::regex_search(opening, m, kDay)) {
    const int y = m[3].matched ? std::stoi(m[3]) : year;
    if (const auto d = make_date(y, std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  static const std::regex kMonth(R"([Tt]háng (\d{1,2})[/-]((?:19|20)\d\d))");
  if (std::regex_search(opening, m, kMonth)) {
    if (const auto d = make_month(std::stoi(m[2]), std::stoi(m[1])))
      return format_iso(*d);
  }
  return {};
}

}  // namespace kb
