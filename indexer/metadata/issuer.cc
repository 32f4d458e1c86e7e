// The issuing agencies from the letterhead (see issuer.h).
#include "indexer/metadata/issuer.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace kb::metadata {
namespace {

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

// The national motto: its name line and its words "Độc lập - Tự do - Hạnh
// phúc", folded.
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

}  // namespace

std::vector<const TaxonomyEntry*> read_issuers(
    const std::vector<Line>& lines, const Letterhead& h,
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

}  // namespace kb::metadata
