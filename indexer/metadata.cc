// Metadata of official documents read from their text: the letterhead (issuer,
// number, place and date), the heading (type and title), the preamble ("Căn
// cứ ..." paragraphs, which cite the legal bases) and the signature block.
//
// The same code reads HTML text (table cells joined by tabs, one paragraph a
// line) and PDF text in Poppler's physical layout (both letterhead columns on
// one line, sometimes a single space apart; paragraphs wrapped over several
// lines and separated by blank lines). So the letterhead's left cell is found
// by removing the national motto from the lines above the number rather than
// by column, and paragraphs end at punctuation or blank lines rather than at
// line ends. Columns are only a hint, for PDF cells far to the right.
#include "indexer/metadata.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/doc_number.h"
#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// The letterhead, heading and preamble sit in the first lines; a document
// whose first "Căn cứ" or "Điều 1" is further down has no usual header.
constexpr size_t kMaxHeaderLines = 80;
// Lines above the number or heading that can belong to the letterhead.
constexpr size_t kMaxLetterheadLines = 16;
// Column from which a PDF layout cell belongs to the right half of the
// letterhead (the national motto); the left column's lines are centred in
// the left third.
constexpr size_t kRightColumn = 30;

// Cells between a signing authority and the signer's name: PDF layout
// interleaves a long recipients' list with the wrapped signature column.
constexpr size_t kSignatureCells = 24;
// Enough text to tell the language apart.
constexpr size_t kLanguageSampleChars = 20000;

