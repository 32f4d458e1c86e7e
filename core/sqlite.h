// The one SQLite wrapper: a move-only connection, prepared statements, and
// the schema migration every store in the catalog database goes through.
//
// Error policy: opening a file can fail for expected reasons (missing,
// unreadable) and returns a value; every later SQLite failure (a bad
// statement, a full disk, a locked file after the busy timeout) throws
// sqlite::Error, which the per-file loop, the HTTP exception handler or
// main() reports.
//
// Text: bound with its byte length and read back with its byte length, so a
// string with embedded NUL bytes is stored whole and returned whole by every
// store alike (SQL functions such as length() or lower() still stop at the
// first NUL: do not filter on such text in SQL).
#ifndef VNKB_CORE_SQLITE_H_
#define VNKB_CORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kb::sqlite {

class Database;

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A prepared statement. Move-only; when it goes, the connection keeps it
// (reset, unbound) for the next Statement of the same SQL, as preparing
// costs more than running most statements; so an error in the SQL of one
// already prepared once (a table since dropped) shows at step(), not here.
// Parameters and columns are numbered as SQLite numbers them: parameters from
// 1, columns from 0.
class Statement {
 public:
  // Prepares the first statement of `sql` on `db` (borrowed: it must
  // outlive the statement). Throws Error.
  Statement(sqlite3* db, std::string_view sql);
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Text, embedded NULs included (see the file comment).
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, int64_t value);
  Statement& bind(int i, double value);
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_null(int i);

  // True while rows come, false when done. Throws Error.
  bool step();
  // Steps to the end (a statement that returns no rows).
  void run();
  // Makes the statement ready to run again with new bindings.
  void reset();

  // Column values of the current row; NULL reads as "", 0 or 0.0.
  std::string text(int col) const;
  std::string blob(int col) const;
  int64_t integer(int col) const;
  double real(int col) const;
  bool is_null(int col) const;
  bool is_blob(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs `sql`, which may hold several statements. Throws Error.
void exec(sqlite3* db, std::string_view sql);

// The rowid of the last row inserted on `db`.
int64_t last_insert_rowid(sqlite3* db);

// True when the database has a table named `name`.
bool has_table(sqlite3* db, std::string_view name);

enum class OpenMode {
  kReadOnly,   // never writes (the server)
  kReadWrite,  // creates the file when missing
};

// A connection. Move-only; closes itself. Not thread-safe: one per thread.
class Database {
 public:
  // Opens `file` with a 10 s busy timeout and foreign keys on. Returns
  // nullopt and sets `error` (when given) when the file cannot be opened.
  static std::optional<Database> open(const std::filesystem::path& file,
                                      OpenMode mode, std::string* error);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The connection, for stores that share it (PositionStore). Owned here.
  sqlite3* handle() const { return db_; }
  void exec(std::string_view sql) const { sqlite::exec(db_, sql); }
  Statement prepare(std::string_view sql) const { return {db_, sql}; }
  int64_t last_insert_rowid() const { return sqlite::last_insert_rowid(db_); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// One store's tables and their versions. Every store of the catalog database
// (the catalog, the position store) is brought up to date by migrate(), so
// versions are written, compared and upgraded in one place.
struct Schema {
  std::string_view name;         // for messages: "catalog", "positions"
  std::string_view version_key;  // its key in the meta table
  int version = 1;               // the version `create_sql` describes
  // The current layout. REQUIRES: idempotent (IF NOT EXISTS throughout): it
  // runs at every writable open, so a table added later with IF NOT EXISTS
  // needs no new version and older files keep working.
  std::string_view create_sql;
  // A table of the store: a file that has it but no version predates
  // versioning and is at version 1.
  std::string_view probe_table;
  // upgrades[v - 1] turns version v into v + 1 (size version - 1 when every
  // older version can be upgraded; a missing step means "re-create").
  std::vector<std::string_view> upgrades;
};

// The key/value table migrate() keeps versions in (Catalog::meta reads it).
inline constexpr std::string_view kMetaTableSql =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT "
    "NULL);";

// Brings the store's tables in `db` to `schema.version`, in one savepoint:
// upgrades an older file step by step, runs create_sql, records the version.
// Throws Error when the file's version is newer than `schema.version`, not a
// number, or has no upgrade path (the message says to re-create the folder).
void migrate(sqlite3* db, const Schema& schema);

// The value under `key` in the meta table, "" when absent.
std::string meta_value(sqlite3* db, std::string_view key);
void set_meta_value(sqlite3* db, std::string_view key, std::string_view value);

}  // namespace kb::sqlite

#endif  // VNKB_CORE_SQLITE_H_
