// The vnkb query language, turned into a Xapian query through the same text
// analysis as the documents (core/analyzer.h).
//
// clang-format off
//   words            a word typed with diacritics matches that word in any
//                    encoding (the exact tier, canonical); a word typed
//                    without matches every spelling (the folded tier); word
//                    by word. Adjacent syllables that form a word in the
//                    collection match side by side ("phản đối" is not
//                    "phản ánh ... đối với")
//   "a phrase"       the words in this order
//   AND OR NOT ( )   boolean operators (upper case); +word requires, -word
//                    excludes
//   so:1407/QĐ-TTg   field prefixes: so: number: network: topic: type: issuer:
//                    year: and their Vietnamese names (core/facets.h)
//   1407/QĐ-TTg      a document number anywhere puts that decision first, then
//                    the documents citing it
//   QĐ 1407          "quyết định 1407", "QĐ 1407", "so 1407" find a decision
//                    by serial and type
//   BTNMT            a name from the taxonomy also finds the entity under its
//                    other names (Bộ Tài nguyên và Môi trường, Bộ TN&MT, MONRE)
// clang-format on
// Words are ANDed by default; QueryMode::kAnyWord ORs them (long questions)
// and kAnyUnit too, keeping multi-syllable words whole (the fallback when
// no document holds every word). Adjacent words also score as phrases.
#ifndef VNKB_SEARCH_SERVER_QUERY_BUILDER_H_
#define VNKB_SEARCH_SERVER_QUERY_BUILDER_H_

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_number.h"
#include "core/facets.h"
#include "core/taxonomy.h"
#include "search-server/revision_caches.h"
#include "search-server/suggestions.h"

namespace kb {

enum class QueryMode { kAllWords, kAnyWord, kAnyUnit };

// A phrase boost of two adjacent words, for QueryBuilder::rescoring_query:
// its position check and what it weighs where the phrase stands (its words'
// own terms, ANDed); `words` is empty for a boost that must check positions.
struct PhraseBoost {
  Xapian::Query phrase;
  Xapian::Query words;
};
// The boosts of one run of words: `pairs` as `query` holds them, scaled by
// `factor`, and each pair's PhraseBoost.
struct BoostRun {
  std::vector<Xapian::Query> pairs;
  std::vector<PhraseBoost> phrases;
  double factor = 1;
};

struct ParsedQuery {
  Xapian::Query query;  // for ranking; empty when the text asked nothing
  // The same match set without the phrase boosts that only rank: cheaper to
  // run over every match (counts and facets).
  Xapian::Query match;
  // The same match set again, with the folded tier alone and phrases through
  // word-pair terms: for passes that only count (unweighted), where the
  // exact tier and position checks add work and no document.
  Xapian::Query count;
  // With a topic query that also reaches the other language's documents
  // (search-server/cross_language.h): `count` without them, for the
  // decisions that ask how rare the words typed are. Empty otherwise.
  Xapian::Query own_language_count;
  bool boosted = false;  // query = match plus phrase boosts
  // The boosts: query = match AND_MAYBE (the runs' scaled ORs, ORed).
  std::vector<BoostRun> boost_runs;
  // QueryBuilder::rescoring_query may rebuild `query` from `match` and
  // `boost_runs` with boosts filtered by the phrases' documents: words
  // that must all match (QueryMode::kAllWords, no operators), where Xapian
  // checks each boost's positions in every document of the window. (Under
  // an OR of the words, Xapian 1.4 weighs some boosts in documents that do
  // not hold their phrase: those answers stay Xapian's.)
  bool boosts_rebuilt = false;
  bool has_text = false;
  bool accented = false;  // the text has diacritics
  // Some word is asked in the spelling typed (it had diacritics).
  bool exact_spelling = false;
  // Positional terms (exact and folded tiers) that snippets highlight, and
  // the phrases whose words are highlighted only side by side.
  std::set<std::string> highlight_terms;
  std::vector<std::vector<std::string>> highlight_phrases;
  // Where the folded tier has no positions (schema 7 on): the terms whose
  // positions in a document are those of a folded term of the highlights.
  std::map<std::string, std::vector<std::string>> spellings;
  // The names and keywords, in every language, of the entities the query
  // names (search-server/cross_language.h), as exact-tier terms and
  // phrases: what a snippet marks in a document that holds none of the
  // above (one reached through a topic, in the other language or not).
  std::set<std::string> entity_terms;
  std::vector<std::vector<std::string>> entity_phrases;
  // The words typed, in order, as folded terms (for suggestions).
  std::vector<std::string> words;
  // The same words as exact-tier terms (the spelling typed, canonical).
  std::vector<std::string> exact_words;
  // Document numbers recognised, as match keys (full or serial/type).
  std::vector<std::string> number_keys;
  std::vector<std::string> warnings;  // e.g. "unknown network 'x'"
  int word_count = 0;                 // free words (not in phrases or fields)
  int unit_count = 0;                 // free words and multi-syllable words
  bool simple = true;  // only words: no operators, phrases, fields or numbers
};

// Thrown for a malformed query (unbalanced parentheses, dangling operator).
class QuerySyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class QueryBuilder {
 public:
  // `db` answers frequency questions (numbers' citing documents); it must stay
  // open while the builder is used. `vocabulary` gives the spellings of
  // each folded word (RevisionData::vocabulary), asked when a phrase first
  // needs the positions of a folded word and the folded tier has none;
  // without it the builder reads the vocabulary from `db` itself. `shared`,
  // when given, holds pair statistics of `db`'s revision across builders;
  // `phrases`, the documents of the counting passes' phrases.
  using VocabularySource = std::function<const Vocabulary&()>;
  QueryBuilder(const Xapian::Database& db, const Taxonomy& taxonomy,
               VocabularySource vocabulary = {},
               PairStatsCache* shared = nullptr,
               PhraseDocsCache* phrases = nullptr);

