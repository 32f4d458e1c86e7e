// The catalog's relations and force tables (core/catalog.h): how a
// document's relations and dates of force are written with it and read
// back. Internal to the catalog.
#ifndef VNKB_CORE_CATALOG_RELATIONS_H_
#define VNKB_CORE_CATALOG_RELATIONS_H_

#include "core/catalog.h"
#include "core/sqlite.h"

namespace kb::catalog_relations {

// Replaces the rows of `doc` (doc.id set). REQUIRES: a writable catalog.
void put(const sqlite::Database& db, const CatalogDocument& doc);
// Fills doc.relations, effective_date, expiry_date and validity; leaves
// them empty on a catalog from before the tables existed.
void read(const sqlite::Database& db, CatalogDocument& doc);

}  // namespace kb::catalog_relations

#endif  // VNKB_CORE_CATALOG_RELATIONS_H_
