// Sentences and phrases of English text (english_sentences.h).
#include "indexer/positions/english_sentences.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <utility>

namespace kb::english {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool in_list_of(std::string_view w, std::initializer_list<std::string_view> l) {
  return std::find(l.begin(), l.end(), w) != l.end();
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

size_t match_phrase(std::string_view lower, size_t at,
                    std::string_view phrase) {
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           (static_cast<unsigned char>(c) & 0x80);
  };
  if (at > 0 && is_word(lower[at - 1])) return std::string_view::npos;
  size_t i = at;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (phrase[k] == ' ') {
      if (i >= lower.size() || !is_blank(lower[i]))
        return std::string_view::npos;
      while (i < lower.size() && is_blank(lower[i])) ++i;
      continue;
    }
    if (i >= lower.size() || lower[i] != phrase[k])
      return std::string_view::npos;
    ++i;
  }
  if (i < lower.size() && is_word(lower[i])) return std::string_view::npos;
  return i;
}

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  auto push = [&](size_t b, size_t e) {
    while (b < e && is_blank(text[b])) ++b;
    while (e > b && is_blank(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
  };
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t end = i + 1;
    while (end < text.size() && (text[end] == '\'' || text[end] == '"')) ++end;
    if (end >= text.size() || !is_blank(text[end])) continue;
    size_t next = end;
    while (next < text.size() && is_blank(text[next])) ++next;
    if (next >= text.size() || text[next] == '\n') continue;
    const unsigned char n = static_cast<unsigned char>(text[next]);
    const bool opens = (n >= 'A' && n <= 'Z') || (n >= '0' && n <= '9') ||
                       n == '\'' || n == '"' || n >= 0xC3;
    if (!opens) continue;
    // The word the stop ends: an initial or an abbreviation keeps going.
    size_t w = i;
    while (w > start && !is_blank(text[w - 1]) && text[w - 1] != '(') --w;
    const std::string_view word = text.substr(w, i - w);
    // An initial is a capital letter. A digit or a bracket is none ("under
    // Article 9. The G-77/CHINA said", "(WG-I:10th/Doc.2a ). With"), nor
    // the letter of an annex, a section or an option ("included in Annex I.
    // The EU"), nor a unit after a number ("stabilizing temperatures at 2
    // C. NORWAY").
    size_t pw = w;
    while (pw > start && is_blank(text[pw - 1])) --pw;
    size_t pb = pw;
    while (pb > start && !is_blank(text[pb - 1])) --pb;
    const std::string_view before = text.substr(pb, pw - pb);
    const bool numbered =
        in_list_of(before, {"Annex", "Section", "Part", "Option", "Attachment",
                            "Appendix", "Chapter", "Group", "Alternative",
                            "Table", "Box", "WG"}) ||
        (!before.empty() && before.back() >= '0' && before.back() <= '9');
    const bool initial =
        word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z' && !numbered;
    if (c == '.' &&
        (initial || in_list_of(word, {"Mr", "Ms", "Mrs", "Dr", "No", "Nos",
                                      "Vol", "St", "Prof", "Amb", "Sr", "Jr",
                                      "U.S", "e.g", "i.e", "para", "Art"})))
      continue;
    push(start, end);
    start = end;
  }
  push(start, text.size());
  return out;
}

size_t next_list_and(std::string_view s, size_t from) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"trinidad", "tobago"},
      {"antigua", "barbuda"},
      {"bosnia", "herzegovina"},
      {"saint kitts", "nevis"},
      {"saint vincent", "the grenadines"},
      {"sao tome", "principe"},
      {"são tomé", "príncipe"},
      {"turks", "caicos"}};
  const auto lower_is = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(a[i])) !=
          static_cast<unsigned char>(b[i]))
        return false;
    return true;
  };
  for (size_t at = s.find(" and ", from); at != std::string_view::npos;
       at = s.find(" and ", at + 1)) {
    bool inside = false;
    for (const auto& [first, second] : kNames) {
      inside = inside ||
               (at >= first.size() &&
                lower_is(s.substr(at - first.size(), first.size()), first) &&
                lower_is(s.substr(at + 5, second.size()), second));
    }
    if (!inside) return at;
  }
  return std::string_view::npos;
}

}  // namespace kb::english
