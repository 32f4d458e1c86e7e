// Lines of a document's text: splitting, folding and matching (see
// text_lines.h).
#include "indexer/metadata/text_lines.h"

#include <algorithm>

#include "core/vietnamese.h"

namespace kb::metadata {
namespace {

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

}  // namespace

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

std::u32string_view trimmed(std::u32string_view s) {
  size_t b = skip_blanks(s, 0);
  size_t e = s.size();
  while (e > b && is_blank_char(s[e - 1])) --e;
  return s.substr(b, e - b);
}

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

std::u32string collapsed_prefix(std::u32string_view folded, size_t limit) {
  std::u32string out;
  // One blank may end `out` and go at the end: past limit + 1 the whole is
  // past `limit`.
  for (size_t i = 0; i < folded.size() && out.size() <= limit + 1; ++i) {
    if (!is_blank_char(folded[i])) {
      out.push_back(folded[i]);
    } else if (!out.empty() && out.back() != U' ') {
      out.push_back(U' ');
    }
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::u32string words_before(std::u32string_view f, size_t pos, int words) {
  size_t b = pos;
  int seen = 0;
  while (b > 0 && seen < words) {
    while (b > 0 && is_blank_char(f[b - 1])) --b;
    while (b > 0 && !is_blank_char(f[b - 1])) --b;
    ++seen;
  }
  return collapsed(f.substr(b, pos - b));
}

bool is_upper_line(std::u32string_view text) {
  int letters = 0;
  for (char32_t c : text) {
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    if (u_islower(static_cast<UChar32>(c))) return false;
    ++letters;
  }
  return letters >= 2;
}

bool is_rule_line(const Line& line) {
  return !line.blank() &&
         std::none_of(line.text.begin(), line.text.end(), is_alnum);
}

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

bool starts_with_word(std::u32string_view text, std::u32string_view lower) {
  if (text.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower_letter(text[i]) != lower[i]) return false;
  }
  return text.size() == lower.size() || !is_alnum(text[lower.size()]);
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

}  // namespace kb::metadata
