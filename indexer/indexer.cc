// The indexer: catalog first, index second, clean marks last.
#include "indexer/indexer.h"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "core/clock.h"
#include "core/db_layout.h"
#include "core/doc_number.h"
#include "core/document_terms.h"
#include "core/schema.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/tagging.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

// Commit the index after this many changed documents or bytes of text, so a
// long run's progress is durable without paying a commit per file.
constexpr size_t kCommitEveryDocuments = 200;
constexpr size_t kCommitEveryBytes = 64u << 20;

int64_t mtime_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
         st.st_mtim.tv_nsec;
}

std::string read_small_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

bool is_sidecar(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 10 &&
         name.compare(name.size() - 10, 10, ".meta.json") == 0;
}

// NAME.meta.json next to the document: "decision.meta.json" for
// "decision.pdf", or "decision.pdf.meta.json".
fs::path sidecar_for(const fs::path& doc) {
  fs::path a = doc;
  a.replace_extension(".meta.json");
  if (fs::exists(a)) return a;
  fs::path b = doc;
  b += ".meta.json";
  if (fs::exists(b)) return b;
  return {};
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  const int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

// Accepts YYYY-MM-DD and d/m/yyyy (d-m-yyyy, d.m.yyyy).
bool normalize_date(std::string& s) {
  if (valid_date(s)) return true;
  int d = 0, m = 0, y = 0;
  char a = 0, b = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c%d", &d, &a, &m, &b, &y) == 5 && a == b &&
      (a == '/' || a == '-' || a == '.') && y >= 1800 && y <= 2199) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    if (valid_date(buf)) {
      s = buf;
      return true;
    }
  }
  return false;
}

const std::set<std::string> kListFields = {"cites", "networks", "topics"};

// Extensions a folder walk picks up; other files in a folder are not
// documents (images, spreadsheets, JSON). A file named explicitly is always
// tried, and fails with "unsupported type" when it is none of these.
bool has_document_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  static const std::set<std::string> kExtensions = {
      ".pdf", ".html", ".htm", ".xhtml",   ".docx",
      ".txt", ".text", ".md",  ".markdown"};
  return kExtensions.count(ext) != 0;
}

// Patterns from a folder's .vnkbignore (one fnmatch pattern per line, '#'
// comments), matched against paths relative to that folder and file names.
std::vector<std::string> ignore_patterns(const fs::path& folder) {
  std::vector<std::string> out;
  std::ifstream in(folder / ".vnkbignore");
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() &&
           (line.back() == ' ' || line.back() == '\r' || line.back() == '/')) {
      line.pop_back();
    }
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

