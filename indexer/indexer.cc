// The indexer: catalog first, index second, clean marks last.
#include "indexer/indexer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/clock.h"
#include "core/document_terms.h"
#include "core/reader_lock.h"
#include "core/schema.h"
#include "indexer/stage_times.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

// Commit the index after this many changed documents or bytes of text, so a
// long run's progress is durable without paying a commit per file.
constexpr size_t kCommitEveryDocuments = 200;
constexpr size_t kCommitEveryBytes = 64u << 20;

bool copy_taxonomy(const fs::path& from, const fs::path& to,
                   std::string* error) {
  std::error_code ec;
  const fs::path tmp = to.string() + ".new";
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    if (entry.path().extension() != ".json") continue;
    fs::copy_file(entry.path(), tmp / entry.path().filename(),
                  fs::copy_options::overwrite_existing, ec);
    if (ec) break;
  }
  if (!ec) {
    fs::remove_all(to, ec);
    fs::rename(tmp, to, ec);
  }
  if (ec && error)
    *error = "cannot copy the taxonomy into the database: " + ec.message();
  return !ec;
}

}  // namespace

Indexer::~Indexer() {
  try {
    flush();
  } catch (...) {
    // A failed final commit leaves dirty rows; the next run recovers them.
  }
}

std::unique_ptr<Indexer> Indexer::open(const fs::path& db_dir,
                                       const fs::path& taxonomy_dir,
                                       std::string* error) {
  std::unique_ptr<Indexer> ix(new Indexer());
  ix->db_dir_ = db_dir;
  std::error_code ec;
  fs::create_directories(db_dir, ec);
  if (ec) {
    if (error)
      *error = "cannot create " + db_dir.string() + ": " + ec.message();
    return nullptr;
  }
  auto taxonomy = Taxonomy::load(taxonomy_dir, error);
  if (!taxonomy) return nullptr;
  ix->taxonomy_ = std::move(*taxonomy);
  ix->position_extractor_ = std::make_unique<PositionExtractor>(ix->taxonomy_);
  ReaderLock::create_file(db_dir);
  // A compaction killed between its two renames (compact_index).
  const fs::path compacted = index_path(db_dir).string() + ".compact";
  if (!fs::exists(index_path(db_dir), ec) && fs::exists(compacted, ec))
    fs::rename(compacted, index_path(db_dir), ec);
  fs::remove_all(compacted, ec);
  fs::remove_all(index_path(db_dir).string() + ".old", ec);
  try {
    ix->index_ = std::make_unique<Xapian::WritableDatabase>(
        index_path(db_dir).string(), Xapian::DB_CREATE_OR_OPEN);
    // Only one indexer writes (the lock above); the server reads both.
    ix->position_index_ = std::make_unique<Xapian::WritableDatabase>(
        positions_index_path(db_dir).string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    if (error)
      *error = "another vnkb-index is writing to " + db_dir.string() +
               "; try again later";
    return nullptr;
  } catch (const Xapian::Error& e) {
    if (error) *error = "cannot open the index: " + e.get_description();
    return nullptr;
  }
  ix->catalog_ = Catalog::open(catalog_path(db_dir), false, error);
  if (!ix->catalog_) return nullptr;
  try {
    ix->positions_ = std::make_unique<PositionStore>(ix->catalog_->handle(),
                                                     /*writable=*/true);
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return nullptr;
  }
  if (taxonomy_dir != taxonomy_copy_path(db_dir) &&
      !copy_taxonomy(taxonomy_dir, taxonomy_copy_path(db_dir), error)) {
    return nullptr;
  }
  // An index written under another schema keeps its version until reindex()
  // has rewritten every document.
  const std::string version =
      ix->index_->get_metadata(std::string(schema::kSchemaVersionKey));
  if (version.empty() || ix->index_->get_doccount() == 0) {
    ix->index_->set_metadata(std::string(schema::kSchemaVersionKey),
                             std::string(schema::kSchemaVersion));
  } else if (version != schema::kSchemaVersion) {
    ix->schema_outdated_ = true;
  }
  ix->recover();
  return ix;
}

void Indexer::write_index(const CatalogDocument& doc,
                          const std::vector<CatalogPage>& pages,
                          Derived* built) {
  if (doc.status == "failed") {
    try {
      index_->delete_document(static_cast<Xapian::docid>(doc.id));
    } catch (const Xapian::DocNotFoundError&) {
    }
  } else {
    StageTimer timer(Stage::kIndexBuild);
    Xapian::Document xdoc;
    if (built != nullptr && built->index_entry) {
      // Built before the catalog gave a new document its id.
      xdoc = std::move(*built->index_entry);
      if (built->index_data.id != doc.id) {
        xdoc.remove_term(schema::id_term(built->index_data.id));
        xdoc.add_boolean_term(schema::id_term(doc.id));
        built->index_data.id = doc.id;
        xdoc.set_data(built->index_data.to_json());
      }
    } else {
      timer.stop();
      xdoc = build_index_entry(doc, pages, taxonomy_);
    }
    timer.to(Stage::kIndexWrite);
    index_->replace_document(static_cast<Xapian::docid>(doc.id), xdoc);
    for (const CatalogPage& p : pages) pending_bytes_ += p.text.size();
  }
  pending_clean_.push_back(doc.id);
  if (pending_clean_.size() >= kCommitEveryDocuments ||
      pending_bytes_ >= kCommitEveryBytes) {
    flush();
  }
}

void Indexer::begin_catalog_unit() {
  if (!catalog_->in_transaction()) catalog_->begin();
  catalog_->begin_unit();
  catalog_unit_open_ = true;
}

void Indexer::end_catalog_unit() {
  catalog_->release_unit();
  catalog_unit_open_ = false;
}

void Indexer::abort_catalog_unit() {
  if (!catalog_unit_open_) return;
  catalog_unit_open_ = false;
  catalog_->rollback_unit();
}

void Indexer::commit_catalog_batch() {
  if (catalog_->in_transaction()) catalog_->commit();
}

void Indexer::flush() {
  const StageTimer timer(Stage::kCommit);
  // The batch's rows (dirty) first, then the index, then the clean marks.
  commit_catalog_batch();
  if (!pending_clean_.empty()) {
    index_->commit();
    catalog_->begin();
    try {
      for (int64_t id : pending_clean_) catalog_->set_index_state(id, "clean");
      catalog_->commit();
    } catch (...) {
      catalog_->rollback();
      throw;
    }
    pending_clean_.clear();
    pending_bytes_ = 0;
  }
  flush_positions();
}

void Indexer::compact_index() {
  flush();
  // A server holding the folder would read the new revision through the
  // old files: leave the index as it is, only larger.
  const std::optional<ReaderLock> no_readers =
      ReaderLock::exclusive_if_unread(db_dir_);
  if (!no_readers) return;
  const StageTimer timer(Stage::kCompact);
  const std::string path = index_path(db_dir_).string();
  const std::string compacted = path + ".compact";
  const std::string old = path + ".old";
  std::error_code ec;
  fs::remove_all(compacted, ec);
  try {
    index_->compact(compacted, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error&) {
    fs::remove_all(compacted, ec);
    return;  // the index as it is serves as well, only larger
  }
  index_.reset();
  fs::rename(path, old, ec);
  if (!ec) {
    fs::rename(compacted, path, ec);
    if (ec) fs::rename(old, path, ec);  // keep the index we had
  }
  index_ = std::make_unique<Xapian::WritableDatabase>(
      path, Xapian::DB_CREATE_OR_OPEN);
  fs::remove_all(old, ec);
  fs::remove_all(compacted, ec);
}

void Indexer::flush_positions() {
  commit_catalog_batch();
  // The store marks every change (rows with indexed=0, and deletions in
  // positions_deleted, also by cascade when a document goes), so a killed
  // run leaves them marked and the next flush writes them.
  const std::vector<int64_t> dirty = positions_->dirty_ids();
  const std::vector<int64_t> deleted = positions_->deleted_ids();
  if (dirty.empty() && deleted.empty()) return;
  for (int64_t id : deleted) {
    try {
      position_index_->delete_document(static_cast<Xapian::docid>(id));
    } catch (const Xapian::DocNotFoundError&) {
    }
  }
  std::map<int64_t, std::optional<CatalogDocument>> docs;
  std::vector<int64_t> written;
  const std::vector<OpenActor> open_actors = positions_->open_actors(false);
  for (int64_t id : dirty) {
    const std::optional<PositionRecord> p = positions_->get(id);
    if (!p) continue;
    auto it = docs.find(p->doc_id);
    if (it == docs.end())
      it = docs.emplace(p->doc_id, catalog_->get(p->doc_id)).first;
    PositionData data;
    data.id = p->id;
    data.doc_id = p->doc_id;
    data.actor = p->actor;
    if (taxonomy_.find(p->actor) == nullptr) {
      for (const OpenActor& a : open_actors) {
        if (a.id == p->actor || a.target == p->actor) data.actor_label = a.name;
      }
    }
    data.stance = p->stance;
    data.process = p->process;
    data.forum = p->forum;
    data.forum_name = p->forum_name;
    data.target = p->target;
    data.date = p->date;
    data.quote = p->quote;
    data.source = p->source;
    data.topics = p->topics;
    data.page = p->page;
    if (it->second) {
      data.doc_title = it->second->title;
      data.doc_number = it->second->number;
    }
    position_index_->replace_document(static_cast<Xapian::docid>(id),
                                      build_position_document(data, taxonomy_));
    written.push_back(id);
  }
  position_index_->commit();
  catalog_->begin();
  try {
    positions_->mark_clean(written);
    positions_->forget_deleted(deleted);
    catalog_->commit();
  } catch (...) {
    catalog_->rollback();
    throw;
  }
}

int64_t Indexer::recover() {
  int64_t n = 0;
  for (int64_t id : catalog_->ids_with_state("dirty")) {
    const auto doc = catalog_->get(id);
    if (!doc) continue;
    write_index(*doc, doc->status == "failed" ? std::vector<CatalogPage>{}
                                              : catalog_->pages(id));
    ++n;
  }
  flush();
  const std::vector<int64_t> deleting = catalog_->ids_with_state("deleting");
  for (int64_t id : deleting) {
    try {
      index_->delete_document(static_cast<Xapian::docid>(id));
    } catch (const Xapian::DocNotFoundError&) {
    }
  }
  if (!deleting.empty()) {
    index_->commit();
    catalog_->begin();
    for (int64_t id : deleting) catalog_->erase(id);
    catalog_->commit();
    n += static_cast<int64_t>(deleting.size());
  }
  return n;
}

void Indexer::store(CatalogDocument& doc, const std::vector<CatalogPage>& pages,
                    Derived& derived, bool new_document) {
  StageTimer timer(Stage::kCatalog);
  begin_catalog_unit();
  try {
    catalog_->put(doc, &pages);
    positions_->replace_extracted(doc.id, derived.positions);
    if (doc.status == "failed" && new_document) {
      // Never in the index: nothing to write.
      catalog_->set_index_state(doc.id, "clean");
    }
    end_catalog_unit();
  } catch (...) {
    abort_catalog_unit();
    throw;
  }
  if (!(doc.status == "failed" && new_document)) {
    timer.stop();
    write_index(doc, pages, &derived);
  }
}

std::vector<FileOutcome> Indexer::remove(const std::vector<std::string>& args,
                                         std::vector<std::string>* not_found,
                                         bool remember) {
  std::vector<CatalogDocument> docs;
  for (const std::string& arg : args) {
    const bool numeric =
        !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        });
    std::optional<CatalogDocument> d;
    if (numeric) d = catalog_->get(std::stoll(arg));
    if (!d) {
      std::error_code ec;
      const fs::path p = fs::weakly_canonical(fs::absolute(arg), ec);
      d = catalog_->get_by_path(p.string());
      if (!d) {
        CatalogFilter f;
        f.path_prefix = p.string() + "/";
        const auto under = catalog_->list(f);
        if (!under.empty()) {
          docs.insert(docs.end(), under.begin(), under.end());
          continue;
        }
      }
    }
    if (d) {
      docs.push_back(*d);
    } else if (not_found) {
      not_found->push_back(arg);
    }
  }
  std::vector<FileOutcome> out;
  if (docs.empty()) return out;
  flush();
  catalog_->begin();
  for (const CatalogDocument& d : docs)
    catalog_->set_index_state(d.id, "deleting");
  catalog_->commit();
  for (const CatalogDocument& d : docs) {
    try {
      index_->delete_document(static_cast<Xapian::docid>(d.id));
    } catch (const Xapian::DocNotFoundError&) {
    }
  }
  index_->commit();
  catalog_->begin();
  const std::string now = utc_now_iso8601();
  for (const CatalogDocument& d : docs) {
    catalog_->erase(d.id);
    if (remember) catalog_->mark_removed(d.path, now);
    FileOutcome o;
    o.path = d.path;
    o.id = d.id;
    o.action = "removed";
    o.status = "removed";
    out.push_back(std::move(o));
  }
  catalog_->commit();
  flush_positions();  // their positions went with them (cascade)
  return out;
}

