// Search over a vnkb database folder (indexer/indexer.h): ranked hits with
// snippets, exact facet counts, documents, pages, files, positions and
// actors. Read-only; safe to call from many threads; follows the indexer's
// commits without restart. Answers are structs (search_types.h); the HTTP
// handlers shape them into JSON (json_responses.h).
#ifndef VNKB_SEARCH_SERVER_SEARCHER_H_
#define VNKB_SEARCH_SERVER_SEARCHER_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "search-server/revision_data.h"
#include "search-server/search_pool.h"
#include "search-server/search_types.h"

namespace kb {

class Searcher {
 public:
  // Opens the database folder read-only. Throws std::runtime_error with a
  // clear message when it is missing or unreadable.
  //
  // At most `max_active` calls work at once (0: one per core); the others
  // wait their turn, first come first served (search_pool.h).
  explicit Searcher(const std::filesystem::path& db_dir, int max_active = 0);
  ~Searcher();

  // The /api/search answer. Throws BadRequest.
  SearchResult search(const SearchRequest& request) const;
  // Metadata with cites and cited_by, typed relations and the validity on
  // `as_of` (YYYY-MM-DD, "" for today); nullopt for an unknown id.
  std::optional<DocumentDetails> document(int64_t id,
                                          const std::string& as_of = "") const;
  // One page's text; with `q`, also the escaped text with the query's words
  // in <mark>. nullopt for an unknown id or page. Throws BadRequest.
  std::optional<PageText> page_text(int64_t id, int page,
                                    const std::string& q) const;
  // The original file of a document the catalog knows: path and content type.
  std::optional<DocumentFile> file(int64_t id) const;
  // Facet values over the whole collection.
  FacetOverview all_facets(int facet_limit) const;
  // The /api/positions answer. Throws BadRequest.
  PositionResult positions(const PositionRequest& request) const;
  // An actor of the taxonomy: names, networks and members, positions over
  // time; nullopt for an unknown id.
  std::optional<ActorPage> actor(const std::string& id) const;
  Health health() const;

  // The most calls that have worked at once so far (for tests).
  int peak_active() const { return pool_.peak_active(); }

 private:
  SearchPool pool_;
  RevisionCache revisions_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCHER_H_
