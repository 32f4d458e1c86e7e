// Date parsing and formatting; see dates.h.
#include "core/dates.h"

#include <unicode/uchar.h>

#include <cstdio>

#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// A run of exactly `min`..`max` ASCII digits at `i` of `s`, not followed by
// another digit; moves `i` past it.
template <typename Char>
std::optional<int> read_number(std::basic_string_view<Char> s, size_t& i,
                               size_t min, size_t max) {
  size_t j = i;
  int v = 0;
  while (j < s.size() && is_ascii_digit(s[j]) && j - i < max) {
    v = v * 10 + static_cast<int>(s[j] - '0');
    ++j;
  }
  if (j - i < min || (j < s.size() && is_ascii_digit(s[j])))
    return std::nullopt;
  i = j;
  return v;
}

// Blanks, including the invisible marks some pages carry (LRM, BOM,
// zero-width space), as indexer/metadata reads lines.
bool is_blank(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

size_t skip_blanks(std::u32string_view s, size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= U'a' && (c | 0x20) <= U'z';
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

// `word` at `i`, not followed by a letter (a number may touch it:
// "thang12"); the end of the word, or npos.
size_t match_word(std::u32string_view s, size_t i, std::u32string_view word) {
  if (s.substr(i, word.size()) != word) return std::u32string_view::npos;
  const size_t e = i + word.size();
  if (e < s.size() && is_letter(s[e])) return std::u32string_view::npos;
  return e;
}

// "D thang M nam Y" or "D/M/Y" (one of / - .) at `i`, blanks first.
std::optional<Date> read_day_month_year(std::u32string_view f, size_t& i) {
  size_t j = skip_blanks(f, i);
  const auto d = read_number(f, j, 1, 2);
  if (!d) return std::nullopt;
  size_t k = skip_blanks(f, j);
  if (size_t e = match_word(f, k, U"thang"); e != std::u32string_view::npos) {
    k = skip_blanks(f, e);
    const auto m = read_number(f, k, 1, 2);
    if (!m) return std::nullopt;
    const size_t e2 = match_word(f, skip_blanks(f, k), U"nam");
    if (e2 == std::u32string_view::npos) return std::nullopt;
    k = skip_blanks(f, e2);
    const auto y = read_number(f, k, 1, 4);
    if (!y) return std::nullopt;
    auto date = make_date(*y, *m, *d);
    if (date) i = k;
    return date;
  }
  if (j < f.size() && (f[j] == U'/' || f[j] == U'-' || f[j] == U'.')) {
    const char32_t sep = f[j];
    k = j + 1;
    const auto m = read_number(f, k, 1, 2);
    if (!m || k >= f.size() || f[k] != sep) return std::nullopt;
    ++k;
    const auto y = read_number(f, k, 1, 4);
    if (!y) return std::nullopt;
    auto date = make_date(*y, *m, *d);
    if (date) i = k;
    return date;
  }
  return std::nullopt;
}

// "M nam Y" or "M/Y" at `i`, blanks first.
std::optional<Date> read_month_year(std::u32string_view f, size_t& i) {
  size_t j = skip_blanks(f, i);
  const auto m = read_number(f, j, 1, 2);
  if (!m) return std::nullopt;
  size_t k = j;
  if (k < f.size() && f[k] == U'/') {
    ++k;
  } else {
    const size_t e = match_word(f, skip_blanks(f, k), U"nam");
    if (e == std::u32string_view::npos) return std::nullopt;
    k = skip_blanks(f, e);
  }
  const auto y = read_number(f, k, 4, 4);
  if (!y) return std::nullopt;
  auto date = make_month(*y, *m);
  if (date) i = k;
  return date;
}

std::string digits(int value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, value);
  return buf;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::optional<Date> make_year(int year) {
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  return Date{year, 0, 0};
}

std::optional<Date> make_month(int year, int month) {
  if (!make_year(year) || month < 1 || month > 12) return std::nullopt;
  return Date{year, month, 0};
}

std::optional<Date> make_date(int year, int month, int day) {
  if (!make_month(year, month) || day < 1 || day > days_in_month(year, month))
    return std::nullopt;
  return Date{year, month, day};
}

std::optional<Date> parse_iso_partial_date(std::string_view s) {
  size_t i = 0;
  const auto y = read_number(s, i, 4, 4);
  if (!y) return std::nullopt;
  if (i == s.size()) return make_year(*y);
  if (s[i++] != '-') return std::nullopt;
  const auto m = read_number(s, i, 2, 2);
  if (!m) return std::nullopt;
  if (i == s.size()) return make_month(*y, *m);
  if (s[i++] != '-') return std::nullopt;
  const auto d = read_number(s, i, 2, 2);
  if (!d || i != s.size()) return std::nullopt;
  return make_date(*y, *m, *d);
}

std::optional<Date> parse_iso_date(std::string_view s) {
  auto date = parse_iso_partial_date(s);
  if (!date || date->precision() != DatePrecision::kDay) return std::nullopt;
  return date;
}

std::optional<Date> parse_dmy(std::string_view s) {
  size_t i = 0;
  const auto d = read_number(s, i, 1, 2);
  if (!d || i >= s.size()) return std::nullopt;
  const char sep = s[i++];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  const auto m = read_number(s, i, 1, 2);
  if (!m || i >= s.size() || s[i++] != sep) return std::nullopt;
  const auto y = read_number(s, i, 4, 4);
  if (!y || i != s.size()) return std::nullopt;
  return make_date(*y, *m, *d);
}

std::optional<Date> parse_month_year(std::string_view s) {
  size_t i = 0;
  const auto m = read_number(s, i, 1, 2);
  if (!m || i >= s.size() || s[i++] != '/') return std::nullopt;
  const auto y = read_number(s, i, 4, 4);
  if (!y || i != s.size()) return std::nullopt;
  return make_month(*y, *m);
}

std::optional<Date> parse_date_input(std::string_view s, DatePrecision min) {
  auto date = parse_iso_partial_date(s);
  if (!date) date = parse_dmy(s);
  if (!date || date->precision() < min) return std::nullopt;
  return date;
}

std::optional<Date> read_date_after_ngay(std::u32string_view folded,
                                         size_t& i) {
  return read_day_month_year(folded, i);
}

std::optional<Date> read_date_after_thang(std::u32string_view folded,
                                          size_t& i) {
  return read_month_year(folded, i);
}

std::optional<Date> read_date_token(std::u32string_view text, size_t& i) {
  auto joins = [](char32_t c) {
    return (c >= U'0' && c <= U'9') || u_isalpha(static_cast<UChar32>(c));
  };
  if (i > 0 && i <= text.size() && joins(text[i - 1])) return std::nullopt;
  size_t e = i;
  while (e < text.size() &&
         ((text[e] >= U'0' && text[e] <= U'9') || text[e] == U'/' ||
          text[e] == U'-' || text[e] == U'.')) {
    ++e;
  }
  // A sentence may end right after the date: "... 11/3/2024."
  size_t end = e;
  while (end > i && (text[end - 1] == U'.' || text[end - 1] == U'-')) --end;
  if (end == i || (e < text.size() && joins(text[e]))) return std::nullopt;
  std::string token;
  for (size_t k = i; k < end; ++k) token += static_cast<char>(text[k]);
  std::optional<Date> date = parse_dmy(token);
  if (!date && token.size() >= 7 && token[4] == '-')
    date = parse_iso_partial_date(token);
  if (date) i = end;
  return date;
}

std::optional<Date> parse_vietnamese_date(std::string_view utf8) {
  const std::u32string f = folded_word(utf8_to_u32(utf8));
  size_t i = skip_blanks(f, 0);
  std::optional<Date> date;
  if (size_t e = match_word(f, i, U"ngay"); e != std::u32string_view::npos) {
    i = e;
    date = read_day_month_year(f, i);
  } else if (e = match_word(f, i, U"thang"); e != std::u32string_view::npos) {
    i = e;
    date = read_month_year(f, i);
  } else if (e = match_word(f, i, U"nam"); e != std::u32string_view::npos) {
    i = skip_blanks(f, e);
    if (const auto y = read_number(std::u32string_view(f), i, 4, 4))
      date = make_year(*y);
  }
  if (!date || skip_blanks(f, i) != f.size()) return std::nullopt;
  return date;
}

std::string format_iso(const Date& date) {
  std::string out = digits(date.year, 4);
  if (date.month) out += "-" + digits(date.month, 2);
  if (date.day) out += "-" + digits(date.day, 2);
  return out;
}

std::string sortable_date(const Date& date) {
  return digits(date.year, 4) + digits(date.month ? date.month : 1, 2) +
         digits(date.day ? date.day : 1, 2);
}

std::string sortable_date(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (is_ascii_digit(c)) out += c;
  }
  if (out.size() != 4 && out.size() != 6 && out.size() != 8) return {};
  if (out.size() == 4) out += "01";
  if (out.size() == 6) out += "01";
  return out;
}

std::string format_display(std::string_view iso) {
  const std::string s(iso);
  if (s.size() == 10 && s[4] == '-' && s[7] == '-')
    return s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
  if (s.size() == 7 && s[4] == '-')
    return s.substr(5, 2) + "/" + s.substr(0, 4);
  return s;
}

}  // namespace kb