bool ignored(const fs::path& path, const fs::path& root,
             const std::vector<std::string>& patterns) {
  const std::string rel = fs::relative(path, root).string();
  const std::string name = path.filename().string();
  for (const std::string& p : patterns) {
    if (fnmatch(p.c_str(), rel.c_str(), 0) == 0 ||
        fnmatch(p.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool normalize_override(const std::string& field, std::string& value,
                        const Taxonomy& taxonomy, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = field + ": " + why;
    return false;
  };
  value = to_nfc(value);
  if (field == "issue_date" || field == "date") {
    if (!value.empty() && !normalize_date(value)) {
      return fail("'" + value + "' is not a date (YYYY-MM-DD or d/m/yyyy)");
    }
  } else if (field == "number" || field == "cites") {
    if (value.empty()) return true;
    const auto n = parse_doc_number(value);
    if (!n)
      return fail("'" + value + "' is not a document number like 1407/QĐ-TTg");
    value = n->display();
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

namespace {

nlohmann::json overrides_to_json(const Overrides& o) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : o.fields) j[k] = v;
  for (const auto& [k, v] : o.lists) j[k] = v;
  return j;
}

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

// Derives the effective metadata of `doc` from its pages, then applies the
// sidecar's and the flags' overrides (flags win); records each field's source.
void derive_metadata(CatalogDocument& doc,
                     const std::vector<std::string>& pages,
                     const std::string& file_title, const fs::path& path,
                     const Taxonomy& taxonomy) {
  const DocMetadata m = extract_metadata(pages, taxonomy, file_title);
  doc.title = m.title;
  if (doc.title.empty()) doc.title = file_title;
  if (doc.title.empty()) doc.title = path.stem().string();
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

  for (const std::string* stored : {&doc.sidecar_json, &doc.overrides_json}) {
    const Overrides o = overrides_from_stored(*stored);
    for (const auto& [field, value] : o.fields) {
      if (field == "title") doc.title = value;
      if (field == "type") doc.type = value;
      if (field == "number") doc.number = value;
      if (field == "issue_date") doc.issue_date = value;
      if (field == "signer") doc.signer = value;
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
      doc.source[field] = "librarian";
    }
  }
  // A document never cites itself.
  if (const auto own = parse_doc_number(doc.number)) {
    std::erase_if(doc.cites, [&](const std::string& c) {
      const auto n = parse_doc_number(c);
      return n && n->key() == own->key();
    });
  }
}

std::vector<Analysis> analyze_pages(const std::vector<CatalogPage>& pages) {
  std::vector<Analysis> out;
  out.reserve(pages.size());
  for (const CatalogPage& p : pages) out.push_back(analyze(p.text));
  return out;
}

std::vector<std::string> page_texts(const std::vector<CatalogPage>& pages) {
  std::vector<std::string> out;
  for (const CatalogPage& p : pages) out.push_back(p.text);
  return out;
}

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

// True when OCR would change an unchanged document: see AddOptions::ocr.
bool ocr_has_work(const CatalogDocument& doc, const OcrOptions& ocr,
                  const Catalog& catalog) {
  switch (ocr.mode) {
    case OcrMode::kNever:
      return false;
    case OcrMode::kAuto:
      // A page that OCR failed on is not retried on every run: the file
      // must change, or the librarian asks (--force, --ocr=force).
      return doc.status == "needs-ocr" && doc.failure_reason != "ocr-failed";
    case OcrMode::kForce: {
      const auto sources = catalog.count_pages_by_source(doc.id);
      return sources.count("ocr") != 0 || sources.count("none") != 0;
    }
  }
  return false;
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
                          const std::vector<Analysis>& pages) {
  if (doc.status == "failed") {
    try {
      index_->delete_document(static_cast<Xapian::docid>(doc.id));
    } catch (const Xapian::DocNotFoundError&) {
    }
  } else {
    index_->replace_document(static_cast<Xapian::docid>(doc.id),
                             build_document(doc, pages, taxonomy_));
    for (const Analysis& a : pages) pending_bytes_ += a.text.size();
  }
  pending_clean_.push_back(doc.id);
  if (pending_clean_.size() >= kCommitEveryDocuments ||
      pending_bytes_ >= kCommitEveryBytes) {
    flush();
  }
}

void Indexer::flush() {
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

void Indexer::flush_positions() {
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
    data.stance = p->stance;
    data.process = p->process;
    data.forum = p->forum;
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

std::vector<PositionRecord> Indexer::extract_positions_of(
    const CatalogDocument& doc, const std::vector<std::string>& pages) const {
  PositionContext context;
  context.issue_date = doc.issue_date;
  context.issuer_id = doc.issuer_id;
  context.topics = doc.topics;
  context.title = doc.title;
  std::vector<PositionRecord> out;
  for (ExtractedPosition& e : position_extractor_->extract(pages, context)) {
    PositionRecord r;
    r.doc_id = doc.id;
    r.key = std::move(e.key);
    r.actor = std::move(e.actor);
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

int64_t Indexer::recover() {
  int64_t n = 0;
  for (int64_t id : catalog_->ids_with_state("dirty")) {
    const auto doc = catalog_->get(id);
    if (!doc) continue;
    write_index(*doc, doc->status == "failed"
                          ? std::vector<Analysis>{}
                          : analyze_pages(catalog_->pages(id)));
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

bool Indexer::may_need_reading(const fs::path& path,
                               const AddOptions& options) const {
  if (options.force) return true;
  std::error_code ec;
  const auto size = static_cast<int64_t>(fs::file_size(path, ec));
  if (ec) return false;  // add_file reports it
  const std::optional<CatalogDocument> existing =
      catalog_->get_by_path(path.string());
  // Like add_file's first test, less the sidecar and OCR: guessing "yes"
  // costs one read ahead for nothing, never a wrong result.
  return !existing || existing->size != size ||
         existing->mtime != mtime_of(path);
}

FileOutcome Indexer::add_file(const fs::path& path, const AddOptions& options,
                              ExtractService& reader) {
  FileOutcome out;
  out.path = path.string();
  std::error_code ec;
  const auto size = static_cast<int64_t>(fs::file_size(path, ec));
  const int64_t mtime = mtime_of(path);
  const fs::path sidecar = sidecar_for(path);
  const std::string sidecar_text =
      sidecar.empty() ? std::string() : read_small_file(sidecar);
  const std::string sidecar_sha =
      sidecar.empty() ? std::string() : sha256_hex(sidecar_text);

  std::optional<CatalogDocument> existing = catalog_->get_by_path(out.path);
  const bool same_extras = existing &&
                           existing->sidecar_sha256 == sidecar_sha &&
                           options.overrides.empty() &&
                           !ocr_has_work(*existing, options.ocr, *catalog_);
  if (existing && !options.force && same_extras && existing->size == size &&
      existing->mtime == mtime) {
    out.action = "unchanged";
    out.id = existing->id;
    out.status = existing->status;
    out.pages = existing->pages;
    return out;
  }
  const std::string sha = sha256_file(path);
  if (existing && !options.force && same_extras && existing->sha256 == sha) {
    existing->mtime = mtime;  // touched, not changed
    catalog_->begin();
    catalog_->put(*existing, nullptr);
    catalog_->commit();
    out.action = "unchanged";
    out.id = existing->id;
    out.status = existing->status;
    out.pages = existing->pages;
    return out;
  }
  // A file moved within the collection keeps its id (and links to it).
  if (!existing && !options.force && options.overrides.empty() &&
      !sha.empty()) {
    for (CatalogDocument& old : catalog_->get_by_sha256(sha)) {
      if (fs::exists(old.path) || old.sidecar_sha256 != sidecar_sha) continue;
      const std::string from = old.path;
      old.path = out.path;
      old.mtime = mtime;
      catalog_->begin();
      catalog_->put(old, nullptr);
      catalog_->commit();
      out.action = "moved";
      out.detail = "from " + from;
      out.id = old.id;
      out.status = old.status;
      out.pages = old.pages;
      return out;
    }
  }

  CatalogDocument doc = existing ? *existing : CatalogDocument{};
  doc.path = out.path;
  doc.sha256 = sha;
  doc.size = size;
  doc.mtime = mtime;
  doc.sidecar_sha256 = sidecar_sha;
  doc.indexed_at = utc_now_iso8601();
  doc.index_state = "dirty";
  // Librarian values: the sidecar as it is now, flags merged over earlier ones.
  doc.sidecar_json = "{}";
  if (!sidecar.empty()) {
    std::string error;
    if (const auto o = parse_overrides(sidecar_text, taxonomy_, &error)) {
      doc.sidecar_json = overrides_to_json(*o).dump();
    } else {
      out.detail = "ignored " + sidecar.string() + ": " + error;
    }
  }
  if (!options.overrides.empty()) {
    nlohmann::json merged =
        nlohmann::json::parse(doc.overrides_json, nullptr, false);
    if (!merged.is_object()) merged = nlohmann::json::object();
    merged.update(overrides_to_json(options.overrides));
    doc.overrides_json = merged.dump();
  }

  Extracted e = reader.extract(path);
  CatalogOcrCache ocr_cache(*catalog_);
  const OcrReport ocr = read_scanned_pages(path, e, options.ocr, &ocr_cache);
  out.ocr_recognized = ocr.recognized;
  out.ocr_cached = ocr.cached;
  std::vector<CatalogPage> pages;
  std::vector<Analysis> analyses;
  std::vector<PositionRecord> positions;
  doc.format = e.format;
  doc.encoding = e.encoding;
  if (e.status == ExtractStatus::kFailed) {
    doc.status = "failed";
    doc.failure_reason = failure_reason_name(e.reason);
    doc.failure_detail = e.error;
    doc.pages = 0;
    out.detail = doc.failure_reason + ": " + e.error;
  } else {
    doc.status = e.status == ExtractStatus::kNeedsOcr ? "needs-ocr" : "indexed";
    doc.failure_reason.clear();
    doc.failure_detail.clear();
    if (e.status == ExtractStatus::kNeedsOcr) {
      doc.failure_reason = ocr.ran ? "ocr-failed" : "ocr-not-run";
      doc.failure_detail = ocr.detail;
      if (ocr.ran) out.detail = ocr.detail;
    }
    for (size_t i = 0; i < e.pages.size(); ++i) {
      CatalogPage p;
      p.page_no = static_cast<int>(i + 1);
      p.text = e.pages[i].text;
      p.source = e.pages[i].has_text_layer ? "text"
                 : e.pages[i].ocr          ? "ocr"
                                           : "none";
      p.ocr_confidence = e.pages[i].ocr ? e.pages[i].ocr_confidence : -1;
      analyses.push_back(analyze(p.text));
      p.anchors = make_anchors(analyses.back());
      pages.push_back(std::move(p));
    }
    doc.pages = static_cast<int>(pages.size());
    const std::vector<std::string> texts = page_texts(pages);
    derive_metadata(doc, texts, e.title, path, taxonomy_);
    positions = extract_positions_of(doc, texts);
  }
  catalog_->begin();
  try {
    catalog_->put(doc, &pages);
    positions_->replace_extracted(doc.id, positions);
    catalog_->commit();
  } catch (...) {
    catalog_->rollback();
    throw;
  }
  if (doc.status == "failed" && !existing) {
    // Never in the index: nothing to write.
    catalog_->begin();
    catalog_->set_index_state(doc.id, "clean");
    catalog_->commit();
  } else {
    write_index(doc, analyses);
  }
  out.id = doc.id;
  out.status = doc.status;
  out.pages = doc.pages;
  out.action = doc.status == "failed" ? "failed"
               : existing             ? "updated"
                                      : "added";
  return out;
}

AddSummary Indexer::add(const std::vector<fs::path>& paths,
                        const AddOptions& options) {
  AddSummary summary;
  std::vector<fs::path> files;
  std::vector<fs::path> folders;
  for (const fs::path& given : paths) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(given), ec);
    if (fs::is_directory(p)) {
      folders.push_back(p);
      const std::vector<std::string> patterns = ignore_patterns(p);
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if ((!name.empty() && name[0] == '.') ||
            ignored(it->path(), p, patterns)) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && !is_sidecar(it->path()) &&
            has_document_extension(it->path())) {
          files.push_back(it->path());
        }
      }
    } else if (fs::is_regular_file(p)) {
      files.push_back(p);
    } else {
      FileOutcome missing;
      missing.path = given.string();
      missing.action = "failed";
      missing.status = "failed";
      missing.detail = fs::exists(p) ? "not a regular file or folder"
                                     : "no such file or folder";
      summary.outcomes.push_back(missing);
      ++summary.failed;
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  // One file is read ahead while the one before it is analysed and indexed.
  ExtractService reader(options.limits);
  size_t queued = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    for (; queued < std::min(i + 2, files.size()); ++queued) {
      if (may_need_reading(files[queued], options))
        reader.prefetch(files[queued]);
    }
    FileOutcome o = add_file(files[i], options, reader);
    if (o.action == "failed") ++summary.failed;
    if (o.action != "unchanged") ++summary.changed;
    if (options.on_file) options.on_file(o, i + 1, files.size());
    summary.outcomes.push_back(std::move(o));
  }
  flush();
  if (options.prune) {
    std::vector<std::string> gone;
    for (const fs::path& folder : folders) {
      CatalogFilter f;
      f.path_prefix = folder.string() + "/";
      for (const CatalogDocument& d : catalog_->list(f)) {
        if (!fs::exists(d.path)) gone.push_back(std::to_string(d.id));
      }
    }
    if (!gone.empty()) {
      for (FileOutcome& o : remove(gone, nullptr)) {
        if (options.on_file) options.on_file(o, files.size(), files.size());
        summary.outcomes.push_back(std::move(o));
        ++summary.changed;
      }
    }
  }
  return summary;
}

std::vector<FileOutcome> Indexer::remove(const std::vector<std::string>& args,
                                         std::vector<std::string>* not_found) {
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
  for (const CatalogDocument& d : docs) {
    catalog_->erase(d.id);
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
    std::vector<Analysis> analyses;
    std::vector<PositionRecord> positions;
    if (doc->status != "failed") {
      analyses = analyze_pages(pages);
      for (size_t i = 0; i < pages.size(); ++i)
        pages[i].anchors = make_anchors(analyses[i]);
      const std::vector<std::string> texts = page_texts(pages);
      derive_metadata(*doc, texts, doc->title, doc->path, taxonomy_);
      positions = extract_positions_of(*doc, texts);
      in_catalog.insert(static_cast<Xapian::docid>(id));
    }
    doc->index_state = "dirty";
    catalog_->begin();
    try {
      catalog_->put(*doc, &pages);
      positions_->replace_extracted(id, positions);
      catalog_->commit();
    } catch (...) {
      catalog_->rollback();
      throw;
    }
    write_index(*doc, analyses);
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

namespace {

// The position index holds exactly the catalog's positions, each up to date.
void check_positions(const Catalog& catalog, const fs::path& db_dir,
                     CheckReport& r) {
  std::vector<PositionRecord> positions;
  std::vector<int64_t> dirty, deleted;
  try {
    const PositionStore store(catalog.handle(), /*writable=*/false);
    positions = store.all();
    dirty = store.dirty_ids();
    deleted = store.deleted_ids();
  } catch (const std::exception&) {
    return;  // a catalog from before positions: nothing to compare
  }
  std::set<Xapian::docid> indexed;
  if (fs::exists(positions_index_path(db_dir))) {
    try {
      const Xapian::Database index(positions_index_path(db_dir).string());
      for (auto it = index.postlist_begin(""); it != index.postlist_end("");
           ++it)
        indexed.insert(*it);
    } catch (const Xapian::Error& e) {
      r.problems.push_back("cannot open the position index: " +
                           e.get_description());
      return;
    }
  }
  if (!dirty.empty() || !deleted.empty()) {
    r.problems.push_back(std::to_string(dirty.size() + deleted.size()) +
                         " position(s) changed but not yet in the position "
                         "index; any vnkb-index command that writes finishes "
                         "it");
  }
  std::set<Xapian::docid> expected;
  for (const PositionRecord& p : positions) {
    const auto id = static_cast<Xapian::docid>(p.id);
    expected.insert(id);
    if (!indexed.count(id)) {
      r.problems.push_back("position " + std::to_string(p.id) +
                           " is missing from the position index");
    }
  }
  for (Xapian::docid id : indexed) {
    if (!expected.count(id)) {
      r.problems.push_back("position index holds position " +
                           std::to_string(id) +
                           " that the catalog does not have");
    }
  }
}

}  // namespace

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

CheckReport check_database(const fs::path& db_dir) {
  CheckReport r;
  std::string error;
  auto catalog = Catalog::open(catalog_path(db_dir), true, &error);
  if (!catalog) {
    r.problems.push_back(error);
    return r;
  }
  std::unique_ptr<Xapian::Database> index;
  try {
    index = std::make_unique<Xapian::Database>(index_path(db_dir).string());
  } catch (const Xapian::Error& e) {
    r.problems.push_back("cannot open the index: " + e.get_description());
    return r;
  }
  if (index->get_metadata(std::string(schema::kSchemaVersionKey)) !=
      schema::kSchemaVersion) {
    r.problems.push_back("index schema version is not " +
                         std::string(schema::kSchemaVersion));
  }
  std::set<Xapian::docid> indexed;
  for (auto it = index->postlist_begin(""); it != index->postlist_end(""); ++it)
    indexed.insert(*it);
  r.index_documents = static_cast<int64_t>(indexed.size());
  std::set<Xapian::docid> expected;
  for (const CatalogDocument& d : catalog->list({})) {
    ++r.catalog_documents;
    const auto id = static_cast<Xapian::docid>(d.id);
    if (d.index_state != "clean") {
      r.problems.push_back("document " + std::to_string(d.id) + " (" + d.path +
                           ") is " + d.index_state +
                           ": a run was interrupted; any vnkb-index command "
                           "that writes finishes it");
    }
    if (d.status == "failed") {
      if (indexed.count(id)) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             " failed but is still in the index");
      }
      continue;
    }
    expected.insert(id);
    if (!indexed.count(id)) {
      r.problems.push_back("document " + std::to_string(d.id) + " (" + d.path +
                           ") is missing from the index");
      continue;
    }
    try {
      const schema::DocumentData data =
          schema::DocumentData::from_json(index->get_document(id).get_data());
      auto differs = [&](const char* field, const std::string& a,
                         const std::string& b) {
        if (a != b) {
          r.problems.push_back("document " + std::to_string(d.id) + ": " +
                               field + " differs (catalog \"" + a +
                               "\", index \"" + b + "\")");
        }
      };
      differs("title", d.title, data.title);
      differs("number", d.number, data.number);
      differs("type", d.type, data.type);
      differs("issue_date", d.issue_date, data.issue_date);
      differs("status", d.status, data.status);
      if (data.pages != d.pages) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             ": page count differs");
      }
      if (d.networks != data.networks || d.topics != data.topics) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             ": tags differ");
      }
    } catch (const std::exception& e) {
      r.problems.push_back("document " + std::to_string(d.id) + ": " +
                           e.what());
    }
  }
  for (Xapian::docid id : indexed) {
    if (!expected.count(id)) {
      r.problems.push_back("index holds document " + std::to_string(id) +
                           " that the catalog does not list as indexed");
    }
  }
  check_positions(*catalog, db_dir, r);
  return r;
}

}  // namespace kb
