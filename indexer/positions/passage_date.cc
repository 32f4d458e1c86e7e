// A passage's own date (passage_date.h).
#include "indexer/positions/passage_date.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

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
  char buf[48];
  for (size_t u = u0; u < u1; ++u) {
    const std::string& w = word(u);
    if (w != "ngày" && w != "tháng") continue;
    if (!own(u)) continue;
    if (u + 1 >= u1) continue;
    const std::string& next = word(u + 1);
    if (w == "ngày" && next.size() == 10 && next[4] == '-' && next[7] == '-' &&
        page.unit(u + 1).kind == TokenKind::kNumber) {
      return next;  // "ngày 16/8/2021" is already "2021-08-16"
    }
    if (w == "ngày") {
      const std::string& raw = next;  // "9-10/9/2021": the first day
      const size_t dash = raw.rfind('-');
      if (dash != std::string::npos && raw.find('/') != std::string::npos) {
        std::string tail = raw.substr(dash + 1);
        int d = 0, m = 0, y = 0;
        if (std::sscanf(tail.c_str(), "%d/%d/%d", &d, &m, &y) == 3 && d >= 1 &&
            d <= 31 && m >= 1 && m <= 12 && y > 1800) {
          int d0 = std::atoi(raw.c_str());
          if (d0 >= 1 && d0 <= d) d = d0;
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
          return buf;
        }
      }
      // "ngày 9 tháng 10 năm 2025"
      const int d = number(u + 1);
      if (d >= 1 && d <= 31 && u + 5 < u1 + 1 && u + 2 < u1 &&
          word(u + 2) == "tháng") {
        const int m = number(u + 3);
        if (m >= 1 && m <= 12 && u + 4 < u1 && word(u + 4) == "năm") {
          const int y = number(u + 5);
          if (y > 1800) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
            return buf;
          }
        }
      }
      continue;
    }
    // "tháng 6/2005", "tháng 6 năm 2005"
    int m = 0, y = 0;
    if (std::sscanf(next.c_str(), "%d/%d", &m, &y) == 2 && m >= 1 && m <= 12 &&
        y > 1800 && next.find('/') != std::string::npos) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      return buf;
    }
    m = number(u + 1);
    if (m >= 1 && m <= 12 && u + 3 < u1 && word(u + 2) == "năm") {
      y = number(u + 3);
      if (y > 1800) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        return buf;
      }
    }
  }
  return {};
}

}  // namespace kb
