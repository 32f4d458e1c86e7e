// The fixture of the indexer's integration tests (indexer_tests): a temp
// folder with docs/ and db/, and vnkb-index run on them as a librarian would.
#ifndef VNKB_TESTS_INTEGRATION_INDEXER_FIXTURE_H_
#define VNKB_TESTS_INTEGRATION_INDEXER_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/db_layout.h"
#include "tests/integration/process.h"
#include "tests/unit/test_util.h"

namespace kb::test {

namespace fs = std::filesystem;
using nlohmann::json;

class IndexerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("vnkb-indexer-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    docs_ = root_ / "docs";
    db_ = root_ / "db";
    fs::create_directories(docs_);
  }
  void TearDown() override { fs::remove_all(root_); }

  test::RunResult index(std::vector<std::string> args) {
    std::vector<std::string> argv = {test::index_binary(), "--db", db_.string(),
                                     "--quiet"};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run(argv);
  }
  json show(const std::string& id_or_path) {
    const auto r = test::run({test::index_binary(), "--db", db_.string(),
                              "show", "--json", id_or_path},
                             false);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  }
  json list(std::vector<std::string> filters = {}) {
    std::vector<std::string> argv = {test::index_binary(),
                                     "--db",
                                     db_.string(),
                                     "--quiet",
                                     "list",
                                     "--json"};
    argv.insert(argv.end(), filters.begin(), filters.end());
    const auto r = test::run(argv, false);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  }
  void copy(const std::string& rel, const std::string& name = "") {
    fs::copy_file(
        source(rel),
        docs_ / (name.empty() ? fs::path(rel).filename().string() : name),
        fs::copy_options::overwrite_existing);
  }
  void expect_check_ok() {
    const auto r =
        test::run({test::index_binary(), "--db", db_.string(), "check"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
  }
  // Ids in the Xapian index.
  std::set<Xapian::docid> index_ids() {
    Xapian::Database db(index_path(db_).string());
    std::set<Xapian::docid> ids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      ids.insert(*it);
    return ids;
  }

  fs::path root_, docs_, db_;
};

// The positions the CLI lists for `filters`.
// Whether an `actors list --json` answer holds the entity `id`.
inline bool has_actor(const json& list, const std::string& id) {
  for (const auto& a : list) {
    if (a["id"] == id) return true;
  }
  return false;
}

inline json list_positions(const fs::path& db,
                           std::vector<std::string> filters = {}) {
  std::vector<std::string> argv = {
      test::index_binary(), "--db", db.string(), "--quiet",
      "positions",          "list", "--json"};
  argv.insert(argv.end(), filters.begin(), filters.end());
  const auto r = test::run(argv, false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return json::parse(r.out);
}

// Ids in the position index.
inline std::set<Xapian::docid> position_index_ids(const fs::path& db) {
  Xapian::Database index(positions_index_path(db).string());
  std::set<Xapian::docid> ids;
  for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it)
    ids.insert(*it);
  return ids;
}

inline std::set<Xapian::docid> ids_of(const json& positions) {
  std::set<Xapian::docid> ids;
  for (const auto& p : positions) ids.insert(p["id"].get<Xapian::docid>());
  return ids;
}

}  // namespace kb::test

#endif  // VNKB_TESTS_INTEGRATION_INDEXER_FIXTURE_H_
