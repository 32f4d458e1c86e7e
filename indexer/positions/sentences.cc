// Lines, sentences and quotes (indexer/positions/sentences.h).
#include "indexer/positions/sentences.h"

#include <string>
#include <unordered_set>
#include <utility>

#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// The code point at `i` (UTF-8) and its length.
std::pair<char32_t, size_t> decode_at(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  const std::u32string cp = utf8_to_u32(s.substr(i, len));
  return {cp.empty() ? 0 : cp[0], len};
}

bool is_upper_letter(char32_t c) { return lower_letter(c) != c; }

const std::unordered_set<std::string> kAbbreviations = {
    "tp", "tt", "ts", "ths", "pgs", "gs", "bs",  "ks",  "v.v", "vv",
    "st", "ng", "tx", "kt",  "tm",  "mr", "mrs", "ms",  "dr",  "vd",
    "tr", "ch", "no", "đc",  "q",   "p",  "tl",  "tuq", "ttg"};

void push_trimmed(std::string_view text, size_t b, size_t e,
                  std::vector<TextSpan>& out) {
  while (b < e && is_space_byte(text[b])) ++b;
  while (e > b && is_space_byte(text[e - 1])) --e;
  if (e > b)
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

// Whether the '.' at `i` ends an abbreviation, an initial or a list marker
// ("1.", "Điều 5.", "II.") of the sentence that began at `start`.
bool period_is_not_an_end(std::string_view text, size_t start, size_t i) {
  if (i - start <= 12) return true;  // "1.", "Điều 15.", "a.", "II."
  size_t w = i;
  while (w > start && !is_space_byte(text[w - 1]) && text[w - 1] != '(') --w;
  std::string word = to_nfc(text.substr(w, i - w));
  std::u32string u = utf8_to_u32(word);
  for (char32_t& c : u) c = lower_letter(c);
  const std::string lower = u32_to_utf8(u);
  if (kAbbreviations.count(lower)) return true;
  if (u.size() == 1) return true;  // an initial: "Nguyễn V. An"
  return false;
}

// Bullets, and the no-break and typographic spaces of web pages.
bool is_bullet_or_space(char32_t cp) {
  return cp == U'•' || cp == U'Ø' || cp == U'▪' || cp == U'●' || cp == U'◦' ||
         cp == U'-' || cp == U'–' || cp == U'+' || cp == U'*' ||
         cp == U'\u00A0' || (cp >= U'\u2000' && cp <= U'\u200B') ||
         cp == U'\u202F' || cp == U'\u3000';
}

// The end of an inline list marker opening a sentence at `k` ("... năm 2017.
// 7. Hai bên ...", "b) Bộ X ..."): one or two digits, up to four roman
// numerals or one lower-case letter, then '.' or ')' and a space; else `k`. A
// joint statement numbers its points inside one paragraph, and the point's own
// words ("Hai bên", "Theo X,") must open its sentence.
size_t after_inline_marker(std::string_view text, size_t k) {
  size_t m = k;
  while (m < text.size() && m - k < 4 &&
         ((text[m] >= '0' && text[m] <= '9') || text[m] == 'I' ||
          text[m] == 'V' || text[m] == 'X' ||
          (m == k && text[m] >= 'a' && text[m] <= 'z'))) {
    ++m;
  }
  const bool digits = m > k && text[k] >= '0' && text[k] <= '9';
  if (m == k || (digits && m - k > 2)) return k;
  if (m - k > 1 && text[k] >= 'a' && text[k] <= 'z') return k;
  // "V. Putin", "X. Y": an initial, not the roman five or ten.
  if (m - k == 1 && (text[k] == 'V' || text[k] == 'X')) return k;
  if (m + 1 >= text.size() || (text[m] != '.' && text[m] != ')') ||
      text[m + 1] != ' ')
    return k;
  m += 1;
  while (m < text.size() && text[m] == ' ') ++m;
  return m < text.size() && text[m] != '\n' ? m : k;
}

}  // namespace

size_t after_lead_marker(std::string_view text, size_t at) {
  if (text.substr(at, 5) != "more(") return at;
  size_t m = at + 5;
  while (m < text.size() && text[m] >= 'A' && text[m] <= 'Z') ++m;
  if (m - at - 5 < 2 || m - at - 5 > 12 || m >= text.size() || text[m] != ')')
    return at;
  ++m;
  // Blanks (no-break spaces too), one dash, blanks.
  auto skip_blanks = [&] {
    while (m < text.size()) {
      if (text[m] == ' ') {
        ++m;
      } else if (text.substr(m, 2) == "\u00A0") {
        m += 2;
      } else {
        break;
      }
    }
  };
  skip_blanks();
  if (text.substr(m, 1) == "-") {
    m += 1;
  } else if (text.substr(m, 3) == "\u2013") {
    m += 3;
  } else {
    return at;
  }
  skip_blanks();
  return m < text.size() && text[m] != '\n' ? m : at;
}

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

bool ends_with_colon(std::string_view line) {
  while (!line.empty() && is_space_byte(line.back())) line.remove_suffix(1);
  return !line.empty() && line.back() == ':';
}

std::vector<TextSpan> split_lines(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
      start = i + 1;
    }
  }
  return out;
}

std::vector<TextSpan> split_sentences(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = after_lead_marker(text, 0);
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      push_trimmed(text, start, i, out);
      start = after_lead_marker(text, i + 1);
      i = start - 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ')' || text[j] == '"' ||
                               text[j] == '\'' || text[j] == '.')) {
      ++j;
    }
    // Closing quotation marks ” ’ (3 bytes each).
    while (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
           static_cast<unsigned char>(text[j + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[j + 2]) == 0x9D ||
            static_cast<unsigned char>(text[j + 2]) == 0x99)) {
      j += 3;
    }
    if (j >= text.size() || !is_space_byte(text[j]) || text[j] == '\n')
      continue;
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size() || text[k] == '\n') continue;
    const auto [next, len] = decode_at(text, k);
    (void)len;
    const bool opens = is_upper_letter(next) ||
                       (next >= U'0' && next <= U'9') || next == U'•' ||
                       next == U'“' || next == U'"' || next == U'(' ||
                       next == U'-' || next == U'*';
    if (!opens) continue;
    if (c == '.' && period_is_not_an_end(text, start, i)) continue;
    push_trimmed(text, start, j, out);
    start = after_inline_marker(text, k);
    i = start - 1;
  }
  push_trimmed(text, start, text.size(), out);
  return out;
}

TextSpan trim_quote(std::string_view text, size_t begin, size_t end) {
  size_t qb = begin, qe = end;
  while (qb < qe) {
    if (is_space_byte(text[qb])) {
      ++qb;
      continue;
    }
    const auto [cp, len] = decode_at(text, qb);
    if (!is_bullet_or_space(cp)) break;
    qb += len;
  }
  while (qe > qb) {
    if (is_space_byte(text[qe - 1])) {
      --qe;
    } else if (qe - qb >= 2 && text.substr(qe - 2, 2) == "\u00A0") {
      qe -= 2;  // a trailing no-break space
    } else {
      break;
    }
  }
  return {static_cast<uint32_t>(qb), static_cast<uint32_t>(qe)};
}

}  // namespace kb
