// vnkb-index on real files, through the real binary, with a real catalog and
// index in a temp dir: add, incremental updates, failures, prune, remove,
// librarian overrides, reindex, check, and kill -9 in the middle of a run.
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
#include <thread>

#include "core/catalog.h"
#include "tests/integration/process.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::source;

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
    Xapian::Database db((db_ / "xapian").string());
    std::set<Xapian::docid> ids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      ids.insert(*it);
    return ids;
  }

  fs::path root_, docs_, db_;
};

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
  Xapian::Database db((db_ / "xapian").string());
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

TEST_F(IndexerTest, NeedsOcrIsListedWhenOcrIsOff) {
  copy("tests/data/extract/scanned-page.pdf");
  ASSERT_EQ(index({"add", "--ocr=never", docs_.string()}).exit_code, 0);
  const json ocr = list({"--needs-ocr"});
  ASSERT_EQ(ocr.size(), 1u);
  EXPECT_EQ(ocr[0]["pages"], 1);
  EXPECT_EQ(ocr[0]["needs_ocr"]["reason"], "ocr-not-run");
  EXPECT_EQ(index_ids().size(), 1u);  // in the index, without text
  json d = show((docs_ / "scanned-page.pdf").string());
  EXPECT_EQ(d["page_info"][0]["source"], "none");
  EXPECT_FALSE(d["page_info"][0].contains("ocr_confidence"));
  expect_check_ok();

  // Unchanged, the file is read again once OCR is on: its page was never
  // tried.
  const auto r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 updated"), std::string::npos) << r.out;
  d = show((docs_ / "scanned-page.pdf").string());
  EXPECT_EQ(d["status"], "indexed");
  EXPECT_EQ(d["number"], "09/2025/QĐ-TTg");
  EXPECT_EQ(d["page_info"][0]["source"], "ocr");
  EXPECT_TRUE(list({"--needs-ocr"}).empty());
  expect_check_ok();
}

// The "done when" of OCR: the scanned decision, added with the default
// options, is found by words of its body and by its number, with its
// metadata filled.
TEST_F(IndexerTest, ScannedDecisionIsReadAndFoundByItsWordsAndNumber) {
  copy("corpus/scanned/09-2025-QD-TTg.pdf");
  const auto r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("3 by OCR (0 from cache)"), std::string::npos) << r.out;
  const json d = show((docs_ / "09-2025-QD-TTg.pdf").string());
  EXPECT_EQ(d["status"], "indexed");
  EXPECT_EQ(d["type"], "Quyết định");
  EXPECT_EQ(d["number"], "09/2025/QĐ-TTg");
  EXPECT_EQ(d["issuer"], "Thủ tướng Chính phủ");
  EXPECT_EQ(d["issue_date"], "2025-04-14");
  EXPECT_TRUE(list({"--needs-ocr"}).empty());
  ASSERT_EQ(d["page_info"].size(), 3u);
  for (const auto& p : d["page_info"]) {
    EXPECT_EQ(p["source"], "ocr");
    EXPECT_GT(p["ocr_confidence"].get<double>(), 80);
  }
  // Existing keys keep their meaning next to the page details.
  EXPECT_EQ(d["pages"], 3);

  Xapian::Database db((db_ / "xapian").string());
  const auto hits = [&](const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    std::vector<Xapian::docid> ids;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    return ids;
  };
  const std::vector<Xapian::docid> expected = {
      static_cast<Xapian::docid>(d["id"].get<int64_t>())};
  // By its number: the number entity of any spelling is "9/2025/qd-ttg".
  EXPECT_EQ(hits(Xapian::Query("XNUM9/2025/qd-ttg")), expected);
  // By a phrase of its body ("mã định danh điện tử", page 1).
  const std::vector<std::string> phrase = {"mã", "định", "danh", "điện", "tử"};
  EXPECT_EQ(hits(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(),
                               phrase.end())),
            expected);
  // And, unaccented (the folded tier), a word of its last page ("Viện
  // kiểm sát nhân dân tối cao").
  EXPECT_EQ(hits(Xapian::Query("Zkiem")), expected);
  expect_check_ok();

  // show prints each page's source and confidence.
  const auto text = test::run(
      {test::index_binary(), "--db", db_.string(), "show", "1"}, false);
  EXPECT_NE(text.out.find("sources     OCR: 1-3"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("OCR, confidence 9"), std::string::npos) << text.out;
}