// Blanks, including the invisible marks some pages carry (LRM before "Hà
// Nội", BOM, zero-width space).
bool is_blank_char(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x00A0 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

bool is_alnum(char32_t c) {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') ||
           ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  }
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// One code point folded (lower case, no diacritics, đ -> d), keeping one code
// point per input code point so that offsets in the folded line are offsets
// in the original line too.
char32_t fold_char(char32_t c) {
  if (is_blank_char(c)) return c == U'\t' ? U'\t' : U' ';
  std::u32string out;
  append_folded(std::u32string_view(&c, 1), out);
  if (out.empty()) return 0x01;  // a combining mark: not a letter, not a space
  return out[0];
}

struct Line {
  std::u32string text;    // without leading/trailing blanks; NFC
  std::u32string folded;  // fold_char of each code point of `text`
  size_t indent = 0;      // blanks removed before `text` (PDF layout column)
  bool blank() const { return text.empty(); }
};

std::vector<Line> split_lines(std::u32string_view all) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find(U'\n', start);
    if (end == std::u32string_view::npos) end = all.size();
    size_t b = start;
    size_t e = end;
    while (b < e && is_blank_char(all[b])) ++b;
    while (e > b && is_blank_char(all[e - 1])) --e;
    Line line;
    line.text.assign(all.substr(b, e - b));
    line.indent = b - start;
    line.folded.reserve(line.text.size());
    for (char32_t c : line.text) line.folded.push_back(fold_char(c));
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

size_t skip_blanks(std::u32string_view s, size_t i) {
  while (i < s.size() && is_blank_char(s[i])) ++i;
  return i;
}

std::u32string_view trimmed(std::u32string_view s) {
  size_t b = skip_blanks(s, 0);
  size_t e = s.size();
  while (e > b && is_blank_char(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// Matches `phrase` (folded words separated by single spaces) in the folded
// text `f` at `pos`: any run of blanks matches a space, and the phrase must
// end at a word boundary. Returns the end offset, or npos.
size_t match_phrase(std::u32string_view f, size_t pos,
                    std::u32string_view phrase) {
  size_t i = pos;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k] == U' ') {
      if (i >= f.size() || !is_blank_char(f[i]))
        return std::u32string_view::npos;
      i = skip_blanks(f, i);
      continue;
    }
    if (i >= f.size() || f[i] != phrase[k]) return std::u32string_view::npos;
    ++i;
  }
  if (i < f.size() && is_alnum(f[i]) && !phrase.empty() &&
      is_alnum(phrase.back())) {
    return std::u32string_view::npos;
  }
  return i;
}

bool starts_with_phrase(const Line& line, std::u32string_view phrase) {
  return match_phrase(line.folded, 0, phrase) != std::u32string_view::npos;
}

// The folded line with blank runs collapsed to one space.
std::u32string collapsed(std::u32string_view folded) {
  std::u32string out;
  for (char32_t c : folded) {
    if (is_blank_char(c)) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

// True when every letter of `text` is a capital and there are at least two.
bool is_upper_line(std::u32string_view text) {
  int letters = 0;
  for (char32_t c : text) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    if (u_islower(static_cast<UChar32>(c))) return false;
    ++letters;
  }
  return letters >= 2;
}

// A line of rules or stars under the letterhead: no letter, no digit.
bool is_rule_line(const Line& line) {
  return !line.blank() &&
         std::none_of(line.text.begin(), line.text.end(), is_alnum);
}

// ---------------------------------------------------------------------------
// Document types

struct TypeName {
  std::u32string_view folded;
  const char* name;
};

// Heading words of official documents (Law 80/2015/QH13 art. 4, Decree
// 30/2020/NĐ-CP app. III). Longer names first.
constexpr TypeName kTypeNames[] = {
    {U"thong tu lien tich", "Thông tư liên tịch"},
    {U"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {U"van ban hop nhat", "Văn bản hợp nhất"},
    {U"thong tu", "Thông tư"},
    {U"nghi dinh", "Nghị định"},
    {U"nghi quyet", "Nghị quyết"},
    {U"quyet dinh", "Quyết định"},
    {U"bo luat", "Bộ luật"},
    {U"luat", "Luật"},
    {U"phap lenh", "Pháp lệnh"},
    {U"hien phap", "Hiến pháp"},
    {U"lenh", "Lệnh"},
    {U"chi thi", "Chỉ thị"},
    {U"cong dien", "Công điện"},
    {U"thong bao", "Thông báo"},
    {U"thong cao", "Thông cáo"},
    {U"ke hoach", "Kế hoạch"},
    {U"huong dan", "Hướng dẫn"},
    {U"to trinh", "Tờ trình"},
    {U"bao cao", "Báo cáo"},
    {U"cong van", "Công văn"},
};

// The type named by a whole heading line ("NGHỊ ĐỊNH"), or nullptr.
const char* heading_type(const Line& line) {
  if (line.blank() || line.text.size() > 40 || !is_upper_line(line.text)) {
    return nullptr;
  }
  const std::u32string key = collapsed(line.folded);
  for (const TypeName& t : kTypeNames) {
    if (key == t.folded) return t.name;
  }
  return nullptr;
}

// Type words that may precede "số" on the number line ("Luật số:
// 80/2015/QH13").
constexpr TypeName kNumberPrefixes[] = {
    {U"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {U"thong tu lien tich", "Thông tư liên tịch"},
    {U"nghi quyet", "Nghị quyết"},
    {U"bo luat", "Bộ luật"},
    {U"luat", "Luật"},
    {U"phap lenh", "Pháp lệnh"},
    {U"lenh", "Lệnh"},
    {U"nghi dinh", "Nghị định"},
    {U"quyet dinh", "Quyết định"},
    {U"thong tu", "Thông tư"},
    {U"chi thi", "Chỉ thị"},
};

struct NumberSlot {
  size_t begin = 0;            // where the number should start
  size_t cell_end = 0;         // end of the cell that holds it
  const char* type = nullptr;  // the type word before "số", if any
};

// Cells of a line: HTML table cells are tab-separated, PDF layout columns
// are separated by runs of spaces. Returns [begin, end) offsets.
std::vector<std::pair<size_t, size_t>> cells(const Line& line) {
  std::vector<std::pair<size_t, size_t>> out;
  const std::u32string& t = line.text;
  size_t begin = 0;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == U'\t' || (is_blank_char(t[i]) && i + 2 < t.size() &&
                          is_blank_char(t[i + 1]) && is_blank_char(t[i + 2]))) {
      if (i > begin) out.emplace_back(begin, i);
      i = skip_blanks(t, i);
      begin = i;
      continue;
    }
    ++i;
  }
  if (t.size() > begin) out.emplace_back(begin, t.size());
  return out;
}

// Recognizes the number line of a letterhead: "Số: 1407/QĐ-TTg", "Số
// 06/2026/TT-BTC", "Luật số: 80/2015/QH13", "Số: /2025/TT-BNNMT" (not yet
// numbered). The slot may be empty.
std::optional<NumberSlot> number_slot(const Line& line) {
  for (const auto& [begin, end] : cells(line)) {
    const std::u32string_view f =
        std::u32string_view(line.folded).substr(0, end);
    // Letterheads write "Số:" with a capital; prose wrapped in a PDF may
    // start a line with "số 23/2003/QH11 ngày ...".
    if (!u_isupper(static_cast<UChar32>(line.text[begin]))) continue;
    NumberSlot slot;
    size_t i = begin;
    for (const TypeName& p : kNumberPrefixes) {
      const size_t e = match_phrase(f, i, p.folded);
      if (e != std::u32string_view::npos) {
        slot.type = p.name;
        i = skip_blanks(f, e);
        break;
      }
    }
    size_t e = match_phrase(f, i, U"so");
    if (e == std::u32string_view::npos) continue;
    size_t k = skip_blanks(f, e);
    if (size_t h = match_phrase(f, k, U"hieu");
        h != std::u32string_view::npos) {
      k = skip_blanks(f, h);
    }
    bool colon = false;
    if (k < f.size() && (f[k] == U':' || f[k] == U'.')) {
      colon = f[k] == U':';
      k = skip_blanks(f, k + 1);
    }
    // "Số" alone starts many sentences ("Số lượng ..."): a number, a slash
    // or dots (a number not yet given) must follow, or a colon.
    if (k < f.size() && !is_digit(f[k]) && f[k] != U'/' && f[k] != U'.' &&
        f[k] != 0x2026 && f[k] != U'_') {
      continue;
    }
    if (k >= f.size() && !colon) continue;
    // "Thông tư số 43/2015/TT-BGTVT ngày ..." in a title cites another
    // document; a letterhead writes "Số:" or the number alone in its cell.
    if (!colon && end - k > 40) continue;
    slot.begin = k;
    slot.cell_end = end;
    return slot;
  }
  return std::nullopt;
}

// Appends the code segments that follow a match ("-TANDTC-VKSNDTC"):
// match_doc_number reads at most six, and joint circulars of six ministries
// have seven.
void read_more_codes(std::u32string_view text, size_t end, DocNumber& number) {
  for (;;) {
    size_t k = skip_blanks(text, end);
    if (k >= text.size() || (text[k] != U'-' && text[k] != 0x2013)) return;
    k = skip_blanks(text, k + 1);
    size_t e = k;
    while (e < text.size() && is_alnum(text[e])) ++e;
    if (e == k || e - k > 16 || !u_isupper(static_cast<UChar32>(text[k])))
      return;
    const std::u32string seg(text.substr(k, e - k));
    const std::string known = canonical_code(u32_to_utf8(seg));
    if (known.empty() && !is_upper_line(seg)) return;
    number.codes.push_back(known.empty() ? u32_to_utf8(seg) : known);
    end = e;
  }
}

// Reads the number at `pos` of the line. Handles serials with a dot
// ("66.15/2026/NQ-CP", the Government's special resolutions) and, when the
// type code is missing from a normative number ("03/2026-BCT"), inserts the
// code of the heading's type.
std::optional<DocNumber> read_number(std::u32string_view text, size_t pos,
                                     const std::string& type_code) {
  if (auto m = match_doc_number(text, pos)) {
    if (m->number.codes.size() >= 6) read_more_codes(text, m->end, m->number);
    return m->number;
  }
  // Serial "66.15": read the number from the last part, keep the prefix.
  size_t i = pos;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i > pos && i + 1 < text.size() && text[i] == U'.' &&
      is_digit(text[i + 1])) {
    const std::u32string rest(text.substr(i + 1));
    if (auto m = match_doc_number(rest, 0)) {
      DocNumber n = m->number;
      n.serial = u32_to_utf8(text.substr(pos, i + 1 - pos)) + n.serial;
      return n;
    }
  }
  // "<serial>/<year>-<issuer>": the type code was left out.
  if (!type_code.empty() && i > pos) {
    size_t k = skip_blanks(text, i);
    if (k < text.size() && text[k] == U'/') {
      k = skip_blanks(text, k + 1);
      size_t y = k;
      while (y < text.size() && is_digit(text[y])) ++y;
      const size_t d = skip_blanks(text, y);
      if (y - k == 4 && d < text.size() &&
          (text[d] == U'-' || text[d] == 0x2013)) {
        std::u32string rebuilt(text.substr(pos, i - pos));
        rebuilt += U"/";
        rebuilt += text.substr(k, 4);
        rebuilt += U"/";
        rebuilt += utf8_to_u32(type_code);
        rebuilt += text.substr(d);
        if (auto m = match_doc_number(rebuilt, 0)) return m->number;
      }
    }
  }
  return std::nullopt;
}

// A long joint number wraps in a narrow PDF letterhead cell
// ("Số: 102/2025/NQLT - UBTVQH15 - CP -" / "ĐCTUBTWMTQVN"): when the cell
// ends with a dash, the codes continue in the left cell of the next lines.
void read_wrapped_codes(const std::vector<Line>& lines, size_t at,
                        const NumberSlot& slot, DocNumber& number) {
  const std::u32string_view cell =
      trimmed(std::u32string_view(lines[at].text)
                  .substr(slot.begin, slot.cell_end - slot.begin));
  if (cell.empty() || (cell.back() != U'-' && cell.back() != 0x2013)) return;
  int seen = 0;
  for (size_t i = at + 1; i < lines.size() && seen < 2; ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    ++seen;
    const auto [b, e] = cells(line).front();
    if (line.indent + b >= kRightColumn * 2) continue;  // the date, right
    std::u32string rest = U"-";
    rest += std::u32string_view(line.text).substr(b, e - b);
    read_more_codes(rest, 0, number);
    return;
  }
}

// ---------------------------------------------------------------------------
// Dates

std::optional<int> read_int(std::u32string_view f, size_t& i,
                            size_t max_digits) {
  size_t j = i;
  int v = 0;
  while (j < f.size() && is_digit(f[j]) && j - i < max_digits) {
    v = v * 10 + static_cast<int>(f[j] - U'0');
    ++j;
  }
  if (j == i || (j < f.size() && is_digit(f[j]))) return std::nullopt;
  i = j;
  return v;
}

// `word` (folded) at `i`, followed by anything but a letter: dates are
// sometimes typed without a space ("tháng12").
size_t match_word(std::u32string_view f, size_t i, std::u32string_view word) {
  if (f.substr(i, word.size()) != word) return std::u32string_view::npos;
  const size_t e = i + word.size();
  if (e < f.size() && is_alnum(f[e]) && !is_digit(f[e]))
    return std::u32string_view::npos;
  return e;
}

std::string format_date(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A date written after "ngày" at `i` of the folded text: "19 tháng 09 năm
// 2025" or "16/8/2021", "16-08-2021", "16.8.2021".
std::string date_after_ngay(std::u32string_view f, size_t i) {
  i = skip_blanks(f, i);
  const auto d = read_int(f, i, 2);
  if (!d) return {};
  size_t j = skip_blanks(f, i);
  if (size_t e = match_word(f, j, U"thang"); e != std::u32string_view::npos) {
    j = skip_blanks(f, e);
    const auto m = read_int(f, j, 2);
    if (!m) return {};
    const size_t e2 = match_word(f, skip_blanks(f, j), U"nam");
    if (e2 == std::u32string_view::npos) return {};
    j = skip_blanks(f, e2);
    const auto y = read_int(f, j, 4);
    return y ? format_date(*y, *m, *d) : std::string();
  }
  if (i < f.size() && (f[i] == U'/' || f[i] == U'-' || f[i] == U'.')) {
    const char32_t sep = f[i];
    j = i + 1;
    const auto m = read_int(f, j, 2);
    if (!m || j >= f.size() || f[j] != sep) return {};
    ++j;
    const auto y = read_int(f, j, 4);
    return y ? format_date(*y, *m, *d) : std::string();
  }
  return {};
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

// The issue date of a "<place>, ngày … tháng … năm …" line (also "ngày
// 16/8/2021"), or empty.
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

// A place-date line wrapped in a narrow PDF cell ("Hà Nội, ngày 31" /
// "tháng 12 năm 2025"): the last cell of line `at` joined with the last
// cell of the next non-blank line.
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

// ---------------------------------------------------------------------------
// Agencies

struct Word {
  std::u32string folded;
  bool dash_before = false;  // a '-' separates it from the previous word
  bool upper = true;         // written in capitals (when `text` was given)
};

// The words of `folded`; `text`, when given, is the same span unfolded.
std::vector<Word> words_of(std::u32string_view folded,
                           std::u32string_view text = {}) {
  std::vector<Word> out;
  bool dash = false;
  size_t i = 0;
  while (i < folded.size()) {
    if (!is_alnum(folded[i])) {
      if (folded[i] == U'-' || folded[i] == 0x2013 || folded[i] == 0x2014)
        dash = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && is_alnum(folded[j])) ++j;
    bool upper = true;
    if (!text.empty()) {
      upper = std::none_of(text.begin() + i, text.begin() + j, [](char32_t c) {
        return u_islower(static_cast<UChar32>(c)) != 0;
      });
    }
    out.push_back({std::u32string(folded.substr(i, j - i)), dash, upper});
    dash = false;
    i = j;
  }
  return out;
}

// Removes every occurrence of `phrase` (folded words) from `words`.
void remove_phrase(std::vector<Word>& words,
                   const std::vector<std::u32string>& phrase) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < words.size()) {
    bool match = i + phrase.size() <= words.size();
    for (size_t k = 0; match && k < phrase.size(); ++k) {
      match = words[i + k].folded == phrase[k];
    }
    if (match) {
      i += phrase.size();
      continue;
    }
    out.push_back(std::move(words[i]));
    ++i;
  }
  words = std::move(out);
}

struct AgencyForm {
  std::vector<std::u32string> words;  // folded
  std::vector<std::u32string> cased;  // as written in the taxonomy
  const TaxonomyEntry* entry = nullptr;
};

std::vector<AgencyForm> agency_forms(const Taxonomy& taxonomy) {
  std::vector<AgencyForm> forms;
  for (const TaxonomyEntry& e : taxonomy.entries()) {
    if (e.kind != "agency") continue;
    std::vector<std::string> names = {e.name};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& name : names) {
      AgencyForm form;
      form.entry = &e;
      const std::u32string cased = utf8_to_u32(to_nfc(name));
      for (Word& w : words_of(folded_word(cased)))
        form.words.push_back(std::move(w.folded));
      for (size_t i = 0; i < cased.size();) {
        if (!is_alnum(cased[i])) {
          ++i;
          continue;
        }
        size_t j = i;
        while (j < cased.size() && is_alnum(cased[j])) ++j;
        form.cased.push_back(cased.substr(i, j - i));
        i = j;
      }
      if (!form.words.empty()) forms.push_back(std::move(form));
    }
  }
  // Longest first, so "Thủ tướng Chính phủ" wins over "Chính phủ".
  std::stable_sort(forms.begin(), forms.end(),
                   [](const AgencyForm& a, const AgencyForm& b) {
                     return a.words.size() > b.words.size();
                   });
  return forms;
}

