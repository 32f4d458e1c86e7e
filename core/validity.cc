// Validity on a date (see validity.h).
#include "core/validity.h"

#include <algorithm>

#include "core/clock.h"
#include "core/dates.h"
#include "core/doc_number.h"
#include "core/facets.h"

namespace kb {
namespace {

// When `d` starts to apply: its effective date, else its issue date.
std::string start_of(const CatalogDocument& d) {
  return d.effective_date.empty() ? d.issue_date : d.effective_date;
}

// The state of `d` from its own dates (and the librarian's word) only.
std::string own_state(const CatalogDocument& d, const std::string& as_of) {
  if (!d.validity.empty()) return d.validity;
  const std::string start = start_of(d);
  if (!start.empty() && as_of < start) return "not_yet_in_force";
  if (!d.expiry_date.empty() && as_of > d.expiry_date) return "expired";
  return "in_force";
}

std::string verb_of(const std::string& kind) {
  if (kind == "replaces") return "bị thay thế";
  if (kind == "repeals") return "bị bãi bỏ";
  return "bị sửa đổi";
}

}  // namespace

bool is_validity_state(std::string_view state) {
  return std::find(kValidityStates.begin(), kValidityStates.end(), state) !=
         kValidityStates.end();
}

std::string validity_label(std::string_view state) {
  if (state == "in_force") return "Còn hiệu lực";
  if (state == "not_yet_in_force") return "Chưa có hiệu lực";
  if (state == "partly_expired") return "Hết hiệu lực một phần";
  if (state == "expired") return "Hết hiệu lực toàn bộ";
  return "";
}

std::string today_iso() {
  return utc_now_iso8601().substr(0, 10);  // "2026-12-06"
}

namespace {

// validity_of on `incoming`, the relations to the document's number, with
// `get` finding the documents they come from.
template <typename Get>
Validity validity_from(const CatalogDocument& doc,
                       const std::vector<IncomingRelation>& incoming, Get get,
                       const std::string& as_of) {
  Validity v;
  v.as_of = as_of;
  const auto own = parse_doc_number(doc.number);
  if (!own && doc.effective_date.empty() && doc.validity.empty()) return v;
  v.state = own_state(doc, as_of);
  if (!doc.validity.empty()) {
    v.reason = "theo thủ thư";
    return v;
  }
  const std::string start = start_of(doc);
  if (v.state == "not_yet_in_force") {
    v.reason = "có hiệu lực từ ngày " + format_display(start);
    return v;
  }
  if (v.state == "expired") {
    v.reason = "hết thời hạn hiệu lực ngày " + format_display(doc.expiry_date);
    return v;
  }
  if (!own) return v;
  // Documents of the collection, in force on `as_of`, that replace or
  // repeal it (or a part of it). A whole ending wins over a partial one.
  for (const IncomingRelation& in : incoming) {
    const Relation& r = in.relation;
    if (in.doc_id == doc.id || (r.kind != "replaces" && r.kind != "repeals"))
      continue;
    const auto by = get(in.doc_id);
    if (!by || by->status == "failed" || own_state(*by, as_of) != "in_force")
      continue;
    const bool whole = r.scope.empty();
    if (!whole && v.state == "expired") continue;
    v.state = whole ? "expired" : "partly_expired";
    v.by_id = by->id;
    v.by_number = by->number;
    v.by_kind = r.kind;
    v.by_scope = r.scope;
    v.since = start_of(*by);
    v.reason = (whole ? "" : r.scope + " ") + verb_of(r.kind) + " bởi " +
               (by->type.empty() ? "" : by->type + " ") + by->number +
               (v.since.empty() ? "" : " từ ngày " + format_display(v.since));
    if (whole) break;
  }
  if (v.state == "in_force" && !start.empty())
    v.reason = "có hiệu lực từ ngày " + format_display(start);
  return v;
}

}  // namespace

Validity validity_of(const Catalog& catalog, const CatalogDocument& doc,
                     const std::string& as_of) {
  const auto own = parse_doc_number(doc.number);
  const std::vector<IncomingRelation> incoming =
      own ? catalog.relations_to(own->key()) : std::vector<IncomingRelation>();
  return validity_from(
      doc, incoming, [&](int64_t id) { return catalog.get(id); }, as_of);
}

std::string validity_facet_value(std::string_view state) {
  return state.empty() ? "unknown" : std::string(state);
}

std::string validity_facet_label(std::string_view value) {
  return value == "unknown" ? "Không rõ" : validity_label(value);
}

std::unordered_map<int64_t, std::string> validity_facet_values(
    const Catalog& catalog, const std::string& as_of) {
  std::unordered_map<int64_t, CatalogDocument> docs;
  for (CatalogDocument& d : catalog.force_rows()) {
    const int64_t id = d.id;
    docs.emplace(id, std::move(d));
  }
  std::unordered_map<std::string, std::vector<IncomingRelation>> to;
  for (IncomingRelation& in : catalog.ending_relations()) {
    const auto n = parse_doc_number(in.relation.target);
    if (n) to[n->key()].push_back(std::move(in));
  }
  const auto get = [&](int64_t id) -> std::optional<CatalogDocument> {
    const auto it = docs.find(id);
    if (it == docs.end()) return std::nullopt;
    return it->second;
  };
  static const std::vector<IncomingRelation> kNone;
  std::unordered_map<int64_t, std::string> out;
  for (const auto& [id, d] : docs) {
    const auto own = parse_doc_number(d.number);
    const auto it = own ? to.find(own->key()) : to.end();
    const std::string state =
        validity_from(d, it == to.end() ? kNone : it->second, get, as_of).state;
    // A news article, a report or minutes has no force to know: it is not
    // "unknown", it is outside the facet.
    out[id] = state.empty() && find_document_kind(d.type) != nullptr
                  ? ""
                  : validity_facet_value(state);
  }
  return out;
}

}  // namespace kb
