// The SQLite wrapper and the one migration path; see sqlite.h.
#include "core/sqlite.h"

#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kb::sqlite {
namespace {

// Prepared statements kept for reuse, per connection opened by Database:
// preparing (SQLite's parser and code generator) cost more than running the
// statement in the indexer's per-document reads and writes. A statement is
// taken out while a Statement holds it, so two Statements never share one;
// it comes back reset, without bindings. Connections not opened by Database
// (a raw handle) have no cache: their statements are finalized as before.
class StatementCache {
 public:
  // Keeps this many statements per connection, the least recently used
  // dropped first (SQL built from filters varies without end).
  static constexpr size_t kPerConnection = 48;

  static StatementCache& instance() {
    static StatementCache* cache = new StatementCache();  // never destroyed
    return *cache;
  }

  void open(sqlite3* db) {
    const std::lock_guard lock(mutex_);
    kept_[db];
  }

  // Finalizes every statement kept for `db`, which is about to close.
  void close(sqlite3* db) {
    std::vector<Kept> drop;
    {
      const std::lock_guard lock(mutex_);
      const auto it = kept_.find(db);
      if (it == kept_.end()) return;
      drop = std::move(it->second);
      kept_.erase(it);
    }
    for (Kept& k : drop) sqlite3_finalize(k.stmt);
  }

  sqlite3_stmt* take(sqlite3* db, std::string_view sql) {
    const std::lock_guard lock(mutex_);
    const auto it = kept_.find(db);
    if (it == kept_.end()) return nullptr;
    std::vector<Kept>& v = it->second;
    for (size_t i = v.size(); i-- > 0;) {
      if (v[i].sql != sql) continue;
      sqlite3_stmt* stmt = v[i].stmt;
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
      return stmt;
    }
    return nullptr;
  }

  // Keeps `stmt` for `db`, or finalizes it when `db` has no cache.
  void give_back(sqlite3* db, sqlite3_stmt* stmt) {
    if (stmt == nullptr) return;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    sqlite3_stmt* drop = stmt;
    {
      const std::lock_guard lock(mutex_);
      const auto it = kept_.find(db);
      const char* sql = sqlite3_sql(stmt);
      if (it != kept_.end() && sql != nullptr) {
        std::vector<Kept>& v = it->second;
        v.push_back({sql, stmt});
        drop = nullptr;
        if (v.size() > kPerConnection) {
          drop = v.front().stmt;
          v.erase(v.begin());
        }
      }
    }
    sqlite3_finalize(drop);
  }

 private:
  struct Kept {
    std::string sql;  // as prepared (sqlite3_sql)
    sqlite3_stmt* stmt;
  };
  std::mutex mutex_;
  std::unordered_map<sqlite3*, std::vector<Kept>> kept_;
};

[[noreturn]] void fail(sqlite3* db, std::string_view context) {
  throw Error("sqlite: " + std::string(db ? sqlite3_errmsg(db) : "no memory") +
              (context.empty() ? "" : " in: ") + std::string(context));
}

// SQLite reads a null pointer as SQL NULL, even with length 0: an empty
// std::string_view must still bind the empty string.
const char* non_null(std::string_view s) { return s.data() ? s.data() : ""; }

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  stmt_ = StatementCache::instance().take(db, sql);
  if (stmt_ != nullptr) return;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    fail(db, sql);
  }
}

Statement::Statement(const Database& db, std::string_view sql)
    : Statement(db.handle(), sql) {}

