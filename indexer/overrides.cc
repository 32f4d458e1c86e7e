// Sidecar files and CLI corrections: validation, storage form, application.
#include "indexer/overrides.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "core/dates.h"
#include "core/doc_number.h"
#include "core/utf8.h"
#include "core/validity.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

// Accepts YYYY-MM-DD and d/m/yyyy (d-m-yyyy, d.m.yyyy): a real day.
// A date of any precision: a report is dated by its month ("2005-06"),
// as the extractor dates it.
bool normalize_date(std::string& s) {
  const auto d = parse_date_input(s, DatePrecision::kYear);
  if (d) s = format_iso(*d);
  return d.has_value();
}

const std::set<std::string> kListFields = {"cites", "networks", "topics",
                                           "relations"};

nlohmann::json to_json(const Overrides& o) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : o.fields) j[k] = v;
  for (const auto& [k, v] : o.lists) j[k] = v;
  return j;
}

// The overrides as the catalog keeps them (validated when they were given).
Overrides overrides_from_stored(const std::string& json) {
  Overrides o;
  try {
    const nlohmann::json j = nlohmann::json::parse(json);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it->is_array()) {
        o.lists[it.key()] = it->get<std::vector<std::string>>();
      } else if (it->is_string()) {
        o.fields[it.key()] = it->get<std::string>();
      }
    }
  } catch (const nlohmann::json::exception&) {
  }
  return o;
}

// The librarian's relations ("KIND NUMBER [SCOPE]", validated when given)
// over those read from the text: "-KIND NUMBER" drops that kind to that
// number; any other replaces the one of the same kind, number and scope.
void apply_relation_specs(CatalogDocument& doc,
                          const std::vector<std::string>& specs) {
  for (const std::string& spec : specs) {
    const bool remove = !spec.empty() && spec[0] == '-';
    Relation r;
    if (!parse_relation_spec(remove ? spec.substr(1) : spec, r, nullptr))
      continue;
    const std::string key = parse_doc_number(r.target)->key();
    std::erase_if(doc.relations, [&](const Relation& x) {
      const auto n = parse_doc_number(x.target);
      return x.kind == r.kind && n && n->key() == key &&
             (remove || x.scope == r.scope);
    });
    if (!remove) doc.relations.push_back(std::move(r));
  }
}

}  // namespace

bool normalize_override(const std::string& field, std::string& value,
                        const Taxonomy& taxonomy, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = field + ": " + why;
    return false;
  };
  value = to_nfc(value);
  if (field == "issue_date" || field == "date" || field == "effective_date" ||
      field == "expiry_date") {
    if (!value.empty() && !normalize_date(value)) {
      return fail("'" + value +
                  "' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or d/m/yyyy)");
    }
  } else if (field == "number" || field == "cites") {
    if (value.empty()) return true;
    const auto n = parse_doc_number(value);
    if (!n)
      return fail("'" + value + "' is not a document number like 1407/QĐ-TTg");
    value = n->display();
  } else if (field == "relations") {
    Relation r;
    std::string why;
    const bool remove = !value.empty() && value[0] == '-';
    if (!parse_relation_spec(remove ? value.substr(1) : value, r, &why))
      return fail(why +
                  " (a relation is \"KIND NUMBER [SCOPE]\", or "
                  "\"-KIND NUMBER\" to drop one read from the text)");
    value = (remove ? "-" : "") + relation_spec(r);
  } else if (field == "validity") {
    if (!value.empty() && !is_validity_state(value)) {
      std::string known;
      for (const std::string& k : kValidityStates)
        known += (known.empty() ? "" : ", ") + k;
      return fail("'" + value + "' is not a status (known: " + known + ")");
    }
  } else if (field == "networks" || field == "topics") {
    const std::string kind = field == "networks" ? "network" : "topic";
    const TaxonomyEntry* e = taxonomy.find(value);
    if (e == nullptr || e->kind != kind) e = taxonomy.find_by_form(kind, value);
    if (e == nullptr) {
      std::string known;
      for (const TaxonomyEntry& t : taxonomy.entries()) {
        if (t.kind == kind) known += (known.empty() ? "" : ", ") + t.id;
      }
      return fail("'" + value + "' is not a " + kind +
                  " of the taxonomy (known: " + known + ")");
    }
    value = e->id;
  } else if (std::find(kMetadataFields.begin(), kMetadataFields.end(), field) ==
             kMetadataFields.end()) {
    return fail("not a field a librarian can set");
  }
  return true;
}

