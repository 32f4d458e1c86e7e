// The indexer: adds, updates and removes documents in the catalog and the
// Xapian index, keeping the two consistent even when killed mid-run.
//
// A database folder holds catalog.sqlite (core/catalog.h), xapian/ (the
// index, core/schema.h) and taxonomy/ (a copy of the taxonomy the index was
// built with, which the server loads).
#ifndef VNKB_INDEXER_INDEXER_H_
#define VNKB_INDEXER_INDEXER_H_

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/position_store.h"
#include "core/taxonomy.h"
#include "indexer/derive.h"
#include "indexer/overrides.h"
#include "indexer/positions/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/read/extract_service.h"
#include "indexer/read/ocr.h"

namespace kb {

// What happened to one file.
struct FileOutcome {
  std::string path;
  std::string
      action;  // "added", "updated", "unchanged", "moved", "failed", "removed"
  int64_t id = 0;
  std::string status;  // catalog status after the action
  std::string detail;  // failure reason and detail, or a warning
  int pages = 0;
  int ocr_recognized = 0;  // pages Tesseract read in this run
  int ocr_cached = 0;      // pages whose OCR text came from the cache
};

struct AddOptions {
  bool force = false;  // re-read unchanged files
  bool prune = false;  // drop catalog entries under the given folders whose
                       // files are gone
  Overrides overrides;
  ExtractLimits limits;
  // OCR of the pages without a text layer. An unchanged file is read again
  // when OCR has something to do: in kAuto mode a "needs-ocr" document whose
  // pages were never tried (added with kNever, or before OCR existed); in
  // kForce mode any document with scanned pages.
  OcrOptions ocr;
  // Called after each file (progress display); may be empty.
  std::function<void(const FileOutcome&, size_t done, size_t total)> on_file;
};

struct AddSummary {
  std::vector<FileOutcome> outcomes;
  int failed = 0;
  int changed = 0;
};

class Indexer {
 public:
  ~Indexer();

  // Opens (creating) the database folder for writing. Loads the taxonomy from
  // `taxonomy_dir` and keeps a copy in the folder. Finishes any work a killed
  // run left (recover()). Returns nullptr and sets `error` on failure (for
  // instance when another indexer holds the lock).
  static std::unique_ptr<Indexer> open(
      const std::filesystem::path& db_dir,
      const std::filesystem::path& taxonomy_dir, std::string* error);

  // Adds files and folders (recursively). Throws only on database failures;
  // a file that cannot be read is a "failed" outcome.
  AddSummary add(const std::vector<std::filesystem::path>& paths,
                 const AddOptions& options);

  // Removes documents by id or path (a folder removes everything under it).
  // Unknown ids or paths are reported in `not_found`. With `remember`, the
  // paths stay out of later folder walks until added by name (a librarian's
  // removal); --prune forgets files that are gone and remembers nothing.
  std::vector<FileOutcome> remove(const std::vector<std::string>& ids_or_paths,
                                  std::vector<std::string>* not_found,
                                  bool remember = true);

  // Rebuilds the index from the catalog alone: metadata and tags are derived
  // again from the stored page text (so taxonomy edits take effect), the
  // librarian's overrides re-applied, every document rewritten.
  int64_t reindex(
      const std::function<void(size_t done, size_t total)>& progress = {});

  // Rewrites the index entries that a killed run left unfinished.
  int64_t recover();

  // True when the index was built by a vnkb whose index schema differs from
  // this one's (schema::kSchemaVersion): searches would miss terms or values
  // until reindex() rebuilds it, which also records the new version.
  bool schema_outdated() const { return schema_outdated_; }

  // The negotiation positions (extracted while adding, and the librarian's
  // corrections). After changing them through this store, call
  // flush_positions() to bring the position index up to date.
  PositionStore& positions() { return *positions_; }
  // Writes the positions changed since the last call to the position index
  // and commits it.
  void flush_positions();

  Catalog& catalog() { return *catalog_; }
  const Taxonomy& taxonomy() const { return taxonomy_; }

 private:
  Indexer() = default;
  // False when `path` is surely unchanged (add_file will not read it).
  bool may_need_reading(const std::filesystem::path& path,
                        const AddOptions& options) const;
  // A file read, to be derived (on add's second thread) and stored.
  struct ReadFile {
    FileOutcome out;
    CatalogDocument doc;
    std::vector<CatalogPage> pages;
    bool existing = false;
  };
  // The first half of adding a file: returns its outcome when there is
  // nothing more to do (unchanged, moved), else reads it into `file`.
  std::optional<FileOutcome> read_file(const std::filesystem::path& path,
                                       const AddOptions& options,
                                       ExtractService& reader, ReadFile& file);
  // The second half: stores what derive_document made of `file`.
  FileOutcome store_file(ReadFile& file, Derived& derived);
  // The end of the derive step (derive.h), for add and reindex alike: puts
  // `doc` with its pages and extracted positions in one catalog transaction,
  // then writes its index entry (a failed document's is deleted). A failed
  // `new_document` was never in the index: it is marked clean at once.
  void store(CatalogDocument& doc, const std::vector<CatalogPage>& pages,
             Derived& derived, bool new_document);
  // Writes the index entry of `doc`: `built`'s when it holds one, else one
  // built from `pages`.
  void write_index(const CatalogDocument& doc,
                   const std::vector<CatalogPage>& pages,
                   Derived* built = nullptr);
  void flush();
  // Catalog writes are batched like the index commits: one SQLite
  // transaction holds every document written since the last flush(), each
  // file in its own unit (one file's failure undoes its rows alone), and
  // commits before the index does, so rows stay dirty until the index
  // commit, as with one transaction per file. Committing the batch early
  // (before OCR, whose cache a killed run must keep) is always safe.
  void begin_catalog_unit();
  void end_catalog_unit();
  // Undoes the rows of the open unit, if any (after an exception).
  void abort_catalog_unit();
  void commit_catalog_batch();
  // Rewrites the index compactly (full blocks; ids kept) and swaps it in.
  // Many commits leave Xapian's tables about half full: a first load of the
  // codification takes about half the space compacted. Only after a load
  // into an empty index, which no reader can be holding open yet.
  void compact_index();

  std::filesystem::path db_dir_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<Xapian::WritableDatabase> index_;
  Taxonomy taxonomy_;
  std::unique_ptr<PositionExtractor> position_extractor_;
  std::unique_ptr<PositionStore> positions_;
  std::unique_ptr<Xapian::WritableDatabase> position_index_;
  bool schema_outdated_ = false;
  std::vector<int64_t>
      pending_clean_;  // written to the index, not committed yet
  size_t pending_bytes_ = 0;
  bool catalog_unit_open_ = false;
};

// The document with id `id_or_path` (all digits), else at that path.
std::optional<CatalogDocument> find_document(Catalog& catalog,
                                             const std::string& id_or_path);

}  // namespace kb

#endif  // VNKB_INDEXER_INDEXER_H_
