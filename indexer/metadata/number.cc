// Document numbers on the letterhead's number line and in running text.
#include "indexer/metadata/number.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "core/utf8.h"
#include "indexer/metadata/doc_type.h"

namespace kb::metadata {
namespace {

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

}  // namespace

std::optional<NumberSlot> number_slot(const Line& line) {
  for (const auto& [begin, end] : cells(line)) {
    const std::u32string_view f =
        std::u32string_view(line.folded).substr(0, end);
    // Letterheads write "Số:" with a capital; prose wrapped in a PDF may
    // start a line with "số 23/2003/QH11 ngày ...".
    if (!u_isupper(static_cast<UChar32>(line.text[begin]))) continue;
    NumberSlot slot;
    size_t i = begin;
    size_t type_end = 0;
    if (const char* type = type_before_number(f, i, &type_end)) {
      slot.type = type;
      i = skip_blanks(f, type_end);
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

std::optional<DocNumber> read_own_number(const std::vector<Line>& lines,
                                         std::optional<size_t> number_line,
                                         const NumberSlot& slot,
                                         const std::string& type,
                                         std::string_view file_title) {
  std::optional<DocNumber> number;
  if (number_line) {
    const std::string code =
        type.empty() ? std::string() : type_code_for_name(type);
    const Line& line = lines[*number_line];
    number = read_number(line.text, slot.begin, code);
    if (!number && slot.begin >= line.text.size() &&
        *number_line + 1 < lines.size()) {
      // "Số:" with the number on the next line.
      number = read_number(lines[*number_line + 1].text, 0, code);
    }
    if (number) read_wrapped_codes(lines, *number_line, slot, *number);
  }
  if (!number && !file_title.empty()) {
    const auto found = find_doc_numbers(utf8_to_u32(to_nfc(file_title)));
    if (!found.empty()) number = found.front().number;
  }
  return number;
}

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

}  // namespace kb::metadata