struct AgencyMatch {
  const TaxonomyEntry* entry = nullptr;
  bool dash_before = false;
};

// The agencies named in `words`, left to right, longest name first at each
// position; other words (sub-units, stray text) are skipped.
std::vector<AgencyMatch> find_agencies(const std::vector<Word>& words,
                                       const std::vector<AgencyForm>& forms) {
  std::vector<AgencyMatch> out;
  size_t i = 0;
  while (i < words.size()) {
    const AgencyForm* best = nullptr;
    for (const AgencyForm& form : forms) {
      if (i + form.words.size() > words.size()) continue;
      bool match = true;
      for (size_t k = 0; match && k < form.words.size(); ++k) {
        match = words[i + k].folded == form.words[k];
      }
      if (match) {
        best = &form;
        break;
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    out.push_back({best->entry, words[i].dash_before});
    i += best->words.size();
  }
  return out;
}

const std::vector<std::u32string> kMottoName = {
    U"cong", U"hoa", U"xa", U"hoi", U"chu", U"nghia", U"viet", U"nam"};
const std::vector<std::u32string> kMottoWords = {U"doc", U"lap",  U"tu",
                                                 U"do",  U"hanh", U"phuc"};

bool is_motto_word(const std::u32string& w) {
  return std::find(kMottoName.begin(), kMottoName.end(), w) !=
             kMottoName.end() ||
         std::find(kMottoWords.begin(), kMottoWords.end(), w) !=
             kMottoWords.end();
}

// The words of the letterhead's left cell: the words of lines [0, end)
// without the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập
// - Tự do - Hạnh phúc"). A PDF may break the motto across lines between the
// left cell's lines ("...VIỆT" / "CHÍNH PHỦ" / "NAM"), so right-hand cells
// made only of motto words go first; then whole motto phrases, which a
// layout may glue to the left cell ("BỘ NÔNG NGHIỆP VÀ CỘNG HÒA XÃ HỘI...").
std::vector<Word> letterhead_words(const std::vector<Line>& lines, size_t end,
                                   bool& has_motto) {
  std::vector<Word> words;
  bool dash_pending = false;  // a cell ended with '-': the next name is joint
  for (size_t i = 0; i < end; ++i) {
    const Line& line = lines[i];
    const auto cs = cells(line);
    for (size_t c = 0; c < cs.size(); ++c) {
      const auto [b, e] = cs[c];
      std::vector<Word> cell =
          words_of(std::u32string_view(line.folded).substr(b, e - b),
                   std::u32string_view(line.text).substr(b, e - b));
      const bool right = c > 0 || line.indent + b >= kRightColumn;
      if (right && !cell.empty() &&
          std::all_of(cell.begin(), cell.end(),
                      [](const Word& w) { return is_motto_word(w.folded); })) {
        has_motto = true;
        continue;
      }
      if (!cell.empty()) {
        cell.front().dash_before |= dash_pending;
        dash_pending = false;
      }
      const std::u32string_view t =
          trimmed(std::u32string_view(line.folded).substr(b, e - b));
      if (!t.empty() && (t.back() == U'-' || t.back() == 0x2013))
        dash_pending = true;
      words.insert(words.end(), std::make_move_iterator(cell.begin()),
                   std::make_move_iterator(cell.end()));
    }
  }
  const size_t before = words.size();
  remove_phrase(words, kMottoName);
  remove_phrase(words, kMottoWords);
  has_motto = has_motto || words.size() != before;
  // The issuer's name is in capitals; mixed-case lines around it are stamps
  // ("Ký bởi: Cổng Thông tin điện tử Chính phủ") or running headers.
  std::vector<Word> upper;
  bool dash = false;
  for (Word& w : words) {
    dash = dash || w.dash_before;
    if (!w.upper) continue;
    w.dash_before = dash;
    dash = false;
    upper.push_back(std::move(w));
  }
  return upper;
}

// ---------------------------------------------------------------------------
// Paragraphs of the preamble

struct Paragraph {
  size_t first_line = 0;
  std::u32string text;  // lines joined by a space
  std::u32string folded;
};

// True when `text` starts with the word `lower` (lower case, with its
// diacritics: "phần" must not match "Phân loại").
bool starts_with_word(std::u32string_view text, std::u32string_view lower) {
  if (text.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower_letter(text[i]) != lower[i]) return false;
  }
  return text.size() == lower.size() || !is_alnum(text[lower.size()]);
}

// A paragraph that ends the preamble: "Điều 1", "Chương I", "Phần ...".
bool ends_preamble(std::u32string_view text, std::u32string_view folded) {
  if (starts_with_word(text, U"điều")) {
    const size_t k = skip_blanks(folded, 4);
    return k < folded.size() && folded[k] == U'1' &&
           (k + 1 >= folded.size() || !is_digit(folded[k + 1]));
  }
  if (starts_with_word(text, U"chương")) {
    const size_t k = skip_blanks(folded, 6);
    if (match_phrase(folded, k, U"i") != std::u32string_view::npos) return true;
    return k < folded.size() && folded[k] == U'1' &&
           (k + 1 >= folded.size() || !is_digit(folded[k + 1]));
  }
  return starts_with_word(text, U"phần");
}

bool ends_with_stop(const Line& line) {
  if (line.blank()) return false;
  const char32_t c = line.text.back();
  return c == U';' || c == U'.' || c == U':';
}

// A line that starts a paragraph of the preamble even when the previous
// one did not end with a stop: "Căn cứ", "Theo đề nghị", "Xét", the first
// article or chapter.
bool opens_paragraph(const Line& line) {
  if (ends_preamble(line.text, line.folded)) return true;
  if (line.blank() || !u_isupper(static_cast<UChar32>(line.text[0])))
    return false;
  for (std::u32string_view opener :
       {U"can cu", U"theo", U"xet", U"thuc hien", U"tren co so"}) {
    if (starts_with_phrase(line, opener)) return true;
  }
  return false;
}

// Groups lines into paragraphs, up to and including the one that ends the
// preamble. A paragraph runs until a blank line or a line ending in ';' '.'
// or ':', or until a line that opens a new one: PDF layout text wraps
// paragraphs over several lines, and HTML text may break one with <br>.
std::vector<Paragraph> preamble_paragraphs(const std::vector<Line>& lines) {
  std::vector<Paragraph> out;
  bool open = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      open = false;
      continue;
    }
    if (!open || opens_paragraph(line)) {
      if (!out.empty() && ends_preamble(out.back().text, out.back().folded))
        break;
      out.push_back({i, line.text, line.folded});
    } else {
      out.back().text += U' ';
      out.back().text += line.text;
      out.back().folded += U' ';
      out.back().folded += line.folded;
    }
    open = !ends_with_stop(line);
  }
  return out;
}

