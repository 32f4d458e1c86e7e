// Tests of core/catalog.h on a real SQLite file in a temporary folder.
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/db_layout.h"
#include "core/doc_number.h"
#include "core/sqlite.h"
#include "tests/unit/temp_dir.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

CatalogDocument document(const std::string& path) {
  CatalogDocument d;
  d.path = path;
  d.sha256 = "sha-" + path;
  d.size = 1234;
  d.mtime = 1700000000;
  d.format = "pdf";
  d.status = "indexed";
  d.title = "Quyết định phê duyệt";
  d.type = "Quyết định";
  d.number = "1407/QĐ-TTg";
  d.issuer = "Thủ tướng Chính phủ";
  d.issuer_id = "ttg";
  d.issue_date = "2021-08-16";
  d.signer = "Nguyễn Văn A";
  d.language = "vi";
  d.encoding = "unicode";
  d.cites = {"30/2020/NĐ-CP", "1407/QĐTTg"};
  d.networks = {"asean"};
  d.topics = {"minerals", "environment"};
  d.pages = 2;
  d.source = {{"title", "extracted"}, {"number", "librarian"}};
  d.overrides_json = R"({"number":"1407/QĐ-TTg"})";
  d.indexed_at = "2024-01-01T00:00:00Z";
  d.index_state = "dirty";
  return d;
}

std::vector<CatalogPage> two_pages() {
  return {{1, "Trang một", "text", -1, std::string("\x01\x02\0\x03", 4)},
          {2, "Trang hai", "ocr", 87.5, ""}};
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    catalog_ = Catalog::open(catalog_path(dir_.path()), false, &error);
    ASSERT_TRUE(catalog_) << error;
  }
  // Adds `d` with two pages in its own transaction; returns its id.
  int64_t add(CatalogDocument d) {
    catalog_->begin();
    const auto pages = two_pages();
    const int64_t id = catalog_->put(d, &pages);
    catalog_->commit();
    return id;
  }

  test::TempDir dir_{"catalog-test"};
  std::unique_ptr<Catalog> catalog_;
};

TEST_F(CatalogTest, DocumentsRoundTripEveryField) {
  const CatalogDocument in = document("/docs/a.pdf");
  const int64_t id = add(in);
  ASSERT_GT(id, 0);
  const auto out = catalog_->get(id);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->id, id);
  EXPECT_EQ(out->path, in.path);
  EXPECT_EQ(out->sha256, in.sha256);
  EXPECT_EQ(out->size, in.size);
  EXPECT_EQ(out->mtime, in.mtime);
  EXPECT_EQ(out->format, in.format);
  EXPECT_EQ(out->status, in.status);
  EXPECT_EQ(out->title, in.title);
  EXPECT_EQ(out->type, in.type);
  EXPECT_EQ(out->number, in.number);
  EXPECT_EQ(out->issuer, in.issuer);
  EXPECT_EQ(out->issuer_id, in.issuer_id);
  EXPECT_EQ(out->issue_date, in.issue_date);
  EXPECT_EQ(out->signer, in.signer);
  EXPECT_EQ(out->language, in.language);
  EXPECT_EQ(out->encoding, in.encoding);
  EXPECT_EQ(out->cites, in.cites);  // in order
  EXPECT_EQ(out->networks, in.networks);
  EXPECT_EQ(out->topics, in.topics);
  EXPECT_EQ(out->pages, in.pages);
  EXPECT_EQ(out->source, in.source);
  EXPECT_EQ(out->overrides_json, in.overrides_json);
  EXPECT_EQ(out->sidecar_json, "{}");
  EXPECT_EQ(out->indexed_at, in.indexed_at);
  EXPECT_EQ(out->index_state, in.index_state);
}

TEST_F(CatalogTest, PagesRoundTripAnchorsAndNulBytes) {
  CatalogDocument d = document("/docs/nul.pdf");
  catalog_->begin();
  std::vector<CatalogPage> pages = two_pages();
  pages[0].text = std::string("before\0after", 12);  // one policy: kept whole
  catalog_->put(d, &pages);
  catalog_->commit();
  const auto out = catalog_->pages(d.id);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, pages[0].text);
  EXPECT_EQ(out[0].anchors, pages[0].anchors);
  EXPECT_EQ(out[1].source, "ocr");
  EXPECT_EQ(out[1].ocr_confidence, 87.5);
  const auto one = catalog_->page(d.id, 2);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->text, "Trang hai");
  EXPECT_FALSE(catalog_->page(d.id, 3));
  EXPECT_EQ(catalog_->page_count(), 2);
}

