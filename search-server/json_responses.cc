// JSON answers of the API from the searcher's structs.
#include "search-server/json_responses.h"

#include "core/facets.h"

namespace kb {
namespace {

using Json = nlohmann::json;

Json refs(const std::vector<Ref>& list) {
  Json out = Json::array();
  for (const Ref& r : list) out.push_back({{"id", r.id}, {"label", r.label}});
  return out;
}

Json optional_ref(const std::optional<Ref>& r) {
  if (!r) return nullptr;
  return {{"id", r->id}, {"label", r->label}};
}

Json facet_lists(const FacetLists& facets) {
  Json out = Json::object();
  for (const auto& [name, values] : facets) {
    Json list = Json::array();
    for (const FacetValue& v : values) {
      Json value = {{"value", v.value},
                    {"label", v.label},
                    {"count", v.count},
                    {"selected", v.selected}};
      if (!v.parent.empty()) value["parent"] = v.parent;
      list.push_back(std::move(value));
    }
    out[name] = std::move(list);
  }
  return out;
}

Json links(const std::vector<ActorLink>& list) {
  Json out = Json::array();
  for (const ActorLink& l : list) {
    out.push_back({{"id", l.id},
                   {"label", l.label},
                   {"kind", l.kind},
                   {"from", l.from},
                   {"to", l.to}});
  }
  return out;
}

Json counts(const std::vector<std::pair<std::string, int64_t>>& list) {
  Json out = Json::object();
  for (const auto& [key, count] : list) out[key] = count;
  return out;
}

Json facet_table(std::span<const Facet> table) {
  Json out = Json::array();
  for (const Facet& f : table) {
    out.push_back({{"name", f.name},
                   {"label", f.label_vi},
                   {"label_en", f.label_en},
                   {"counted", f.counted}});
  }
  return out;
}

}  // namespace

Json to_json(const SearchResult& r) {
  Json hits = Json::array();
  for (const SearchHit& h : r.hits) {
    Json j = {{"id", h.id},
              {"title", h.title},
              {"type", h.type},
              {"number", h.number},
              {"issuer", h.issuer},
              {"issue_date", h.issue_date},
              {"status", h.status},
              {"score", h.score},
              {"networks", refs(h.networks)},
              {"topics", refs(h.topics)}};
    if (h.snippet) {
      j["snippet"] = *h.snippet;
      j["page"] = h.page;
    }
    if (h.number_role) {
      j["number_role"] = {{"number", h.number_role->number},
                          {"role", h.number_role->role}};
    }
    hits.push_back(std::move(j));
  }
  Json out = {{"query", r.query},
              {"total", r.total},
              {"page", r.page},
              {"per_page", r.per_page},
              {"hits", std::move(hits)},
              {"facets", facet_lists(r.facets)},
              {"suggestion", r.suggestion ? Json(*r.suggestion) : Json()},
              {"relaxed", r.relaxed}};
  out["other_spellings"] = r.other_spellings
                               ? Json{{"query", r.other_spellings->query},
                                      {"total", r.other_spellings->total}}
                               : Json();
  if (!r.numbers.empty()) {
    Json numbers = Json::array();
    for (const auto& n : r.numbers) {
      numbers.push_back({{"number", n.number},
                         {"in_collection", n.id.has_value()},
                         {"id", n.id ? Json(*n.id) : Json()},
                         {"title", n.title},
                         {"related", n.related}});
    }
    out["numbers"] = std::move(numbers);
  }
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  return out;
}

Json to_json(const FacetOverview& o) {
  return {{"total", o.total},
          {"facets", facet_lists(o.facets)},
          {"definitions", facet_definitions()}};
}

namespace {

Json relation_items(const std::vector<RelationItem>& items) {
  Json out = Json::array();
  for (const RelationItem& r : items) {
    Json j = {{"kind", r.kind},       {"number", r.number},
              {"scope", r.scope},     {"sentence", r.sentence},
              {"page", r.page},       {"source", r.source},
              {"id", nullptr},        {"title", nullptr},
              {"issue_date", nullptr}};
    if (r.id) {
      j["id"] = *r.id;
      j["title"] = r.title;
      j["issue_date"] = r.issue_date;
    }
    out.push_back(std::move(j));
  }
  return out;
}

Json validity_json(const ValidityInfo& v) {
  Json j = {{"state", v.state},     {"label", v.label},
            {"reason", v.reason},   {"as_of", v.as_of},
            {"since", v.since},     {"by_number", v.by_number},
            {"by_kind", v.by_kind}, {"by_id", nullptr}};
  if (v.by_id) j["by_id"] = *v.by_id;
  return j;
}

}  // namespace

Json to_json(const DocumentDetails& d) {
  Json cites = Json::array();
  for (const CitedNumber& c : d.cites) {
    Json j = {{"number", c.number}, {"id", nullptr}, {"title", nullptr}};
    if (c.id) {
      j["id"] = *c.id;
      j["title"] = c.title;
    }
    cites.push_back(std::move(j));
  }
  Json cited_by = Json::array();
  for (const CitingDocument& c : d.cited_by) {
    cited_by.push_back({{"id", c.id},
                        {"title", c.title},
                        {"number", c.number},
                        {"issue_date", c.issue_date}});
  }
  Json translations = Json::array();
  for (const Translation& t : d.translations) {
    translations.push_back({{"id", t.id},
                            {"title", t.title},
                            {"number", t.number},
                            {"language", t.language}});
  }
  Json pages = Json::array();
  for (const PageInfo& p : d.page_info) {
    Json page = {
        {"page", p.page}, {"source", p.source}, {"language", p.language}};
    if (p.ocr_confidence >= 0) page["ocr_confidence"] = p.ocr_confidence;
    pages.push_back(std::move(page));
  }
  return {{"id", d.id},
          {"title", d.title},
          {"type", d.type},
          {"number", d.number},
          {"issuer", d.issuer},
          {"issue_date", d.issue_date},
          {"signer", d.signer},
          {"language", d.language},
          {"format", d.format},
          {"status", d.status},
          {"networks", refs(d.networks)},
          {"topics", refs(d.topics)},
          {"cites", std::move(cites)},
          {"cited_by", std::move(cited_by)},
          {"effective_date", d.effective_date},
          {"expiry_date", d.expiry_date},
          {"validity", validity_json(d.validity)},
          {"relations", relation_items(d.relations)},
          {"related_by", relation_items(d.related_by)},
          {"pages", d.pages},
          {"page_info", std::move(pages)},
          {"translations", std::move(translations)},
          {"original_missing", d.original_missing},
          {"file_name", d.file_name},
          {"source", d.source}};
}

Json to_json(const PageText& p) {
  Json out = {{"id", p.id},     {"page", p.page},     {"pages", p.pages},
              {"text", p.text}, {"source", p.source}, {"language", p.language}};
  if (p.ocr_confidence >= 0) out["ocr_confidence"] = p.ocr_confidence;
  if (p.html) out["html"] = *p.html;
  return out;
}

Json to_json(const PositionResult& r) {
  Json items = Json::array();
  for (const PositionItem& p : r.positions) {
    items.push_back(
        {{"id", p.id},
         {"actor", optional_ref(p.actor)},
         {"stance", {{"id", p.stance.id}, {"label", p.stance.label}}},
         {"process", optional_ref(p.process)},
         {"forum", optional_ref(p.forum)},
         {"forum_name", p.forum_name},
         {"target", p.target},
         {"date", p.date},
         {"topics", refs(p.topics)},
         {"quote", p.quote},
         {"document_id", p.document_id},
         {"document_title", p.document_title},
         {"document_number", p.document_number},
         {"page", p.page},
         {"source", p.source},
         {"score", p.score}});
  }
  Json out = {{"total", r.total},
              {"page", r.page},
              {"per_page", r.per_page},
              {"positions", std::move(items)},
              {"facets", facet_lists(r.facets)}};
  if (!r.indexed) return out;
  out["query"] = r.query;
  out["stance_suggestion"] = r.stance_suggestion
                                 ? Json{{"id", r.stance_suggestion->id},
                                        {"label", r.stance_suggestion->label}}
                                 : Json();
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  return out;
}

Json to_json(const ActorPage& a) {
  const TaxonomyEntry& e = *a.entry;
  return {
      {"id", e.id},
      {"kind", e.kind},
      {"name", e.name},
      {"name_en", e.name_en},
      {"acronyms", e.acronyms},
      {"aliases", e.aliases},
      {"networks", links(a.networks)},
      {"members", links(a.members)},
      {"successor", e.successor.empty() ? Json(nullptr) : Json(e.successor)},
      {"positions_total", a.positions.total},
      {"positions", to_json(a.positions)["positions"]},
      {"by_year", counts(a.by_year)},
      {"by_stance", counts(a.by_stance)}};
}

Json to_json(const PositionMatrix& m) {
  auto ref = [](const Ref& r) {
    return Json{{"id", r.id}, {"label", r.label}};
  };
  Json columns = Json::array();
  for (const MatrixColumn& c : m.columns)
    columns.push_back(
        {{"id", c.issue.id}, {"label", c.issue.label}, {"count", c.count}});
  Json rows = Json::array();
  for (const MatrixRow& row : m.rows) {
    Json cells = Json::array();
    for (const auto& cell : row.cells) {
      if (!cell) {
        cells.push_back(nullptr);
        continue;
      }
      Json stances = Json::array();
      for (const MatrixStanceCount& s : cell->stances)
        stances.push_back({{"id", s.stance.id},
                           {"label", s.stance.label},
                           {"count", s.count}});
      cells.push_back({{"count", cell->count},
                       {"stance", ref(cell->stance)},
                       {"date", cell->date},
                       {"position_id", cell->position_id},
                       {"stances", std::move(stances)}});
    }
    rows.push_back({{"actor", ref(row.actor)},
                    {"count", row.count},
                    {"cells", std::move(cells)}});
  }
  Json out = {
      {"across", std::string(matrix_axis_name(m.across))},
      {"matched", m.matched},
      {"read", m.read},
      {"without_issue", m.without_issue},
      {"without_actor", m.without_actor},
      {"issues_total", m.issues_total},
      {"actors_total", m.actors_total},
      {"max_rows", m.max_rows},
      {"max_columns", m.max_columns},
      {"truncated", m.read < m.matched || m.columns.size() < m.issues_total ||
                        m.rows.size() < m.actors_total},
      {"columns", std::move(columns)},
      {"rows", std::move(rows)}};
  if (!m.indexed) return out;
  out["query"] = m.query;
  if (!m.warnings.empty()) out["warnings"] = m.warnings;
  return out;
}

Json to_json(const Health& h) {
  return {
      {"status", "ok"}, {"documents", h.documents}, {"revision", h.revision}};
}

Json facet_definitions() {
  return {{"search", facet_table(kDocumentFacets)},
          {"positions", facet_table(kPositionFacets)}};
}

}  // namespace kb
