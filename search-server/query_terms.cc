// QueryBuilder: its construction from the index's schema, and what the index
// holds for a query's words: their spellings, the documents where a phrase
// stands (per index revision) and the statistics of two syllables side by side
// (query_builder.h).
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "core/schema.h"
#include "core/word_pairs.h"
#include "search-server/counting_weight.h"
#include "search-server/query_builder.h"
#include "search-server/revision_caches.h"
#include "search-server/search_filters.h"

namespace kb {

namespace {
// The index's schema version (core/schema.h).
int index_schema_of(const Xapian::Database& db) {
  return std::atoi(
      db.get_metadata(std::string(schema::kSchemaVersionKey)).c_str());
}
}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Taxonomy& taxonomy,
                           VocabularySource vocabulary, PairStatsCache* shared,
                           PhraseDocsCache* phrases)
    : shared_(shared),
      phrases_(phrases),
      db_(db),
      taxonomy_(taxonomy),
      facets_(taxonomy),
      pairs_indexed_(index_schema_of(db) >= 4),
      frequent_pairs_only_(index_schema_of(db) >= 8),
      folded_positions_(index_schema_of(db) < 7),
      vocabulary_source_(std::move(vocabulary)) {}

Xapian::Query QueryBuilder::phrase_docs(const Xapian::Query& phrase) const {
  if (phrases_ == nullptr) return phrase;
  return docid_list_query(phrases_->documents(db_, phrase));
}

Xapian::Query QueryBuilder::rescoring_query(const ParsedQuery& parsed) const {
  using Q = Xapian::Query;
  if (!parsed.boosts_rebuilt || phrases_ == nullptr) return parsed.query;
  // The same shape as parse() gives, single parts left unwrapped.
  auto either = [](const std::vector<Q>& parts) {
    return parts.size() == 1 ? parts[0]
                             : Q(Q::OP_OR, parts.begin(), parts.end());
  };
  std::vector<Q> boosts;
  for (const BoostRun& run : parsed.boost_runs) {
    std::vector<Q> pairs;
    for (size_t i = 0; i < run.pairs.size(); ++i) {
      const PhraseBoost& b = run.phrases[i];
      PhraseDocsCache::Docids docs;
      if (!b.words.empty())
        docs = phrases_->documents_when_asked_again(db_, b.phrase);
      // What a phrase weighs where it stands is its words' own terms (the
      // spellings checked weigh nothing: positional_term).
      pairs.push_back(
          docs ? Q(Q::OP_FILTER, b.words, docid_list_query(std::move(docs)))
               : run.pairs[i]);
    }
    boosts.emplace_back(Q::OP_SCALE_WEIGHT, either(pairs), run.factor);
  }
  return Q(Q::OP_AND_MAYBE, parsed.match, either(boosts));
}

std::vector<std::string> QueryBuilder::spellings_of(
    const std::string& term, const std::string& folded) const {
  // The folded term itself keeps the positions of tokens other than words
  // (numbers, document numbers: core/document_terms.cc).
  std::vector<std::string> out = {term};
  if (vocabulary_ == nullptr && vocabulary_source_) {
    vocabulary_ = &vocabulary_source_();
  } else if (vocabulary_ == nullptr) {
    Xapian::Database db = db_;
    own_vocabulary_ = std::make_unique<Vocabulary>(build_vocabulary(db));
    vocabulary_ = own_vocabulary_.get();
  }
  const auto it = vocabulary_->find(folded);
  if (it != vocabulary_->end())
    for (const auto& spelling : it->second) out.push_back(spelling.first);
  return out;
}

bool QueryBuilder::checked_by_spellings(const std::string& term,
                                        const std::string& folded) const {
  return !folded_positions_ && term == schema::folded_term(folded);
}

// The spellings have within-query frequency 0, so BM25 gives them no
// weight (its k3 factor is 0).
Xapian::Query QueryBuilder::positional_term(const std::string& term,
                                            const std::string& folded,
                                            bool word) const {
  if (!checked_by_spellings(term, folded)) return Xapian::Query(term);
  std::vector<Xapian::Query> spellings;
  for (const std::string& t : spellings_of(term, folded)) {
    if (t == term) {
      if (!word) spellings.emplace_back(t);  // a number's folded term
      continue;
    }
    spellings.emplace_back(t, 0);
  }
  // No spelling: the folded term, without positions, matches no phrase.
  if (spellings.empty()) return Xapian::Query(term);
  return Xapian::Query(Xapian::Query::OP_OR, spellings.begin(),
                       spellings.end());
}

bool QueryBuilder::has_pair_term(const std::string& first_folded,
                                 const std::string& second_folded) const {
  if (!pairs_indexed_) return false;
  if (frequent_pairs_only_) return pair_indexed(first_folded, second_folded);
  return schema::pair_term_fits(first_folded, second_folded);
}

PairStats QueryBuilder::pair_stats(const std::string& first,
                                   const std::string& second,
                                   const std::string& first_folded,
                                   const std::string& second_folded,
                                   bool words) const {
  const std::string pair = schema::pair_term(first_folded, second_folded);
  const std::string key = first + '\x1f' + second;
  const auto cached = pair_stats_.find(key);
  if (cached != pair_stats_.end()) return cached->second;
  if (shared_ != nullptr) {
    if (const std::optional<PairStats> known = shared_->find(key)) {
      pair_stats_.emplace(key, *known);
      return *known;
    }
  }
  const Xapian::doccount a = db_.get_termfreq(first);
  const Xapian::doccount b = db_.get_termfreq(second);
  PairStats stats;
  const bool held = has_pair_term(first_folded, second_folded);
  if (a > 0 && b > 0 && (held || frequent_pairs_only_)) {
    Xapian::doccount together = held ? db_.get_termfreq(pair) : 1;
    const bool folded = first == schema::folded_term(first_folded) &&
                        second == schema::folded_term(second_folded);
    if (together > 0 && (!folded || !held)) {
      // Side by side in the spellings typed: a phrase, checked only where
      // the folded pair stands (or, for a pair the index does not hold, a
      // rarer word's documents: core/word_pairs.h).
      Xapian::Enquire e(db_);
      e.set_weighting_scheme(counting_weight());
      using Q = Xapian::Query;
      const Q both[] = {positional_term(first, first_folded, words),
                        positional_term(second, second_folded, words)};
      const Q phrase(Q::OP_PHRASE, std::begin(both), std::end(both), 2);
      e.set_query(held ? Q(Q::OP_FILTER, phrase, Q(pair)) : phrase);
      together = e.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
    }
    const auto t = static_cast<double>(together);
    stats.share = t / static_cast<double>(std::min(a, b));
    stats.strength =
        t / std::sqrt(static_cast<double>(a) * static_cast<double>(b));
  }
  pair_stats_.emplace(key, stats);
  if (shared_ != nullptr) shared_->add(key, stats);
  return stats;
}

}  // namespace kb
