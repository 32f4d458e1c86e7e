// English words and cross-language topics in queries (english_query.h).
#include "search-server/english_query.h"

#include <algorithm>
#include <vector>

#include "core/english_terms.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

using Q = Xapian::Query;

bool is_acronym(std::string_view form) {
  return std::none_of(form.begin(), form.end(),
                      [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

Q with_english_stem(const Q& word, const Token& t, const Xapian::Database& db) {
  const std::string stem = english_stem_term(t);
  if (stem.empty() || db.get_collection_freq(stem) == 0) return word;
  return Q(Q::OP_OR, word, Q(Q::OP_SCALE_WEIGHT, Q(stem), kStemWeight));
}

std::string mention_language(const Analysis& analysis, size_t first, size_t n,
                             const TaxonomyEntry& entry) {
  std::string typed;
  for (size_t k = first; k < first + n && k < analysis.tokens.size(); ++k) {
    const Token& t = analysis.tokens[k];
    if (t.exact != t.folded) return "vi";
    typed += (typed.empty() ? "" : " ") + t.exact;
  }
  std::vector<std::string> forms = entry.forms();
  forms.insert(forms.end(), entry.keywords.begin(), entry.keywords.end());
  for (const std::string& form : forms) {
    if (is_acronym(form) || has_diacritics(utf8_to_u32(form))) continue;
    std::string words;
    for (const Token& t : analyze(form).tokens)
      words += (words.empty() ? "" : " ") + t.exact;
    if (words == typed) return "en";
  }
  return "vi";
}

Q cross_language_query(std::string_view text, const Taxonomy& taxonomy) {
  const Analysis a = analyze(text);
  if (a.tokens.empty()) return Q();
  std::vector<Q> spans;   // one per span of words: its topics, ORed
  std::vector<Q> topics;  // of the current span
  std::string language;
  size_t start = 0;  // of the current span
  size_t next = 0;   // every token must fall in a topic's name or keyword
  for (const Mention& m : taxonomy.find_mentions(a)) {
    if (m.entry->kind != "topic" || m.token_count == 0) return Q();
    if (!topics.empty() && m.first_token == start) {
      // Another topic of the same words ("rác thải nhựa đại dương").
      topics.emplace_back(schema::term(schema::kEntityPrefix, m.entry->id));
      continue;
    }
    if (m.first_token != next) return Q();
    const std::string l =
        mention_language(a, m.first_token, m.token_count, *m.entry);
    if (!language.empty() && l != language) return Q();
    language = l;
    if (!topics.empty())
      spans.push_back(Q(Q::OP_OR, topics.begin(), topics.end()));
    topics = {Q(schema::term(schema::kEntityPrefix, m.entry->id))};
    start = m.first_token;
    next = m.first_token + m.token_count;
  }
  if (topics.empty() || next != a.tokens.size()) return Q();
  spans.push_back(Q(Q::OP_OR, topics.begin(), topics.end()));
  const Q other_language(Q::OP_AND_NOT,
                         Q(Q::OP_AND, spans.begin(), spans.end()),
                         Q(schema::term(schema::kLanguagePrefix, language)));
  return Q(Q::OP_SCALE_WEIGHT, other_language, kCrossLanguageWeight);
}

}  // namespace kb
