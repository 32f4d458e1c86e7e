// vnkb-index on real files, through the real binary, with a real catalog and
// index in a temp dir: add, incremental updates, failures, prune, remove,
// librarian overrides, reindex, check, and kill -9 in the middle of a run.
// OCR and positions have their own files (indexer_ocr_test.cc,
// indexer_positions_test.cc).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/schema.h"
#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

TEST_F(IndexerTest, AddsRealFilesAndShowsTheirMetadata) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt");
  copy("corpus/pdf/vbpl-000217.pdf");
  copy("corpus/vbpl/vbpl-000271.html");
  const auto r = index({"add", docs_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json docs = list();
  ASSERT_EQ(docs.size(), 3u);
  const json pdf = show((docs_ / "vbpl-000217.pdf").string());
  for (const char* key :
       {"id", "path", "title", "type", "number", "issuer", "issue_date",
        "signer", "cites", "networks", "topics", "pages", "language", "sha256",
        "indexed_at", "status", "source"}) {
    EXPECT_TRUE(pdf.contains(key)) << key;
  }
  EXPECT_EQ(pdf["status"], "indexed");
  EXPECT_EQ(pdf["pages"], 7);
  EXPECT_EQ(pdf["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(index_ids().size(), 3u);
  expect_check_ok();
}

// Researchers know documents by number: `show` takes one, spelled as typed,
// and says what the collection holds about a number it lacks.
TEST_F(IndexerTest, ShowFindsADocumentByItsNumber) {
  copy("corpus/pdf/vbpl-000217.pdf");             // 30/2025/QĐ-TTg
  copy("corpus/seeds/004_cf0b71758d62ef38.txt");  // mentions 1407/QĐ-TTg
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const json by_path = show((docs_ / "vbpl-000217.pdf").string());
  const json by_number = show("30/2025/QD-TTg");
  EXPECT_EQ(by_number["id"], by_path["id"]);
  EXPECT_EQ(by_number["number"], "30/2025/QĐ-TTg");

  auto r = test::run({test::index_binary(), "--db", db_.string(), "show",
                      "--json", "1407/QĐ-TTg"},
                     false);
  EXPECT_EQ(r.exit_code, 1);
  const json absent = json::parse(r.out);
  EXPECT_EQ(absent["in_collection"], false);
  EXPECT_EQ(absent["number"], "1407/QĐ-TTg");
  const json seed = show((docs_ / "004_cf0b71758d62ef38.txt").string());
  ASSERT_FALSE(absent["related_by"].empty());
  EXPECT_EQ(absent["related_by"][0]["id"], seed["id"]);
  EXPECT_EQ(absent["related_by"][0]["kind"], "mentions");
  r = test::run(
      {test::index_binary(), "--db", db_.string(), "show", "1407/QĐ-TTg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("not in the collection"), std::string::npos) << r.out;

  // Two files with one number: both are listed, to be shown by id.
  copy("corpus/pdf/vbpl-000217.pdf", "copy.pdf");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  r = test::run(
      {test::index_binary(), "--db", db_.string(), "show", "30/2025/QĐ-TTg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("2 documents have the number 30/2025/QĐ-TTg"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("copy.pdf"), std::string::npos) << r.out;

  r = test::run(
      {test::index_binary(), "--db", db_.string(), "show", "no-such-thing"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no document with id, path or number 'no-such-thing'"),
            std::string::npos)
      << r.out;
}

TEST_F(IndexerTest, IncrementalByContent) {
  copy("corpus/seeds/000_608b69289030cac0.txt", "a.txt");
  copy("corpus/seeds/001_30a2fdfd7d4e0202.txt", "b.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const json before = show((docs_ / "a.txt").string());

  // Unchanged files are skipped; a touched but identical file too.
  fs::last_write_time(docs_ / "b.txt", fs::file_time_type::clock::now());
  auto r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  EXPECT_NE(r.out.find("2 unchanged"), std::string::npos) << r.out;

  // A changed file is replaced under the same id.
  std::ofstream(docs_ / "a.txt", std::ios::app)
      << "\nĐoạn mới về rừng ngập mặn.\n";
  r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  EXPECT_NE(r.out.find("1 updated"), std::string::npos) << r.out;
  const json after = show((docs_ / "a.txt").string());
  EXPECT_EQ(after["id"], before["id"]);
  EXPECT_NE(after["sha256"], before["sha256"]);
  Xapian::Database db(index_path(db_).string());
  EXPECT_EQ(db.get_termfreq("ngập"), 1u);

  // --force re-reads.
  r = test::run({test::index_binary(), "--db", db_.string(), "add", "--force",
                 docs_.string()});
  EXPECT_NE(r.out.find("2 updated"), std::string::npos) << r.out;
  EXPECT_EQ(list().size(), 2u);
  expect_check_ok();
}

TEST_F(IndexerTest, FailuresAreKeptAndTheRestIsIndexed) {
  copy("corpus/seeds/002_8887ebef5e683073.txt");
  {
    std::ifstream in(source("corpus/pdf/vbpl-000100.pdf"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(docs_ / "truncated.pdf", std::ios::binary)
        << bytes.substr(0, 2000);
  }
  std::ofstream(docs_ / "empty.txt").close();
  const auto r = index({"add", docs_.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("truncated.pdf"), std::string::npos) << r.out;
  const json failed = list({"--failed"});
  ASSERT_EQ(failed.size(), 2u);
  std::set<std::string> reasons;
  for (const auto& d : failed)
    reasons.insert(d["failure"]["reason"].get<std::string>());
  EXPECT_EQ(reasons, (std::set<std::string>{"damaged", "empty"}));
  EXPECT_EQ(list({"--status", "indexed"}).size(), 1u);
  EXPECT_EQ(index_ids().size(), 1u);
  expect_check_ok();

  // A file given by name that is not a document fails as unsupported.
  std::ofstream(root_ / "image.png", std::ios::binary)
      << "\x89PNG\r\n\x1a\n0000";
  const auto png = index({"add", (root_ / "image.png").string()});
  EXPECT_EQ(png.exit_code, 1);
  EXPECT_NE(png.out.find("unsupported type"), std::string::npos) << png.out;
  EXPECT_EQ(index({"add", (root_ / "missing.pdf").string()}).exit_code, 1);
}

TEST_F(IndexerTest, PruneRemoveAndMove) {
  copy("corpus/seeds/000_608b69289030cac0.txt", "a.txt");
  copy("corpus/seeds/001_30a2fdfd7d4e0202.txt", "b.txt");
  copy("corpus/seeds/002_8887ebef5e683073.txt", "c.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const int64_t id_c = show((docs_ / "c.txt").string())["id"];

  // A moved file keeps its id.
  fs::create_directories(docs_ / "sub");
  fs::rename(docs_ / "c.txt", docs_ / "sub" / "c.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  EXPECT_EQ(show((docs_ / "sub" / "c.txt").string())["id"], id_c);

  // --prune drops entries whose files are gone.
  fs::remove(docs_ / "b.txt");
  ASSERT_EQ(index({"add", "--prune", docs_.string()}).exit_code, 0);
  EXPECT_EQ(list().size(), 2u);

  // remove by id and by path; unknown ones are reported.
  const int64_t id_a = show((docs_ / "a.txt").string())["id"];
  EXPECT_EQ(index({"remove", std::to_string(id_a)}).exit_code, 0);
  EXPECT_EQ(index({"remove", (docs_ / "sub" / "c.txt").string()}).exit_code, 0);
  EXPECT_EQ(list().size(), 0u);
  EXPECT_TRUE(index_ids().empty());
  EXPECT_EQ(index({"remove", "9999"}).exit_code, 1);
  expect_check_ok();
}

TEST_F(IndexerTest, LibrarianOverridesWinAndSurviveReindexing) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt", "plastics.txt");
  copy("corpus/seeds/003_931c19f7e019d404.txt", "minerals.txt");
  std::ofstream(docs_ / "minerals.meta.json")
      << R"({"title": "Chương trình hội thảo chia sẻ giữa các liên minh", "date": "9/9/2021"})";
  ASSERT_EQ(index({"add", (docs_ / "minerals.txt").string()}).exit_code, 0);
  auto r = index({"add", "--number", "1407/QD-TTg", "--date", "16/8/2021",
                  "--type", "Tin bài", (docs_ / "plastics.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;

  json p = show((docs_ / "plastics.txt").string());
  EXPECT_EQ(p["number"], "1407/QĐ-TTg");
  EXPECT_EQ(p["issue_date"], "2021-08-16");
  EXPECT_EQ(p["type"], "Tin bài");
  EXPECT_EQ(p["source"]["number"], "librarian");
  // Each field says where it came from: the rule that read it.
  EXPECT_EQ(p["title"], "Thỏa thuận toàn cầu về ô nhiễm nhựa Đại dương");
  EXPECT_EQ(p["source"]["title"],
            "extracted: repeated heading after site chrome");
  EXPECT_EQ(p["source"]["type"], "librarian");
  json m = show((docs_ / "minerals.txt").string());
  EXPECT_EQ(m["title"], "Chương trình hội thảo chia sẻ giữa các liên minh");
  EXPECT_EQ(m["issue_date"], "2021-09-09");
  EXPECT_EQ(m["source"]["title"], "librarian");

  // Re-reading the file and rebuilding the index keep the corrections.
  ASSERT_EQ(index({"add", "--force", docs_.string()}).exit_code, 0);
  ASSERT_EQ(index({"reindex"}).exit_code, 0);
  p = show((docs_ / "plastics.txt").string());
  EXPECT_EQ(p["number"], "1407/QĐ-TTg");
  EXPECT_EQ(p["type"], "Tin bài");
  m = show((docs_ / "minerals.txt").string());
  EXPECT_EQ(m["issue_date"], "2021-09-09");
  Xapian::Database db(index_path(db_).string());
  EXPECT_EQ(db.get_termfreq("XNUM1407/qd-ttg"), 1u);
  expect_check_ok();

  // Bad values are usage errors that change nothing.
  EXPECT_EQ(
      index({"add", "--date", "31/31/2021", (docs_ / "plastics.txt").string()})
          .exit_code,
      2);
  // Not a day of the calendar (issue 19: accepted before).
  for (const char* date : {"31/02/2024", "2023-02-29", "2024-04-31"}) {
    EXPECT_EQ(index({"add", "--date", date, (docs_ / "plastics.txt").string()})
                  .exit_code,
              2)
        << date;
  }
  EXPECT_EQ(index({"add", "--number", "not a number",
                   (docs_ / "plastics.txt").string()})
                .exit_code,
            2);
  r = index({"add", "--network", "no-such-network",
             (docs_ / "plastics.txt").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("known:"), std::string::npos) << r.out;
  EXPECT_EQ(show((docs_ / "plastics.txt").string())["issue_date"],
            "2021-08-16");
}

// The seeds titled and dated from their text, never by their file names;
// `show` says where each field came from; a librarian's month-precise date
// replaces the extracted one and keeps its precision.
TEST_F(IndexerTest, SeedsShowTheirHeadingsAndDatesAndWhereTheyCameFrom) {
  for (const char* seed :
       {"000_608b69289030cac0.txt", "001_30a2fdfd7d4e0202.txt",
        "002_8887ebef5e683073.txt", "003_931c19f7e019d404.txt",
        "004_cf0b71758d62ef38.txt"}) {
    copy(std::string("corpus/seeds/") + seed);
  }
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  for (const json& d : list()) {
    const std::string title = d["title"];
    EXPECT_EQ(title.find('_'), std::string::npos) << title;
  }
  json npap = show((docs_ / "002_8887ebef5e683073.txt").string());
  EXPECT_EQ(npap["title"],
            "Triển khai các hoạt động thực hiện nhiệm vụ Chương trình đối tác "
            "hành động quốc gia về nhựa (NPAP)");
  EXPECT_EQ(npap["issue_date"], "2024-03-11");
  EXPECT_EQ(npap["source"]["issue_date"], "extracted: dateline");
  const auto text =
      test::run({test::index_binary(), "--db", db_.string(), "show",
                 (docs_ / "002_8887ebef5e683073.txt").string()},
                false);
  EXPECT_NE(text.out.find("2024-03-11  (extracted: dateline)"),
            std::string::npos)
      << text.out;
  // The decisions the pages discuss, each with its sentence and page.
  const auto mentions = [&](const char* seed, const std::string& number) {
    const json shown = show((docs_ / seed).string());
    for (const json& r : shown["relations"]) {
      if (r["kind"] == "mentions" && r["number"] == number && r["page"] == 1 &&
          !r["sentence"].get<std::string>().empty()) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(mentions("002_8887ebef5e683073.txt", "538/QĐ-BTNMT"));
  EXPECT_TRUE(mentions("004_cf0b71758d62ef38.txt", "1407/QĐ-TTg"));
  EXPECT_NE(text.out.find("mentions    538/QĐ-BTNMT  p. 1"), std::string::npos)
      << text.out;

  const std::string isge = (docs_ / "001_30a2fdfd7d4e0202.txt").string();
  EXPECT_EQ(show(isge)["issue_date"], "2005-06");
  EXPECT_EQ(show(isge)["source"]["issue_date"], "extracted: month line");
  ASSERT_EQ(index({"add", "--date", "2005-07", isge}).exit_code, 0);
  EXPECT_EQ(show(isge)["issue_date"], "2005-07");
  EXPECT_EQ(show(isge)["source"]["issue_date"], "librarian");
  EXPECT_EQ(index({"add", "--date", "2005-13", isge}).exit_code, 2);
  // A month is found by its year.
  EXPECT_EQ(list({"--year", "2005"}).size(), 1u);
}

TEST_F(IndexerTest, AnIndexFromAnotherSchemaIsRebuilt) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt", "plastics.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  {
    Xapian::WritableDatabase db(index_path(db_).string(), Xapian::DB_OPEN);
    db.set_metadata("vnkb:schema", "1");
    db.commit();
  }
  const auto checked =
      test::run({test::index_binary(), "--db", db_.string(), "check"});
  EXPECT_NE(checked.exit_code, 0);
  // The librarian is told what happened and what to do.
  EXPECT_NE(checked.out.find("schema 1, this one " +
                             std::string(schema::kSchemaVersion) +
                             "): `vnkb-index reindex`"),
            std::string::npos)
      << checked.out;
  const auto r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("rebuilding it from the catalog"), std::string::npos)
      << r.out;
  expect_check_ok();
}

TEST_F(IndexerTest, UsageErrors) {
  EXPECT_EQ(index({}).exit_code, 2);
  EXPECT_EQ(index({"add"}).exit_code, 2);
  EXPECT_EQ(index({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(index({"list", "--number", "x"}).exit_code, 2);
  const auto r =
      test::run({test::index_binary(), "--db", db_.string(), "show", "1"});
  EXPECT_EQ(r.exit_code, 1);  // nothing added yet: a clear message, not a crash
}

TEST_F(IndexerTest, CheckFindsDifferencesAndReindexRepairs) {
  copy("corpus/seeds/000_608b69289030cac0.txt", "a.txt");
  copy("corpus/seeds/001_30a2fdfd7d4e0202.txt", "b.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  {
    // Damage the index behind the indexer's back.
    Xapian::WritableDatabase db(index_path(db_).string());
    db.delete_document(*index_ids().begin());
    db.add_document(Xapian::Document());
    db.commit();
  }
  const auto r =
      test::run({test::index_binary(), "--db", db_.string(), "check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("missing from the index"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("does not list"), std::string::npos) << r.out;
  ASSERT_EQ(index({"reindex"}).exit_code, 0);
  expect_check_ok();
  EXPECT_EQ(index_ids().size(), 2u);
}

// kill -9 at several points of a large run: the next run finishes the work,
// check passes, and every file is there exactly once.
TEST_F(IndexerTest, KilledMidRunLeavesNothingInconsistent) {
  // 400 distinct real-text files: the seed texts, each with its own line.
  std::vector<std::string> seeds;
  for (const auto& e : fs::directory_iterator(source("corpus/seeds"))) {
    std::ifstream in(e.path());
    seeds.emplace_back((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
  }
  constexpr int kFiles = 400;
  for (int i = 0; i < kFiles; ++i) {
    std::ofstream(docs_ / ("doc-" + std::to_string(i) + ".txt"))
        << seeds[i % seeds.size()] << "\nBản sao số " << i << "\n";
  }
  for (int round = 0; round < 3; ++round) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string bin = test::index_binary();
      const std::string db = db_.string(), docs = docs_.string();
      ::execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--quiet", "add",
              "--force", docs.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Round 0: kill once the catalog holds 60 rows (mid first pass). Later
    // rounds re-read everything (--force): kill after a growing delay.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(60);
    if (round == 0) {
      for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::string error;
        if (auto c = Catalog::open(catalog_path(db_), true, &error)) {
          int64_t n = 0;
          try {
            for (const auto& [s, k] : c->count_by_status()) n += k;
          } catch (const std::exception&) {
          }
          if (n >= 60) break;
        }
        if (std::chrono::steady_clock::now() > deadline) break;
      }
    } else {
      std::this_thread::sleep_for(
          std::chrono::milliseconds(round == 1 ? 300 : 1100));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  // The next run finishes the job.
  const auto r = index({"add", docs_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  expect_check_ok();
  const json docs = list();
  EXPECT_EQ(docs.size(), static_cast<size_t>(kFiles));
  std::set<std::string> paths;
  for (const auto& d : docs) paths.insert(d["path"].get<std::string>());
  EXPECT_EQ(paths.size(), static_cast<size_t>(kFiles));
  EXPECT_EQ(index_ids().size(), static_cast<size_t>(kFiles));
}

}  // namespace
}  // namespace kb::test