// Page text is kept deflated (most of the catalog's size) and reads back
// byte for byte; rows written before (plain TEXT) read as they were.
TEST_F(CatalogTest, PageTextIsStoredDeflatedAndReadBackWhole) {
  const fs::path seeds = fs::path(VNKB_SOURCE_DIR) / "corpus" / "seeds";
  std::string real;
  for (const auto& e : fs::directory_iterator(seeds)) {
    std::ifstream in(e.path(), std::ios::binary);
    real.assign(std::istreambuf_iterator<char>(in), {});
    if (real.size() > 2000) break;
  }
  ASSERT_GT(real.size(), 2000u);
  CatalogDocument d = document("/docs/long.txt");
  std::vector<CatalogPage> pages = two_pages();
  pages[0].text = real;
  pages[1].text = real + std::string("\0tail", 5);
  catalog_->begin();
  catalog_->put(d, &pages);
  catalog_->commit();
  sqlite::Statement stored(catalog_->handle(),
                           "SELECT typeof(text), length(text) FROM pages "
                           "WHERE doc_id=? ORDER BY page_no");
  stored.bind(1, d.id);
  ASSERT_TRUE(stored.step());
  EXPECT_EQ(stored.text(0), "blob");
  EXPECT_LT(stored.integer(1), static_cast<int64_t>(real.size()) / 2);
  const auto out = catalog_->pages(d.id);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].text, pages[0].text);
  EXPECT_EQ(out[1].text, pages[1].text);
  EXPECT_EQ(catalog_->page(d.id, 2)->text, pages[1].text);
  // A row from before: TEXT as it was written.
  sqlite::Statement(catalog_->handle(),
                    "UPDATE pages SET text=? WHERE doc_id=? AND page_no=1")
      .bind(1, std::string_view("Trang cũ"))
      .bind(2, d.id)
      .run();
  EXPECT_EQ(catalog_->page(d.id, 1)->text, "Trang cũ");
}

// A damaged page row (cut short, or claiming a size no deflate stream of its
// length can reach) reads as an error, never as wrong text or as a
// gigabyte allocated on the strength of four bytes.
TEST_F(CatalogTest, DamagedPageTextIsAnErrorNotText) {
  CatalogDocument d = document("/docs/damaged.txt");
  std::vector<CatalogPage> pages = two_pages();
  pages[0].text = std::string(500, 'a') + " văn bản";
  catalog_->begin();
  catalog_->put(d, &pages);
  catalog_->commit();
  const auto set_blob = [&](const std::string& blob) {
    sqlite::Statement(catalog_->handle(),
                      "UPDATE pages SET text=? WHERE doc_id=? AND page_no=1")
        .bind_blob(1, blob)
        .bind(2, d.id)
        .run();
  };
  sqlite::Statement read(catalog_->handle(),
                         "SELECT text FROM pages WHERE doc_id=? AND page_no=1");
  read.bind(1, d.id);
  ASSERT_TRUE(read.step());
  const std::string good = read.blob(0);
  ASSERT_GT(good.size(), 8u);
  EXPECT_EQ(catalog_->page(d.id, 1)->text, pages[0].text);

  set_blob(good.substr(0, good.size() - 3));  // the stream cut short
  EXPECT_THROW(catalog_->page(d.id, 1), sqlite::Error);
  set_blob(std::string("\xff\xff\xff\x7f", 4) + good.substr(4));  // 2 GiB
  EXPECT_THROW(catalog_->page(d.id, 1), sqlite::Error);
  set_blob(std::string("\x01\x00", 2));  // shorter than its size field
  EXPECT_THROW(catalog_->pages(d.id), sqlite::Error);
  EXPECT_EQ(catalog_->page(d.id, 2)->text, pages[1].text);
}

