// OCR on a real scanned page (tests/data/extract/scanned-page.pdf is page 1
// of Quyết định 09/2025/QĐ-TTg, scanned): Tesseract's text in this process
// and through the helpers, the cache in a real catalog, and the bounds (a
// page over its time, a helper over its memory) failing one page cleanly.
#include "indexer/read/ocr.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/doc_number.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/read/helper.h"
#include "indexer/read/ocr_cache.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

fs::path scanned_page() { return test::test_data("extract/scanned-page.pdf"); }

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Words of the scanned page that a reader must get right: the number,
// the letterhead, a "Căn cứ" line and the first article.
void expect_page_one(const OcrPageResult& r) {
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(contains(r.text, "Số: 09/2025/QĐ-TTg")) << r.text;
  EXPECT_TRUE(contains(r.text, "THỦ TƯỚNG CHÍNH PHỦ")) << r.text;
  EXPECT_TRUE(contains(r.text, "Hà Nội, ngày 14 tháng 4 năm 2025")) << r.text;
  EXPECT_TRUE(contains(r.text, "Căn cứ Luật Giao dịch điện tử")) << r.text;
  EXPECT_TRUE(contains(r.text, "mã định danh điện tử")) << r.text;
  EXPECT_GT(r.confidence, 80);
  EXPECT_LE(r.confidence, 100);
  EXPECT_EQ(to_nfc(r.text), r.text);
  EXPECT_EQ(r.key.size(), 64u);
}

// No helper is left behind, running or as a zombie.
void expect_no_children() {
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

class OcrCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vnkb-ocr-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::string error;
    catalog_ = Catalog::open(catalog_path(dir_), false, &error);
    ASSERT_TRUE(catalog_) << error;
    cache_ = std::make_unique<CatalogOcrCache>(*catalog_);
  }
  void TearDown() override {
    cache_.reset();
    catalog_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<CatalogOcrCache> cache_;  // the indexer's cache, on catalog_
};

TEST(Ocr, ReadsTheScannedDecisionInProcess) {
  const OcrPageResult r = ocr_pdf_page_in_process(scanned_page(), 0, {});
  expect_page_one(r);
  EXPECT_FALSE(r.cached);
  EXPECT_GT(r.seconds, 0);
}

TEST(Ocr, HelperReadsWhatTheProcessReads) {
  const std::vector<OcrPageResult> rs =
      ocr_pdf_pages(scanned_page(), {0}, {}, nullptr);
  ASSERT_EQ(rs.size(), 1u);
  expect_page_one(rs[0]);
  EXPECT_EQ(rs[0].page, 0);
  const OcrPageResult in_process =
      ocr_pdf_page_in_process(scanned_page(), 0, {});
  EXPECT_EQ(rs[0].text, in_process.text);
  EXPECT_EQ(rs[0].key, in_process.key);
  EXPECT_EQ(rs[0].confidence, in_process.confidence);
  expect_no_children();
}

TEST(Ocr, MetadataOfTheScannedDecisionComesOut) {
  const OcrPageResult r = ocr_pdf_page_in_process(scanned_page(), 0, {});
  ASSERT_TRUE(r.ok) << r.error;
  const DocMetadata m = extract_metadata({r.text}, Taxonomy());
  EXPECT_EQ(m.number, "09/2025/QĐ-TTg");
  EXPECT_EQ(m.type, "Quyết định");
  EXPECT_EQ(m.issue_date, "2025-04-14");
}

TEST(Ocr, PagesOfADocumentComeBackInOrderFromParallelHelpers) {
  const fs::path pdf =
      fs::path(VNKB_SOURCE_DIR) / "corpus" / "scanned" / "09-2025-QD-TTg.pdf";
  OcrOptions options;
  options.max_parallel = 2;
  const std::vector<OcrPageResult> rs =
      ocr_pdf_pages(pdf, {2, 0, 1}, options, nullptr);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].page, 2);
  EXPECT_EQ(rs[1].page, 0);
  EXPECT_EQ(rs[2].page, 1);
  for (const OcrPageResult& r : rs) {
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_GT(r.confidence, 80);
  }
  EXPECT_TRUE(contains(rs[1].text, "09/2025/QĐ-TTg"));
  EXPECT_TRUE(contains(rs[0].text, "Nơi nhận"));
  EXPECT_NE(rs[0].key, rs[1].key);
  expect_no_children();
}

TEST(Ocr, TextPagesAreNeverReadAndBlankPagesAreNoJob) {
  // Page 1 text, page 2 a scan (page 1 of the decision), page 3 blank.
  Extracted e =
      extract_file(test::test_data("extract/mixed-text-scan-blank.pdf"), {});
  ASSERT_EQ(e.status, ExtractStatus::kNeedsOcr) << e.error;
  const std::string text_layer = e.pages[0].text;
  const OcrReport report = read_scanned_pages(
      test::test_data("extract/mixed-text-scan-blank.pdf"), e, {}, nullptr);
  EXPECT_TRUE(report.ran);
  EXPECT_EQ(report.scanned, 1);
  EXPECT_EQ(report.recognized, 1);
  EXPECT_EQ(report.failed, 0);
  EXPECT_EQ(e.status, ExtractStatus::kOk);
  EXPECT_EQ(e.pages[0].text, text_layer);
  EXPECT_FALSE(e.pages[0].ocr);
  EXPECT_TRUE(e.pages[1].ocr);
  EXPECT_TRUE(contains(e.pages[1].text, "09/2025/QĐ-TTg"));
  EXPECT_GT(e.pages[1].ocr_confidence, 80);
  EXPECT_FALSE(e.pages[2].ocr);
  EXPECT_EQ(e.pages[2].text, "");
}

