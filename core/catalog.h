// The catalog: a SQLite database (WAL) that records every document the
// librarian added, its pages' text, metadata, citations, tags and failures.
// It is the source of truth; the Xapian index is built from it (and can be
// rebuilt from it alone). The indexer writes; the server only reads.
//
// Consistency with the index: a document row carries index_state
//   "clean"    the index holds exactly this row;
//   "dirty"    the row changed and the index must be rewritten for it;
//   "deleting" the document is being removed: drop it from the index, then
//              delete the row.
// The indexer marks rows before touching the index and cleans them after the
// index commit, so a run killed at any moment leaves work that the next run
// finishes (Indexer::recover).
#ifndef VNKB_CORE_CATALOG_H_
#define VNKB_CORE_CATALOG_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/relation.h"
#include "core/sqlite.h"

namespace kb {

// The metadata fields a librarian can set, in the order `show` prints them.
inline const std::vector<std::string> kMetadataFields = {
    "title", "type", "number", "issuer", "issue_date", "signer", "cites",
    "networks", "topics",
    // Force and relations (core/relation.h, core/validity.h).
    "effective_date", "expiry_date", "validity", "relations"};

struct CatalogPage {
  int page_no = 0;   // 1-based
  std::string text;  // NFC, legacy encodings converted
  // "text" (text layer or file), "ocr" (read by OCR) or "none" (a scan
  // without text: OCR was off or failed).
  std::string source = "text";
  double ocr_confidence = -1;  // 0..100 for OCR pages
  // Snippet anchors, serialized (core/document_terms.h: make_anchors).
  std::string anchors;
};

struct CatalogDocument {
  int64_t id = 0;
  std::string path;  // absolute
  std::string sha256;
  int64_t size = 0;
  int64_t mtime = 0;
  std::string sidecar_sha256;  // of NAME.meta.json, "" when none
  std::string format;
  std::string status;  // "indexed", "needs-ocr", "failed"
  // With "failed": encrypted, damaged, ... With "needs-ocr": "ocr-not-run"
  // (OCR was off) or "ocr-failed" (some page could not be read; the detail
  // says which and why).
  std::string failure_reason;
  std::string failure_detail;
  // Effective metadata (extracted, then overridden by the librarian).
  std::string title, type, number, issuer, issuer_id, issue_date, signer,
      language, encoding;
  // The title the file itself declares (PDF Title, HTML <title>; often
  // empty), as last read: deriving the metadata again from the stored pages
  // (reindex) needs it as adding did (indexer/derive.h). nullopt in rows
  // written before the catalog kept it, until the file is read again.
  std::optional<std::string> file_title;
  std::vector<std::string> cites;  // display numbers
  std::vector<std::string> networks, topics;
  // Typed relations to other documents' numbers, with their sentences
  // (cites among them, with the numbers of `cites`).
  std::vector<Relation> relations;
  // Dates of force, YYYY-MM-DD or "": read from the text or set by the
  // librarian. `validity` is the librarian's status when set (core/validity.h
  // kValidityStates), else "" and the status is computed.
  std::string effective_date, expiry_date, validity;
  int pages = 0;
  // Field name -> where its value came from: "extracted: <rule>" (the
  // rule of indexer/metadata/ that read it: "extracted: dateline"),
  // "file title", "file name" or "librarian"; no entry for a field
  // left empty.
  std::map<std::string, std::string> source;
  // The librarian's values, as given (flags on add, and the sidecar file),
  // kept so re-indexing re-applies them. JSON objects.
  std::string overrides_json = "{}";
  std::string sidecar_json = "{}";
  std::string indexed_at;  // ISO 8601 UTC
  std::string index_state = "dirty";
};

// A relation of another document to a number (Catalog::relations_to).
struct IncomingRelation {
  int64_t doc_id = 0;
  Relation relation;
};

// An OCR result kept so that no page is recognised twice (indexer/ocr.h).
struct OcrCacheEntry {
  std::string key;     // SHA-256 of the page as rendered for OCR
  std::string engine;  // recognizer and settings ("tesseract 5.3.0 vie ...")
  std::string text;
  double confidence = -1;  // 0..100
  double seconds = 0;      // recognition time
  std::string created_at;  // ISO 8601 UTC
};

// An OCR page below a confidence threshold (Catalog::low_confidence_pages).
struct LowConfidencePage {
  int64_t doc_id = 0;
  int page_no = 0;
  double ocr_confidence = 0;
};

struct CatalogFilter {
  std::string status;   // "" any, else exact
  std::string type;     // folded comparison
  std::string network;  // id
  std::string topic;    // id
  std::string year;     // "2021"
  std::string number;   // number key
  std::string path_prefix;
  int limit = -1;
};

class Catalog {
 public:
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // Opens (creating when writable) the catalog at `file`. Returns nullptr and
  // sets `error` on failure. A read-only catalog never writes (the server).
  static std::unique_ptr<Catalog> open(const std::filesystem::path& file,
                                       bool read_only, std::string* error);

