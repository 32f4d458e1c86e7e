// Lookups by id, read from the catalog and the taxonomy.
#include "search-server/lookups.h"

#include "core/doc_number.h"
#include "core/language.h"
#include "core/validity.h"
#include "search-server/query_builder.h"
#include "search-server/snippets.h"
#include "search-server/translations.h"

namespace kb {
namespace fs = std::filesystem;
namespace {

std::string content_type_for(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "docx")
    return "application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format == "markdown") return "text/markdown; charset=utf-8";
  return "text/plain; charset=utf-8";
}

// The typed relations of `d` both ways, and its validity on `as_of`.
void add_relations(const Catalog& catalog, const CatalogDocument& d,
                   const std::string& as_of, DocumentDetails& out) {
  for (const Relation& r : d.relations) {
    RelationItem item{r.kind, r.target,     r.scope, r.sentence, r.source,
                      r.page, std::nullopt, "",      ""};
    if (const auto n = parse_doc_number(r.target)) {
      for (int64_t other : catalog.ids_with_number(n->key())) {
        const auto od = catalog.get(other);
        if (od && od->status != "failed" && od->id != d.id) {
          item.id = od->id;
          item.title = od->title;
          item.issue_date = od->issue_date;
          break;
        }
      }
    }
    out.relations.push_back(std::move(item));
  }
  if (const auto own = parse_doc_number(d.number)) {
    for (const IncomingRelation& in : catalog.relations_to(own->key())) {
      if (in.doc_id == d.id) continue;
      const auto od = catalog.get(in.doc_id);
      if (!od || od->status == "failed") continue;
      const Relation& r = in.relation;
      out.related_by.push_back({r.kind, od->number, r.scope, r.sentence,
                                r.source, r.page, od->id, od->title,
                                od->issue_date});
    }
  }
  const Validity v =
      validity_of(catalog, d, as_of.empty() ? today_iso() : as_of);
  out.effective_date = d.effective_date;
  out.expiry_date = d.expiry_date;
  out.validity = {
      v.state,   validity_label(v.state),
      v.reason,  v.as_of,
      v.since,   v.by_number,
      v.by_kind, v.by_id ? std::optional<int64_t>(v.by_id) : std::nullopt};
}

}  // namespace

std::optional<DocumentDetails> find_document(SearchContext& c,
                                             const RevisionCache& revisions,
                                             int64_t id,
                                             const std::string& as_of) {
  const Catalog& catalog = *c.catalog;
  const auto d = catalog.get(id);
  if (!d || d->status == "failed") return std::nullopt;
  DocumentDetails out;
  add_relations(catalog, *d, as_of, out);
  for (const std::string& number : d->cites) {
    CitedNumber cited{number, std::nullopt, ""};
    if (const auto n = parse_doc_number(number)) {
      for (int64_t other : catalog.ids_with_number(n->key())) {
        const auto od = catalog.get(other);
        if (od && od->status != "failed") {
          cited.id = od->id;
          cited.title = od->title;
          break;
        }
      }
    }
    out.cites.push_back(std::move(cited));
  }
  if (const auto n = parse_doc_number(d->number)) {
    for (int64_t other : catalog.ids_citing(n->key())) {
      const auto od = catalog.get(other);
      if (od && od->status != "failed" && od->id != id) {
        out.cited_by.push_back({od->id, od->title, od->number, od->issue_date});
      }
    }
  }
  const Facet& network = *find_facet(kDocumentFacets, "network");
  const Facet& topic = *find_facet(kDocumentFacets, "topic");
  std::shared_ptr<const RevisionData> data;
  if (!d->networks.empty() || !d->topics.empty()) data = revisions.get(c);
  for (const std::string& n : d->networks)
    out.networks.push_back({n, c.label(network, data.get(), n)});
  for (const std::string& t : d->topics)
    out.topics.push_back({t, c.label(topic, data.get(), t)});
  for (const CatalogPage& p : catalog.pages(id))
    out.page_info.push_back(
        {p.page_no, p.source, p.ocr_confidence, language_of_utf8(p.text)});
  add_translations(catalog, *d, out);
  out.id = d->id;
  out.title = d->title;
  out.type = d->type;
  out.number = d->number;
  out.issuer = d->issuer;
  out.issue_date = d->issue_date;
  out.signer = d->signer;
  out.language = d->language;
  out.format = d->format;
  out.status = d->status;
  out.pages = d->pages;
  out.file_name = fs::path(d->path).filename().string();
  out.source = d->source;
  return out;
}