TEST(Ocr, NeverLeavesScannedPagesUnread) {
  Extracted e = extract_file(scanned_page(), {});
  OcrOptions options;
  options.mode = OcrMode::kNever;
  const OcrReport report = read_scanned_pages(scanned_page(), e, options, {});
  EXPECT_FALSE(report.ran);
  EXPECT_EQ(report.scanned, 1);
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr);
  EXPECT_EQ(e.pages[0].text, "");
  EXPECT_TRUE(contains(report.detail, "--ocr=never")) << report.detail;
}

TEST_F(OcrCacheTest, SecondReadComesFromTheCacheAndForceRefreshesIt) {
  OcrOptions options;
  const auto first = ocr_pdf_pages(scanned_page(), {0}, options, cache_.get());
  ASSERT_TRUE(first[0].ok) << first[0].error;
  EXPECT_FALSE(first[0].cached);
  EXPECT_EQ(catalog_->ocr_cache_size(), 1);
  const auto entry = catalog_->ocr_cached(first[0].key, ocr_engine(options));
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->text, first[0].text);

  // Tesseract is not called again: a cached text (changed here to tell it
  // apart) is what comes back.
  OcrCacheEntry changed = *entry;
  changed.text = "văn bản từ bộ nhớ đệm";
  catalog_->put_ocr_cache(changed);
  const auto second = ocr_pdf_pages(scanned_page(), {0}, options, cache_.get());
  ASSERT_TRUE(second[0].ok);
  EXPECT_TRUE(second[0].cached);
  EXPECT_EQ(second[0].text, "văn bản từ bộ nhớ đệm");
  EXPECT_EQ(second[0].confidence, first[0].confidence);

  // Force reads the page again and puts the fresh text back.
  options.mode = OcrMode::kForce;
  const auto third = ocr_pdf_pages(scanned_page(), {0}, options, cache_.get());
  ASSERT_TRUE(third[0].ok);
  EXPECT_FALSE(third[0].cached);
  EXPECT_EQ(third[0].text, first[0].text);
  EXPECT_EQ(catalog_->ocr_cached(first[0].key, ocr_engine(options))->text,
            first[0].text);
  EXPECT_EQ(catalog_->ocr_cache_size(), 1);

  // The same page in another file (the scan inside the mixed document) has
  // the same key: its content, not its file, is what the cache knows.
  options.mode = OcrMode::kAuto;
  const auto mixed =
      ocr_pdf_pages(test::test_data("extract/mixed-text-scan-blank.pdf"), {1},
                    options, cache_.get());
  ASSERT_TRUE(mixed[0].ok) << mixed[0].error;
  EXPECT_TRUE(mixed[0].cached);
  EXPECT_EQ(mixed[0].key, first[0].key);
}

TEST_F(OcrCacheTest, AnotherEngineDoesNotShareTheCache) {
  OcrOptions options;
  const auto first = ocr_pdf_pages(scanned_page(), {0}, options, cache_.get());
  ASSERT_TRUE(first[0].ok) << first[0].error;
  EXPECT_FALSE(catalog_->ocr_cached(first[0].key, "tesseract 0.0 vie"));
}

// An in-memory OcrCache, counting lookups.
class MapOcrCache : public OcrCache {
 public:
  std::optional<CachedOcrPage> get(const std::string& key,
                                   const std::string& engine) override {
    ++gets;
    const auto it = pages.find(key + " " + engine);
    if (it == pages.end()) return std::nullopt;
    return it->second;
  }
  void put(const std::string& key, const std::string& engine,
           const CachedOcrPage& page) override {
    pages[key + " " + engine] = page;
  }
  std::map<std::string, CachedOcrPage> pages;
  int gets = 0;
};

// The reader needs no catalog: any OcrCache is asked once per rendered page,
// is given what Tesseract read, and what it knows is not read again.
TEST(Ocr, AnyCacheServesTheReader) {
  MapOcrCache cache;
  const OcrOptions options;
  const auto first = ocr_pdf_pages(scanned_page(), {0}, options, &cache);
  ASSERT_TRUE(first[0].ok) << first[0].error;
  EXPECT_FALSE(first[0].cached);
  EXPECT_EQ(cache.gets, 1);
  const std::string id = first[0].key + " " + ocr_engine(options);
  ASSERT_EQ(cache.pages.count(id), 1u);
  EXPECT_EQ(cache.pages[id].text, first[0].text);
  EXPECT_EQ(cache.pages[id].confidence, first[0].confidence);

  cache.pages[id] = {"văn bản từ bộ nhớ đệm", 42, 0.5};
  const auto second = ocr_pdf_pages(scanned_page(), {0}, options, &cache);
  ASSERT_TRUE(second[0].ok) << second[0].error;
  EXPECT_TRUE(second[0].cached);
  EXPECT_EQ(second[0].text, "văn bản từ bộ nhớ đệm");
  EXPECT_EQ(second[0].confidence, 42);
  EXPECT_EQ(second[0].seconds, 0.5);
  EXPECT_EQ(cache.gets, 2);
  EXPECT_EQ(cache.pages.size(), 1u);
}