  // `fold_all`: every word as if typed without diacritics (what the query's
  // other spellings find). Throws QuerySyntaxError. Not thread-safe (it
  // caches word statistics): one builder per search.
  ParsedQuery parse(std::string_view text, QueryMode mode,
                    bool fold_all = false) const;

  // `parsed.query` for ranking its window of candidates: the same matches
  // and weights, with each phrase boost whose documents the revision keeps
  // (`phrases`; a boost asked again: PhraseDocsCache) filtered by them
  // instead of checking positions.
  Xapian::Query rescoring_query(const ParsedQuery& parsed) const;

 private:
  class Parser;
  // `words`: both are words (not numbers).
  PairStats pair_stats(const std::string& first, const std::string& second,
                       const std::string& first_folded,
                       const std::string& second_folded, bool words) const;
  // `term` for a position check: itself, or for a folded term without
  // positions, any of its spellings (the exact-tier terms folding to
  // `folded`, with query frequency 0: no weight), whose positions are the
  // folded term's. For a word the folded term itself is left out: Xapian
  // matches a phrase holding an OR of a term with no positions in a
  // document (a folded word's) wherever the other words are, side by side
  // or not (docs/bench/index.md). Numbers keep their folded term, which
  // has positions.
  Xapian::Query positional_term(const std::string& term,
                                const std::string& folded, bool word) const;
  // Whether positional_term stands its spellings in for `term`: the phrase
  // then weighs nothing for it, and the term weighs beside the phrase.
  bool checked_by_spellings(const std::string& term,
                            const std::string& folded) const;
  std::vector<std::string> spellings_of(const std::string& term,
                                        const std::string& folded) const;
  // `phrase` (a counting pass's, with its XPAIR filter) as the list of the
  // documents it matches, from `phrases_` or checked now into it.
  Xapian::Query phrase_docs(const Xapian::Query& phrase) const;
  mutable std::map<std::string, PairStats> pair_stats_;
  PairStatsCache* shared_;
  PhraseDocsCache* phrases_;
  const Xapian::Database& db_;
  const Taxonomy& taxonomy_;
  FacetResolver facets_;
  // The index holds the XPAIR term of these folded words (schema 4 on; from
  // schema 8, only pairs of frequent words: core/word_pairs.h).
  bool has_pair_term(const std::string& first_folded,
                     const std::string& second_folded) const;
  bool pairs_indexed_;        // the index holds XPAIR terms (schema 4 on)
  bool frequent_pairs_only_;  // only those of frequent words (schema 8 on)
  bool folded_positions_;     // the folded tier has positions (before schema 7)
  VocabularySource vocabulary_source_;
  mutable const Vocabulary* vocabulary_ = nullptr;  // once asked
  mutable std::unique_ptr<Vocabulary> own_vocabulary_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_QUERY_BUILDER_H_
