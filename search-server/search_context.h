// One searching thread's view of a database folder: the index, the catalog,
// the taxonomy and the position index, reopened to follow the indexer.
#ifndef VNKB_SEARCH_SERVER_SEARCH_CONTEXT_H_
#define VNKB_SEARCH_SERVER_SEARCH_CONTEXT_H_

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/catalog.h"
#include "core/facets.h"
#include "core/reader_lock.h"
#include "core/taxonomy.h"

namespace kb {

struct RevisionData;

// Not thread-safe: one thread uses a context at a time (Xapian wants one
// Database object per thread); SearchPool hands them out.
struct SearchContext {
  // Opens the folder read-only. Throws std::runtime_error when the catalog,
  // the index or the taxonomy cannot be read.
  explicit SearchContext(const std::filesystem::path& dir);

  // Sees the indexer's latest commit (cheap when nothing changed). Keeps the
  // taxonomy it has while the indexer rewrites it.
  void refresh();

  Xapian::rev revision() const { return db.get_revision(); }

  // The display label of `key`, a value of `facet` (a facet of
  // kDocumentFacets or kPositionFacets). `data` gives the catalog's labels:
  // REQUIRES data != nullptr for the document facets labelled from the
  // catalog.
  std::string label(const Facet& facet, const RevisionData* data,
                    const std::string& key) const;
  // The name of a taxonomy entry, or `id` when the taxonomy has none.
  std::string taxonomy_label(const std::string& id) const;

  std::filesystem::path db_dir;
  // Held while this context reads the folder: the indexer swaps the index
  // folder only when no reader holds it. First: taken before anything opens.
  ReaderLock reader_lock;
  Xapian::Database db;
  std::unique_ptr<Catalog> catalog;
  std::shared_ptr<Taxonomy> taxonomy;
  std::string taxonomy_stamp;
  // The position index; absent until the indexer writes one.
  std::unique_ptr<Xapian::Database> positions;

 private:
  void open_positions();
  void load_taxonomy();
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCH_CONTEXT_H_
