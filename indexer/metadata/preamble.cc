// The preamble's paragraphs and the numbers they cite (see preamble.h).
#include "indexer/metadata/preamble.h"

#include <unicode/uchar.h>

#include <unordered_set>

#include "core/vietnamese.h"
#include "indexer/metadata/number.h"

namespace kb::metadata {
namespace {

// A paragraph of the preamble, its lines joined.
struct PreambleParagraph {
  size_t first_line = 0;
  std::u32string text;  // lines joined by a space
  std::u32string folded;
};

bool ends_preamble_clause(const Line& line) {
  if (line.blank()) return false;
  const char32_t c = line.text.back();
  return c == U';' || c == U'.' || c == U':';
}

// A line that starts a paragraph of the preamble even when the previous
// one did not end with a stop: "Căn cứ", "Theo đề nghị", "Xét", the first
// article or chapter.
// Where a paragraph's citation opens: "Căn cứ …", or in an official English
// translation "Pursuant to …" (after a list dash); npos when it is none.
size_t citation_start(std::u32string_view folded) {
  size_t i = 0;
  while (i < folded.size() &&
         (folded[i] == U'-' || folded[i] == U'–' || folded[i] == U' '))
    ++i;
  for (std::u32string_view opener : {U"can cu", U"pursuant to"})
    if (match_phrase(folded, i, opener) != std::u32string_view::npos) return i;
  return std::u32string_view::npos;
}

// The end of an English translation's preamble: "Article 1", "Chapter I".
bool ends_english_preamble(std::u32string_view folded) {
  for (std::u32string_view head : {U"article", U"chapter"}) {
    const size_t k = match_phrase(folded, 0, head);
    if (k == std::u32string_view::npos) continue;
    const size_t j = skip_blanks(folded, k);
    if (head == U"chapter" &&
        match_phrase(folded, j, U"i") != std::u32string_view::npos)
      return true;
    return j < folded.size() && folded[j] == U'1' &&
           (j + 1 >= folded.size() || !is_digit(folded[j + 1]));
  }
  return false;
}

bool ends_any_preamble(std::u32string_view text, std::u32string_view folded) {
  return ends_preamble(text, folded) || ends_english_preamble(folded);
}

bool opens_preamble_paragraph(const Line& line) {
  if (ends_any_preamble(line.text, line.folded)) return true;
  if (citation_start(line.folded) != std::u32string_view::npos) return true;
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
std::vector<PreambleParagraph> preamble_paragraphs(
    const std::vector<Line>& lines) {
  std::vector<PreambleParagraph> out;
  bool open = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      open = false;
      continue;
    }
    if (!open || opens_preamble_paragraph(line)) {
      if (!out.empty() && ends_any_preamble(out.back().text, out.back().folded))
        break;
      out.push_back({i, line.text, line.folded});
    } else {
      out.back().text += U' ';
      out.back().text += line.text;
      out.back().folded += U' ';
      out.back().folded += line.folded;
    }
    open = !ends_preamble_clause(line);
  }
  return out;
}

}  // namespace

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

Preamble read_preamble(const std::vector<Line>& lines,
                       const std::optional<DocNumber>& own) {
  Preamble out;
  std::unordered_set<std::string> seen;
  if (own) seen.insert(own->key());
  for (const PreambleParagraph& p : preamble_paragraphs(lines)) {
    if (ends_any_preamble(p.text, p.folded)) {
      out.end = p.first_line;
      break;
    }
    if (citation_start(p.folded) == std::u32string_view::npos) continue;
    for (const DocNumber& n : numbers_in(p.text)) {
      if (seen.insert(n.key()).second) out.cites.push_back(n.display());
    }
  }
  return out;
}

}  // namespace kb::metadata