// Every number of `text` in order, including the Government's dotted
// serials ("Nghị quyết số 66.13/2026/NQ-CP"), which find_doc_numbers skips.
std::vector<DocNumber> numbers_in(std::u32string_view text) {
  std::vector<std::pair<size_t, DocNumber>> found;
  for (NumberMatch& m : find_doc_numbers(text))
    found.emplace_back(m.begin, std::move(m.number));
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) ||
        (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == U'.'))) {
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j + 1 < text.size() && text[j] == U'.' && is_digit(text[j + 1])) {
      if (auto n = read_number(text, i, {});
          n && n->serial.find('.') != std::string::npos) {
        found.emplace_back(i, std::move(*n));
      }
    }
    i = j;
  }
  std::stable_sort(
      found.begin(), found.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<DocNumber> out;
  for (auto& [pos, n] : found) out.push_back(std::move(n));
  return out;
}

// ---------------------------------------------------------------------------
// Signature

constexpr std::u32string_view kSigningMarks[] = {U"tm.", U"kt.", U"tl.",
                                                 U"tuq.", U"q."};

constexpr std::u32string_view kRoles[] = {
    U"bo truong",          U"thu truong",      U"thu tuong",
    U"pho thu tuong",      U"chu tich",        U"pho chu tich",
    U"thong doc",          U"pho thong doc",   U"tong thanh tra",
    U"pho tong thanh tra", U"chanh an",        U"pho chanh an",
    U"vien truong",        U"pho vien truong", U"tong kiem toan",
    U"pho tong kiem toan", U"chu nhiem",       U"pho chu nhiem",
    U"tong cuc truong",    U"cuc truong",      U"vu truong",
    U"giam doc",           U"pho giam doc",    U"truong ban",
    U"chanh van phong",    U"tong thu ky",     U"tong giam doc",
    U"truong doan",
};

