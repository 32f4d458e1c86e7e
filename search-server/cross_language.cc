// Queries through the taxonomy's vocabulary, across languages
// (cross_language.h).
#include "search-server/cross_language.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/schema.h"
#include "core/utf8.h"
#include "core/vietnamese.h"
#include "search-server/number_query.h"
#include "search-server/search_filters.h"

namespace kb {
namespace {

using Q = Xapian::Query;

bool is_acronym_form(std::string_view form) {
  return std::none_of(form.begin(), form.end(),
                      [](char c) { return c >= 'a' && c <= 'z'; });
}

// The documents not in the query's language that mention its topics.
Q other_language_query(const TopicQuery& topics) {
  std::vector<Q> spans;
  for (const std::vector<std::string>& terms : topics.spans)
    spans.push_back(Q(Q::OP_OR, terms.begin(), terms.end()));
  const Q other_language(
      Q::OP_AND_NOT, Q(Q::OP_AND, spans.begin(), spans.end()),
      Q(schema::term(schema::kLanguagePrefix, topics.language)));
  return Q(Q::OP_SCALE_WEIGHT, other_language, kCrossLanguageWeight);
}

// Every document of the query's language (or of both) at
// own_language_weight.
Q own_language_first(const TopicQuery& topics, const Xapian::Database& db) {
  const Q languages(Q::OP_OR,
                    Q(schema::term(schema::kLanguagePrefix, topics.language)),
                    Q(schema::term(schema::kLanguagePrefix, "mixed")));
  return fixed_weight(languages, own_language_weight(topics, db));
}

// The names and keywords of the entities `mentions` name, in every
// language, as the exact-tier terms a snippet marks: one word as a term,
// more as a phrase.
void add_entity_marks(const std::vector<Mention>& mentions,
                      const Taxonomy& taxonomy, ParsedQuery& out) {
  std::set<const TaxonomyEntry*> entries;
  for (const Mention& m : mentions)
    if (m.token_count > 0) entries.insert(m.entry);
  std::set<std::vector<std::string>> phrases(out.entity_phrases.begin(),
                                             out.entity_phrases.end());
  for (const TaxonomyEntry* e : entries) {
    for (const std::vector<std::string>& terms :
         taxonomy.exact_form_terms(*e)) {
      if (terms.size() == 1) {
        out.entity_terms.insert(terms[0]);
      } else if (phrases.insert(terms).second) {
        out.entity_phrases.push_back(terms);
      }
    }
  }
}

// topic_query_of, with the mentions of `a` found.
std::optional<TopicQuery> topics_of_mentions(
    const Analysis& a, const std::vector<Mention>& found) {
  if (a.tokens.empty()) return std::nullopt;
  TopicQuery out;
  std::vector<std::string> topics;  // of the current span
  size_t start = 0;                 // of the current span
  size_t next = 0;  // every token must fall in a topic's name or keyword
  for (const Mention& m : found) {
    if (m.entry->kind != "topic" || m.token_count == 0) return std::nullopt;
    const std::string term = schema::term(schema::kEntityPrefix, m.entry->id);
    if (!topics.empty() && m.first_token == start) {
      // Another topic of the same words ("rác thải nhựa đại dương").
      topics.push_back(term);
      continue;
    }
    if (m.first_token != next) return std::nullopt;
    const std::string l =
        mention_language(a, m.first_token, m.token_count, *m.entry);
    if (!out.language.empty() && l != out.language) return std::nullopt;
    out.language = l;
    if (!topics.empty()) out.spans.push_back(std::move(topics));
    topics = {term};
    start = m.first_token;
    next = m.first_token + m.token_count;
  }
  if (topics.empty() || next != a.tokens.size()) return std::nullopt;
  out.spans.push_back(std::move(topics));
  return out;
}

}  // namespace

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
    if (is_acronym_form(form) || has_diacritics(utf8_to_u32(form))) continue;
    std::string words;
    for (const Token& t : analyze(form).tokens)
      words += (words.empty() ? "" : " ") + t.exact;
    if (words == typed) return "en";
  }
  return "vi";
}

std::optional<TopicQuery> topic_query_of(const Analysis& a,
                                         const Taxonomy& taxonomy) {
  return topics_of_mentions(a, taxonomy.find_mentions(a));
}

Q cross_language_query(std::string_view text, const Taxonomy& taxonomy) {
  const std::optional<TopicQuery> topics =
      topic_query_of(analyze(text), taxonomy);
  return topics ? other_language_query(*topics) : Q();
}

double own_language_weight(const TopicQuery& topics,
                           const Xapian::Database& db) {
  size_t terms = 0;
  for (const std::vector<std::string>& span : topics.spans)
    terms += span.size();
  // BM25 (k3 = 1): a term weighs at most (k3 + 1) (k1 + 1) idf, and idf
  // is below log(N + 1). A topic's term counts once by name and once more,
  // scaled, across languages.
  const double most_a_term =
      2 * (kBm25K1 + 1) * std::log(static_cast<double>(db.get_doccount()) + 1);
  return static_cast<double>(terms) * (1 + kCrossLanguageWeight) * most_a_term;
}

void reach_through_vocabulary(std::string_view text, const Taxonomy& taxonomy,
                              const Xapian::Database& db, ParsedQuery& out) {
  const Analysis a = analyze(text);
  const std::vector<Mention> mentions = taxonomy.find_mentions(a);
  add_entity_marks(mentions, taxonomy, out);
  // (`query` may be empty: no document holds the words typed together.)
  if (!out.simple) return;
  const std::optional<TopicQuery> topics = topics_of_mentions(a, mentions);
  if (!topics) return;
  const Q cross = other_language_query(*topics);
  const Q own = own_language_first(*topics, db);
  out.own_language_count = out.count;
  out.query = Q(Q::OP_AND_MAYBE, Q(Q::OP_OR, out.query, cross), own);
  out.boosts_rebuilt = false;  // query is no longer match AND_MAYBE boosts
  out.match = Q(Q::OP_AND_MAYBE, Q(Q::OP_OR, out.match, cross), own);
  out.count = Q(Q::OP_OR, out.count, cross);
}

}  // namespace kb
