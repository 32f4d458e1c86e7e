// The derive step shared by add and reindex.
#include "indexer/derive.h"

#include <optional>
#include <set>
#include <string>

#include "core/doc_number.h"
#include "core/document_terms.h"
#include "indexer/metadata/extractor.h"
#include "indexer/overrides.h"
#include "indexer/stage_times.h"
#include "indexer/tagging.h"

namespace kb {

namespace {

// The "cites" relations after the librarian set the cited numbers: those
// still cited keep their sentences, the others go, new ones come without.
void sync_cite_relations(CatalogDocument& doc) {
  std::set<std::string> keys;
  for (const std::string& c : doc.cites)
    if (const auto n = parse_doc_number(c)) keys.insert(n->key());
  std::set<std::string> have;
  std::erase_if(doc.relations, [&](const Relation& r) {
    if (r.kind != "cites") return false;
    const auto n = parse_doc_number(r.target);
    if (!n || !keys.count(n->key())) return true;
    have.insert(n->key());
    return false;
  });
  for (const std::string& c : doc.cites) {
    const auto n = parse_doc_number(c);
    if (!n || have.count(n->key())) continue;
    Relation r;
    r.kind = "cites";
    r.target = n->display();
    r.source = "librarian";
    doc.relations.push_back(std::move(r));
    have.insert(n->key());
  }
}

// Documents of up to this many bytes of text are analysed once, all pages
// before the tags, and the analyses reused for the index (analysing every
// page twice was 6 % of the instructions of indexing codification articles);
// longer ones one page at a time, for the tags and again for the index, so
// memory holds one page's analysis (about 20 bytes a byte of text).
constexpr size_t kAnalyseOnceBytes = size_t{1} << 20;

// Derives the effective metadata of `doc` from its pages, then applies the
// sidecar's and the flags' overrides (flags win); records each field's source.
// `analyses`, when given, are the pages' analyses (the tags read them).
void derive_metadata(CatalogDocument& doc,
                     const std::vector<std::string>& pages,
                     const std::vector<Analysis>* analyses,
                     std::vector<std::vector<Mention>>* page_mentions,
                     const Taxonomy& taxonomy, bool ocr) {
  // A row from before the catalog kept the file's title: its stored title,
  // as reindex used to take it, until the file is read again.
  const std::string file_title = doc.file_title.value_or(doc.title);
  StageTimer timer(Stage::kMetadata);
  const DocMetadata m = extract_metadata(pages, taxonomy, file_title, ocr);
  doc.source.clear();
  for (const auto& [field, rule] : m.rules)
    doc.source[field] = "extracted: " + rule;
  doc.title = m.title;
  if (doc.title.empty() && !file_title.empty()) {
    doc.title = file_title;
    doc.source["title"] = "file title";
  }
  if (doc.title.empty()) {
    // Only a text without a single line gets here.
    doc.title = std::filesystem::path(doc.path).stem().string();
    doc.source["title"] = "file name";
  }
  doc.type = m.type;
  doc.number = m.number;
  doc.issuer = m.issuer;
  doc.issuer_id = m.issuer_id;
  doc.issue_date = m.issue_date;
  doc.signer = m.signer;
  doc.language = m.language;
  doc.cites = m.cites;
  doc.relations = m.relations;
  doc.effective_date = m.effective_date;
  doc.expiry_date = m.expiry_date;
  doc.validity.clear();
  if (!doc.relations.empty()) doc.source["relations"] = "extracted: text";
  if (!doc.effective_date.empty())
    doc.source["effective_date"] = "extracted: text";
  if (!doc.expiry_date.empty()) doc.source["expiry_date"] = "extracted: text";
  timer.to(Stage::kTags);
  const DocumentTags tags =
      analyses != nullptr
          ? tag_analysed_document(doc.title, *analyses, taxonomy, page_mentions)
          : tag_document(doc.title, pages, taxonomy);
  timer.to(Stage::kMetadata);
  doc.networks = tags.networks;
  doc.topics = tags.topics;
  if (!doc.networks.empty()) doc.source["networks"] = "extracted: taxonomy";
  if (!doc.topics.empty()) doc.source["topics"] = "extracted: taxonomy";
  apply_stored_overrides(doc, taxonomy);
  if (doc.source["cites"] == "librarian") sync_cite_relations(doc);
  // A document never cites itself, nor relates to itself.
  if (const auto own = parse_doc_number(doc.number)) {
    std::erase_if(doc.cites, [&](const std::string& c) {
      const auto n = parse_doc_number(c);
      return n && n->key() == own->key();
    });
    std::erase_if(doc.relations, [&](const Relation& r) {
      const auto n = parse_doc_number(r.target);
      return n && n->key() == own->key();
    });
  }
}

// The positions the extractor reads in `doc` (pages as stored).
std::vector<PositionRecord> extract_positions_of(
    const CatalogDocument& doc, const std::vector<std::string>& pages,
    const PositionExtractor& extractor) {
  const StageTimer timer(Stage::kPositions);
  PositionContext context;
  context.issue_date = doc.issue_date;
  context.issuer_id = doc.issuer_id;
  context.topics = doc.topics;
  context.title = doc.title;
  context.doc_type = doc.type;
  context.language = doc.language;
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
    r.forum_name = std::move(e.forum_name);
    r.target = std::move(e.target);
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

Derived derive_document(CatalogDocument& doc, std::vector<CatalogPage>& pages,
                        const Taxonomy& taxonomy,
                        const PositionExtractor& positions,
                        bool build_index_entry) {
  Derived d;
  if (doc.status == "failed") return d;
  doc.pages = static_cast<int>(pages.size());
  size_t bytes = 0;
  for (const CatalogPage& p : pages) bytes += p.text.size();
  std::vector<Analysis> analyses;
  const bool analysed = bytes <= kAnalyseOnceBytes;
  if (analysed) {
    const StageTimer timer(Stage::kAnalyse);
    analyses.reserve(pages.size());
    for (const CatalogPage& p : pages) analyses.push_back(analyze(p.text));
  }
  // The texts lent to the readers that take a vector of strings, not
  // copied: a page can be a whole file.
  std::vector<std::string> texts(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) texts[i] = std::move(pages[i].text);
  std::vector<std::vector<Mention>> page_mentions;
  derive_metadata(doc, texts, analysed ? &analyses : nullptr, &page_mentions,
                  taxonomy, !pages.empty() && pages[0].source == "ocr");
  d.positions = extract_positions_of(doc, texts, positions);
  for (size_t i = 0; i < pages.size(); ++i) pages[i].text = std::move(texts[i]);
  // One page's analysis at a time: its anchors, then its terms.
  StageTimer timer(Stage::kAnalyse);
  auto analysis_of = [&](size_t i) {
    timer.to(Stage::kAnalyse);
    Analysis a = analysed ? std::move(analyses[i]) : analyze(pages[i].text);
    pages[i].anchors = make_anchors(a);
    timer.to(Stage::kIndexBuild);
    return a;
  };
  if (build_index_entry) {
    d.index_entry =
        build_document(doc, pages.size(), analysis_of, taxonomy, &d.index_data,
                       analysed ? &page_mentions : nullptr);
  } else {
    for (size_t i = 0; i < pages.size(); ++i) analysis_of(i);
  }
  return d;
}

Xapian::Document build_index_entry(const CatalogDocument& doc,
                                   const std::vector<CatalogPage>& pages,
                                   const Taxonomy& taxonomy) {
  const StageTimer timer(Stage::kIndexBuild);
  return build_document(
      doc, pages.size(), [&pages](size_t i) { return analyze(pages[i].text); },
      taxonomy);
}

}  // namespace kb
