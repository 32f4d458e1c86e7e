// Translation families: an official English translation and its Vietnamese
// original carry the same document number ("18/2021/ND-CP", "18/2021/NĐ-CP":
// one key, core/doc_number.h), so the number makes them one family. The
// server's document page (search-server/translations.h) and `vnkb-index
// show` both ask the catalog here.
#ifndef VNKB_CORE_TRANSLATIONS_H_
#define VNKB_CORE_TRANSLATIONS_H_

#include <vector>

#include "core/catalog.h"

namespace kb {

struct TranslationFamily {
  // The documents of the same number in another language (not failed).
  std::vector<CatalogDocument> others;
  // An English or mixed document with a number whose family holds no
  // Vietnamese document: its original is not in the collection.
  bool original_missing = false;
};

TranslationFamily translation_family(const Catalog& catalog,
                                     const CatalogDocument& d);

}  // namespace kb

#endif  // VNKB_CORE_TRANSLATIONS_H_