// "PHÓ THỐNG ĐỐC", also when written in title case ("Phó Thống Đốc").
bool is_role(std::u32string_view folded) {
  for (std::u32string_view role : kRoles) {
    if (match_phrase(folded, 0, role) != std::u32string_view::npos) return true;
  }
  return false;
}

// A cell that opens a signature block: "KT. BỘ TRƯỞNG", "THỦ TƯỚNG".
bool is_authority(std::u32string_view text, std::u32string_view folded) {
  if (!is_upper_line(text)) return false;
  for (std::u32string_view mark : kSigningMarks) {
    if (folded.substr(0, mark.size()) == mark) return true;
  }
  return is_role(folded);
}

// A person's name: two to six words, each a capital followed by small
// letters ("Nguyễn Hòa Bình", "Phạm Thị Thanh Trà").
bool is_person_name(std::u32string_view text) {
  int words = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (is_blank_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && !is_blank_char(text[j])) ++j;
    if (!u_isupper(static_cast<UChar32>(text[i]))) return false;
    for (size_t k = i + 1; k < j; ++k) {
      const auto c = static_cast<UChar32>(text[k]);
      if (!u_islower(c) && u_charType(c) != U_NON_SPACING_MARK) return false;
    }
    ++words;
    i = j;
  }
  return words >= 2 && words <= 6;
}

// Common Vietnamese family names (folded), to accept a name that is not
// right under the signing authority (PDF layout interleaves the recipients'
// list with the signature column).
constexpr std::u32string_view kFamilyNames[] = {
    U"nguyen", U"tran",  U"le",    U"pham",  U"hoang", U"huynh", U"phan",
    U"vu",     U"vo",    U"dang",  U"bui",   U"do",    U"ho",    U"ngo",
    U"duong",  U"ly",    U"dao",   U"dinh",  U"lam",   U"mai",   U"trinh",
    U"truong", U"luu",   U"ha",    U"ta",    U"cao",   U"to",    U"quach",
    U"chau",   U"thai",  U"la",    U"vuong", U"kieu",  U"doan",  U"luong",
    U"trieu",  U"chu",   U"hua",   U"tang",  U"tu",    U"giang", U"nghiem",
    U"lai",    U"khuc",  U"than",  U"tong",  U"au",    U"mac",   U"ninh",
    U"dong",   U"hau",   U"phung", U"dam",   U"luc",   U"nong",  U"lo",
    U"quan",   U"be",    U"son",   U"kim",   U"ton",   U"diep",  U"bach",
    U"vi",     U"khong", U"ong",   U"han",   U"thach", U"danh",  U"lu",
    U"y",      U"dieu",  U"lieu",  U"quang", U"tieu",  U"hong",  U"nham"};

bool has_family_name(std::u32string_view folded) {
  const size_t e = folded.find(U' ');
  const std::u32string_view first = folded.substr(0, e);
  return std::find(std::begin(kFamilyNames), std::end(kFamilyNames), first) !=
         std::end(kFamilyNames);
}

// Military ranks and academic titles written before a signer's name.
constexpr std::u32string_view kNamePrefixes[] = {
    U"dai tuong",  U"thuong tuong", U"trung tuong", U"thieu tuong",
    U"pho do doc", U"chuan do doc", U"do doc",      U"dai ta",
    U"thuong ta",  U"trung ta",     U"thieu ta",    U"gs.ts.",
    U"pgs.ts.",    U"gs.",          U"pgs.",        U"ts.",
    U"ths.",       U"bs."};

// The name in a signature cell without a rank or title before it.
std::u32string_view strip_name_prefix(std::u32string_view text,
                                      std::u32string_view folded) {
  for (std::u32string_view prefix : kNamePrefixes) {
    const size_t e = match_phrase(folded, 0, prefix);
    if (e != std::u32string_view::npos) return trimmed(text.substr(e));
  }
  return text;
}

struct Cell {
  std::u32string_view text;    // trimmed
  std::u32string_view folded;  // same span, folded
  size_t column = 0;           // where it starts on its line
  size_t line = 0;
};

// A name wrapped in a narrow PDF signature column ("Phạm Thị Thanh" /
// "Trà"): the rest is the next cell of the same column, one or two
// capitalized words on one of the next lines.
std::u32string complete_name(const std::vector<Cell>& stream, size_t at,
                             std::u32string_view name) {
  std::u32string out(name);
  const Cell& first = stream[at];
  if (first.column < kRightColumn) return out;
  for (size_t j = at + 1; j < stream.size() && j <= at + 3; ++j) {
    const Cell& c = stream[j];
    if (c.line == first.line || c.line > first.line + 2) break;
    if (c.column < kRightColumn) continue;  // the recipients' list on the left
    const size_t words =
        static_cast<size_t>(std::count(c.text.begin(), c.text.end(), U' ')) + 1;
    std::u32string joined = out + U" " + std::u32string(c.text);
    if (words <= 2 && is_person_name(joined) &&
        std::count(joined.begin(), joined.end(), U' ') < 6) {
      out = std::move(joined);
    }
    break;
  }
  return out;
}

