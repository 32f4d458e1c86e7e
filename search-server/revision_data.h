// What the searcher derives from one revision of the index, built once and
// shared by every thread: each document's facet values as small integers
// (counting a match is then a few array reads, not a value fetch), the
// catalog's labels of facet keys, and the vocabulary for suggestions.
#ifndef VNKB_SEARCH_SERVER_REVISION_DATA_H_
#define VNKB_SEARCH_SERVER_REVISION_DATA_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/catalog.h"
#include "core/facets.h"
#include "search-server/direct_rank.h"
#include "search-server/query_builder.h"
#include "search-server/snippet_texts.h"
#include "search-server/suggestions.h"

namespace kb {

struct SearchContext;

inline constexpr size_t kDocumentFacetCount = kDocumentFacets.size();

struct RevisionData {
  Xapian::rev revision = 0;
  // The day (YYYY-MM-DD) the computed facets (validity) hold for.
  std::string day;
  // Per facet (kDocumentFacets order): value id -> key (id 0 is unused),
  // and for each docid d the value ids ids[offsets[d] .. offsets[d + 1]).
  std::array<std::vector<std::string>, kDocumentFacetCount> values;
  std::array<std::vector<uint32_t>, kDocumentFacetCount> offsets;
  std::array<std::vector<uint32_t>, kDocumentFacetCount> ids;
  // Per facet: key -> the display form the catalog holds (type, issuer,
  // number).
  std::array<std::unordered_map<std::string, std::string>, kDocumentFacetCount>
      labels;

  // The documents holding any of `values` of the facet `facet` (an index
  // into kDocumentFacets), in docid order: the filter of a computed facet.
  std::vector<Xapian::docid> documents_with(
      size_t facet, const std::set<std::string>& values) const;

  // The vocabulary of this revision, built on first use (it reads every
  // term). Thread-safe.
  const Vocabulary& vocabulary(Xapian::Database& db) const;

  // suggest() of `words` on this revision, kept (a suggestion reads the
  // frequencies of every candidate spelling: 20 ms for a five-word
  // question). Thread-safe.
  std::optional<std::string> suggestion(
      Xapian::Database& db, const std::vector<std::string>& words) const;

  // Pair statistics of this revision, filled by the searches' parses.
  mutable PairStatsCache pair_stats;
  // The documents of the counting passes' phrases, filled likewise.
  mutable PhraseDocsCache phrase_docs;
  // Decoded postings of the commonest terms with their BM25 parts, for the
  // ranked pages (direct_rank.h).
  mutable RankPostingsCache rank_postings;
  // The pages the hits' snippets read, and their analyses.
  mutable SnippetTextCache snippet_texts;
  // The hits' documents' data.
  mutable DocumentDataCache document_data;

 private:
  mutable std::once_flag vocabulary_once_;
  mutable Vocabulary vocabulary_;
  static constexpr size_t kMaxSuggestions = 10000;
  mutable std::mutex suggestions_mutex_;
  mutable std::unordered_map<std::string, std::optional<std::string>>
      suggestions_;
};

// Reads the facet slot of every document and the catalog's labels, and
// computes the computed facets (validity) on `day` (YYYY-MM-DD).
std::shared_ptr<RevisionData> build_revision_data(Xapian::Database& db,
                                                  const Catalog& catalog,
                                                  const std::string& day);

// The data of the latest revision a context has seen, shared by every
// thread. Thread-safe.
class RevisionCache {
 public:
  // The data of `context`'s revision for today (core/clock.h): the cached
  // one, or built now (under a lock: the other threads wait rather than
  // build it twice); a new day builds it again, as validity changes.
  std::shared_ptr<const RevisionData> get(SearchContext& context) const;

 private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const RevisionData> data_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_REVISION_DATA_H_
