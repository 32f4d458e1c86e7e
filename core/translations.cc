// Families of a number across languages (translations.h).
#include "core/translations.h"

#include "core/doc_number.h"

namespace kb {

TranslationFamily translation_family(const Catalog& catalog,
                                     const CatalogDocument& d) {
  TranslationFamily out;
  const auto n = parse_doc_number(d.number);
  if (!n || d.language.empty()) return out;
  bool vietnamese = d.language == "vi";
  for (int64_t other : catalog.ids_with_number(n->key())) {
    if (other == d.id) continue;
    auto od = catalog.get(other);
    if (!od || od->status == "failed" || od->language.empty() ||
        od->language == d.language) {
      continue;
    }
    vietnamese = vietnamese || od->language == "vi";
    out.others.push_back(std::move(*od));
  }
  out.original_missing = !vietnamese;
  return out;
}

}  // namespace kb