// Pages of every length go through deflate streams of their own size
// (short ones with a small hash table): each reads back byte for byte, and
// a real text of 200 bytes or more is stored smaller than it is.
TEST_F(CatalogTest, PagesOfEveryLengthReadBackWhole) {
  const fs::path seeds = fs::path(VNKB_SOURCE_DIR) / "corpus" / "seeds";
  std::string real;
  for (const auto& e : fs::directory_iterator(seeds)) {
    std::ifstream in(e.path(), std::ios::binary);
    real.append(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(real.size(), 25000u);
  CatalogDocument d = document("/docs/lengths.txt");
  std::vector<CatalogPage> pages;
  // Long, short, long: the streams of each length are used again.
  for (size_t n : {25000, 64, 200, 1000, 3000, 9000, 20000, 200, 25000}) {
    while ((static_cast<unsigned char>(real[n]) & 0xC0) == 0x80) --n;
    CatalogPage p;
    p.page_no = static_cast<int>(pages.size()) + 1;
    p.text = real.substr(0, n);
    pages.push_back(std::move(p));
  }
  catalog_->begin();
  catalog_->put(d, &pages);
  catalog_->commit();
  const auto out = catalog_->pages(d.id);
  ASSERT_EQ(out.size(), pages.size());
  sqlite::Statement stored(catalog_->handle(),
                           "SELECT length(text) FROM pages "
                           "WHERE doc_id=? ORDER BY page_no");
  stored.bind(1, d.id);
  for (size_t i = 0; i < pages.size(); ++i) {
    SCOPED_TRACE(pages[i].text.size());
    EXPECT_EQ(out[i].text, pages[i].text);
    ASSERT_TRUE(stored.step());
    if (pages[i].text.size() >= 200) {
      EXPECT_LT(stored.integer(0), static_cast<int64_t>(pages[i].text.size()));
    }
  }
}

// A unit inside a transaction: rolling it back undoes its rows alone.
TEST_F(CatalogTest, RollbackOfAUnitKeepsTheRestOfTheTransaction) {
  CatalogDocument a = document("/docs/a.pdf");
  CatalogDocument b = document("/docs/b.pdf");
  const auto pages = two_pages();
  catalog_->begin();
  catalog_->begin_unit();
  catalog_->put(a, &pages);
  catalog_->release_unit();
  catalog_->begin_unit();
  catalog_->put(b, &pages);
  catalog_->rollback_unit();
  EXPECT_TRUE(catalog_->in_transaction());
  catalog_->commit();
  EXPECT_TRUE(catalog_->get_by_path("/docs/a.pdf"));
  EXPECT_FALSE(catalog_->get_by_path("/docs/b.pdf"));
  EXPECT_EQ(catalog_->pages(a.id).size(), 2u);
}

TEST_F(CatalogTest, PutWithoutPagesKeepsThem) {
  CatalogDocument d = document("/docs/a.pdf");
  add(d);
  d = *catalog_->get_by_path("/docs/a.pdf");
  d.title = "Tên mới";
  d.cites.clear();
  catalog_->begin();
  catalog_->put(d, nullptr);
  catalog_->commit();
  const auto out = catalog_->get(d.id);
  EXPECT_EQ(out->title, "Tên mới");
  EXPECT_TRUE(out->cites.empty());
  EXPECT_EQ(catalog_->pages(d.id).size(), 2u);
}

TEST_F(CatalogTest, Lookups) {
  const int64_t a = add(document("/docs/a.pdf"));
  CatalogDocument other = document("/other/b.pdf");
  other.number = "30/2020/NĐ-CP";
  other.cites = {};
  other.status = "failed";
  other.issue_date = "2020-01-02";
  other.type = "Nghị định";
  other.networks = {};
  other.topics = {"minerals"};
  const int64_t b = add(other);

  EXPECT_EQ(catalog_->get_by_path("/docs/a.pdf")->id, a);
  EXPECT_FALSE(catalog_->get_by_path("/docs/none.pdf"));
  EXPECT_FALSE(catalog_->get(999));
  ASSERT_EQ(catalog_->get_by_sha256("sha-/other/b.pdf").size(), 1u);
  EXPECT_EQ(catalog_->all_ids(), (std::vector<int64_t>{a, b}));
  // Numbers are compared by key: any spelling finds them.
  const std::string key = parse_doc_number("1407/QĐTTg")->key();
  EXPECT_EQ(catalog_->ids_with_number(key), (std::vector<int64_t>{a}));
  EXPECT_EQ(catalog_->ids_citing(key), (std::vector<int64_t>{a}));
  const std::string decree = parse_doc_number("30/2020/ND-CP")->key();
  EXPECT_EQ(catalog_->ids_with_number(decree), (std::vector<int64_t>{b}));
  EXPECT_EQ(catalog_->ids_citing(decree), (std::vector<int64_t>{a}));
  const auto by_status = catalog_->count_by_status();
  EXPECT_EQ(by_status.at("indexed"), 1);
  EXPECT_EQ(by_status.at("failed"), 1);

  const struct {
    const char* field;
    std::string value;
    std::vector<int64_t> want;
  } cases[] = {
      {"", "", {a, b}},
      {"status", "failed", {b}},
      {"type", "nghị định", {b}},
      {"network", "asean", {a}},
      {"topic", "minerals", {a, b}},
      {"year", "2020", {b}},
      {"number", decree, {b}},
      {"path_prefix", "/docs/", {a}},
      {"limit", "1", {a}},
  };
  for (const auto& c : cases) {
    CatalogFilter f;
    const std::string field = c.field;
    if (field == "status") f.status = c.value;
    if (field == "type") f.type = c.value;
    if (field == "network") f.network = c.value;
    if (field == "topic") f.topic = c.value;
    if (field == "year") f.year = c.value;
    if (field == "number") f.number = c.value;
    if (field == "path_prefix") f.path_prefix = c.value;
    if (field == "limit") f.limit = std::stoi(c.value);
    std::vector<int64_t> got;
    for (const CatalogDocument& d : catalog_->list(f)) got.push_back(d.id);
    EXPECT_EQ(got, c.want) << field << "=" << c.value;
  }
  CatalogFilter both;
  both.status = "indexed";
  both.topic = "minerals";
  ASSERT_EQ(catalog_->list(both).size(), 1u);
  EXPECT_EQ(catalog_->list(both)[0].id, a);
}

TEST_F(CatalogTest, IndexStates) {
  const int64_t a = add(document("/docs/a.pdf"));
  const int64_t b = add(document("/docs/b.pdf"));
  EXPECT_EQ(catalog_->ids_with_state("dirty"), (std::vector<int64_t>{a, b}));
  catalog_->begin();
  catalog_->set_index_state(b, "deleting");
  catalog_->mark_all_clean();
  catalog_->commit();
  EXPECT_EQ(catalog_->ids_with_state("clean"), (std::vector<int64_t>{a}));
  EXPECT_EQ(catalog_->ids_with_state("deleting"), (std::vector<int64_t>{b}));
  catalog_->begin();
  catalog_->erase(b);
  catalog_->commit();
  EXPECT_FALSE(catalog_->get(b));
  EXPECT_EQ(catalog_->page_count(), 2);  // b's pages went with it
}

TEST_F(CatalogTest, RollbackLeavesNothing) {
  catalog_->begin();
  CatalogDocument d = document("/docs/a.pdf");
  catalog_->put(d, nullptr);
  catalog_->rollback();
  EXPECT_TRUE(catalog_->all_ids().empty());
}

TEST_F(CatalogTest, PagesBySourceAndLowConfidence) {
  const int64_t a = add(document("/docs/a.pdf"));
  const auto all = catalog_->count_pages_by_source();
  EXPECT_EQ(all.at("text"), 1);
  EXPECT_EQ(all.at("ocr"), 1);
  EXPECT_EQ(catalog_->count_pages_by_source(a), all);
  EXPECT_TRUE(catalog_->count_pages_by_source(a + 1).empty());
  ASSERT_EQ(catalog_->low_confidence_pages(90).size(), 1u);
  EXPECT_EQ(catalog_->low_confidence_pages(90)[0].page_no, 2);
  EXPECT_TRUE(catalog_->low_confidence_pages(80).empty());
}

TEST_F(CatalogTest, OcrCache) {
  EXPECT_EQ(catalog_->ocr_cache_size(), 0);
  EXPECT_FALSE(catalog_->ocr_cached("k", "tesseract"));
  catalog_->put_ocr_cache({"k", "tesseract", "chữ", 91, 1.5, "2024"});
  catalog_->put_ocr_cache({"k", "tesseract", "chữ mới", 92, 1.5, "2024"});
  catalog_->put_ocr_cache({"k", "other", "khác", 50, 1, "2024"});
  EXPECT_EQ(catalog_->ocr_cache_size(), 2);
  const auto hit = catalog_->ocr_cached("k", "tesseract");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->text, "chữ mới");
  EXPECT_EQ(hit->confidence, 92);
}

TEST_F(CatalogTest, MetaValues) {
  EXPECT_EQ(catalog_->meta("absent"), "");
  catalog_->set_meta("k", "v1");
  catalog_->set_meta("k", "v2");
  EXPECT_EQ(catalog_->meta("k"), "v2");
  EXPECT_EQ(catalog_->meta("schema_version"), "4");
}

TEST_F(CatalogTest, ReadOnlyOpenSeesTheWriterAndNeverWrites) {
  const int64_t a = add(document("/docs/a.pdf"));
  std::string error;
  auto reader = Catalog::open(catalog_path(dir_.path()), true, &error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->get(a)->title, "Quyết định phê duyệt");
  EXPECT_THROW(reader->set_meta("k", "v"), std::runtime_error);
}

TEST(Catalog, OpenFailuresAreValues) {
  test::TempDir dir("catalog-open");
  std::string error;
  EXPECT_FALSE(Catalog::open(dir.path() / "absent.sqlite", true, &error));
  EXPECT_NE(error.find("absent.sqlite"), std::string::npos) << error;
}

TEST(Catalog, RefusesANewerSchema) {
  test::TempDir dir("catalog-newer");
  std::string error;
  {
    auto c = Catalog::open(catalog_path(dir.path()), false, &error);
    ASSERT_TRUE(c) << error;
    c->set_meta("schema_version", "99");
  }
  EXPECT_FALSE(Catalog::open(catalog_path(dir.path()), false, &error));
  EXPECT_NE(error.find("re-create"), std::string::npos) << error;
}

TEST(Catalog, AVersionOneCatalogGainsTheFileTitle) {
  // Version 2 added documents.file_title; rows written before read nullopt.
  test::TempDir dir("catalog-v1");
  std::string error;
  {
    auto c = Catalog::open(catalog_path(dir.path()), false, &error);
    ASSERT_TRUE(c) << error;
    CatalogDocument d;
    d.path = "/docs/old.pdf";
    d.status = "indexed";
    d.file_title = "Tiêu đề";
    c->put(d, {});
    ASSERT_EQ(sqlite3_exec(c->handle(),
                           "ALTER TABLE documents DROP COLUMN file_title",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    c->set_meta("schema_version", "1");
  }
  {
    auto reader = Catalog::open(catalog_path(dir.path()), true, &error);
    ASSERT_TRUE(reader) << error;
    EXPECT_FALSE(reader->get_by_path("/docs/old.pdf")->file_title);
  }
  auto c = Catalog::open(catalog_path(dir.path()), false, &error);
  ASSERT_TRUE(c) << error;
  EXPECT_EQ(c->meta("schema_version"), "4");
  auto d = c->get_by_path("/docs/old.pdf");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->file_title);
  d->file_title = "Tiêu đề mới";
  c->put(*d, {});
  EXPECT_EQ(c->get_by_path("/docs/old.pdf")->file_title, "Tiêu đề mới");
}

TEST(Catalog, AVersionTwoCatalogGainsRelations) {
  // Version 3 added the relations and force tables: a reader of an older
  // catalog sees none, a writer adds them.
  test::TempDir dir("catalog-v2");
  std::string error;
  {
    auto c = Catalog::open(catalog_path(dir.path()), false, &error);
    ASSERT_TRUE(c) << error;
    CatalogDocument d;
    d.path = "/docs/old.pdf";
    d.status = "indexed";
    c->put(d, {});
    ASSERT_EQ(
        sqlite3_exec(c->handle(), "DROP TABLE relations; DROP TABLE force",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    c->set_meta("schema_version", "2");
  }
  {
    auto reader = Catalog::open(catalog_path(dir.path()), true, &error);
    ASSERT_TRUE(reader) << error;
    EXPECT_TRUE(reader->get_by_path("/docs/old.pdf")->relations.empty());
    EXPECT_TRUE(reader->relations_to("1/2020/tt-btc").empty());
  }
  auto c = Catalog::open(catalog_path(dir.path()), false, &error);
  ASSERT_TRUE(c) << error;
  EXPECT_EQ(c->meta("schema_version"), "4");
  auto d = c->get_by_path("/docs/old.pdf");
  ASSERT_TRUE(d);
  d->relations = {{"repeals", "01/2020/TT-BTC", "Điều 5", "Bãi bỏ Điều 5 …", 2,
                   "extracted"}};
  d->effective_date = "2026-01-01";
  c->put(*d, {});
  const auto back = c->get_by_path("/docs/old.pdf");
  ASSERT_EQ(back->relations.size(), 1u);
  EXPECT_EQ(back->relations[0].scope, "Điều 5");
  EXPECT_EQ(back->relations[0].page, 2);
  EXPECT_EQ(back->effective_date, "2026-01-01");
  const auto in = c->relations_to("1/2020/tt-btc");
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].doc_id, back->id);
  EXPECT_EQ(in[0].relation.kind, "repeals");
}

}  // namespace
}  // namespace kb