std::string find_signer(const std::vector<Line>& lines, size_t begin) {
  // The signature block reads as a sequence of cells whatever the layout:
  // HTML puts it in one table row (tab-separated) or on lines of its own,
  // PDF layout interleaves it with the recipients' list on the left.
  std::vector<Cell> stream;
  for (size_t i = begin; i < lines.size(); ++i) {
    const Line& line = lines[i];
    for (const auto& [b, e] : cells(line)) {
      const std::u32string_view t =
          std::u32string_view(line.text).substr(b, e - b);
      const std::u32string_view f =
          std::u32string_view(line.folded).substr(b, e - b);
      const std::u32string_view tt = trimmed(t);
      const size_t off = static_cast<size_t>(tt.data() - t.data());
      if (!tt.empty())
        stream.push_back(
            {tt, f.substr(off, tt.size()), line.indent + b + off, i});
    }
  }
  for (size_t i = 0; i < stream.size(); ++i) {
    if (!is_authority(stream[i].text, stream[i].folded)) continue;
    bool close = true;  // only roles and signature notes since the authority
    for (size_t j = i + 1; j < stream.size() && j <= i + kSignatureCells; ++j) {
      const Cell& c = stream[j];
      const std::u32string_view name = strip_name_prefix(c.text, c.folded);
      if (is_person_name(name) && !is_role(c.folded)) {
        const std::u32string_view folded =
            c.folded.substr(c.folded.size() - name.size());
        if (close || has_family_name(folded))
          return u32_to_utf8(complete_name(stream, j, name));
      }
      if (ends_preamble(c.text, c.folded) || starts_with_word(c.text, U"điều"))
        break;
      const bool note =
          c.text.front() == U'(' || c.text.front() == U'[' ||
          match_phrase(c.folded, 0, U"da ky") != std::u32string_view::npos ||
          match_phrase(c.folded, 0, U"ky ten") != std::u32string_view::npos;
      if (!note && !is_upper_line(c.text)) close = false;
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// Language and non-official texts

std::string language_of(std::u32string_view text) {
  int words = 0;
  int marked = 0;
  size_t i = 0;
  const size_t n = std::min(text.size(), kLanguageSampleChars);
  while (i < n) {
    if (!u_isalpha(static_cast<UChar32>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    bool mark = false;
    while (j < n &&
           (u_isalpha(static_cast<UChar32>(text[j])) ||
            u_charType(static_cast<UChar32>(text[j])) == U_NON_SPACING_MARK)) {
      mark = mark || has_diacritic(text[j]);
      ++j;
    }
    ++words;
    if (mark) ++marked;
    i = j;
  }
  if (words == 0) return {};
  // Most Vietnamese syllables carry a mark (tone, hat, horn or đ); English
  // words almost none.
  return marked * 10 >= words * 4 ? "vi" : "en";
}

bool contains(std::u32string_view folded, std::u32string_view phrase) {
  for (size_t i = folded.find(phrase.substr(0, 1));
       i != std::u32string_view::npos;
       i = folded.find(phrase.substr(0, 1), i + 1)) {
    if (i > 0 && is_alnum(folded[i - 1])) continue;
    if (match_phrase(folded, i, phrase) != std::u32string_view::npos)
      return true;
  }
  return false;
}

// News: a dateline such as "(Chinhphu.vn) - " or "(TN&MT) – " opening a
// paragraph near the top.
bool has_news_dateline(const std::vector<Line>& lines, size_t limit) {
  for (size_t i = 0; i < std::min(limit, lines.size()); ++i) {
    const std::u32string& t = lines[i].text;
    if (t.empty() || t[0] != U'(') continue;
    const size_t close = t.find(U')');
    if (close == std::u32string::npos || close > 40 || close < 2) continue;
    const size_t k = skip_blanks(t, close + 1);
    if (k < t.size() && (t[k] == U'-' || t[k] == 0x2013 || t[k] == 0x2014))
      return true;
  }
  return false;
}

// The type of a text without an official letterhead, when it clearly is one
// of the non-official kinds; empty otherwise.
std::string non_official_type(const std::vector<Line>& lines) {
  constexpr size_t kTop = 30;
  std::u32string top;
  for (size_t i = 0; i < std::min(kTop, lines.size()); ++i) {
    top += collapsed(lines[i].folded);
    top += U'\n';
  }
  // The kind is named by a title line near the top ("CHƯƠNG TRÌNH",
  // "AGENDA", "BÁO CÁO ..."), and confirmed by the words around it.
  constexpr size_t kTitleLines = 10;
  bool agenda_title = false;
  bool report_title = false;
  for (size_t i = 0; i < std::min(kTitleLines, lines.size()); ++i) {
    const Line& l = lines[i];
    agenda_title =
        agenda_title ||
        (starts_with_phrase(l, U"chuong trinh") && is_upper_line(l.text)) ||
        starts_with_phrase(l, U"agenda");
    report_title = report_title || starts_with_phrase(l, U"bao cao") ||
                   contains(collapsed(l.folded), U"report");
  }
  if (agenda_title &&
      (contains(top, U"hoi thao") || contains(top, U"toa dam") ||
       contains(top, U"workshop") || contains(top, U"seminar"))) {
    return "Chương trình hội thảo";
  }
  if (report_title &&
      (contains(top, U"tu van") || contains(top, U"consultant") ||
       contains(top, U"consultancy"))) {
    return "Báo cáo tư vấn";
  }
  if (has_news_dateline(lines, kTop)) return "Tin bài";
  return {};
}

// ---------------------------------------------------------------------------
// Title

// Names kept capitalized in a title besides the agencies' names.
constexpr std::u32string_view kProperNames[] = {U"Việt Nam", U"Hà Nội",
                                                U"Hồ Chí Minh"};

// "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI" -> "Hoạt động giám sát của Quốc hội": an
// all-capital subject reads better in sentence case, with the agencies and
// a few place names spelled as the taxonomy spells them and the words with
// digits (numbers, "QH15") left alone.
std::u32string sentence_case(std::u32string_view s,
                             const std::vector<AgencyForm>& forms) {
  std::u32string out(s);
  if (!is_upper_line(s)) return out;
  struct Span {
    size_t begin, end;
    std::u32string folded;
  };
  std::vector<Span> spans;
  for (size_t i = 0; i < out.size();) {
    if (!is_alnum(out[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && is_alnum(out[j])) ++j;
    spans.push_back(
        {i, j, folded_word(std::u32string_view(out).substr(i, j - i))});
    i = j;
  }
  // Lower-case every blank-separated token but the first letter, except
  // tokens with digits ("23/2015/NĐ-CP", "QH15").
  bool first = true;
  for (size_t i = 0; i < out.size();) {
    if (is_blank_char(out[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && !is_blank_char(out[j])) ++j;
    if (std::none_of(out.begin() + i, out.begin() + j, is_digit)) {
      for (size_t c = i; c < j; ++c) {
        if (!u_isalpha(static_cast<UChar32>(out[c]))) continue;
        if (!first)
          out[c] =
              static_cast<char32_t>(u_tolower(static_cast<UChar32>(out[c])));
        first = false;
      }
    }
    first = false;
    i = j;
  }
  // Capitalize as the proper name does, word by word.
  std::vector<std::vector<std::u32string>> names;
  for (const AgencyForm& f : forms) names.push_back(f.cased);
  for (std::u32string_view n : kProperNames) {
    std::vector<std::u32string> words;
    for (size_t i = 0; i < n.size();) {
      const size_t j = std::min(n.find(U' ', i), n.size());
      words.emplace_back(n.substr(i, j - i));
      i = j + 1;
    }
    names.push_back(std::move(words));
  }
  for (size_t k = 0; k < spans.size();) {
    size_t best = 0;
    const std::vector<std::u32string>* match = nullptr;
    for (const auto& name : names) {
      if (name.size() <= best || k + name.size() > spans.size()) continue;
      bool ok = true;
      for (size_t m = 0; ok && m < name.size(); ++m) {
        ok = spans[k + m].folded == folded_word(name[m]);
      }
      if (ok) {
        best = name.size();
        match = &name;
      }
    }
    if (match == nullptr) {
      ++k;
      continue;
    }
    for (size_t m = 0; m < best; ++m) {
      const char32_t initial = (*match)[m].empty() ? 0 : (*match)[m][0];
      if (u_isupper(static_cast<UChar32>(initial))) {
        char32_t& c = out[spans[k + m].begin];
        c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
      }
    }
    k += best;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The parts of a document

// Where the letterhead's anchors are: the number line, the heading, the
// place-date line; and where the header ends.
struct Header {
  size_t body = 0;  // the first line of the preamble or the articles
  std::optional<size_t> number_line;
  NumberSlot slot;
  std::optional<size_t> heading_line;
  const char* heading = nullptr;  // the type the heading names
  std::optional<size_t> date_line;
  std::string date;

  bool has_anchor() const { return number_line || heading_line || date_line; }
  // The first line of the letterhead that is not its left cell.
  size_t letterhead_end() const {
    size_t end = std::min(body, kMaxLetterheadLines);
    for (const auto& a : {number_line, heading_line, date_line}) {
      if (a) end = std::min(end, *a);
    }
    return end;
  }
  // The line after the last anchor.
  size_t after() const {
    size_t end = 0;
    for (const auto& a : {number_line, heading_line, date_line}) {
      if (a) end = std::max(end, *a + 1);
    }
    return end;
  }
};

Header read_header(const std::vector<Line>& lines) {
  Header h;
  // The header ends where the preamble or the articles start.
  h.body = std::min(lines.size(), kMaxHeaderLines);
  for (size_t i = 0; i < h.body; ++i) {
    const Line& l = lines[i];
    if (starts_with_phrase(l, U"can cu") ||
        starts_with_phrase(l, U"theo de nghi") ||
        starts_with_phrase(l, U"xet de nghi") ||
        ends_preamble(l.text, l.folded)) {
      h.body = i;
      break;
    }
  }
  size_t nonblank = 0;
  for (size_t i = 0; i < h.body; ++i) {
    // Lines under the heading are the title, which may cite other numbers
    // and dates; the letterhead is at the top.
    if (h.heading_line || nonblank >= kMaxLetterheadLines * 2) break;
    if (!lines[i].blank()) ++nonblank;
    if (!h.number_line) {
      if (auto s = number_slot(lines[i])) {
        h.number_line = i;
        h.slot = *s;
      }
    }
    if (const char* type = heading_type(lines[i])) {
      h.heading_line = i;
      h.heading = type;
    }
    if (!h.date_line) {
      std::string d = place_date(lines[i]);
      if (d.empty()) d = wrapped_place_date(lines, i);
      if (!d.empty()) {
        h.date_line = i;
        h.date = std::move(d);
      }
    }
  }
  return h;
}

// The document's own number: the letterhead's, else the one in the file's
// title. `type` helps repair a number without its type code.
std::optional<DocNumber> read_own_number(const std::vector<Line>& lines,
                                         const Header& h,
                                         const std::string& type,
                                         std::string_view file_title) {
  std::optional<DocNumber> number;
  if (h.number_line) {
    const std::string code =
        type.empty() ? std::string() : type_code_for_name(type);
    const Line& line = lines[*h.number_line];
    number = read_number(line.text, h.slot.begin, code);
    if (!number && h.slot.begin >= line.text.size() &&
        *h.number_line + 1 < lines.size()) {
      // "Số:" with the number on the next line.
      number = read_number(lines[*h.number_line + 1].text, 0, code);
    }
    if (number) read_wrapped_codes(lines, *h.number_line, h.slot, *number);
  }
  if (!number && !file_title.empty()) {
    const auto found = find_doc_numbers(utf8_to_u32(to_nfc(file_title)));
    if (!found.empty()) number = found.front().number;
  }
  return number;
}

// The issuing agencies: the letterhead's left cell, else the issuer codes of
// the number. Sets `has_motto` when the letterhead shows the national motto.
std::vector<const TaxonomyEntry*> read_issuers(
    const std::vector<Line>& lines, const Header& h,
    const std::optional<DocNumber>& number, const Taxonomy& taxonomy,
    const std::vector<AgencyForm>& forms, bool& has_motto) {
  const std::vector<Word> words =
      letterhead_words(lines, h.letterhead_end(), has_motto);
  // Without a number line, a heading or the motto there is no letterhead:
  // the first lines are prose, whose agency names are not the issuer.
  std::vector<AgencyMatch> agencies;
  if (h.number_line || h.heading_line || has_motto) {
    agencies = find_agencies(words, forms);
  }
  // The issuer codes of the number: a joint number lists every issuer
  // ("TTLT-BTP-BCA-..."), and without a readable letterhead they name it.
  std::vector<const TaxonomyEntry*> coded;
  if (number) {
    const size_t first = number->type_code().empty() ? 0 : 1;
    for (size_t k = first; k < number->codes.size(); ++k) {
      std::string code = number->codes[k];
      while (!code.empty() && code.back() >= '0' && code.back() <= '9') {
        code.pop_back();  // the National Assembly's term: QH15
      }
      if (const TaxonomyEntry* e = taxonomy.agency_for_code(code)) {
        coded.push_back(e);
      }
    }
  }
  if (agencies.empty()) return coded;  // none, or a name the table lacks
  std::vector<const TaxonomyEntry*> issuers;
  const bool joint =
      coded.size() >= 2 ||
      std::any_of(agencies.begin() + 1, agencies.end(),
                  [](const AgencyMatch& m) { return m.dash_before; });
  if (joint) {
    for (const AgencyMatch& m : agencies) issuers.push_back(m.entry);
  } else {
    // A parent body stands above the issuing one: the last name issues.
    issuers.push_back(agencies.back().entry);
  }
  return issuers;
}

// The subject lines under the heading ("Quy định cơ chế, chính sách ...").
std::u32string read_subject(const std::vector<Line>& lines, const Header& h,
                            const std::vector<AgencyForm>& forms, bool layout) {
  std::u32string subject;
  if (!h.heading_line) return subject;
  int taken = 0;
  for (size_t i = *h.heading_line + 1; i < h.body && taken < 6; ++i) {
    const Line& l = lines[i];
    if (l.blank()) {
      // HTML ends the subject with its paragraph; a PDF spaces its lines.
      if (!subject.empty() && !layout) break;
      continue;
    }
    ++taken;
    if (is_rule_line(l) || i == h.date_line || i == h.number_line) {
      if (subject.empty()) continue;
      break;
    }
    // The enacting authority under the title: "ỦY BAN THƯỜNG VỤ QUỐC HỘI".
    if (is_authority(l.text, l.folded) ||
        (!subject.empty() && is_upper_line(l.text) &&
         !find_agencies(words_of(l.folded), forms).empty())) {
      break;
    }
    if (!subject.empty()) subject += U' ';
    subject += l.text;
    if (subject.size() > 600) break;
  }
  return subject;
}

// "Nghị định số 249/2025/NĐ-CP Quy định ...", "Luật Báo chí số
// 126/2025/QH15": the form of the titles vbpl.vn gives.
std::string make_title(const char* heading, const std::string& type,
                       const std::string& number, const std::string& subject) {
  std::string title = heading;
  if (type == "Luật" || type == "Bộ luật") {
    if (!subject.empty()) title += " " + subject;
    if (!number.empty()) title += " số " + number;
  } else {
    if (!number.empty()) title += " số " + number;
    if (!subject.empty()) title += " " + subject;
  }
  return title;
}

struct Preamble {
  std::vector<std::string> cites;
  std::optional<size_t> end;  // the line of Điều 1, Chương I or Phần
};

// Every number in the "Căn cứ" paragraphs before Điều 1, Chương I or Phần,
// once each, the document's own number excluded.
Preamble read_preamble(const std::vector<Line>& lines,
                       const std::optional<DocNumber>& own) {
  Preamble out;
  std::unordered_set<std::string> seen;
  if (own) seen.insert(own->key());
  for (const Paragraph& p : preamble_paragraphs(lines)) {
    if (ends_preamble(p.text, p.folded)) {
      out.end = p.first_line;
      break;
    }
    if (match_phrase(p.folded, 0, U"can cu") == std::u32string::npos) continue;
    for (const DocNumber& n : numbers_in(p.text)) {
      if (seen.insert(n.key()).second) out.cites.push_back(n.display());
    }
  }
  return out;
}

}  // namespace

DocMetadata extract_metadata(const std::vector<std::string>& pages,
                             const Taxonomy& taxonomy,
                             std::string_view file_title) {
  DocMetadata meta;
  std::string joined;
  for (const std::string& page : pages) {
    joined += page;
    joined += '\n';
  }
  // Extractors already repair legacy encodings and normalize; text handed in
  // by other callers may not be.
  std::string text = to_nfc(std::move(joined));
  DecodedText repaired;
  if (repair_legacy_lines(text, repaired)) {
    text = to_nfc(std::move(repaired.text));
  }
  const std::u32string all = utf8_to_u32(text);
  const std::vector<Line> lines = split_lines(all);
  meta.language = language_of(all);

  // PDF layout text separates paragraphs with blank lines; HTML text has one
  // paragraph per line and (almost) no blank lines.
  size_t blank = 0;
  const size_t sample = std::min<size_t>(lines.size(), 200);
  for (size_t i = 0; i < sample; ++i) blank += lines[i].blank() ? 1 : 0;
  const bool layout = sample > 0 && blank * 5 >= sample;

  const Header header = read_header(lines);
  meta.issue_date = header.date;

  // Type: the heading word; else the type word before "số"; else the type
  // code of the number.
  if (header.heading != nullptr) {
    meta.type = header.heading;
  } else if (header.number_line && header.slot.type != nullptr) {
    meta.type = header.slot.type;
  }
  const std::optional<DocNumber> number =
      read_own_number(lines, header, meta.type, file_title);
  if (number) {
    meta.number = number->display();
    if (meta.type.empty()) meta.type = type_name_for_code(number->type_code());
  }

  // The agency forms are the same for every document of a taxonomy.
  thread_local uint64_t forms_generation = 0;
  thread_local std::vector<AgencyForm> forms;
  if (forms_generation != taxonomy.generation()) {
    forms = agency_forms(taxonomy);
    forms_generation = taxonomy.generation();
  }
  bool has_motto = false;
  const std::vector<const TaxonomyEntry*> issuers =
      read_issuers(lines, header, number, taxonomy, forms, has_motto);
  for (size_t k = 0; k < issuers.size(); ++k) {
    if (k > 0) meta.issuer += " - ";
    meta.issuer += issuers[k]->name;
  }
  if (!issuers.empty()) meta.issuer_id = issuers.front()->id;

  // Non-official texts: only without any letterhead element.
  if (!header.number_line && !header.heading_line && !has_motto) {
    std::string kind = non_official_type(lines);
    if (!kind.empty()) meta.type = std::move(kind);
  }

  if (header.heading != nullptr) {
    const std::u32string subject = read_subject(lines, header, forms, layout);
    meta.title = make_title(header.heading, meta.type, meta.number,
                            u32_to_utf8(sentence_case(subject, forms)));
  } else if (!file_title.empty()) {
    meta.title = to_nfc(file_title);
  } else if (!meta.type.empty() && !meta.number.empty()) {
    meta.title = meta.type + " số " + meta.number;
  }

  Preamble preamble = read_preamble(lines, number);
  meta.cites = std::move(preamble.cites);
  // The signature follows the articles; without "Điều 1" it is looked for
  // after the letterhead and heading.
  meta.signer = find_signer(lines, preamble.end.value_or(header.after()));
  return meta;
}

}  // namespace kb
