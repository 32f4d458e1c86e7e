// The vnkb query language, turned into a Xapian query through the same text
// analysis as the documents (core/analyzer.h).
//
// clang-format off
//   words            each word matches any spelling: an accented query asks the
//                    exact tier and the folded tier (exact spellings score
//                    higher); a query typed without any diacritics asks the
//                    folded tier only
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
// Words are ANDed by default; QueryMode::kAnyWord ORs them (long questions,
// or the fallback when no document holds every word). Adjacent words also
// score as phrases, which ranks multi-syllable Vietnamese words together.
#ifndef VNKB_SEARCH_SERVER_QUERY_BUILDER_H_
#define VNKB_SEARCH_SERVER_QUERY_BUILDER_H_

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_number.h"
#include "core/facets.h"
#include "core/taxonomy.h"

namespace kb {

enum class QueryMode { kAllWords, kAnyWord };

struct ParsedQuery {
  Xapian::Query query;  // for ranking; empty when the text asked nothing
  // The same match set without the phrase boosts that only rank: cheaper to
  // run over every match (counts and facets).
  Xapian::Query match;
  // The same match set again, with the folded tier alone and phrases through
  // word-pair terms: for passes that only count (unweighted), where the
  // exact tier and position checks add work and no document.
  Xapian::Query count;
  bool boosted = false;  // query = match plus phrase boosts
  bool has_text = false;
  bool accented = false;
  // Positional terms (exact and folded tiers) that snippets highlight.
  std::set<std::string> highlight_terms;
  // The words typed, in order, as folded terms (for suggestions).
  std::vector<std::string> words;
  // The same words as exact-tier terms (the spelling typed, canonical).
  std::vector<std::string> exact_words;
  // Document numbers recognised, as match keys (full or serial/type).
  std::vector<std::string> number_keys;
  std::vector<std::string> warnings;  // e.g. "unknown network 'x'"
  int word_count = 0;                 // free words (not in phrases or fields)
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
  // open while the builder is used.
  QueryBuilder(const Xapian::Database& db, const Taxonomy& taxonomy);

  // Throws QuerySyntaxError.
  ParsedQuery parse(std::string_view text, QueryMode mode) const;

 private:
  class Parser;
  const Xapian::Database& db_;
  const Taxonomy& taxonomy_;
  FacetResolver facets_;
  bool pairs_indexed_;  // the index holds XPAIR terms (schema 4 on)
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_QUERY_BUILDER_H_