  // Transactions (writer). Every method throws sqlite::Error (a
  // std::runtime_error) on SQLite errors (core/sqlite.h).
  void begin();
  void commit();
  void rollback();
  // True between begin() and commit() or rollback().
  bool in_transaction() const;
  // One unit inside begin()/commit() (a file's rows in a batch of files):
  // rollback_unit() undoes what followed begin_unit(), and only that.
  // REQUIRES: inside begin()/commit(); units do not nest.
  void begin_unit();
  void release_unit();
  void rollback_unit();

  // Inserts (id 0: assigns a new id) or replaces a document with its pages.
  // REQUIRES: inside begin()/commit().
  int64_t put(CatalogDocument& doc, const std::vector<CatalogPage>* pages);
  void set_index_state(int64_t id, const std::string& state);
  void mark_all_clean();
  void erase(int64_t id);

  std::optional<CatalogDocument> get(int64_t id) const;
  std::optional<CatalogDocument> get_by_path(const std::string& path) const;
  std::vector<CatalogDocument> get_by_sha256(const std::string& sha256) const;
  std::vector<CatalogDocument> list(const CatalogFilter& filter) const;
  std::vector<int64_t> ids_with_state(const std::string& state) const;
  std::vector<int64_t> all_ids() const;
  std::vector<CatalogPage> pages(int64_t id) const;
  std::optional<CatalogPage> page(int64_t id, int page_no) const;
  // Documents whose own number has this key (DocNumber::key()).
  std::vector<int64_t> ids_with_number(const std::string& number_key) const;
  // Documents citing a number with this key.
  std::vector<int64_t> ids_citing(const std::string& number_key) const;
  // The relations of other documents to a number with this key, by document
  // then order (core/catalog_relations.cc). Empty on a catalog from before
  // relations were kept.
  std::vector<IncomingRelation> relations_to(
      const std::string& number_key) const;
  // Every document that did not fail, with only what validity needs (id,
  // number, type, status, issue date and dates of force); one query
  // (core/catalog_relations.cc).
  std::vector<CatalogDocument> force_rows() const;
  // Every "replaces" and "repeals" relation (without its sentence), by
  // document then order.
  std::vector<IncomingRelation> ending_relations() const;
  // Counts of documents by status.
  std::map<std::string, int64_t> count_by_status() const;
  int64_t page_count() const;

  // Pages by source ("text", "ocr", "none"), over all documents, or one.
  std::map<std::string, int64_t> count_pages_by_source() const;
  std::map<std::string, int64_t> count_pages_by_source(int64_t id) const;
  // OCR pages whose confidence is below `threshold`, by document and page.
  std::vector<LowConfidencePage> low_confidence_pages(double threshold) const;

  // Paths the librarian removed (`vnkb-index remove`): a folder walk leaves
  // them out until the file is added by name. `at` is ISO 8601 UTC.
  void mark_removed(const std::string& path, const std::string& at);
  void unmark_removed(const std::string& path);
  // When `path` was removed; nullopt when it was not.
  std::optional<std::string> removed_at(const std::string& path) const;

  // The OCR cache. A catalog made before the cache existed has none until
  // it is opened for writing: then lookups find nothing and the size is 0.
  std::optional<OcrCacheEntry> ocr_cached(const std::string& key,
                                          const std::string& engine) const;
  // Inserts or replaces (same key and engine). Its own transaction unless
  // inside begin()/commit(), so a killed run keeps the pages it read.
  void put_ocr_cache(const OcrCacheEntry& entry);
  int64_t ocr_cache_size() const;

  // A value in the catalog's key/value table ("" when absent).
  std::string meta(const std::string& key) const;
  void set_meta(const std::string& key, const std::string& value);

  // The connection, shared by the position store (core/position_store.h).
  sqlite3* handle() const { return db_.handle(); }

 private:
  Catalog(sqlite::Database db, bool read_only);
  void exec(const char* sql) const;
  bool has_table(const char* name) const;
  bool has_column(const char* table, const char* column) const;
  // The columns read_document() reads, for SELECT.
  std::string document_columns() const;

  sqlite::Database db_;
  bool read_only_;
  // False for a catalog from before documents.file_title opened read-only
  // (a writer adds the column).
  bool has_file_title_ = true;

 public:
  // The display forms behind facet keys: one row per distinct combination
  // over the documents that did not fail (the server labels facet values
  // with them). Empty on an SQLite error.
  struct FacetLabelRow {
    std::string type, issuer, issuer_id, number;
  };
  std::vector<FacetLabelRow> facet_label_rows() const;
};

}  // namespace kb

#endif  // VNKB_CORE_CATALOG_H_
