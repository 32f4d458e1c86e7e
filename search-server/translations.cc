// Families of a number across languages (translations.h).
#include "search-server/translations.h"

#include "core/translations.h"

namespace kb {

void add_translations(const Catalog& catalog, const CatalogDocument& d,
                      DocumentDetails& out) {
  const TranslationFamily family = translation_family(catalog, d);
  for (const CatalogDocument& od : family.others)
    out.translations.push_back({od.id, od.title, od.number, od.language});
  out.original_missing = family.original_missing;
}

}  // namespace kb
