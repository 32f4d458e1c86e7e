// Tests of core/sqlite.h on real files: statements, the NUL-byte policy, the
// error policy and the one migration path.
#include "core/sqlite.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>

#include "tests/unit/temp_dir.h"

namespace kb {
namespace {

using sqlite::Database;
using sqlite::OpenMode;
using sqlite::Statement;

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    auto db =
        Database::open(dir_.path() / "t.sqlite", OpenMode::kReadWrite, &error);
    ASSERT_TRUE(db) << error;
    db_.emplace(std::move(*db));
  }
  sqlite3* db() { return db_->handle(); }

  test::TempDir dir_{"sqlite-test"};
  std::optional<Database> db_;
};

TEST_F(SqliteTest, TextRoundTripsWholeIncludingNulBytes) {
  db_->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, b BLOB)");
  static const std::string cases[] = {
      "",
      "plain",
      "Bộ Tài nguyên và Môi trường",
      std::string("a\0b", 3),
      std::string("\0", 1),
      std::string("trailing\0", 9),
      std::string("\0\0two leading", 13),
  };
  for (const std::string& text : cases) {
    db_->prepare("DELETE FROM t").run();
    db_->prepare("INSERT INTO t(id, v, b) VALUES(1, ?, ?)")
        .bind(1, text)
        .bind_blob(2, text)
        .run();
    Statement s = db_->prepare("SELECT v, b, typeof(v) FROM t WHERE v=?");
    s.bind(1, text);  // comparison uses the whole value too
    ASSERT_TRUE(s.step()) << testing::PrintToString(text);
    EXPECT_EQ(s.text(0), text);
    EXPECT_EQ(s.blob(1), text);
    EXPECT_EQ(s.text(2), "text");
  }
}

TEST_F(SqliteTest, EmptyViewBindsEmptyTextNotNull) {
  db_->exec("CREATE TABLE t(v TEXT NOT NULL)");
  db_->prepare("INSERT INTO t(v) VALUES(?)").bind(1, std::string_view()).run();
  Statement s = db_->prepare("SELECT v, v IS NULL FROM t");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "");
  EXPECT_EQ(s.integer(1), 0);
}

TEST_F(SqliteTest, ValuesAndNulls) {
  db_->exec("CREATE TABLE t(i INTEGER, r REAL, s TEXT)");
  db_->prepare("INSERT INTO t VALUES(?, ?, ?)")
      .bind(1, int64_t{1} << 40)
      .bind(2, 2.5)
      .bind_null(3)
      .run();
  EXPECT_EQ(db_->last_insert_rowid(), 1);
  Statement s = db_->prepare("SELECT i, r, s FROM t");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.integer(0), int64_t{1} << 40);
  EXPECT_EQ(s.real(1), 2.5);
  EXPECT_TRUE(s.is_null(2));
  EXPECT_EQ(s.text(2), "");
  EXPECT_FALSE(s.step());
}

TEST_F(SqliteTest, ResetRunsAgainWithNewBindings) {
  db_->exec("CREATE TABLE t(v INTEGER)");
  Statement insert = db_->prepare("INSERT INTO t VALUES(?)");
  for (int64_t v : {3, 1, 2}) {
    insert.reset();
    insert.bind(1, v).run();
  }
  Statement s = db_->prepare("SELECT group_concat(v) FROM t");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "3,1,2");
}

TEST_F(SqliteTest, ErrorsThrowOneType) {
  EXPECT_THROW(db_->prepare("SELECT * FROM missing"), sqlite::Error);
  EXPECT_THROW(db_->exec("NOT SQL"), sqlite::Error);
  db_->exec("CREATE TABLE t(v TEXT NOT NULL UNIQUE)");
  db_->prepare("INSERT INTO t VALUES('a')").run();
  Statement dup = db_->prepare("INSERT INTO t VALUES('a')");
  EXPECT_THROW(dup.run(), sqlite::Error);
  try {
    db_->prepare("SELECT nope FROM t");
    FAIL();
  } catch (const std::runtime_error& e) {  // sqlite::Error is one
    EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
  }
}

