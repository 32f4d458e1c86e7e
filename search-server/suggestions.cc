// Suggestions: vocabulary by folded form, one-edit fixes, Viterbi choice.
#include "search-server/suggestions.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/utf8.h"
#include "core/vietnamese.h"
#include "search-server/counting_weight.h"

namespace kb {

using Q = Xapian::Query;

namespace {
// Spellings one edit away that compete for a word not in the vocabulary.
constexpr size_t kNearCandidates = 8;
}  // namespace

Vocabulary build_vocabulary(Xapian::Database& db) {
  Vocabulary vocabulary;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string term = *it;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
      it.skip_to("[");  // past every prefixed term ('[' follows 'Z')
      if (it == db.allterms_end()) break;
    }
    const std::string unprefixed = *it;
    if (unprefixed.empty() || (unprefixed[0] >= 'A' && unprefixed[0] <= 'Z'))
      continue;
    vocabulary[u32_to_utf8(folded_word(utf8_to_u32(unprefixed)))].emplace_back(
        unprefixed, it.get_termfreq());
  }
  for (auto& [folded, spellings] : vocabulary) {
    std::sort(spellings.begin(), spellings.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  return vocabulary;
}

// Restores diacritics and fixes one-letter typos from the index vocabulary,
// choosing among spellings by how often adjacent words occur together.
std::optional<std::string> suggest(Xapian::Database& db,
                                   const Vocabulary& vocab,
                                   const std::vector<std::string>& words) {
  if (words.empty() || words.size() > 8) return std::nullopt;
  std::vector<std::vector<std::pair<std::string, Xapian::doccount>>> candidates;
  for (const std::string& w : words) {
    const auto it = vocab.find(w);
    if (it != vocab.end()) {
      candidates.emplace_back(
          it->second.begin(),
          it->second.begin() + std::min<size_t>(4, it->second.size()));
      continue;
    }
    // Every word one edit away (delete, replace, insert over a-z, swap two
    // neighbours), the most frequent spellings first: which one is meant
    // the neighbours decide below ("khoag san": khoản is the most frequent
    // neighbour of "khoag", khoáng the one "sản" follows; "FLGET": FLEGT).
    const std::string letters = "abcdefghijklmnopqrstuvwxyz";
    std::set<std::string> edits;
    for (size_t i = 0; i <= w.size(); ++i) {
      if (i < w.size()) edits.insert(w.substr(0, i) + w.substr(i + 1));
      if (i + 1 < w.size()) {
        std::string swapped = w;
        std::swap(swapped[i], swapped[i + 1]);
        edits.insert(swapped);
      }
      for (char c : letters) {
        if (i < w.size()) edits.insert(w.substr(0, i) + c + w.substr(i + 1));
        edits.insert(w.substr(0, i) + c + w.substr(i));
      }
    }
    std::vector<std::pair<std::string, Xapian::doccount>> near;
    for (const std::string& e : edits) {
      const auto f = vocab.find(e);
      if (f != vocab.end())
        near.insert(near.end(), f->second.begin(), f->second.end());
    }
    if (near.empty()) return std::nullopt;
    std::sort(near.begin(), near.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    near.resize(std::min<size_t>(kNearCandidates, near.size()));
    candidates.push_back(std::move(near));
  }
  // Viterbi over the candidates: word frequency plus pair (phrase) frequency.
  auto phrase_count = [&db](const std::string& a, const std::string& b) {
    Xapian::Enquire e(db);
    e.set_weighting_scheme(counting_weight());
    std::vector<Q> terms = {Q(a), Q(b)};
    e.set_query(Q(Q::OP_PHRASE, terms.begin(), terms.end(), 2));
    return e.get_mset(0, 0, 1000).get_matches_estimated();
  };
  const size_t n = candidates.size();
  std::vector<std::vector<double>> score(n);
  std::vector<std::vector<size_t>> back(n);
  for (size_t j = 0; j < candidates[0].size(); ++j) {
    score[0].push_back(std::log1p(candidates[0][j].second));
    back[0].push_back(0);
  }
  for (size_t i = 1; i < n; ++i) {
    for (size_t j = 0; j < candidates[i].size(); ++j) {
      double best = -1e30;
      size_t arg = 0;
      for (size_t k = 0; k < candidates[i - 1].size(); ++k) {
        const double pair = std::log1p(
            phrase_count(candidates[i - 1][k].first, candidates[i][j].first));
        const double s = score[i - 1][k] + 3.0 * pair;
        if (s > best) {
          best = s;
          arg = k;
        }
      }
      score[i].push_back(best + std::log1p(candidates[i][j].second));
      back[i].push_back(arg);
    }
  }
  size_t arg = static_cast<size_t>(
      std::max_element(score[n - 1].begin(), score[n - 1].end()) -
      score[n - 1].begin());
  std::vector<std::string> chosen(n);
  for (size_t i = n; i-- > 0;) {
    chosen[i] = candidates[i][arg].first;
    arg = back[i][arg];
  }
  std::string out;
  for (const std::string& w : chosen) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string in_typed_case(const std::string& suggestion,
                          const std::string& typed) {
  const icu::UnicodeString t = icu::UnicodeString::fromUTF8(typed);
  bool upper = false;
  for (int32_t i = 0; i < t.length();) {
    const UChar32 c = t.char32At(i);
    if (u_islower(c)) return suggestion;
    if (u_isupper(c)) upper = true;
    i += U16_LENGTH(c);
  }
  if (!upper) return suggestion;
  std::string out;
  icu::UnicodeString::fromUTF8(suggestion)
      .toUpper(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

}  // namespace kb
