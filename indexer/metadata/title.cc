// The title from the heading and its subject (see title.h).
#include "indexer/metadata/title.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "core/vietnamese.h"
#include "indexer/metadata/ocr_noise.h"
#include "indexer/metadata/signer.h"

namespace kb::metadata {
namespace {

// Names kept capitalized in a title besides the agencies' names.
constexpr std::u32string_view kProperNames[] = {U"Việt Nam", U"Hà Nội",
                                                U"Hồ Chí Minh"};

}  // namespace

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

std::u32string read_subject(const std::vector<Line>& lines, const Letterhead& h,
                            const std::vector<AgencyForm>& forms, bool layout,
                            bool ocr) {
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
    std::u32string text = l.text;
    if (ocr) {
      // A stamp across the subject reads as a line of specks; specks in a
      // line read as stray marks and letters.
      if (is_ocr_noise_line(l.text)) continue;
      text = drop_ocr_noise(l.text);
      const std::u32string start = folded_word(text.substr(0, 24));
      if (start.find(U"can cu") != std::u32string::npos ||
          start.find(U"theo de nghi") != std::u32string::npos) {
        break;
      }
    }
    // The enacting authority under the title: "ỦY BAN THƯỜNG VỤ QUỐC HỘI".
    if (is_authority(l.text, l.folded) ||
        (!subject.empty() && is_upper_line(l.text) &&
         !find_agencies(words_of(l.folded), forms).empty())) {
      break;
    }
    if (!subject.empty()) subject += U' ';
    subject += text;
    if (subject.size() > 600) break;
  }
  return subject;
}

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

}  // namespace kb::metadata
