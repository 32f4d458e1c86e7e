// Issue dates on a letterhead's place-date line.
#include "indexer/metadata/dates_in_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "core/dates.h"
#include "core/vietnamese.h"

namespace kb::metadata {
namespace {

// `word` (folded) at `i`, followed by anything but a letter: dates are
// sometimes typed without a space ("tháng12").
size_t match_word(std::u32string_view f, size_t i, std::u32string_view word) {
  if (f.substr(i, word.size()) != word) return std::u32string_view::npos;
  const size_t e = i + word.size();
  if (e < f.size() && is_alnum(f[e]) && !is_digit(f[e]))
    return std::u32string_view::npos;
  return e;
}

// A date written after "ngày" at `i` of the folded text, as YYYY-MM-DD
// ("" when there is none): core/dates.h reads it.
std::string date_after_ngay(std::u32string_view f, size_t i) {
  const auto date = read_date_after_ngay(f, i);
  return date ? format_iso(*date) : std::string();
}

// Words that open a date in prose ("Vào ngày 16/11/2009", "Tối ngày ...").
bool is_time_word(std::u32string_view word) {
  std::u32string folded;
  append_folded(word, folded);
  for (std::u32string_view w :
       {U"vao", U"toi", U"sang", U"chieu", U"trua", U"dem", U"tu", U"den",
        U"truoc", U"sau", U"cung", U"hom", U"ke", U"trong"}) {
    if (folded == w) return true;
  }
  return false;
}

// True when the "ngày" at `at` follows a place name: one to four
// capitalized words ("Hà Nội", "TP. Hồ Chí Minh"), with or without a comma,
// that open their cell or follow the document number ("Số: 54/2025/TT-BYT
// Hà Nội, ngày ..." when a PDF line keeps a single space between columns).
// Prose ("... tại Hà Nội ngày ...", "Bạc Liêu. Ngày 20-7-1954") does not.
bool has_place_before(const Line& line, size_t at) {
  const std::u32string_view t = line.text;
  size_t p = at;
  while (p > 0 && is_blank_char(t[p - 1])) --p;
  const bool comma = p > 0 && t[p - 1] == U',';
  if (comma) --p;
  int words = 0;
  for (;;) {
    size_t e = p;
    while (e > 0 && is_blank_char(t[e - 1])) --e;
    if (e == 0 || t[e - 1] == U'\t' || (e != p && e + 1 < p))
      break;  // cell start
    size_t b = e;
    while (b > 0 && !is_blank_char(t[b - 1])) --b;
    const std::u32string_view w = t.substr(b, e - b);
    // OCR reads the rule under a letterhead's motto as dashes and keeps one
    // space between the columns ("Số: 09/2025/QĐ-TTg -— Hà Nội, ngày"): a
    // mark without letters or digits ends the place's cell as a gap would.
    if (words > 0 && std::none_of(w.begin(), w.end(), is_alnum)) break;
    const bool abbreviation = w.size() <= 3 && w.back() == U'.';
    const std::u32string_view letters =
        w.substr(0, w.size() - (abbreviation ? 1 : 0));
    const bool alpha =
        !letters.empty() &&
        std::all_of(letters.begin(), letters.end(), [](char32_t c) {
          return u_isalpha(static_cast<UChar32>(c)) != 0;
        });
    // "Hà", "TP."; capitals only before a comma ("HÀ NỘI, ngày"), as an
    // abbreviation before "ngày" is a code ("...-BTP ngày 03/01/2001").
    const bool title_case = std::none_of(
        letters.begin() + 1, letters.end(),
        [](char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; });
    const bool place_word = alpha && u_isupper(static_cast<UChar32>(w[0])) &&
                            (title_case || abbreviation || comma);
    if (!place_word) {
      // Only a document number may stand before the place on its cell.
      if (words == 0 || w.find(U'/') == std::u32string_view::npos ||
          std::none_of(w.begin(), w.end(), is_digit)) {
        return false;
      }
      break;
    }
    if (++words > 4 || is_time_word(w)) return false;
    p = b;
  }
  return words > 0;
}

}  // namespace

std::string place_date(const Line& line) {
  const std::u32string_view f = line.folded;
  for (size_t i = 0; i + 4 <= f.size(); ++i) {
    if (f.compare(i, 4, U"ngay") != 0) continue;
    if (i > 0 && is_alnum(f[i - 1])) continue;
    if (match_word(f, i, U"ngay") == std::u32string_view::npos) continue;
    if (!has_place_before(line, i)) continue;
    std::string date = date_after_ngay(f, i + 4);
    if (!date.empty()) return date;
  }
  return {};
}

std::string wrapped_place_date(const std::vector<Line>& lines, size_t at) {
  const Line& line = lines[at];
  if (line.blank()) return {};
  const auto [b, e] = cells(line).back();
  const std::u32string_view f =
      std::u32string_view(line.folded).substr(b, e - b);
  if (f.find(U"ngay") == std::u32string_view::npos) return {};
  for (size_t i = at + 1; i < lines.size() && i <= at + 2; ++i) {
    const Line& next = lines[i];
    if (next.blank()) continue;
    const auto [nb, ne] = cells(next).back();
    Line joined;
    joined.text =
        std::u32string(std::u32string_view(line.text).substr(b, e - b)) + U" " +
        std::u32string(std::u32string_view(next.text).substr(nb, ne - nb));
    joined.folded =
        std::u32string(f) + U" " +
        std::u32string(std::u32string_view(next.folded).substr(nb, ne - nb));
    return place_date(joined);
  }
  return {};
}

std::string adoption_date(const std::vector<Line>& lines) {
  for (size_t at = lines.size(); at-- > 0;) {
    const std::u32string f = collapsed(lines[at].folded);
    const size_t pass = f.find(U"thong qua");
    if (pass == std::u32string::npos) continue;
    // Whose passing: the text itself ("… này (đã) được …"), or the opening
    // "Được …" of an án lệ.
    const std::u32string_view before = std::u32string_view(f).substr(0, pass);
    if (before.find(U" nay da duoc ") == std::u32string_view::npos &&
        before.find(U" nay duoc ") == std::u32string_view::npos &&
        before.rfind(U"duoc ", 0) != 0) {
      continue;
    }
    std::u32string tail = f.substr(pass + 9);
    // "… thông qua" / "ngày 05 tháng 02 năm 2020 …" on the next line.
    for (size_t next = at + 1; next < lines.size() && next <= at + 2; ++next) {
      if (lines[next].blank()) continue;
      tail += U' ';
      tail += collapsed(lines[next].folded);
      break;
    }
    // "thông qua (vào) ngày 05 tháng 02 năm 2020"; a session of several
    // days ("vào các ngày 01, 02, 03 tháng 02 năm 2023") ends on the last.
    size_t i = skip_blanks(tail, 0);
    for (std::u32string_view w : {U"vao", U"cac"}) {
      const size_t e = match_word(tail, i, w);
      if (e != std::u32string::npos) i = skip_blanks(tail, e);
    }
    const size_t e = match_word(tail, i, U"ngay");
    if (e == std::u32string::npos) continue;
    i = skip_blanks(tail, e);
    for (size_t d = i; d < tail.size() && is_digit(tail[d]);) {
      size_t k = d;
      while (k < tail.size() && is_digit(tail[k])) ++k;
      if (k >= tail.size() || tail[k] != U',') break;
      i = d = skip_blanks(tail, k + 1);
    }
    if (const auto date = read_date_after_ngay(tail, i))
      return format_iso(*date);
  }
  return {};
}

std::optional<OpeningDate> opening_date(const std::vector<Line>& lines,
                                        size_t from) {
  constexpr int kOpeningLines = 6;
  constexpr size_t kShortLine = 8;   // words around a dateline's date
  constexpr size_t kMonthLine = 12;  // words of a line naming a month
  int seen = 0;
  for (size_t at = from; at < lines.size() && seen < kOpeningLines; ++at) {
    const Line& l = lines[at];
    if (l.blank()) continue;
    ++seen;
    if (std::string d = place_date(l); !d.empty())
      return OpeningDate{std::move(d), at, "place-date line"};
    size_t words = 0;
    bool in = false;
    for (char32_t c : l.text) {
      const bool w = !is_blank_char(c);
      if (w && !in) ++words;
      in = w;
    }
    const std::u32string_view t = l.text;
    const std::u32string_view f = l.folded;
    for (size_t i = 0; i < t.size(); ++i) {
      if (is_digit(t[i])) {
        size_t e = i;
        if (const auto date = read_date_token(t, e)) {
          const bool ends_line = skip_blanks(t, e) == t.size();
          if (words <= kShortLine || ends_line)
            return OpeningDate{format_iso(*date), at, "dateline"};
          i = e;
        }
        while (i + 1 < t.size() && is_digit(t[i + 1])) ++i;
        continue;
      }
      if (words > kMonthLine || (i > 0 && is_alnum(f[i - 1]))) continue;
      std::optional<Date> date;
      size_t e = match_word(f, i, U"thang");
      if (e != std::u32string_view::npos) {
        date = read_date_after_thang(f, e);
      } else if ((e = match_word(f, i, U"ngay")) != std::u32string_view::npos) {
        date = read_date_after_ngay(f, e);
      }
      if (date) {
        return OpeningDate{format_iso(*date), at,
                           date->precision() == DatePrecision::kDay
                               ? "date in words"
                               : "month line"};
      }
    }
  }
  return std::nullopt;
}

}  // namespace kb::metadata

namespace kb::metadata {

std::string closing_timestamp(const std::vector<Line>& lines) {
  constexpr int kClosingLines = 12;
  int seen = 0;
  for (size_t at = lines.size(); at-- > 0 && seen < kClosingLines;) {
    const Line& l = lines[at];
    if (l.blank()) continue;
    ++seen;
    const std::u32string_view t = l.text;
    size_t i = skip_blanks(t, 0);
    const auto date = read_date_token(t, i);
    if (!date || date->precision() != DatePrecision::kDay) continue;
    // Only a time may follow: "12:32:28 PM", "10:20".
    i = skip_blanks(t, i);
    bool time = i == t.size();
    if (!time && is_digit(t[i])) {
      size_t e = i;
      while (e < t.size() && (is_digit(t[e]) || t[e] == U':')) ++e;
      const std::u32string_view rest = t.substr(skip_blanks(t, e));
      time = t.substr(i, e - i).find(U':') != std::u32string_view::npos &&
             (rest.empty() || rest == U"AM" || rest == U"PM" || rest == U"SA" ||
              rest == U"CH");
    }
    if (time) return format_iso(*date);
  }
  return {};
}

}  // namespace kb::metadata