int64_t Indexer::reindex(const std::function<void(size_t, size_t)>& progress) {
  flush();
  const std::vector<int64_t> ids = catalog_->all_ids();
  std::set<Xapian::docid> in_catalog;
  size_t done = 0;
  for (int64_t id : ids) {
    auto doc = catalog_->get(id);
    if (!doc) continue;
    std::vector<CatalogPage> pages = catalog_->pages(id);
    if (doc->status != "failed")
      in_catalog.insert(static_cast<Xapian::docid>(id));
    Derived derived =
        derive_document(*doc, pages, taxonomy_, *position_extractor_,
                        /*build_index_entry=*/true);
    doc->index_state = "dirty";
    store(*doc, pages, derived, /*new_document=*/false);
    if (progress) progress(++done, ids.size());
  }
  flush();
  // Index entries the catalog does not know.
  std::vector<Xapian::docid> stray;
  for (auto it = index_->postlist_begin(""); it != index_->postlist_end("");
       ++it) {
    if (!in_catalog.count(*it)) stray.push_back(*it);
  }
  for (Xapian::docid id : stray) index_->delete_document(id);
  index_->set_metadata(std::string(schema::kSchemaVersionKey),
                       std::string(schema::kSchemaVersion));
  index_->commit();
  schema_outdated_ = false;
  // Every position again (their documents' titles may have changed), and no
  // entry the store does not know.
  catalog_->begin();
  positions_->mark_all_dirty();
  catalog_->commit();
  std::set<Xapian::docid> known;
  for (const PositionRecord& p : positions_->all())
    known.insert(static_cast<Xapian::docid>(p.id));
  std::vector<Xapian::docid> stray_positions;
  for (auto it = position_index_->postlist_begin("");
       it != position_index_->postlist_end(""); ++it) {
    if (!known.count(*it)) stray_positions.push_back(*it);
  }
  for (Xapian::docid id : stray_positions) position_index_->delete_document(id);
  flush_positions();
  position_index_->commit();
  return static_cast<int64_t>(done);
}

std::optional<CatalogDocument> find_document(Catalog& catalog,
                                             const std::string& id_or_path) {
  const bool numeric =
      !id_or_path.empty() && id_or_path.size() < 19 &&
      id_or_path.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    if (auto d = catalog.get(std::stoll(id_or_path))) return d;
  }
  std::error_code ec;
  return catalog.get_by_path(
      fs::weakly_canonical(fs::absolute(id_or_path), ec).string());
}

}  // namespace kb