TEST_F(IndexerTest, OcrResultsAreCachedAndForceReadsAgain) {
  copy("tests/data/extract/scanned-page.pdf");
  const auto add = [&](std::vector<std::string> args) {
    std::vector<std::string> argv = {test::index_binary(), "--db", db_.string(),
                                     "add"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(docs_.string());
    return test::run(argv);
  };
  const auto page_text = [&] {
    std::string error;
    auto catalog = Catalog::open(db_ / "catalog.sqlite", true, &error);
    EXPECT_TRUE(catalog) << error;
    return catalog ? catalog->page(1, 1).value_or(CatalogPage()).text
                   : std::string();
  };
  auto r = add({});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 by OCR (0 from cache)"), std::string::npos) << r.out;
  const std::string ocr_text = page_text();
  EXPECT_NE(ocr_text.find("09/2025/QĐ-TTg"), std::string::npos) << ocr_text;

  // Unchanged: nothing to do, OCR included.
  r = add({});
  EXPECT_NE(r.out.find("1 unchanged"), std::string::npos) << r.out;
  // Re-read: the page comes from the cache. The cached text is changed here
  // to tell it from Tesseract's.
  {
    std::string error;
    auto catalog = Catalog::open(db_ / "catalog.sqlite", false, &error);
    ASSERT_TRUE(catalog) << error;
    ASSERT_EQ(catalog->ocr_cache_size(), 1);
    ASSERT_EQ(
        sqlite3_exec(catalog->handle(),
                     "UPDATE ocr_cache SET text = 'văn bản từ bộ nhớ đệm'",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
  }
  r = add({"--force"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 by OCR (1 from cache)"), std::string::npos) << r.out;
  EXPECT_EQ(page_text(), "văn bản từ bộ nhớ đệm");

  // --ocr=force reads the page again, even though the file is unchanged,
  // and refreshes the cache.
  r = add({"--ocr=force"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 by OCR (0 from cache)"), std::string::npos) << r.out;
  EXPECT_EQ(page_text(), ocr_text);
  EXPECT_EQ(show("1")["number"], "09/2025/QĐ-TTg");
  r = add({"--force"});
  EXPECT_NE(r.out.find("1 by OCR (1 from cache)"), std::string::npos) << r.out;
  EXPECT_EQ(page_text(), ocr_text);

  // --ocr=never on a re-read leaves the page unread.
  r = add({"--force", "--ocr=never"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(show("1")["status"], "needs-ocr");
  EXPECT_EQ(add({"--ocr=sometimes"}).exit_code, 2);
  expect_check_ok();
}

TEST_F(IndexerTest, OcrFailuresStayNeedsOcrWithTheReason) {
  copy("tests/data/extract/scanned-page.pdf");
  // Rendering alone takes longer than this bound.
  auto r = index({"add", "--ocr-timeout", "0.05", docs_.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  json d = show("1");
  EXPECT_EQ(d["status"], "needs-ocr");
  EXPECT_EQ(d["needs_ocr"]["reason"], "ocr-failed");
  EXPECT_EQ(d["needs_ocr"]["detail"],
            "OCR failed on 1 of 1 pages: page 1: rendering took longer than "
            "0.05 s");
  EXPECT_EQ(d["page_info"][0]["source"], "none");
  EXPECT_EQ(list({"--needs-ocr"}).size(), 1u);
  // A failure is not retried on every run; --ocr=force retries it.
  r = test::run(
      {test::index_binary(), "--db", db_.string(), "add", docs_.string()});
  EXPECT_NE(r.out.find("1 unchanged"), std::string::npos) << r.out;
  ASSERT_EQ(index({"add", "--ocr=force", docs_.string()}).exit_code, 0);
  d = show("1");
  EXPECT_EQ(d["status"], "indexed");
  EXPECT_FALSE(d.contains("needs_ocr"));
  expect_check_ok();
}

TEST_F(IndexerTest, LowConfidenceListsPagesToCheck) {
  copy("tests/data/extract/scanned-page.pdf");
  copy("corpus/seeds/000_608b69289030cac0.txt", "a.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const double confidence = show(
      (docs_ / "scanned-page.pdf").string())["page_info"][0]["ocr_confidence"];
  ASSERT_GT(confidence, 80);
  // The default threshold (80) finds nothing on this clean scan.
  EXPECT_TRUE(list({"--low-confidence"}).empty());
  EXPECT_TRUE(list({"--low-confidence", "50"}).empty());
  const json low = list({"--low-confidence", "99.5"});
  ASSERT_EQ(low.size(), 1u);
  EXPECT_EQ(low[0]["path"], (docs_ / "scanned-page.pdf").string());
  ASSERT_EQ(low[0]["low_confidence_pages"].size(), 1u);
  EXPECT_EQ(low[0]["low_confidence_pages"][0]["page"], 1);
  EXPECT_EQ(low[0]["low_confidence_pages"][0]["ocr_confidence"], confidence);
  const auto text = test::run({test::index_binary(), "--db", db_.string(),
                               "list", "--low-confidence", "99.5"});
  EXPECT_NE(text.out.find("[check OCR: page 1 ("), std::string::npos)
      << text.out;
  EXPECT_EQ(index({"list", "--low-confidence", "abc"}).exit_code, 2);
  EXPECT_EQ(index({"list", "--low-confidence", "101"}).exit_code, 2);
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
  EXPECT_EQ(p["source"]["title"], "extracted");
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
  Xapian::Database db((db_ / "xapian").string());
  EXPECT_EQ(db.get_termfreq("XNUM1407/qd-ttg"), 1u);
  expect_check_ok();

  // Bad values are usage errors that change nothing.
  EXPECT_EQ(
      index({"add", "--date", "31/31/2021", (docs_ / "plastics.txt").string()})
          .exit_code,
      2);
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

// The positions the CLI lists for `filters`.
json list_positions(const fs::path& db, std::vector<std::string> filters = {}) {
  std::vector<std::string> argv = {
      test::index_binary(), "--db", db.string(), "--quiet",
      "positions",          "list", "--json"};
  argv.insert(argv.end(), filters.begin(), filters.end());
  const auto r = test::run(argv, false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return json::parse(r.out);
}

// Ids in the position index.
std::set<Xapian::docid> position_index_ids(const fs::path& db) {
  Xapian::Database index((db / "positions").string());
  std::set<Xapian::docid> ids;
  for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it)
    ids.insert(*it);
  return ids;
}

std::set<Xapian::docid> ids_of(const json& positions) {
  std::set<Xapian::docid> ids;
  for (const auto& p : positions) ids.insert(p["id"].get<Xapian::docid>());
  return ids;
}

TEST_F(IndexerTest, PositionsAreExtractedAndIndexedWithTheirDocuments) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt", "plastics.txt");
  copy("corpus/seeds/001_30a2fdfd7d4e0202.txt", "b.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const json all = list_positions(db_);
  ASSERT_GE(all.size(), 2u);
  // The labelled passage of the seed (tests/data/positions/seed-004.json).
  const json plastics =
      list_positions(db_, {"--doc", (docs_ / "plastics.txt").string()});
  bool found = false;
  for (const auto& p : plastics) {
    if (p["actor"] == "bng" && p["stance"] == "leads") {
      found = true;
      EXPECT_EQ(p["process"], "plastics-treaty");
      EXPECT_EQ(p["page"], 1);
      EXPECT_NE(p["quote"].get<std::string>().find("Bộ Ngoại giao chủ trì"),
                std::string::npos);
      EXPECT_EQ(p["source"], "extracted");
    }
  }
  EXPECT_TRUE(found) << plastics.dump(1);
  EXPECT_EQ(position_index_ids(db_), ids_of(all));
  expect_check_ok();

  // Filters: by actor in any spelling, by stance.
  const json bng = list_positions(db_, {"--actor", "Bộ Ngoại giao"});
  ASSERT_FALSE(bng.empty());
  for (const auto& p : bng) EXPECT_EQ(p["actor"], "bng");
  for (const auto& p : list_positions(db_, {"--stance", "chủ trì"}))
    EXPECT_EQ(p["stance"], "leads");

  // Removing the document removes its positions from the store and index.
  ASSERT_EQ(index({"remove", (docs_ / "plastics.txt").string()}).exit_code, 0);
  const json left = list_positions(db_);
  EXPECT_EQ(left.size(), all.size() - plastics.size());
  EXPECT_EQ(position_index_ids(db_), ids_of(left));
  expect_check_ok();
}

TEST_F(IndexerTest, PositionCorrectionsSurviveReindexing) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt", "plastics.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  const json before = list_positions(db_);
  ASSERT_GE(before.size(), 2u);
  const std::string deleted = std::to_string(before[0]["id"].get<int>());
  const std::string edited = std::to_string(before[1]["id"].get<int>());

  ASSERT_EQ(index({"positions", "delete", deleted}).exit_code, 0);
  ASSERT_EQ(index({"positions", "edit", edited, "--stance", "supports",
                   "--date", "5/6/2022", "--topic", "Rác thải nhựa đại dương"})
                .exit_code,
            0);
  auto r = index({"positions", "add", "--doc",
                  (docs_ / "plastics.txt").string(), "--actor", "BTNMT",
                  "--stance", "commits", "--process", "plastics-treaty",
                  "--quote", "Đề án tham gia đàm phán", "--page", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string added = r.out.substr(0, r.out.find('\n'));
  const json document_date =
      show((docs_ / "plastics.txt").string())["issue_date"];

  auto expect_corrections = [&](const char* when) {
    SCOPED_TRACE(when);
    const json now = list_positions(db_);
    EXPECT_EQ(now.size(), before.size()) << now.dump(1);  // -1 +1
    bool saw_edit = false, saw_added = false;
    for (const auto& p : now) {
      const std::string id = std::to_string(p["id"].get<int>());
      EXPECT_NE(id, deleted);
      EXPECT_NE(p["quote"], before[0]["quote"]);
      if (id == edited) {
        saw_edit = true;
        EXPECT_EQ(p["stance"], "supports");
        EXPECT_EQ(p["date"], "2022-06-05");
        EXPECT_EQ(p["topics"].size(), 1u);
        EXPECT_EQ(p["source"], "corrected");
      }
      if (id == added) {
        saw_added = true;
        EXPECT_EQ(p["actor"], "btnmt");
        EXPECT_EQ(p["stance"], "commits");
        EXPECT_EQ(p["source"], "librarian");
        EXPECT_EQ(p["date"], document_date);  // none given: the document's
      }
    }
    EXPECT_TRUE(saw_edit);
    EXPECT_TRUE(saw_added);
    EXPECT_EQ(position_index_ids(db_), ids_of(now));
    expect_check_ok();
  };
  expect_corrections("after the corrections");
  ASSERT_EQ(index({"add", "--force", docs_.string()}).exit_code, 0);
  expect_corrections("after re-reading the file");
  ASSERT_EQ(index({"reindex"}).exit_code, 0);
  expect_corrections("after reindex");

  // Bad input is a usage error that changes nothing; unknown ids fail.
  const std::string doc = (docs_ / "plastics.txt").string();
  EXPECT_EQ(
      index({"positions", "edit", edited, "--actor", "Bộ Không Có"}).exit_code,
      2);
  EXPECT_EQ(index({"positions", "edit", edited, "--stance", "maybe"}).exit_code,
            2);
  EXPECT_EQ(index({"positions", "edit", edited, "--page", "99"}).exit_code, 2);
  EXPECT_EQ(
      index({"positions", "edit", edited, "--date", "32/1/2020"}).exit_code, 2);
  EXPECT_EQ(index({"positions", "add", "--doc", doc, "--actor", "BTNMT",
                   "--stance", "supports", "--page", "1"})
                .exit_code,
            2);  // no quote
  EXPECT_EQ(index({"positions", "add", "--doc", doc, "--actor", "BTNMT",
                   "--stance", "supports", "--page", "1", "--quote", "  "})
                .exit_code,
            2);
  EXPECT_EQ(index({"positions", "add", "--doc", "999", "--actor", "BTNMT",
                   "--stance", "supports", "--page", "1", "--quote", "x"})
                .exit_code,
            1);
  EXPECT_EQ(index({"positions", "edit", "abc"}).exit_code, 2);
  EXPECT_EQ(index({"positions", "delete", "999999"}).exit_code, 1);
  EXPECT_EQ(index({"positions", "show", "999999"}).exit_code, 1);
  expect_corrections("after bad input");
}

TEST_F(IndexerTest, AnIndexFromAnotherSchemaIsRebuilt) {
  copy("corpus/seeds/004_cf0b71758d62ef38.txt", "plastics.txt");
  ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  {
    Xapian::WritableDatabase db((db_ / "xapian").string(), Xapian::DB_OPEN);
    db.set_metadata("vnkb:schema", "1");
    db.commit();
  }
  EXPECT_NE(test::run({test::index_binary(), "--db", db_.string(), "check"})
                .exit_code,
            0);
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
    Xapian::WritableDatabase db((db_ / "xapian").string());
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
        if (auto c = Catalog::open(db_ / "catalog.sqlite", true, &error)) {
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
}  // namespace kb