std::optional<Overrides> parse_overrides(const std::string& json,
                                         const Taxonomy& taxonomy,
                                         std::string* error) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    if (error) *error = std::string("not valid JSON: ") + e.what();
    return std::nullopt;
  }
  if (!j.is_object()) {
    if (error) *error = "must be a JSON object of fields";
    return std::nullopt;
  }
  Overrides o;
  for (auto it = j.begin(); it != j.end(); ++it) {
    std::string field = it.key() == "date" ? "issue_date" : it.key();
    if (field == "network") field = "networks";
    if (field == "topic") field = "topics";
    if (kListFields.count(field)) {
      std::vector<std::string> values;
      if (it->is_string()) {
        values.push_back(it->get<std::string>());
      } else if (it->is_array()) {
        for (const auto& v : *it) {
          if (!v.is_string()) {
            if (error) *error = field + ": list items must be strings";
            return std::nullopt;
          }
          values.push_back(v.get<std::string>());
        }
      } else {
        if (error) *error = field + ": must be a string or a list of strings";
        return std::nullopt;
      }
      for (std::string& v : values) {
        if (!normalize_override(field, v, taxonomy, error)) return std::nullopt;
      }
      o.lists[field] = values;
    } else {
      if (!it->is_string()) {
        if (error) *error = field + ": must be a string";
        return std::nullopt;
      }
      std::string v = it->get<std::string>();
      if (!normalize_override(field, v, taxonomy, error)) return std::nullopt;
      o.fields[field] = v;
    }
  }
  return o;
}

std::string overrides_to_json(const Overrides& o) { return to_json(o).dump(); }

std::string merge_overrides(const std::string& stored, const Overrides& o) {
  nlohmann::json merged = nlohmann::json::parse(stored, nullptr, false);
  if (!merged.is_object()) merged = nlohmann::json::object();
  merged.update(to_json(o));
  return merged.dump();
}

void apply_stored_overrides(CatalogDocument& doc, const Taxonomy& taxonomy) {
  for (const std::string* stored : {&doc.sidecar_json, &doc.overrides_json}) {
    const Overrides o = overrides_from_stored(*stored);
    for (const auto& [field, value] : o.fields) {
      if (field == "title") doc.title = value;
      if (field == "type") doc.type = value;
      if (field == "number") doc.number = value;
      if (field == "issue_date") doc.issue_date = value;
      if (field == "signer") doc.signer = value;
      if (field == "effective_date") doc.effective_date = value;
      if (field == "expiry_date") doc.expiry_date = value;
      if (field == "validity") doc.validity = value;
      if (field == "issuer") {
        doc.issuer = value;
        const TaxonomyEntry* e = taxonomy.find_by_form("agency", value);
        doc.issuer_id = e ? e->id : std::string();
        if (e) doc.issuer = e->name;
      }
      doc.source[field] = "librarian";
    }
    for (const auto& [field, values] : o.lists) {
      if (field == "cites") doc.cites = values;
      if (field == "networks") doc.networks = values;
      if (field == "topics") doc.topics = values;
      if (field == "relations") apply_relation_specs(doc, values);
      doc.source[field] = "librarian";
    }
  }
}

bool is_sidecar(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 10 &&
         name.compare(name.size() - 10, 10, ".meta.json") == 0;
}

fs::path sidecar_for(const fs::path& doc) {
  // A name the file system refuses (a document's name of 250 bytes leaves no
  // room for ".meta.json") is no sidecar, not an error.
  std::error_code ec;
  fs::path a = doc;
  a.replace_extension(".meta.json");
  if (fs::is_regular_file(a, ec)) return a;
  fs::path b = doc;
  b += ".meta.json";
  if (fs::is_regular_file(b, ec)) return b;
  return {};
}

}  // namespace kb
