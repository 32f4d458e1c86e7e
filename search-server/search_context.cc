// Opening and following a database folder; labels of facet values.
#include "search-server/search_context.h"

#include <stdexcept>

#include "core/db_layout.h"
#include "core/language.h"
#include "core/stances.h"
#include "core/validity.h"
#include "search-server/revision_data.h"

namespace kb {
namespace fs = std::filesystem;
namespace {

// A stamp of the taxonomy files, to notice the indexer's new copy.
std::string stamp_of(const fs::path& dir) {
  std::string stamp;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    stamp += e.path().filename().string() + ":" +
             std::to_string(e.last_write_time(ec).time_since_epoch().count()) +
             ";";
  }
  return stamp;
}

}  // namespace

SearchContext::SearchContext(const fs::path& dir)
    : db_dir(dir), reader_lock(ReaderLock::shared(dir)) {
  std::string error;
  catalog = Catalog::open(catalog_path(dir), true, &error);
  if (!catalog) throw std::runtime_error(error);
  db = Xapian::Database(index_path(dir).string());
  load_taxonomy();
  open_positions();
}

void SearchContext::open_positions() {
  try {
    if (fs::exists(positions_index_path(db_dir))) {
      positions = std::make_unique<Xapian::Database>(
          positions_index_path(db_dir).string());
    }
  } catch (const Xapian::Error&) {
    positions.reset();  // being created: try again next time
  }
}

void SearchContext::load_taxonomy() {
  std::string error;
  const fs::path dir = taxonomy_copy_path(db_dir);
  auto t = Taxonomy::load(dir, &error);
  if (!t) throw std::runtime_error(error);
  taxonomy = std::make_shared<Taxonomy>(std::move(*t));
  taxonomy_stamp = stamp_of(dir);
}

void SearchContext::refresh() {
  if (positions) {
    positions->reopen();
  } else {
    open_positions();
  }
  if (db.reopen()) {
    const std::string stamp = stamp_of(taxonomy_copy_path(db_dir));
    if (stamp != taxonomy_stamp) {
      try {
        load_taxonomy();
      } catch (const std::exception&) {
        // Keep the taxonomy we have while the indexer rewrites it.
      }
    }
  }
}

std::string SearchContext::taxonomy_label(const std::string& id) const {
  const TaxonomyEntry* e = taxonomy->find(id);
  return e ? e->name : id;
}

std::string SearchContext::label(const Facet& facet, const RevisionData* data,
                                 const std::string& key) const {
  switch (facet.labels) {
    case FacetLabels::kKey:
      return key;
    case FacetLabels::kTaxonomy:
      return taxonomy_label(key);
    case FacetLabels::kValidity:
      return validity_facet_label(key);
    case FacetLabels::kStance: {
      const StanceName* s = find_stance(key);
      return s ? std::string(s->label_vi) : key;
    }
    case FacetLabels::kLanguage: {
      const LanguageName* l = find_language(key);
      return l ? std::string(l->label_vi) : key;
    }
    case FacetLabels::kCatalog:
    case FacetLabels::kCatalogOrTaxonomy:
      break;
  }
  const auto& labels = data->labels[facet_index(kDocumentFacets, facet.name)];
  auto it = labels.find(key);
  if (it != labels.end()) return it->second;
  if (facet.labels == FacetLabels::kCatalogOrTaxonomy) {
    if (const TaxonomyEntry* e = taxonomy->find(key)) return e->name;
  }
  return key;
}

}  // namespace kb