Statement::~Statement() { StatementCache::instance().give_back(db_, stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    StatementCache::instance().give_back(db_, stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, non_null(text), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int i, int64_t value) {
  sqlite3_bind_int64(stmt_, i, value);
  return *this;
}

Statement& Statement::bind(int i, double value) {
  sqlite3_bind_double(stmt_, i, value);
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, i, non_null(bytes), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  // sqlite3_column_bytes after sqlite3_column_text: the length of the UTF-8
  // form, NULs included.
  const auto* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string(static_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int64_t Statement::integer(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

double Statement::real(int col) const {
  return sqlite3_column_double(stmt_, col);
}

bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

bool Statement::is_blob(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_BLOB;
}

void exec(sqlite3* db, std::string_view sql) {
  const std::string nul_terminated(sql);
  char* msg = nullptr;
  if (sqlite3_exec(db, nul_terminated.c_str(), nullptr, nullptr, &msg) !=
      SQLITE_OK) {
    const std::string m = msg ? msg : sqlite3_errmsg(db);
    sqlite3_free(msg);
    throw Error("sqlite: " + m);
  }
}

bool has_table(sqlite3* db, std::string_view name) {
  Statement s(db, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  s.bind(1, name);
  return s.step();
}

std::optional<Database> Database::open(const std::filesystem::path& file,
                                       OpenMode mode, std::string* error) {
  sqlite3* db = nullptr;
  const int flags = mode == OpenMode::kReadOnly
                        ? SQLITE_OPEN_READONLY
                        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(file.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    if (error) {
      *error = "cannot open " + file.string() + ": " +
               (db ? sqlite3_errmsg(db) : "out of memory");
    }
    sqlite3_close_v2(db);
    return std::nullopt;
  }
  Database out(db);
  StatementCache::instance().open(db);
  sqlite3_busy_timeout(db, 10000);
  try {
    out.exec("PRAGMA foreign_keys = ON");
  } catch (const Error& e) {
    if (error) *error = "cannot open " + file.string() + ": " + e.what();
    return std::nullopt;
  }
  return out;
}

Database::~Database() {
  StatementCache::instance().close(db_);
  sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    StatementCache::instance().close(db_);
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

int64_t last_insert_rowid(sqlite3* db) { return sqlite3_last_insert_rowid(db); }

std::string meta_value(sqlite3* db, std::string_view key) {
  Statement s(db, "SELECT value FROM meta WHERE key=?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

void set_meta_value(sqlite3* db, std::string_view key, std::string_view value) {
  Statement(db,
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO "
            "UPDATE SET value=excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

namespace {

// The stored version of `schema`: 0 for a new file, 1 for a file from
// before versioning.
int stored_version(sqlite3* db, const Schema& schema) {
  const std::string stored = meta_value(db, schema.version_key);
  if (stored.empty()) return has_table(db, schema.probe_table) ? 1 : 0;
  int v = 0;
  for (char c : stored) {
    if (c < '0' || c > '9' || v > 100000) {
      v = -1;
      break;
    }
    v = v * 10 + (c - '0');
  }
  if (v <= 0) {
    throw Error(std::string(schema.name) + " schema version '" + stored +
                "' is not a number; re-create the database");
  }
  return v;
}

void migrate_in_savepoint(sqlite3* db, const Schema& schema) {
  const int from = stored_version(db, schema);
  const std::string want = std::to_string(schema.version);
  if (from > schema.version) {
    throw Error(std::string(schema.name) + " schema version " +
                std::to_string(from) + " is not " + want +
                "; re-create the database");
  }
  if (from > 0) {
    for (int v = from; v < schema.version; ++v) {
      if (static_cast<size_t>(v) > schema.upgrades.size()) {
        throw Error(std::string(schema.name) + " schema version " +
                    std::to_string(from) + " is not " + want +
                    "; re-create the database");
      }
      exec(db, schema.upgrades[static_cast<size_t>(v - 1)]);
    }
  }
  exec(db, schema.create_sql);
  if (meta_value(db, schema.version_key) != want)
    set_meta_value(db, schema.version_key, want);
}

}  // namespace

void migrate(sqlite3* db, const Schema& schema) {
  exec(db, kMetaTableSql);
  exec(db, "SAVEPOINT vnkb_migrate");
  try {
    migrate_in_savepoint(db, schema);
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK TO vnkb_migrate; RELEASE vnkb_migrate", nullptr,
                 nullptr, nullptr);
    throw;
  }
  exec(db, "RELEASE vnkb_migrate");
}

}  // namespace kb::sqlite