TEST_F(SqliteTest, StatementsAndDatabasesMove) {
  db_->exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES(7)");
  Statement a = db_->prepare("SELECT v FROM t");
  Statement b = std::move(a);
  ASSERT_TRUE(b.step());
  EXPECT_EQ(b.integer(0), 7);
  Database moved = std::move(*db_);
  EXPECT_EQ(db_->handle(), nullptr);
  EXPECT_TRUE(sqlite::has_table(moved.handle(), "t"));
}

// Statements are kept for reuse per connection (core/sqlite.cc): one taken
// again starts from its first row, without the bindings it had, and two
// alive at once never share one.
TEST_F(SqliteTest, ReusedStatementsStartFresh) {
  db_->exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES(1), (2), (3)");
  const char* sql = "SELECT v FROM t WHERE v > ? ORDER BY v";
  {
    Statement s = db_->prepare(sql);
    s.bind(1, int64_t{1});
    ASSERT_TRUE(s.step());  // left in the middle of its rows
    EXPECT_EQ(s.integer(0), 2);
  }
  Statement unbound = db_->prepare(sql);  // v > NULL: no row
  EXPECT_FALSE(unbound.step());
  Statement a = db_->prepare(sql);
  Statement b = db_->prepare(sql);
  a.bind(1, int64_t{0});
  b.bind(1, int64_t{2});
  ASSERT_TRUE(a.step());
  ASSERT_TRUE(b.step());
  EXPECT_EQ(a.integer(0), 1);
  EXPECT_EQ(b.integer(0), 3);
  ASSERT_TRUE(a.step());
  EXPECT_EQ(a.integer(0), 2);
  EXPECT_FALSE(b.step());
}

TEST_F(SqliteTest, ReusedStatementsFollowSchemaChanges) {
  db_->exec("CREATE TABLE t(v INTEGER); INSERT INTO t VALUES(1)");
  const char* sql = "SELECT * FROM t";
  {
    Statement s = db_->prepare(sql);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.integer(0), 1);
  }
  db_->exec(
      "DROP TABLE t; CREATE TABLE t(w TEXT, v INTEGER);"
      "INSERT INTO t VALUES('x', 2)");
  {
    Statement s = db_->prepare(sql);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.text(0), "x");
    EXPECT_EQ(s.integer(1), 2);
  }
  db_->exec("DROP TABLE t");
  // Kept or not, a statement of a table gone fails with the one error type.
  EXPECT_THROW(db_->prepare(sql).step(), sqlite::Error);
}

// A connection closes with statements kept for it (none may keep the file
// open), and another connection of the same file reads what it wrote.
TEST_F(SqliteTest, ClosingFinalizesKeptStatements) {
  db_->exec("CREATE TABLE t(v INTEGER)");
  for (int64_t v = 0; v < 100; ++v)
    db_->prepare("INSERT INTO t VALUES(?)").bind(1, v).run();
  for (int i = 0; i < 100; ++i)  // more different statements than are kept
    db_->prepare("SELECT " + std::to_string(i)).step();
  auto open_fds_of_file = [&] {
    int n = 0;
    for (const auto& fd :
         std::filesystem::directory_iterator("/proc/self/fd")) {
      std::error_code ec;
      if (std::filesystem::read_symlink(fd.path(), ec) ==
          dir_.path() / "t.sqlite")
        ++n;
    }
    return n;
  };
  EXPECT_GT(open_fds_of_file(), 0);
  db_.reset();
  EXPECT_EQ(open_fds_of_file(), 0);
  std::string error;
  auto again =
      Database::open(dir_.path() / "t.sqlite", OpenMode::kReadWrite, &error);
  ASSERT_TRUE(again) << error;
  Statement s = again->prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.integer(0), 100);
}

