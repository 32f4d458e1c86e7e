// Translations: an official English translation and its Vietnamese original
// carry the same document number ("18/2021/ND-CP", "18/2021/NĐ-CP": one key,
// core/doc_number.h), so the number makes them one family. A document's page
// offers the family's other languages ("English version", "Bản tiếng
// Việt"), and says when an English translation's original is not in the
// collection.
#ifndef VNKB_SEARCH_SERVER_TRANSLATIONS_H_
#define VNKB_SEARCH_SERVER_TRANSLATIONS_H_

#include "core/catalog.h"
#include "search-server/search_types.h"

namespace kb {

// Fills out.translations (the documents of `d`'s number in another
// language) and out.original_missing (an English or mixed document with a
// number whose family holds no Vietnamese document).
void add_translations(const Catalog& catalog, const CatalogDocument& d,
                      DocumentDetails& out);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_TRANSLATIONS_H_
