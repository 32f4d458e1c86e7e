// Regression tests for issue 19, vnkb-index add on what a real folder holds:
// a symbolic link to a file outside the folder was indexed (its text became
// searchable), a link to a file of the same folder indexed it twice, FIFOs
// and dangling links were skipped without a word, a 250-byte file name or a
// link loop aborted the batch with "filesystem error", a missing path said
// only "done: 1 failed", and a rerun said "unchanged" and exited 0 while a
// file still failed.
#include <sys/stat.h>

#include <fstream>
#include <map>

#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

// The outcomes `add --json` printed, by file name.
std::map<std::string, json> outcomes_by_name(const std::string& out) {
  std::map<std::string, json> by_name;
  const size_t start = out.find('[');
  if (start == std::string::npos) return by_name;
  for (const json& o : json::parse(out.substr(start)))
    by_name[fs::path(o["path"].get<std::string>()).filename().string()] = o;
  return by_name;
}

TEST_F(IndexerTest, SymlinksInAFolderAreSkippedWithTheirReason) {
  const fs::path outside = root_ / "outside";
  fs::create_directories(outside);
  std::ofstream(outside / "secret.txt") << "Mật khẩu bí mật ngoài kho.\n";
  std::ofstream(docs_ / "note.txt") << "Ghi chú về rác thải nhựa.\n";
  fs::create_symlink(outside / "secret.txt", docs_ / "link.txt");
  fs::create_symlink("note.txt", docs_ / "same.txt");
  fs::create_symlink("nowhere.txt", docs_ / "dangling.txt");
  fs::create_directories(docs_ / "sub");
  fs::create_directory_symlink(docs_, docs_ / "sub" / "loop");
  ASSERT_EQ(::mkfifo((docs_ / "pipe.txt").c_str(), 0600), 0);

  const auto r = index({"add", "--json", docs_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto by_name = outcomes_by_name(r.out);
  for (const char* name : {"link.txt", "same.txt", "dangling.txt", "loop"}) {
    ASSERT_TRUE(by_name.count(name)) << name << "\n" << r.out;
    EXPECT_EQ(by_name[name]["action"], "skipped") << name;
    EXPECT_NE(by_name[name]["detail"].get<std::string>().find("symbolic link"),
              std::string::npos)
        << name;
  }
  ASSERT_TRUE(by_name.count("pipe.txt")) << r.out;
  EXPECT_EQ(by_name["pipe.txt"]["action"], "skipped");
  EXPECT_NE(by_name["pipe.txt"]["detail"].get<std::string>().find("pipe"),
            std::string::npos);
  // Only the one real file is in the catalog, once; nothing from outside.
  const json docs = list();
  ASSERT_EQ(docs.size(), 1u) << docs.dump();
  EXPECT_EQ(fs::path(docs[0]["path"].get<std::string>()).filename(),
            "note.txt");
}

TEST_F(IndexerTest, OneBadEntryDoesNotStopTheBatch) {
  // A name of 250 bytes leaves no room for its ".meta.json" sidecar name.
  const std::string long_name = std::string(246, 'x') + ".txt";
  std::ofstream(docs_ / long_name) << "Tên rất dài về hiệp định thương mại.\n";
  std::ofstream(docs_ / "z-last.txt") << "Tệp cuối cùng về đàm phán.\n";
  std::ofstream(docs_ / "broken.pdf") << "%PDF-1.4 no body";
  const auto r = index(
      {"add", "--json", docs_.string(), (root_ / "missing.txt").string()});
  EXPECT_EQ(r.exit_code, 1) << r.out;  // broken.pdf and the missing path
  auto by_name = outcomes_by_name(r.out);
  EXPECT_EQ(by_name[long_name]["action"], "added") << r.out;
  EXPECT_EQ(by_name["z-last.txt"]["action"], "added") << r.out;
  EXPECT_EQ(by_name["missing.txt"]["action"], "failed");
  EXPECT_EQ(by_name["missing.txt"]["detail"], "no such file or folder");
  // Without --json the librarian reads which path and why.
  const auto plain = test::run({test::index_binary(), "--db", db_.string(),
                                "add", (root_ / "missing.txt").string()});
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_NE(plain.out.find("missing.txt: no such file or folder"),
            std::string::npos)
      << plain.out;
}

TEST_F(IndexerTest, ARerunReportsFilesStillFailingAndExits1) {
  std::ofstream(docs_ / "ok.txt") << "Văn bản tốt.\n";
  std::ofstream(docs_ / "broken.pdf") << "%PDF-1.4 no body";
  EXPECT_EQ(index({"add", docs_.string()}).exit_code, 1);
  const auto again = index({"add", "--json", docs_.string()});
  EXPECT_EQ(again.exit_code, 1) << again.out;
  auto by_name = outcomes_by_name(again.out);
  EXPECT_EQ(by_name["ok.txt"]["action"], "unchanged");
  EXPECT_EQ(by_name["broken.pdf"]["action"], "failed");
  EXPECT_NE(by_name["broken.pdf"]["detail"].get<std::string>().find(
                "unchanged since the last run"),
            std::string::npos);
}

TEST_F(IndexerTest, ARemovedFileStaysRemovedUntilAddedByName) {
  // A file removed by the librarian came back at the next `add` of its
  // folder.
  std::ofstream(docs_ / "keep.txt") << "Văn bản giữ lại.\n";
  std::ofstream(docs_ / "drop.txt") << "Văn bản bỏ đi.\n";
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  ASSERT_EQ(index({"remove", (docs_ / "drop.txt").string()}).exit_code, 0);
  auto r = index({"add", "--json", docs_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto by_name = outcomes_by_name(r.out);
  EXPECT_EQ(by_name["drop.txt"]["action"], "skipped") << r.out;
  EXPECT_NE(by_name["drop.txt"]["detail"].get<std::string>().find(
                "name the file to add it again"),
            std::string::npos);
  EXPECT_EQ(list().size(), 1u);
  // Named, it comes back, and later folder walks keep it.
  EXPECT_EQ(index({"add", (docs_ / "drop.txt").string()}).exit_code, 0);
  r = index({"add", "--json", docs_.string()});
  by_name = outcomes_by_name(r.out);
  EXPECT_EQ(by_name["drop.txt"]["action"], "unchanged") << r.out;
  EXPECT_EQ(list().size(), 2u);
}

}  // namespace
}  // namespace kb::test