std::optional<PageText> find_page_text(SearchContext& c,
                                       const RevisionCache& revisions,
                                       int64_t id, int page_no,
                                       const std::string& q) {
  const auto d = c.catalog->get(id);
  if (!d || d->status == "failed") return std::nullopt;
  auto page = c.catalog->page(id, page_no);
  if (!page) return std::nullopt;
  PageText out;
  out.id = id;
  out.page = page_no;
  out.pages = d->pages;
  out.source = page->source;
  out.language = language_of_utf8(page->text);
  out.ocr_confidence = page->ocr_confidence;
  if (!q.empty()) {
    ParsedQuery parsed;
    try {
      const std::shared_ptr<const RevisionData> rd = revisions.get(c);
      parsed = QueryBuilder(c.db, *c.taxonomy, [&]() -> const Vocabulary& {
                 return rd->vocabulary(c.db);
               }).parse(q, QueryMode::kAllWords);
    } catch (const QuerySyntaxError& e) {
      throw BadRequest("malformed_query", e.what());
    }
    out.html = highlight_text(
        page->text,
        {parsed.highlight_terms, parsed.highlight_phrases, parsed.spellings,
         parsed.entity_terms, parsed.entity_phrases});
  }
  out.text = std::move(page->text);
  return out;
}

std::optional<DocumentFile> find_file(SearchContext& c, int64_t id) {
  const auto d = c.catalog->get(id);
  // A file that failed to be read is not served: it may be anything (a link
  // named on the command line, a device, a file too large).
  if (!d || d->status == "failed") return std::nullopt;
  return DocumentFile{d->path, content_type_for(d->format),
                      fs::path(d->path).filename().string()};
}

std::optional<ActorPage> find_actor(
    std::shared_ptr<const Taxonomy> taxonomy, const std::string& id,
    const std::function<PositionResult(const PositionRequest&)>& positions) {
  ActorPage out;
  const TaxonomyEntry* e = taxonomy->find(id);
  if (e == nullptr && is_open_actor_id(id)) {
    // Known only by the positions that name it: no page without one.
    PositionRequest r;
    r.filters["actor"] = {id};
    r.per_page = 1;
    const PositionResult first = positions(r);
    if (first.positions.empty() || !first.positions[0].actor) {
      return std::nullopt;
    }
    auto open = std::make_shared<TaxonomyEntry>();
    open->id = id;
    open->kind = "open";
    open->name = first.positions[0].actor->label;
    out.open_entry = open;
    e = open.get();
  }
  if (e == nullptr || e->kind == "topic") return std::nullopt;
  out.entry = e;
  for (const Membership& m : e->member_of) {
    const TaxonomyEntry* n = taxonomy->find(m.id);
    out.networks.push_back(
        {m.id, n ? n->name : m.id, n ? n->kind : "", m.from, m.to});
  }
  for (const TaxonomyEntry& other : taxonomy->entries()) {
    for (const Membership& m : other.member_of) {
      if (m.id == e->id)
        out.members.push_back({other.id, other.name, other.kind, m.from, m.to});
    }
  }
  // A process or forum: the positions taken in it.
  const bool is_process = e->kind == "process" || e->kind == "forum";
  PositionRequest r;
  r.filters[is_process ? "process" : "actor"] = {e->id};
  r.per_page = 100;
  r.sort = PositionRequest::Sort::kDateAsc;
  out.positions = positions(r);
  for (const auto& [facet, values] : out.positions.facets) {
    auto* counts = facet == "year"     ? &out.by_year
                   : facet == "stance" ? &out.by_stance
                                       : nullptr;
    if (counts == nullptr) continue;
    for (const FacetValue& v : values) counts->emplace_back(v.value, v.count);
  }
  out.taxonomy = std::move(taxonomy);
  return out;
}

}  // namespace kb
