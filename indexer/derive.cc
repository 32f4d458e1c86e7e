// The derive step shared by add and reindex.
#include "indexer/derive.h"

#include <string>

#include "core/doc_number.h"
#include "core/document_terms.h"
#include "indexer/metadata/extractor.h"
#include "indexer/overrides.h"
#include "indexer/tagging.h"

namespace kb {

namespace {

std::vector<std::string> page_texts(const std::vector<CatalogPage>& pages) {
  std::vector<std::string> out;
  for (const CatalogPage& p : pages) out.push_back(p.text);
  return out;
}

// Derives the effective metadata of `doc` from its pages, then applies the
// sidecar's and the flags' overrides (flags win); records each field's source.
void derive_metadata(CatalogDocument& doc,
                     const std::vector<std::string>& pages,
                     const Taxonomy& taxonomy) {
  // A row from before the catalog kept the file's title: its stored title,
  // as reindex used to take it, until the file is read again.
  const std::string file_title = doc.file_title.value_or(doc.title);
  const DocMetadata m = extract_metadata(pages, taxonomy, file_title);
  doc.title = m.title;
  if (doc.title.empty()) doc.title = file_title;
  if (doc.title.empty())
    doc.title = std::filesystem::path(doc.path).stem().string();
  doc.type = m.type;
  doc.number = m.number;
  doc.issuer = m.issuer;
  doc.issuer_id = m.issuer_id;
  doc.issue_date = m.issue_date;
  doc.signer = m.signer;
  doc.language = m.language;
  doc.cites = m.cites;
  const DocumentTags tags = tag_document(doc.title, pages, taxonomy);
  doc.networks = tags.networks;
  doc.topics = tags.topics;
  doc.source.clear();
  for (const std::string& f : kMetadataFields) doc.source[f] = "extracted";
  apply_stored_overrides(doc, taxonomy);
  // A document never cites itself.
  if (const auto own = parse_doc_number(doc.number)) {
    std::erase_if(doc.cites, [&](const std::string& c) {
      const auto n = parse_doc_number(c);
      return n && n->key() == own->key();
    });
  }
}

// The positions the extractor reads in `doc` (pages as stored).
std::vector<PositionRecord> extract_positions_of(
    const CatalogDocument& doc, const std::vector<std::string>& pages,
    const PositionExtractor& extractor) {
  PositionContext context;
  context.issue_date = doc.issue_date;
  context.issuer_id = doc.issuer_id;
  context.topics = doc.topics;
  context.title = doc.title;
  context.doc_type = doc.type;
  std::vector<PositionRecord> out;
  for (ExtractedPosition& e : extractor.extract(pages, context)) {
    PositionRecord r;
    r.doc_id = doc.id;
    r.key = std::move(e.key);
    r.actor = std::move(e.actor);
    r.actor_name = std::move(e.actor_name);
    r.stance = stance_id(e.stance);
    r.process = std::move(e.process);
    r.forum = std::move(e.forum);
    r.topics = std::move(e.topics);
    r.date = std::move(e.date);
    r.quote = std::move(e.quote);
    r.page = static_cast<int>(e.page);
    r.begin = e.begin;
    r.end = e.end;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<Analysis> analyze_pages(const std::vector<CatalogPage>& pages) {
  std::vector<Analysis> out;
  out.reserve(pages.size());
  for (const CatalogPage& p : pages) out.push_back(analyze(p.text));
  return out;
}

Derived derive_document(CatalogDocument& doc, std::vector<CatalogPage>& pages,
                        const Taxonomy& taxonomy,
                        const PositionExtractor& positions) {
  Derived d;
  if (doc.status == "failed") return d;
  d.analyses = analyze_pages(pages);
  for (size_t i = 0; i < pages.size(); ++i)
    pages[i].anchors = make_anchors(d.analyses[i]);
  doc.pages = static_cast<int>(pages.size());
  const std::vector<std::string> texts = page_texts(pages);
  derive_metadata(doc, texts, taxonomy);
  d.positions = extract_positions_of(doc, texts, positions);
  return d;
}

}  // namespace kb
