// The derive step: from a document's pages and the librarian's overrides to
// everything stored about it (metadata, tags, anchors, positions, the
// index entry built from their analyses). `add` runs it on the pages just read,
// `reindex` on the pages as stored, so both store the same for the same file.
#ifndef VNKB_INDEXER_DERIVE_H_
#define VNKB_INDEXER_DERIVE_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "core/analyzer.h"
#include "core/catalog.h"
#include "core/position_store.h"
#include "core/schema.h"
#include "core/taxonomy.h"
#include "indexer/positions/extractor.h"

namespace kb {

// What the derive step makes besides the fields of the document itself.
struct Derived {
  std::vector<PositionRecord> positions;  // extracted, for the position store
  // With derive_document(..., build_index_entry): the index entry built from
  // the document as derived, under the id it had then (0 for a new one; the
  // indexer sets the id the catalog gives it), and its data.
  std::optional<Xapian::Document> index_entry;
  schema::DocumentData index_data;
};

// Derives `doc` from `pages` (page 1 first): analyses every page (once for
// the tags and the index up to 1 MB of text; a longer document one page at a
// time, so memory holds one page's analysis, not the document's) and sets its
// anchors; reads the metadata (extract_metadata, with the title the file
// itself declares, doc.file_title) and the tags; applies the overrides kept
// in `doc` (sidecar_json, then overrides_json); sets doc.pages; extracts the
// negotiation positions. A document whose status is "failed" has no pages:
// nothing is derived and its fields stay as they are.
// With `build_index_entry`, also builds the index entry (the work `add` does
// on its second thread). Thread-safe: it touches only `doc` and `pages`.
// REQUIRES: doc.sidecar_json and doc.overrides_json are current (the sidecar
// and flags of this run are merged in before).
Derived derive_document(CatalogDocument& doc, std::vector<CatalogPage>& pages,
                        const Taxonomy& taxonomy,
                        const PositionExtractor& positions,
                        bool build_index_entry = false);

// The index entry of `doc` from its stored pages, analysed one at a time
// (recovery of a killed run rewrites the index without deriving again).
Xapian::Document build_index_entry(const CatalogDocument& doc,
                                   const std::vector<CatalogPage>& pages,
                                   const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_INDEXER_DERIVE_H_