TEST(Ocr, APageOverItsTimeFailsAndTheRestIsRead) {
  const fs::path pdf =
      fs::path(VNKB_SOURCE_DIR) / "corpus" / "scanned" / "09-2025-QD-TTg.pdf";
  OcrOptions options;
  options.page_seconds = 0.05;  // rendering alone takes longer
  options.max_parallel = 1;
  const auto rs = ocr_pdf_pages(pdf, {0, 1}, options, nullptr);
  ASSERT_EQ(rs.size(), 2u);
  for (const OcrPageResult& r : rs) {
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "rendering took longer than 0.05 s");
  }
  expect_no_children();

  Extracted e = extract_file(pdf, {});
  const OcrReport report = read_scanned_pages(pdf, e, options, nullptr);
  EXPECT_EQ(report.failed, 3);
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr);
  EXPECT_TRUE(contains(report.detail, "OCR failed on 3 of 3 pages: page 1: "))
      << report.detail;
}

TEST(Ocr, AHelperOverItsMemoryFailsItsPagesCleanly) {
  if (VNKB_ASAN) GTEST_SKIP() << "no address-space bound under ASan";
  OcrOptions options;
  options.max_memory_bytes = 28u << 20;  // Tesseract needs ~100 MB
  options.max_parallel = 1;
  const fs::path pdf =
      fs::path(VNKB_SOURCE_DIR) / "corpus" / "scanned" / "09-2025-QD-TTg.pdf";
  const auto rs = ocr_pdf_pages(pdf, {0, 1}, options, nullptr);
  ASSERT_EQ(rs.size(), 2u);
  for (const OcrPageResult& r : rs) {
    EXPECT_FALSE(r.ok);
    // Depending on where the allocation fails: Poppler, Leptonica (whose
    // failure crashes Tesseract), or Tesseract giving up.
    EXPECT_FALSE(r.error.empty());
  }
  expect_no_children();
}

TEST(Ocr, BadPagesAndFilesAreResultsNotExceptions) {
  auto rs = ocr_pdf_pages(scanned_page(), {7}, {}, nullptr);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_FALSE(rs[0].ok);
  EXPECT_EQ(rs[0].error, "the PDF has no page 8");

  rs = ocr_pdf_pages(test::test_data("extract/random-bytes.pdf"), {0}, {},
                     nullptr);
  EXPECT_EQ(rs[0].error, "Poppler cannot open the file");
  rs = ocr_pdf_pages(test::test_data("extract/encrypted-user-password.pdf"),
                     {0}, {}, nullptr);
  EXPECT_EQ(rs[0].error, "the PDF needs a password");

  OcrOptions no_model;
  no_model.language = "no-such-language";
  rs = ocr_pdf_pages(scanned_page(), {0}, no_model, nullptr);
  EXPECT_FALSE(rs[0].ok);
  EXPECT_TRUE(contains(rs[0].error, "cannot load the 'no-such-language'"))
      << rs[0].error;
  EXPECT_TRUE(ocr_pdf_pages(scanned_page(), {}, {}, nullptr).empty());
  expect_no_children();
}

TEST(Ocr, ModesEngineAndParallelism) {
  EXPECT_EQ(parse_ocr_mode("auto"), OcrMode::kAuto);
  EXPECT_EQ(parse_ocr_mode("never"), OcrMode::kNever);
  EXPECT_EQ(parse_ocr_mode("force"), OcrMode::kForce);
  EXPECT_FALSE(parse_ocr_mode("always"));
  for (OcrMode m : {OcrMode::kAuto, OcrMode::kNever, OcrMode::kForce})
    EXPECT_EQ(parse_ocr_mode(ocr_mode_name(m)), m);
  const std::string engine = ocr_engine({});
  EXPECT_TRUE(contains(engine, "tesseract 5.")) << engine;
  EXPECT_TRUE(contains(engine, " vie ")) << engine;

  OcrOptions options;
  options.max_parallel = 2;
  EXPECT_EQ(ocr_parallelism(options, 1), 1);
  EXPECT_GE(ocr_parallelism(options, 10), 1);
  EXPECT_LE(ocr_parallelism(options, 10), 2);
  // Memory bounds parallelism: no machine holds two helpers of 1 EB.
  options.max_memory_bytes = 1ull << 60;
  EXPECT_EQ(ocr_parallelism(options, 10), 1);
}

}  // namespace
}  // namespace kb
