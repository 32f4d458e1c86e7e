// Relations and force in `show` (see relations_output.h).
#include "indexer/commands/relations_output.h"

#include <iomanip>

#include "core/doc_number.h"
#include "core/language.h"
#include "core/translations.h"
#include "core/validity.h"

namespace kb {

using Json = nlohmann::json;

namespace {

Json relation_json(const Relation& r) {
  Json j = {{"kind", r.kind}, {"number", r.target},     {"scope", r.scope},
            {"page", r.page}, {"sentence", r.sentence}, {"source", r.source}};
  return j;
}

// The first document of the catalog with this number (not failed).
std::optional<CatalogDocument> document_numbered(const Catalog& c,
                                                 const std::string& number) {
  const auto n = parse_doc_number(number);
  if (!n) return std::nullopt;
  std::vector<CatalogDocument> docs = documents_numbered(c, n->key());
  if (docs.empty()) return std::nullopt;
  return std::move(docs.front());
}

}  // namespace

std::vector<CatalogDocument> documents_numbered(const Catalog& catalog,
                                                const std::string& number_key) {
  std::vector<CatalogDocument> out;
  for (int64_t id : catalog.ids_with_number(number_key)) {
    auto d = catalog.get(id);
    if (d && d->status != "failed") out.push_back(std::move(*d));
  }
  return out;
}

Json related_by_json(const Catalog& catalog, const std::string& number_key,
                     int64_t self) {
  Json by = Json::array();
  for (const IncomingRelation& in : catalog.relations_to(number_key)) {
    if (in.doc_id == self) continue;
    const auto src = catalog.get(in.doc_id);
    if (!src || src->status == "failed") continue;
    Json j = relation_json(in.relation);
    j["id"] = src->id;
    j["number"] = src->number;
    j["title"] = src->title;
    by.push_back(std::move(j));
  }
  return by;
}

void print_related_by(const Json& related_by, std::ostream& out) {
  for (const std::string& kind : kRelationKinds) {
    for (const Json& r : related_by) {
      if (r["kind"] != kind) continue;
      out << std::left << std::setw(12) << (kind + " it")
          << (r["number"].get<std::string>().empty()
                  ? r["title"].get<std::string>()
                  : r["number"].get<std::string>())
          << "  (id " << r["id"].get<int64_t>() << ")";
      if (!r["scope"].get<std::string>().empty())
        out << " [" << r["scope"].get<std::string>() << "]";
      out << '\n';
    }
  }
}

Json relations_json(const Catalog& catalog, const CatalogDocument& d,
                    const std::string& as_of) {
  const Validity v = validity_of(catalog, d, as_of);
  Json out = {{"effective_date", d.effective_date},
              {"expiry_date", d.expiry_date},
              {"validity",
               {{"state", v.state},
                {"label", validity_label(v.state)},
                {"reason", v.reason},
                {"as_of", v.as_of}}}};
  Json rels = Json::array();
  for (const Relation& r : d.relations) {
    Json j = relation_json(r);
    if (const auto t = document_numbered(catalog, r.target)) j["id"] = t->id;
    rels.push_back(std::move(j));
  }
  out["relations"] = std::move(rels);
  const auto own = parse_doc_number(d.number);
  Json by = own ? related_by_json(catalog, own->key(), d.id) : Json::array();
  out["related_by"] = std::move(by);
  // The same number in another language (core/translations.h), as the
  // server's /api/documents/{id} gives it.
  const TranslationFamily family = translation_family(catalog, d);
  Json translations = Json::array();
  for (const CatalogDocument& o : family.others) {
    translations.push_back({{"id", o.id},
                            {"title", o.title},
                            {"number", o.number},
                            {"language", o.language}});
  }
  out["translations"] = std::move(translations);
  out["original_missing"] = family.original_missing;
  return out;
}

void print_relations(const Catalog& catalog, const CatalogDocument& d,
                     const std::string& as_of, std::ostream& out) {
  const Json j = relations_json(catalog, d, as_of);
  auto line = [&](const std::string& name, const std::string& value,
                  const std::string& field) {
    out << std::left << std::setw(12) << name << value;
    auto it = d.source.find(field);
    if (it != d.source.end() && it->second == "librarian")
      out << "  (set by librarian)";
    out << '\n';
  };
  if (!d.effective_date.empty())
    line("in force", d.effective_date, "effective_date");
  if (!d.expiry_date.empty()) line("until", d.expiry_date, "expiry_date");
  const Json& v = j["validity"];
  if (!v["state"].get<std::string>().empty()) {
    line("validity",
         v["label"].get<std::string>() + " (" + as_of +
             (v["reason"].get<std::string>().empty()
                  ? ""
                  : "; " + v["reason"].get<std::string>()) +
             ")",
         "validity");
  }
  for (const std::string& kind : kRelationKinds) {
    for (const Json& r : j["relations"]) {
      if (r["kind"] != kind) continue;
      out << std::left << std::setw(12) << kind
          << r["number"].get<std::string>();
      if (!r["scope"].get<std::string>().empty())
        out << " [" << r["scope"].get<std::string>() << "]";
      if (r.contains("id")) out << "  (id " << r["id"].get<int64_t>() << ")";
      if (r["page"].get<int>() > 0) out << "  p. " << r["page"].get<int>();
      if (r["source"] == "librarian") out << "  (set by librarian)";
      out << '\n';
    }
  }
  print_related_by(j["related_by"], out);
  // "Vietnamese  Nghị định 112/2008/NĐ-CP ... (id 2)": the family's other
  // languages, or the note that an English translation's original is
  // missing.
  for (const Json& t : j["translations"]) {
    const LanguageName* l = find_language(t["language"].get<std::string>());
    out << std::left << std::setw(12)
        << (l != nullptr ? std::string(l->label_en)
                         : t["language"].get<std::string>())
        << t["title"].get<std::string>() << "  (id " << t["id"].get<int64_t>()
        << ")\n";
  }
  if (j["original_missing"].get<bool>())
    out << std::left << std::setw(12) << "original"
        << "not in the collection (no Vietnamese document numbered " << d.number
        << ")\n";
}

}  // namespace kb
