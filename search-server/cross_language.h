// One vocabulary for both languages (issue 17). Topics, processes and
// actors have Vietnamese and English names in the taxonomy; a query that
// names only topics, in one language, also reaches the documents of the
// other language that speak of them, and every document in the query's own
// language ranks above every document reached only across languages. A
// document that holds none of the words typed shows the passage that names
// the entity instead (search-server/snippets.h).
#ifndef VNKB_SEARCH_SERVER_CROSS_LANGUAGE_H_
#define VNKB_SEARCH_SERVER_CROSS_LANGUAGE_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/taxonomy.h"
#include "search-server/query_builder.h"

namespace kb {

// The weight of a topic in the other language's documents, on top of what
// they score by the topic's name: below any document that holds the words
// typed (a term scores at most about 2.2 times its idf; the words of a
// matching document score more than a tenth of that).
inline constexpr double kCrossLanguageWeight = 0.1;

// A query whose words all name topics of the taxonomy, by name or keyword,
// in one language: "biến đổi khí hậu", "plastic pollution".
struct TopicQuery {
  std::string language;  // "vi" or "en": the query's
  // Per span of words, the XENT terms of the topics it names (one span may
  // name several: "rác thải nhựa đại dương").
  std::vector<std::vector<std::string>> spans;
};

// The topics of `analysis` when it names nothing else (other words,
// numbers, names of other entities: those already match under all their
// names), in one language; nullopt otherwise.
std::optional<TopicQuery> topic_query_of(const Analysis& analysis,
                                         const Taxonomy& taxonomy);

// The documents not in the query's language that mention its topics (XENT,
// any of their keywords in any language), at kCrossLanguageWeight; empty
// when `text` is no topic query.
Xapian::Query cross_language_query(std::string_view text,
                                   const Taxonomy& taxonomy);

// A fixed weight for the documents in the query's language (or mixed),
// above the most that a document of the other language holding none of
// the words typed can score: what the topics' terms give it, by name and
// across languages, each at most (k3 + 1) (k1 + 1) log(N + 1) in BM25.
// Every document of the query's language gains the same, so their order
// among themselves is unchanged.
double own_language_weight(const TopicQuery& topics,
                           const Xapian::Database& db);

// "en" when the words of `analysis` from `first` (count `n`) are a form of
// `entry` (a name or keyword) without diacritics and not an acronym, else
// "vi".
std::string mention_language(const Analysis& analysis, size_t first, size_t n,
                             const TaxonomyEntry& entry);

// What ParsedQuery gains from the taxonomy's vocabulary for `text` (not for
// long questions, which match by their words): the names and keywords, in
// every language, of the entities `text` names (entity_terms and
// entity_phrases, marked where a document holds none of the words typed);
// and for a query of topics (out.simple), the other language's documents
// and the own language's weight in `query` and `match`.
void reach_through_vocabulary(std::string_view text, const Taxonomy& taxonomy,
                              const Xapian::Database& db, ParsedQuery& out);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_CROSS_LANGUAGE_H_
