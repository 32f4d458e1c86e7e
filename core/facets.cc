// Facet values in any spelling resolved to index terms; table lookups.
#include "core/facets.h"

#include <algorithm>

#include "core/doc_number.h"
#include "core/language.h"
#include "core/stances.h"
#include "core/validity.h"

namespace kb {
namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// A term whose key is what the facet lists.
FacetTerm keyed(std::string_view prefix, std::string_view key) {
  return {schema::term(prefix, key), std::string(key)};
}

}  // namespace

std::optional<FacetTerm> FacetResolver::entity(std::string_view kind,
                                               std::string_view prefix,
                                               std::string_view value) const {
  const TaxonomyEntry* e = taxonomy_.resolve(value, {kind});
  if (e == nullptr) return std::nullopt;
  return keyed(prefix, e->id);
}

std::optional<FacetTerm> FacetResolver::network(std::string_view value) const {
  return entity("network", schema::kNetworkPrefix, value);
}

std::optional<FacetTerm> FacetResolver::topic(std::string_view value) const {
  return entity("topic", schema::kTopicPrefix, value);
}

const DocumentKind* find_document_kind(std::string_view value) {
  const std::string key = schema::facet_key(value);
  for (const DocumentKind& k : kDocumentKinds) {
    if (value == k.id || key == schema::facet_key(k.label_vi)) return &k;
  }
  return nullptr;
}

std::string kind_label(std::string_view id) {
  const DocumentKind* k = find_document_kind(id);
  return k ? std::string(k->label_vi) : std::string();
}

std::optional<FacetTerm> FacetResolver::type(std::string_view value) const {
  // "QĐ" and "Quyết định" are the same type; "news" and "Tin bài" the same
  // kind.
  std::string name = type_name_for_code(canonical_code(value));
  if (const DocumentKind* k = find_document_kind(value);
      name.empty() && k != nullptr) {
    name = k->label_vi;
  }
  const std::string key = schema::facet_key(name.empty() ? value : name);
  if (key.empty()) return std::nullopt;
  return keyed(schema::kTypePrefix, key);
}

std::optional<FacetTerm> FacetResolver::issuer(std::string_view value) const {
  const TaxonomyEntry* e = taxonomy_.resolve(value, {"agency"});
  const std::string key = e ? e->id : schema::facet_key(value);
  if (key.empty()) return std::nullopt;
  return keyed(schema::kIssuerPrefix, key);
}

std::optional<FacetTerm> FacetResolver::year(std::string_view value) const {
  if (value.size() != 4 || !is_digits(value)) return std::nullopt;
  return keyed(schema::kYearPrefix, value);
}

std::optional<FacetTerm> FacetResolver::language(std::string_view value) const {
  const LanguageName* l = find_language(value);
  if (l == nullptr) return std::nullopt;
  return keyed(schema::kLanguagePrefix, l->id);
}

std::optional<FacetTerm> FacetResolver::number(std::string_view value) const {
  if (const auto n = parse_doc_number(value)) {
    if (n->codes.size() == 1 && !n->type_code().empty()) {
      // 1407/QĐ: serial and type.
      return keyed(schema::kSerialPrefix, n->key());
    }
    return keyed(schema::kNumberPrefix, n->key());
  }
  std::string digits(value);
  while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
  // A bare serial stands for several numbers: the facet lists none of them.
  if (is_digits(digits))
    return FacetTerm{schema::term(schema::kSerialPrefix, digits), ""};
  return std::nullopt;
}

std::optional<FacetTerm> FacetResolver::actor(std::string_view value) const {
  // An actor the taxonomy does not know, by the id positions carry
  // (core/taxonomy.h open_actor_id): "x:" and [a-z0-9-].
  if (is_open_actor_id(value) &&
      value.substr(2).find_first_not_of(
          "abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos) {
    return keyed(schema::kActorPrefix, value);
  }
  const TaxonomyEntry* e = taxonomy_.resolve(value, kActorKinds);
  if (e == nullptr) return std::nullopt;
  return keyed(schema::kActorPrefix, e->id);
}

std::optional<FacetTerm> FacetResolver::process(std::string_view value) const {
  const TaxonomyEntry* e = taxonomy_.resolve(value, {"process", "forum"});
  if (e == nullptr) return std::nullopt;
  return keyed(
      e->kind == "forum" ? schema::kForumPrefix : schema::kProcessPrefix,
      e->id);
}

std::optional<FacetTerm> FacetResolver::stance(std::string_view value) const {
  const StanceName* s = find_stance(value);
  if (s == nullptr) return std::nullopt;
  return keyed(schema::kStancePrefix, s->id);
}

std::optional<FacetTerm> FacetResolver::validity(std::string_view value) const {
  const std::string key = schema::facet_key(value);
  for (const std::string& v : kValidityFacetValues) {
    if (value == v || key == schema::facet_key(validity_facet_label(v)))
      return FacetTerm{v, v};
  }
  return std::nullopt;
}

const Facet* find_facet(std::span<const Facet> table, std::string_view name) {
  for (const Facet& f : table) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

size_t facet_index(std::span<const Facet> table, std::string_view name) {
  return static_cast<size_t>(find_facet(table, name) - table.data());
}

const Facet* facet_for_query_field(std::string_view name) {
  if (name.empty()) return nullptr;
  for (const Facet& f : kDocumentFacets) {
    if (is_computed_facet(f)) continue;  // a filter parameter only
    if (f.name == name ||
        std::find(f.query_aliases.begin(), f.query_aliases.end(), name) !=
            f.query_aliases.end()) {
      return &f;
    }
  }
  return nullptr;
}

std::string rejection_message(const Facet& facet, std::string_view value) {
  std::string out(facet.rejection);
  const size_t at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, value);
  return out;
}

}  // namespace kb
