// What document search and position search share: facet and date filters
// from request parameters, BM25 settings, and retrying a read that the
// indexer's commit overtook.
#ifndef VNKB_SEARCH_SERVER_SEARCH_FILTERS_H_
#define VNKB_SEARCH_SERVER_SEARCH_FILTERS_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/facets.h"

namespace kb {

// BM25 tuned on the ALQAC 2023 train queries (Xapian's defaults are 1.2 and
// 0.75): longer term-frequency saturation and full length normalization
// suit short legal articles (nDCG@10 0.871 -> 0.909 with the weights in
// query_builder.cc).
inline constexpr double kBm25K1 = 1.6;
inline constexpr double kBm25B = 0.9;

// The filter parameters of a request, as queries.
struct FacetFilters {
  // Per facet: OR of its values (AND across facets is the caller's).
  std::map<std::string, Xapian::Query> by_facet;
  // Each facet's chosen values as the facet lists them.
  std::map<std::string, std::set<std::string>> selected;
};

// Resolves `filters` (facet name -> values) against the facets of `table`.
// A value unknown to its facet matches nothing and adds a warning ("unknown
// topic 'x'"), as does any value of a facet not in the table. Throws
// BadRequest when the facet has a rejection message (core/facets.h).
FacetFilters resolve_filters(
    std::span<const Facet> table,
    const std::map<std::string, std::vector<std::string>>& filters,
    const FacetResolver& resolver, std::vector<std::string>* warnings);

// A filter matching exactly the documents `docids` (ascending): how a
// computed facet (core/facets.h is_computed_facet) filters.
Xapian::Query docid_list_query(std::vector<Xapian::docid> docids);
// The same over a list shared with others (a cache's).
Xapian::Query docid_list_query(
    std::shared_ptr<const std::vector<Xapian::docid>> docids);
// The documents of a query made by docid_list_query (a LEAF_POSTING_SOURCE
// leaf), or null for any other. The list lives as long as `leaf` does.
const std::vector<Xapian::docid>* docid_list_of(const Xapian::Query& leaf);

// Throws BadRequest unless `from` and `to` are each empty or a date
// YYYY-MM-DD.
void check_date_range(const std::string& from, const std::string& to);

// Runs `fn`, reopening `db` when the indexer's commit overtook the read.
template <typename Fn>
auto with_retries(Xapian::Database& db, Fn fn) -> decltype(fn()) {
  constexpr int kMaxRetries = 3;
  for (int attempt = 0;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      db.reopen();
    }
  }
}

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCH_FILTERS_H_
