// vnkb-index on a first load large enough to be compacted, through the real
// binary: every file is found, ids stay the catalog's, outcomes come in the
// order of the files while a second thread derives them, and the index stays
// writable afterwards.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/db_layout.h"
#include "core/schema.h"
#include "tests/integration/indexer_fixture.h"
#include "tests/integration/test_server.h"

namespace kb::test {
namespace {

// More than the first-load compaction threshold (kCompactAfterDocuments).
constexpr int kFiles = 1100;

ino_t inode_of(const fs::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

void write_articles(const fs::path& dir, int count) {
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "dieu-%04d.txt", i);
    std::ofstream(dir / name)
        << "Điều " << i << ". Bảo vệ rừng ngập mặn số " << i
        << "\nNhà nước giao rừng cho cộng đồng dân cư thôn " << i << ".\n";
  }
}

TEST_F(IndexerTest, FirstLoadIsCompactedKeepsIdsAndOrder) {
  write_articles(docs_, kFiles);
  std::ofstream(docs_ / "dieu-0500-empty.txt");  // fails: an empty file
  const auto r = test::run({test::index_binary(), "--db", db_.string(),
                            "--quiet", "add", "--json", docs_.string()},
                           false);     // stdout only
  EXPECT_EQ(r.exit_code, 1) << r.out;  // the empty file
  const json outcomes = json::parse(r.out);
  ASSERT_EQ(outcomes.size(), static_cast<size_t>(kFiles + 1));
  // In the order of the files, each with its own id.
  std::string last;
  for (const json& o : outcomes) {
    const std::string path = o["path"];
    EXPECT_LT(last, path);
    last = path;
    if (path.find("empty") != std::string::npos) {
      EXPECT_EQ(o["action"], "failed");
    } else {
      EXPECT_EQ(o["action"], "added") << path;
    }
  }
  for (const char* left : {".compact", ".old"})
    EXPECT_FALSE(fs::exists(index_path(db_).string() + left)) << left;
  {
    Xapian::Database db(index_path(db_).string());
    EXPECT_EQ(db.get_doccount(), static_cast<Xapian::doccount>(kFiles));
    EXPECT_EQ(db.get_termfreq("ngập"), static_cast<Xapian::doccount>(kFiles));
    // The document under id N is the file the catalog gives id N.
    const json doc = show((docs_ / "dieu-0777.txt").string());
    const auto id = doc["id"].get<Xapian::docid>();
    EXPECT_EQ(
        schema::DocumentData::from_json(db.get_document(id).get_data()).id,
        static_cast<int64_t>(id));
    bool found = false;
    for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t)
      found = found || *t == "777";
    EXPECT_TRUE(found);
  }
  expect_check_ok();

  // Still writable: one more file, no compaction (the index was not empty).
  std::ofstream(docs_ / "zz-last.txt") << "Điều cuối về đất đai.\n";
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 1);  // the empty one
  EXPECT_EQ(index_ids().size(), static_cast<size_t>(kFiles + 1));
  expect_check_ok();
}

TEST_F(IndexerTest, NoCompactionWhileAServerReadsTheFolder) {
  // An empty index (the one file fails) that a server holds open, then a
  // first load: swapping the index folder would make the server read the
  // new revision through the old files, so the folder stays, and the server
  // sees every document.
  const fs::path empty_dir = root_ / "empty";
  fs::create_directories(empty_dir);
  std::ofstream(empty_dir / "empty.txt");
  ASSERT_EQ(index({"add", empty_dir.string()}).exit_code, 1);
  ASSERT_TRUE(fs::exists(readers_lock_path(db_)));
  const ino_t before = inode_of(index_path(db_));
  ASSERT_NE(before, 0u);
  write_articles(docs_, kFiles);
  {
    TestServer server(db_);
    ASSERT_GT(server.port(), 0);
    ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
    EXPECT_EQ(inode_of(index_path(db_)), before) << "swapped under a reader";
    const auto r = server.get("/api/search?q=ng%E1%BA%ADp+m%E1%BA%B7n");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(json::parse(r->body)["total"], kFiles) << r->body;
  }
  expect_check_ok();

  // The same load with no reader is compacted: a new folder.
  fs::remove_all(db_);
  ASSERT_EQ(index({"add", empty_dir.string()}).exit_code, 1);
  const ino_t empty_index = inode_of(index_path(db_));
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  EXPECT_NE(inode_of(index_path(db_)), empty_index);
  expect_check_ok();
}

}  // namespace
}  // namespace kb::test