TEST(Sqlite, OpenFailuresAreValues) {
  test::TempDir dir("sqlite-open");
  std::string error;
  EXPECT_FALSE(Database::open(dir.path() / "absent.sqlite", OpenMode::kReadOnly,
                              &error));
  EXPECT_NE(error.find("absent.sqlite"), std::string::npos) << error;
  EXPECT_FALSE(Database::open(dir.path() / "no" / "such" / "dir.sqlite",
                              OpenMode::kReadWrite, nullptr));
}

// --- Migration ---------------------------------------------------------------

constexpr std::string_view kV1 =
    "CREATE TABLE IF NOT EXISTS items(id INTEGER PRIMARY KEY, name TEXT);";
constexpr std::string_view kV2 =
    "CREATE TABLE IF NOT EXISTS items(id INTEGER PRIMARY KEY, name TEXT, "
    "size INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS later(x INTEGER);";

sqlite::Schema schema_v1() {
  return {"items", "items_version", 1, kV1, "items", {}};
}
sqlite::Schema schema_v2() {
  return {"items",
          "items_version",
          2,
          kV2,
          "items",
          {"ALTER TABLE items ADD COLUMN size INTEGER NOT NULL DEFAULT 0;"}};
}

TEST_F(SqliteTest, MigrateCreatesAndRecordsTheVersion) {
  sqlite::migrate(db(), schema_v2());
  EXPECT_EQ(sqlite::meta_value(db(), "items_version"), "2");
  EXPECT_TRUE(sqlite::has_table(db(), "later"));
  // Again: nothing to do, nothing breaks.
  sqlite::migrate(db(), schema_v2());
  EXPECT_EQ(sqlite::meta_value(db(), "items_version"), "2");
}

TEST_F(SqliteTest, MigrateUpgradesStepByStep) {
  sqlite::migrate(db(), schema_v1());
  db_->prepare("INSERT INTO items(name) VALUES('kept')").run();
  sqlite::migrate(db(), schema_v2());
  EXPECT_EQ(sqlite::meta_value(db(), "items_version"), "2");
  Statement s = db_->prepare("SELECT name, size FROM items");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "kept");
  EXPECT_EQ(s.integer(1), 0);
}

TEST_F(SqliteTest, MigrateTakesAnUnversionedStoreForVersionOne) {
  db_->exec(kV1);  // as stores were made before versioning
  sqlite::migrate(db(), schema_v2());
  EXPECT_EQ(sqlite::meta_value(db(), "items_version"), "2");
  EXPECT_NO_THROW(db_->prepare("SELECT size FROM items"));
}

TEST_F(SqliteTest, MigrateRefusesWhatItCannotRead) {
  static const struct {
    const char* stored;
    int version;
  } cases[] = {{"3", 2}, {"x", 2}, {"0", 2}, {"1", 2}};
  for (const auto& c : cases) {
    db_->exec(sqlite::kMetaTableSql);
    sqlite::set_meta_value(db(), "items_version", c.stored);
    sqlite::Schema s = schema_v1();
    s.version = c.version;  // no upgrade steps: version 1 cannot be read
    EXPECT_THROW(sqlite::migrate(db(), s), sqlite::Error) << c.stored;
    // Nothing was written: the savepoint rolled back.
    EXPECT_EQ(sqlite::meta_value(db(), "items_version"), c.stored);
    EXPECT_FALSE(sqlite::has_table(db(), "items"));
  }
}

TEST_F(SqliteTest, TwoStoresKeepTheirOwnVersions) {
  sqlite::migrate(db(), schema_v2());
  sqlite::migrate(db(), {"other",
                         "other_version",
                         1,
                         "CREATE TABLE IF NOT EXISTS other(x);",
                         "other",
                         {}});
  EXPECT_EQ(sqlite::meta_value(db(), "items_version"), "2");
  EXPECT_EQ(sqlite::meta_value(db(), "other_version"), "1");
}

}  // namespace
}  // namespace kb
