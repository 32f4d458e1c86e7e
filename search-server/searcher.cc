// Searcher: each call takes a turn from the pool and runs one unit.
#include "search-server/searcher.h"

#include <stdexcept>

#include "core/db_layout.h"
#include "core/facets.h"
#include "search-server/document_search.h"
#include "search-server/lookups.h"
#include "search-server/position_search.h"
#include "search-server/search_profile.h"

namespace kb {
namespace fs = std::filesystem;
namespace {

// Fails with a hint before the pool opens anything.
const fs::path& existing_database(const fs::path& db_dir) {
  if (!is_database(db_dir)) {
    throw std::runtime_error("no vnkb database in " + db_dir.string() +
                             " (index documents with vnkb-index --db " +
                             db_dir.string() + " add ...)");
  }
  return db_dir;
}

}  // namespace

Searcher::Searcher(const fs::path& db_dir, int max_active)
    : pool_(existing_database(db_dir), max_active) {}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) const {
  SearchStageTimer queue(SearchStage::kQueue);
  SearchPool::Lease lease = pool_.acquire();
  queue.stop();
  return search_documents(*lease, revisions_, request);
}

std::optional<DocumentDetails> Searcher::document(
    int64_t id, const std::string& as_of) const {
  SearchPool::Lease lease = pool_.acquire();
  return find_document(*lease, revisions_, id, as_of);
}

std::optional<PageText> Searcher::page_text(int64_t id, int page,
                                            const std::string& q) const {
  SearchPool::Lease lease = pool_.acquire();
  return find_page_text(*lease, revisions_, id, page, q);
}

std::optional<DocumentFile> Searcher::file(int64_t id) const {
  SearchPool::Lease lease = pool_.acquire();
  return find_file(*lease, id);
}

FacetOverview Searcher::all_facets(int facet_limit) const {
  SearchRequest r;
  r.per_page = 0;
  r.facet_limit = facet_limit;
  r.snippets = false;
  r.page = 1;
  // With no value to list (the web page asks so at start-up, for the facet
  // definitions), the counting pass over every document is skipped; each
  // facet still answers, with an empty list.
  r.facets = facet_limit > 0;
  SearchResult s = search(r);
  if (!r.facets) {
    for (const Facet& f : kDocumentFacets)
      s.facets.emplace_back(std::string(f.name), std::vector<FacetValue>());
  }
  return {s.total, std::move(s.facets)};
}

PositionResult Searcher::positions(const PositionRequest& request) const {
  SearchPool::Lease lease = pool_.acquire();
  return search_positions(*lease, request);
}

std::optional<ActorPage> Searcher::actor(const std::string& id) const {
  std::shared_ptr<const Taxonomy> taxonomy;
  {
    SearchPool::Lease lease = pool_.acquire();
    taxonomy = lease->taxonomy;
  }
  // The positions take a turn of their own.
  return find_actor(std::move(taxonomy), id,
                    [this](const PositionRequest& r) { return positions(r); });
}

Health Searcher::health() const {
  SearchPool::Lease lease = pool_.acquire();
  return {lease->db.get_doccount(), lease->db.get_revision()};
}

}  // namespace kb
