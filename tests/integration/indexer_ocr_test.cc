// vnkb-index and OCR, through the real binary: scanned pages left for
// later, read, cached, re-read on request, failures kept with their reason,
// and pages of low confidence listed for a person to check.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

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
  // The stamp across the subject reads as stray marks and letters ("Sửa TH
  // bổ ) sung … ngày 22 :. tháng 7"): the title leaves them out.
  const std::string title = d["title"];
  EXPECT_EQ(title.rfind("Quyết định số 09/2025/QĐ-TTg Sửa bổ sung Quyết định "
                        "số 20/2020/QĐ-TTg ngày 22 tháng 7 năm 2020",
                        0),
            0u)
      << title;
  for (const char* noise : {" TH ", " ) ", " :. ", "^"}) {
    EXPECT_EQ(title.find(noise), std::string::npos) << title;
  }
  EXPECT_TRUE(list({"--needs-ocr"}).empty());
  ASSERT_EQ(d["page_info"].size(), 3u);
  for (const auto& p : d["page_info"]) {
    EXPECT_EQ(p["source"], "ocr");
    EXPECT_GT(p["ocr_confidence"].get<double>(), 80);
  }
  // Existing keys keep their meaning next to the page details.
  EXPECT_EQ(d["pages"], 3);

  Xapian::Database db(index_path(db_).string());
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
    auto catalog = Catalog::open(catalog_path(db_), true, &error);
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
    auto catalog = Catalog::open(catalog_path(db_), false, &error);
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

}  // namespace
}  // namespace kb::test
