// Families of a number across languages (translations.h).
#include "search-server/translations.h"

#include "core/doc_number.h"

namespace kb {

void add_translations(const Catalog& catalog, const CatalogDocument& d,
                      DocumentDetails& out) {
  const auto n = parse_doc_number(d.number);
  if (!n || d.language.empty()) return;
  bool vietnamese = d.language == "vi";
  for (int64_t other : catalog.ids_with_number(n->key())) {
    if (other == d.id) continue;
    const auto od = catalog.get(other);
    if (!od || od->status == "failed" || od->language.empty() ||
        od->language == d.language) {
      continue;
    }
    vietnamese = vietnamese || od->language == "vi";
    out.translations.push_back({od->id, od->title, od->number, od->language});
  }
  out.original_missing = !vietnamese;
}

}  // namespace kb
