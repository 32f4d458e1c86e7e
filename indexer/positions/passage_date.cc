// A passage's own date (passage_date.h).
#include "indexer/positions/passage_date.h"

#include <algorithm>
#include <cstdlib>
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

}  // namespace kb
