// Agency names as word sequences (see agencies.h).
#include "indexer/metadata/agencies.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <utility>

#include "core/utf8.h"
#include "core/vietnamese.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

std::vector<Word> words_of(std::u32string_view folded,
                           std::u32string_view text) {
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

}  // namespace kb::metadata
