// The SQLite catalog.
#include "core/catalog.h"

#include <zlib.h>

#include <array>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/catalog_relations.h"
#include "core/doc_number.h"

namespace kb {
namespace {

using sqlite::Statement;

// Tables added later (ocr_cache) are created IF NOT EXISTS when a writer
// opens the catalog, so they need no new version: older catalogs keep
// working. The meta table is sqlite::migrate's (core/sqlite.h).
constexpr const char* kSchemaSql = R"SQL(
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  path TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  mtime INTEGER NOT NULL DEFAULT 0,
  sidecar_sha256 TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  failure_reason TEXT NOT NULL DEFAULT '',
  failure_detail TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  number TEXT NOT NULL DEFAULT '',
  number_key TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  issuer_id TEXT NOT NULL DEFAULT '',
  issue_date TEXT NOT NULL DEFAULT '',
  signer TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  encoding TEXT NOT NULL DEFAULT '',
  pages INTEGER NOT NULL DEFAULT 0,
  source_json TEXT NOT NULL DEFAULT '{}',
  overrides_json TEXT NOT NULL DEFAULT '{}',
  sidecar_json TEXT NOT NULL DEFAULT '{}',
  indexed_at TEXT NOT NULL DEFAULT '',
  index_state TEXT NOT NULL DEFAULT 'dirty',
  file_title TEXT
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_number_key ON documents(number_key);
CREATE INDEX IF NOT EXISTS documents_index_state ON documents(index_state);
CREATE TABLE IF NOT EXISTS pages(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT 'text',
  ocr_confidence REAL NOT NULL DEFAULT -1,
  anchors BLOB,
  PRIMARY KEY(doc_id, page_no)
);
CREATE TABLE IF NOT EXISTS cites(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  PRIMARY KEY(doc_id, ord)
);
CREATE INDEX IF NOT EXISTS cites_number_key ON cites(number_key);
CREATE TABLE IF NOT EXISTS tags(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  ord INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(doc_id, kind, ord)
);
CREATE INDEX IF NOT EXISTS tags_value ON tags(kind, value);
CREATE TABLE IF NOT EXISTS removed_paths(
  path TEXT PRIMARY KEY,
  removed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ocr_cache(
  key TEXT NOT NULL,
  engine TEXT NOT NULL,
  text TEXT NOT NULL,
  confidence REAL NOT NULL DEFAULT -1,
  seconds REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(key, engine)
);
CREATE TABLE IF NOT EXISTS relations(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  target_key TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  sentence TEXT NOT NULL DEFAULT '',
  page INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'extracted',
  PRIMARY KEY(doc_id, ord)
);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target_key, kind);
CREATE TABLE IF NOT EXISTS force(
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  effective_date TEXT NOT NULL DEFAULT '',
  expiry_date TEXT NOT NULL DEFAULT '',
  validity TEXT NOT NULL DEFAULT ''
);
)SQL";

// Version 2 added documents.file_title (NULL in the rows written before).
// Version 3 added the relations and force tables (kSchemaSql creates them;
// documents indexed before have none until they are re-indexed).
// Version 4 stores page text deflated (page_text_blob): rows written before
// keep their text as TEXT and read as before; an older vnkb refuses the file.
const sqlite::Schema kSchema = {
    "catalog",
    "schema_version",
    4,
    kSchemaSql,
    "documents",
    {"ALTER TABLE documents ADD COLUMN file_title TEXT",
     "-- version 3: relations and force, created by kSchemaSql",
     "-- version 4: page text deflated, read either way"}};

// Page text is most of the catalog: it is kept deflated, as a BLOB in
// pages.text (SQLite keeps a BLOB as it is in a TEXT column): the text's
// size as 4 bytes, little-endian, then the zlib stream. A text that would
// not shrink stays TEXT. Level 1: nearly the ratio of the default level at
// a third of its time, while indexing.
constexpr size_t kDeflateFrom = 64;

// Deflate streams kept per thread and reset for each text: compress2 would
// set up and zero a new one (a quarter of a megabyte) for every page, which
// cost more than deflating an article. Even a reset zeroes the stream's hash
// table (64 kB at zlib's default memLevel 8), which was 4 % of the
// instructions of indexing codification articles of 1-2 kB: a short text is
// deflated by a stream whose hash table has at least two entries a byte of
// text (memLevel 1-8, 512 entries to 32,768), so the hash finds the same
// matches for nearly nothing. Any zlib stream inflates with uncompress.
class PageDeflater {
 public:
  explicit PageDeflater(int mem_level) {
    ready_ = deflateInit2(&z_, 1, Z_DEFLATED, MAX_WBITS, mem_level,
                          Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~PageDeflater() {
    if (ready_) deflateEnd(&z_);
  }
  PageDeflater(const PageDeflater&) = delete;
  PageDeflater& operator=(const PageDeflater&) = delete;

  // Deflates `in` into `out` (room for compressBound bytes); false if not.
  bool deflate_into(std::string_view in, Bytef* out, uLongf* size) {
    if (!ready_ || *size > UINT32_MAX || deflateReset(&z_) != Z_OK)
      return false;
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    z_.next_out = out;
    z_.avail_out = static_cast<uInt>(*size);
    if (deflate(&z_, Z_FINISH) != Z_STREAM_END) return false;
    *size = z_.total_out;
    return true;
  }

 private:
  z_stream z_{};
  bool ready_ = false;
};

// The stream for a text of `size` bytes: the smallest memLevel whose hash
// table (2^(memLevel + 7) entries) holds two entries a byte, at most 8.
PageDeflater& page_deflater(size_t size) {
  int mem_level = 1;
  while (mem_level < 8 && (size_t{1} << (mem_level + 7)) < 2 * size)
    ++mem_level;
  thread_local std::array<std::unique_ptr<PageDeflater>, 9> deflaters;
  std::unique_ptr<PageDeflater>& d = deflaters[mem_level];
  if (!d) d = std::make_unique<PageDeflater>(mem_level);
  return *d;
}

std::string page_text_blob(std::string_view text) {
  if (text.size() < kDeflateFrom || text.size() > UINT32_MAX) return {};
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(4 + size, '\0');
  for (int i = 0; i < 4; ++i)
    out[i] = static_cast<char>((text.size() >> (8 * i)) & 0xFF);
  if (!page_deflater(text.size())
           .deflate_into(text, reinterpret_cast<Bytef*>(out.data() + 4),
                         &size) ||
      4 + size >= text.size()) {
    return {};
  }
  out.resize(4 + size);
  return out;
}

// Column `col` of `s` as page text, deflated or not. A blob that does not
// inflate throws, as any damaged row would.
std::string page_text(const Statement& s, int col) {
  if (!s.is_blob(col)) return s.text(col);
  const std::string blob = s.blob(col);
  if (blob.size() < 4) throw sqlite::Error("catalog: damaged page text");
  uLongf size = 0;
  for (int i = 0; i < 4; ++i)
    size |= static_cast<uLongf>(static_cast<unsigned char>(blob[i])) << (8 * i);
  std::string text(size, '\0');
  if (uncompress(reinterpret_cast<Bytef*>(text.data()), &size,
                 reinterpret_cast<const Bytef*>(blob.data() + 4),
                 static_cast<uLong>(blob.size() - 4)) != Z_OK ||
      size != text.size()) {
    throw sqlite::Error("catalog: damaged page text");
  }
  return text;
}

constexpr const char* kDocumentColumns =
    "id, path, sha256, size, mtime, sidecar_sha256, format, status, "
    "failure_reason, "
    "failure_detail, title, type, number, issuer, issuer_id, issue_date, "
    "signer, language, "
    "encoding, pages, source_json, overrides_json, sidecar_json, indexed_at, "
    "index_state";

std::string number_key(const std::string& display) {
  const auto n = parse_doc_number(display);
  return n ? n->key() : std::string();
}

}  // namespace

Catalog::Catalog(sqlite::Database db, bool read_only)
    : db_(std::move(db)), read_only_(read_only) {}
Catalog::~Catalog() = default;

std::unique_ptr<Catalog> Catalog::open(const std::filesystem::path& file,
                                       bool read_only, std::string* error) {
  std::string why;
  auto db = sqlite::Database::open(
      file,
      read_only ? sqlite::OpenMode::kReadOnly : sqlite::OpenMode::kReadWrite,
      &why);
  if (!db) {
    if (error) *error = "catalog: " + why;
    return nullptr;
  }
  std::unique_ptr<Catalog> c(new Catalog(std::move(*db), read_only));
  try {
    if (!read_only) {
      c->exec("PRAGMA journal_mode = WAL");
      c->exec("PRAGMA synchronous = NORMAL");
      sqlite::migrate(c->handle(), kSchema);
    }
    c->has_file_title_ = c->has_column("documents", "file_title");
  } catch (const std::exception& e) {
    if (error) *error = e.what();
    return nullptr;
  }
  return c;
}

void Catalog::exec(const char* sql) const { db_.exec(sql); }

void Catalog::begin() { exec("BEGIN IMMEDIATE"); }
void Catalog::commit() { exec("COMMIT"); }
void Catalog::rollback() { exec("ROLLBACK"); }
bool Catalog::in_transaction() const {
  return sqlite3_get_autocommit(db_.handle()) == 0;
}
void Catalog::begin_unit() { exec("SAVEPOINT unit"); }
void Catalog::release_unit() { exec("RELEASE unit"); }
void Catalog::rollback_unit() { exec("ROLLBACK TO unit; RELEASE unit"); }

int64_t Catalog::put(CatalogDocument& d,
                     const std::vector<CatalogPage>* pages) {
  const nlohmann::json source(d.source);
  if (d.id == 0) {
    Statement s(db_, "INSERT INTO documents(path, status) VALUES(?, ?)");
    s.bind(1, d.path).bind(2, d.status).run();
    d.id = db_.last_insert_rowid();
  }
  Statement s(
      db_,
      "UPDATE documents SET path=?, sha256=?, size=?, mtime=?, "
      "sidecar_sha256=?, "
      "format=?, status=?, failure_reason=?, failure_detail=?, title=?, "
      "type=?, "
      "number=?, number_key=?, issuer=?, issuer_id=?, issue_date=?, signer=?, "
      "language=?, encoding=?, pages=?, source_json=?, overrides_json=?, "
      "sidecar_json=?, indexed_at=?, index_state=?, file_title=? WHERE id=?");
  s.bind(1, d.path)
      .bind(2, d.sha256)
      .bind(3, d.size)
      .bind(4, d.mtime)
      .bind(5, d.sidecar_sha256);
  s.bind(6, d.format)
      .bind(7, d.status)
      .bind(8, d.failure_reason)
      .bind(9, d.failure_detail);
  s.bind(10, d.title)
      .bind(11, d.type)
      .bind(12, d.number)
      .bind(13, number_key(d.number));
  s.bind(14, d.issuer)
      .bind(15, d.issuer_id)
      .bind(16, d.issue_date)
      .bind(17, d.signer);
  s.bind(18, d.language)
      .bind(19, d.encoding)
      .bind(20, static_cast<int64_t>(d.pages));
  s.bind(21, source.dump()).bind(22, d.overrides_json).bind(23, d.sidecar_json);
  s.bind(24, d.indexed_at).bind(25, d.index_state).bind(27, d.id);
  if (d.file_title) s.bind(26, *d.file_title);  // else NULL: unknown
  s.run();

  Statement(db_, "DELETE FROM cites WHERE doc_id=?").bind(1, d.id).run();
  Statement(db_, "DELETE FROM tags WHERE doc_id=?").bind(1, d.id).run();
  Statement cite(
      db_,
      "INSERT INTO cites(doc_id, ord, number, number_key) VALUES(?, ?, ?, ?)");
  for (size_t i = 0; i < d.cites.size(); ++i) {
    cite.reset();
    cite.bind(1, d.id).bind(2, static_cast<int64_t>(i)).bind(3, d.cites[i]);
    cite.bind(4, number_key(d.cites[i])).run();
  }
  Statement tag(
      db_, "INSERT INTO tags(doc_id, kind, ord, value) VALUES(?, ?, ?, ?)");
  auto put_tags = [&](const std::string& kind,
                      const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      tag.reset();
      tag.bind(1, d.id)
          .bind(2, kind)
          .bind(3, static_cast<int64_t>(i))
          .bind(4, values[i])
          .run();
    }
  };
  put_tags("network", d.networks);
  put_tags("topic", d.topics);
  catalog_relations::put(db_, d);
  if (pages != nullptr) {
    Statement(db_, "DELETE FROM pages WHERE doc_id=?").bind(1, d.id).run();
    Statement page(db_,
                   "INSERT INTO pages(doc_id, page_no, text, source, "
                   "ocr_confidence, anchors) "
                   "VALUES(?, ?, ?, ?, ?, ?)");
    for (const CatalogPage& p : *pages) {
      page.reset();
      page.bind(1, d.id).bind(2, static_cast<int64_t>(p.page_no));
      if (const std::string blob = page_text_blob(p.text); !blob.empty()) {
        page.bind_blob(3, blob);
      } else {
        page.bind(3, p.text);
      }
      page.bind(4, p.source)
          .bind(5, p.ocr_confidence)
          .bind_blob(6, p.anchors)
          .run();
    }
  }
  return d.id;
}

void Catalog::set_index_state(int64_t id, const std::string& state) {
  Statement(db_, "UPDATE documents SET index_state=? WHERE id=?")
      .bind(1, state)
      .bind(2, id)
      .run();
}

void Catalog::mark_all_clean() {
  exec("UPDATE documents SET index_state='clean' WHERE index_state='dirty'");
}

void Catalog::erase(int64_t id) {
  Statement(db_, "DELETE FROM documents WHERE id=?").bind(1, id).run();
}

namespace {

CatalogDocument read_document(Statement& s, const sqlite::Database& db) {
  CatalogDocument d;
  d.id = s.integer(0);
  d.path = s.text(1);
  d.sha256 = s.text(2);
  d.size = s.integer(3);
  d.mtime = s.integer(4);
  d.sidecar_sha256 = s.text(5);
  d.format = s.text(6);
  d.status = s.text(7);
  d.failure_reason = s.text(8);
  d.failure_detail = s.text(9);
  d.title = s.text(10);
  d.type = s.text(11);
  d.number = s.text(12);
  d.issuer = s.text(13);
  d.issuer_id = s.text(14);
  d.issue_date = s.text(15);
  d.signer = s.text(16);
  d.language = s.text(17);
  d.encoding = s.text(18);
  d.pages = static_cast<int>(s.integer(19));
  try {
    d.source = nlohmann::json::parse(s.text(20))
                   .get<std::map<std::string, std::string>>();
  } catch (const nlohmann::json::exception&) {
    d.source.clear();
  }
  d.overrides_json = s.text(21);
  d.sidecar_json = s.text(22);
  d.indexed_at = s.text(23);
  d.index_state = s.text(24);
  if (s.integer(26) == 0) d.file_title = s.text(25);
  Statement c(db, "SELECT number FROM cites WHERE doc_id=? ORDER BY ord");
  c.bind(1, d.id);
  while (c.step()) d.cites.push_back(c.text(0));
  Statement t(db,
              "SELECT kind, value FROM tags WHERE doc_id=? ORDER BY kind, ord");
  t.bind(1, d.id);
  while (t.step()) {
    (t.text(0) == "network" ? d.networks : d.topics).push_back(t.text(1));
  }
  catalog_relations::read(db, d);
  return d;
}

}  // namespace

std::optional<CatalogDocument> Catalog::get(int64_t id) const {
  Statement s(
      db_,
      ("SELECT " + document_columns() + " FROM documents WHERE id=?").c_str());
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_document(s, db_);
}

std::optional<CatalogDocument> Catalog::get_by_path(
    const std::string& path) const {
  Statement s(db_,
              ("SELECT " + document_columns() + " FROM documents WHERE path=?")
                  .c_str());
  s.bind(1, path);
  if (!s.step()) return std::nullopt;
  return read_document(s, db_);
}

std::vector<CatalogDocument> Catalog::get_by_sha256(
    const std::string& sha256) const {
  std::vector<CatalogDocument> out;
  Statement s(
      db_, ("SELECT " + document_columns() + " FROM documents WHERE sha256=?")
               .c_str());
  s.bind(1, sha256);
  while (s.step()) out.push_back(read_document(s, db_));
  return out;
}

std::vector<CatalogDocument> Catalog::list(const CatalogFilter& f) const {
  std::string sql =
      "SELECT " + document_columns() + " FROM documents WHERE 1=1";
  std::vector<std::string> args;
  if (!f.status.empty()) {
    sql += " AND status=?";
    args.push_back(f.status);
  }
  if (!f.type.empty()) {
    sql += " AND lower(type)=lower(?)";
    args.push_back(f.type);
  }
  if (!f.network.empty()) {
    sql +=
        " AND id IN (SELECT doc_id FROM tags WHERE kind='network' AND value=?)";
    args.push_back(f.network);
  }
  if (!f.topic.empty()) {
    sql +=
        " AND id IN (SELECT doc_id FROM tags WHERE kind='topic' AND value=?)";
    args.push_back(f.topic);
  }
  if (!f.year.empty()) {
    sql += " AND substr(issue_date, 1, 4)=?";
    args.push_back(f.year);
  }
  if (!f.number.empty()) {
    sql += " AND number_key=?";
    args.push_back(f.number);
  }
  if (!f.path_prefix.empty()) {
    sql += " AND substr(path, 1, length(?))=?";
    args.push_back(f.path_prefix);
    args.push_back(f.path_prefix);
  }
  sql += " ORDER BY id";
  if (f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit);
  Statement s(db_, sql.c_str());
  for (size_t i = 0; i < args.size(); ++i)
    s.bind(static_cast<int>(i + 1), args[i]);
  std::vector<CatalogDocument> out;
  while (s.step()) out.push_back(read_document(s, db_));
  return out;
}

std::vector<int64_t> Catalog::ids_with_state(const std::string& state) const {
  std::vector<int64_t> out;
  Statement s(db_, "SELECT id FROM documents WHERE index_state=? ORDER BY id");
  s.bind(1, state);
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

std::vector<int64_t> Catalog::all_ids() const {
  std::vector<int64_t> out;
  Statement s(db_, "SELECT id FROM documents ORDER BY id");
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

std::vector<CatalogPage> Catalog::pages(int64_t id) const {
  std::vector<CatalogPage> out;
  Statement s(db_,
              "SELECT page_no, text, source, ocr_confidence, anchors FROM "
              "pages WHERE doc_id=? "
              "ORDER BY page_no");
  s.bind(1, id);
  while (s.step()) {
    out.push_back({static_cast<int>(s.integer(0)), page_text(s, 1), s.text(2),
                   s.real(3), s.blob(4)});
  }
  return out;
}

std::optional<CatalogPage> Catalog::page(int64_t id, int page_no) const {
  Statement s(db_,
              "SELECT page_no, text, source, ocr_confidence, anchors FROM "
              "pages WHERE doc_id=? "
              "AND page_no=?");
  s.bind(1, id).bind(2, static_cast<int64_t>(page_no));
  if (!s.step()) return std::nullopt;
  return CatalogPage{static_cast<int>(s.integer(0)), page_text(s, 1), s.text(2),
                     s.real(3), s.blob(4)};
}

std::vector<int64_t> Catalog::ids_with_number(const std::string& key) const {
  std::vector<int64_t> out;
  Statement s(db_, "SELECT id FROM documents WHERE number_key=? ORDER BY id");
  s.bind(1, key);
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

std::vector<int64_t> Catalog::ids_citing(const std::string& key) const {
  std::vector<int64_t> out;
  Statement s(
      db_,
      "SELECT DISTINCT doc_id FROM cites WHERE number_key=? ORDER BY doc_id");
  s.bind(1, key);
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

std::map<std::string, int64_t> Catalog::count_by_status() const {
  std::map<std::string, int64_t> out;
  Statement s(db_, "SELECT status, count(*) FROM documents GROUP BY status");
  while (s.step()) out[s.text(0)] = s.integer(1);
  return out;
}

int64_t Catalog::page_count() const {
  Statement s(db_, "SELECT count(*) FROM pages");
  return s.step() ? s.integer(0) : 0;
}

std::map<std::string, int64_t> Catalog::count_pages_by_source() const {
  std::map<std::string, int64_t> out;
  Statement s(db_, "SELECT source, count(*) FROM pages GROUP BY source");
  while (s.step()) out[s.text(0)] = s.integer(1);
  return out;
}

std::map<std::string, int64_t> Catalog::count_pages_by_source(
    int64_t id) const {
  std::map<std::string, int64_t> out;
  Statement s(db_,
              "SELECT source, count(*) FROM pages WHERE doc_id=? GROUP BY "
              "source");
  s.bind(1, id);
  while (s.step()) out[s.text(0)] = s.integer(1);
  return out;
}

std::vector<LowConfidencePage> Catalog::low_confidence_pages(
    double threshold) const {
  std::vector<LowConfidencePage> out;
  Statement s(db_,
              "SELECT doc_id, page_no, ocr_confidence FROM pages WHERE "
              "source='ocr' AND ocr_confidence < ? ORDER BY doc_id, page_no");
  s.bind(1, threshold);
  while (s.step()) {
    out.push_back({s.integer(0), static_cast<int>(s.integer(1)), s.real(2)});
  }
  return out;
}

bool Catalog::has_column(const char* table, const char* column) const {
  Statement s(db_, "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
  s.bind(1, std::string(table)).bind(2, std::string(column));
  return s.step();
}

std::string Catalog::document_columns() const {
  return std::string(kDocumentColumns) +
         (has_file_title_ ? ", file_title, file_title IS NULL" : ", '', 1");
}

bool Catalog::has_table(const char* name) const {
  return sqlite::has_table(db_.handle(), name);
}

std::optional<OcrCacheEntry> Catalog::ocr_cached(
    const std::string& key, const std::string& engine) const {
  if (read_only_ && !has_table("ocr_cache")) return std::nullopt;
  Statement s(db_,
              "SELECT text, confidence, seconds, created_at FROM ocr_cache "
              "WHERE key=? AND engine=?");
  s.bind(1, key).bind(2, engine);
  if (!s.step()) return std::nullopt;
  return OcrCacheEntry{key, engine, s.text(0), s.real(1), s.real(2), s.text(3)};
}

void Catalog::mark_removed(const std::string& path, const std::string& at) {
  Statement(db_,
            "INSERT OR REPLACE INTO removed_paths(path, removed_at) VALUES(?, "
            "?)")
      .bind(1, path)
      .bind(2, at)
      .run();
}

void Catalog::unmark_removed(const std::string& path) {
  Statement(db_, "DELETE FROM removed_paths WHERE path=?").bind(1, path).run();
}

std::optional<std::string> Catalog::removed_at(const std::string& path) const {
  Statement s(db_, "SELECT removed_at FROM removed_paths WHERE path=?");
  s.bind(1, path);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void Catalog::put_ocr_cache(const OcrCacheEntry& e) {
  Statement(db_,
            "INSERT OR REPLACE INTO ocr_cache(key, engine, text, confidence, "
            "seconds, created_at) VALUES(?, ?, ?, ?, ?, ?)")
      .bind(1, e.key)
      .bind(2, e.engine)
      .bind(3, e.text)
      .bind(4, e.confidence)
      .bind(5, e.seconds)
      .bind(6, e.created_at)
      .run();
}

int64_t Catalog::ocr_cache_size() const {
  if (!has_table("ocr_cache")) return 0;
  Statement s(db_, "SELECT count(*) FROM ocr_cache");
  return s.step() ? s.integer(0) : 0;
}

std::string Catalog::meta(const std::string& key) const {
  return sqlite::meta_value(db_.handle(), key);
}

void Catalog::set_meta(const std::string& key, const std::string& value) {
  sqlite::set_meta_value(db_.handle(), key, value);
}

std::vector<Catalog::FacetLabelRow> Catalog::facet_label_rows() const {
  std::vector<FacetLabelRow> rows;
  sqlite::Statement s(db_,
                      "SELECT DISTINCT type, issuer, issuer_id, number FROM "
                      "documents WHERE status != 'failed'");
  while (s.step()) rows.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return rows;
}

}  // namespace kb
