// Tests of core/position_store.h on a real catalog file: extracted
// positions, the librarian's overrides surviving re-extraction, and the
// dirty/deleted bookkeeping the indexer follows.
#include "core/position_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "tests/unit/temp_dir.h"

namespace kb {
namespace {

PositionRecord extracted(const std::string& key, const std::string& actor,
                         const std::string& stance) {
  PositionRecord p;
  p.key = key;
  p.actor = actor;
  p.stance = stance;
  p.topics = {"minerals"};
  p.date = "2021-08";
  p.quote = "Bộ " + actor + " " + stance;
  p.page = 1;
  p.begin = 10;
  p.end = 20;
  return p;
}

class PositionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    catalog_ = Catalog::open(catalog_path(dir_.path()), false, &error);
    ASSERT_TRUE(catalog_) << error;
    store_ = std::make_unique<PositionStore>(catalog_->handle(), true);
    catalog_->begin();
    for (const char* path : {"/a.pdf", "/b.pdf"}) {
      CatalogDocument d;
      d.path = path;
      d.status = "indexed";
      doc_ids_.push_back(catalog_->put(d, nullptr));
    }
    catalog_->commit();
  }
  // Replaces document 0's extracted positions, in a transaction.
  void extract(const std::vector<PositionRecord>& positions) {
    catalog_->begin();
    store_->replace_extracted(doc_ids_[0], positions);
    catalog_->commit();
  }
  // "key:actor:stance:source" of document 0's positions, in page order.
  std::vector<std::string> summary() const {
    std::vector<std::string> out;
    for (const PositionRecord& p : store_->of_document(doc_ids_[0]))
      out.push_back(p.key + ":" + p.actor + ":" + p.stance + ":" + p.source);
    return out;
  }
  int64_t id_of(const std::string& key) const {
    for (const PositionRecord& p : store_->of_document(doc_ids_[0]))
      if (p.key == key) return p.id;
    return 0;
  }

  test::TempDir dir_{"position-store-test"};
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<PositionStore> store_;
  std::vector<int64_t> doc_ids_;
};

TEST_F(PositionStoreTest, RecordsRoundTripEveryField) {
  PositionRecord in = extracted("k1", "bng", "supports");
  in.process = "plastics-treaty";
  in.forum = "inc";
  in.forum_name = "Hội đàm Việt Nam - Nhật Bản";
  in.target = "một thỏa thuận có tính ràng buộc pháp lý";
  in.topics = {"plastics", "oceans"};
  in.quote = std::string("trích") + '\0' + "dẫn";  // NULs kept whole
  extract({in});
  const auto all = store_->all();
  ASSERT_EQ(all.size(), 1u);
  const PositionRecord& out = all[0];
  EXPECT_GT(out.id, 0);
  EXPECT_EQ(out.doc_id, doc_ids_[0]);
  EXPECT_EQ(out.key, in.key);
  EXPECT_EQ(out.actor, in.actor);
  EXPECT_EQ(out.stance, in.stance);
  EXPECT_EQ(out.process, in.process);
  EXPECT_EQ(out.forum, in.forum);
  EXPECT_EQ(out.forum_name, in.forum_name);
  EXPECT_EQ(out.target, in.target);
  EXPECT_EQ(out.topics, in.topics);
  EXPECT_EQ(out.date, in.date);
  EXPECT_EQ(out.quote, in.quote);
  EXPECT_EQ(out.page, in.page);
  EXPECT_EQ(out.begin, in.begin);
  EXPECT_EQ(out.end, in.end);
  EXPECT_EQ(out.source, "extracted");
  EXPECT_EQ(store_->get(out.id)->quote, in.quote);
  EXPECT_FALSE(store_->get(out.id + 100));
}

TEST_F(PositionStoreTest, ReExtractionKeepsIdsOfKeptPassages) {
  extract({extracted("k1", "bng", "supports"),
           extracted("k2", "btc", "opposes"),
           extracted("k2", "btc", "opposes")});  // the same clause twice
  EXPECT_EQ(summary(), (std::vector<std::string>{"k1:bng:supports:extracted",
                                                 "k2:btc:opposes:extracted"}));
  const int64_t k1 = id_of("k1");
  extract({extracted("k1", "bng", "leads"), extracted("k3", "bct", "commits")});
  EXPECT_EQ(id_of("k1"), k1);
  EXPECT_EQ(store_->get(k1)->stance, "leads");
  EXPECT_EQ(id_of("k2"), 0);
}

TEST_F(PositionStoreTest, OverridesSurviveReExtraction) {
  const std::vector<PositionRecord> text = {extracted("k1", "bng", "supports"),
                                            extracted("k2", "btc", "opposes"),
                                            extracted("k3", "bct", "commits")};
  extract(text);
  PositionEdit edit;
  edit.stance = "proposes";
  edit.topics = std::vector<std::string>{"trade"};
  ASSERT_TRUE(store_->edit(id_of("k1"), edit));
  ASSERT_TRUE(store_->remove(id_of("k2")));
  PositionRecord own;
  own.doc_id = doc_ids_[0];
  own.actor = "ubnd";
  own.stance = "requests";
  own.page = 2;
  const int64_t own_id = store_->add(own);
  EXPECT_FALSE(store_->edit(999999, edit));
  EXPECT_FALSE(store_->remove(999999));

  static const std::vector<std::string> kWant = {"k1:bng:proposes:corrected",
                                                 "k3:bct:commits:extracted",
                                                 ":ubnd:requests:librarian"};
  EXPECT_EQ(summary(), kWant);
  extract(text);  // the document is read again
  EXPECT_EQ(summary(), kWant);
  EXPECT_EQ(store_->get(id_of("k1"))->topics,
            (std::vector<std::string>{"trade"}));
  EXPECT_TRUE(store_->get(own_id));

  // The librarian's own position: edited in place, removed for good.
  PositionEdit stance;
  stance.stance = "leads";
  ASSERT_TRUE(store_->edit(own_id, stance));
  extract(text);
  EXPECT_EQ(store_->get(own_id)->stance, "leads");
  ASSERT_TRUE(store_->remove(own_id));
  extract(text);
  EXPECT_FALSE(store_->get(own_id));
  EXPECT_EQ(summary().size(), 2u);
}

TEST_F(PositionStoreTest, ForumNameAndTargetCorrectionsSurviveReExtraction) {
  PositionRecord read = extracted("k1", "bng", "supports");
  read.forum_name = "Hội đàm Việt Nam - Nhật Bản";
  read.target = "cách tiếp cận vòng đời";
  extract({read});
  const int64_t k1 = id_of("k1");
  PositionEdit edit;
  edit.forum_name = "Phiên họp JIC lần thứ ba";
  edit.target = "";  // cleared
  ASSERT_TRUE(store_->edit(k1, edit));
  read.target = "cách tiếp cận vòng đời nhựa";  // the rules changed
  extract({read});
  EXPECT_EQ(store_->get(k1)->forum_name, "Phiên họp JIC lần thứ ba");
  EXPECT_EQ(store_->get(k1)->target, "");
  EXPECT_EQ(store_->get(k1)->source, "corrected");
  // A field not edited follows the text.
  PositionEdit other;
  other.stance = "proposes";
  PositionRecord second = extracted("k2", "btc", "opposes");
  second.target = "thuế phí";
  extract({read, second});
  ASSERT_TRUE(store_->edit(id_of("k2"), other));
  second.target = "thuế phí toàn cầu";
  extract({read, second});
  EXPECT_EQ(store_->get(id_of("k2"))->target, "thuế phí toàn cầu");

  // The librarian's own position keeps both, also when edited.
  PositionRecord own;
  own.doc_id = doc_ids_[0];
  own.actor = "ubnd";
  own.stance = "requests";
  own.page = 1;
  own.forum_name = "Hội thảo tham vấn";
  own.target = "lộ trình ba năm";
  const int64_t own_id = store_->add(own);
  PositionEdit target;
  target.target = "lộ trình năm năm";
  ASSERT_TRUE(store_->edit(own_id, target));
  extract({read, second});
  EXPECT_EQ(store_->get(own_id)->forum_name, "Hội thảo tham vấn");
  EXPECT_EQ(store_->get(own_id)->target, "lộ trình năm năm");
}

TEST_F(PositionStoreTest, DirtyAndDeletedBookkeeping) {
  extract(
      {extracted("k1", "bng", "supports"), extracted("k2", "btc", "opposes")});
  const int64_t k1 = id_of("k1"), k2 = id_of("k2");
  EXPECT_EQ(store_->dirty_ids(), (std::vector<int64_t>{k1, k2}));
  store_->mark_clean({k1, k2});
  EXPECT_TRUE(store_->dirty_ids().empty());
  PositionEdit edit;
  edit.quote = "mới";
  store_->edit(k1, edit);
  EXPECT_EQ(store_->dirty_ids(), (std::vector<int64_t>{k1}));
  store_->mark_all_dirty();
  EXPECT_EQ(store_->dirty_ids().size(), 2u);

  store_->remove(k2);
  EXPECT_EQ(store_->deleted_ids(), (std::vector<int64_t>{k2}));
  store_->forget_deleted({k2});
  EXPECT_TRUE(store_->deleted_ids().empty());
  // Deleting the document deletes its positions, and records them.
  catalog_->begin();
  catalog_->erase(doc_ids_[0]);
  catalog_->commit();
  EXPECT_TRUE(store_->all().empty());
  EXPECT_EQ(store_->deleted_ids(), (std::vector<int64_t>{k1}));
}

TEST_F(PositionStoreTest, VersionedThroughTheOneMigrationPath) {
  EXPECT_EQ(catalog_->meta("positions_schema_version"), "2");
  EXPECT_EQ(catalog_->meta("schema_version"), "4");
  // Opening again (another run) changes nothing.
  EXPECT_NO_THROW(PositionStore(catalog_->handle(), true));
  EXPECT_EQ(catalog_->meta("positions_schema_version"), "2");
}

TEST(PositionStore, Version1GainsForumNameAndTarget) {
  // A catalog whose positions table predates the forum as written and the
  // target (version 1): opening it for writing adds them, empty, and keeps
  // its rows.
  test::TempDir dir("position-store-v1");
  std::string error;
  auto catalog = Catalog::open(catalog_path(dir.path()), false, &error);
  ASSERT_TRUE(catalog) << error;
  CatalogDocument d;
  d.path = "/a.txt";
  d.status = "indexed";
  catalog->begin();
  const int64_t doc = catalog->put(d, nullptr);
  catalog->commit();
  sqlite::exec(catalog->handle(),
               "CREATE TABLE positions(id INTEGER PRIMARY KEY AUTOINCREMENT, "
               "doc_id INTEGER NOT NULL, key TEXT NOT NULL DEFAULT '', actor "
               "TEXT NOT NULL, stance TEXT NOT NULL, process TEXT NOT NULL "
               "DEFAULT '', forum TEXT NOT NULL DEFAULT '', topics TEXT NOT "
               "NULL DEFAULT '[]', date TEXT NOT NULL DEFAULT '', quote TEXT "
               "NOT NULL DEFAULT '', page INTEGER NOT NULL DEFAULT 0, "
               "begin_offset INTEGER NOT NULL DEFAULT 0, end_offset INTEGER "
               "NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'extracted', "
               "override_id INTEGER, indexed INTEGER NOT NULL DEFAULT 0);");
  sqlite::exec(catalog->handle(),
               "INSERT INTO positions(doc_id, key, actor, stance, quote) "
               "VALUES(" +
                   std::to_string(doc) + ", 'k', 'bng', 'supports', 'cũ');");
  sqlite::set_meta_value(catalog->handle(), "positions_schema_version", "1");
  PositionStore store(catalog->handle(), true);
  EXPECT_EQ(catalog->meta("positions_schema_version"), "2");
  const auto all = store.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].quote, "cũ");
  EXPECT_EQ(all[0].forum_name, "");
  EXPECT_EQ(all[0].target, "");
  PositionEdit edit;
  edit.target = "mới";
  ASSERT_TRUE(store.edit(all[0].id, edit));
  EXPECT_EQ(store.get(all[0].id)->target, "mới");
}

TEST(PositionStore, ReadOnlyWithoutTablesThrows) {
  // A catalog made before positions existed, read by `check`.
  test::TempDir dir("position-store-old");
  std::string error;
  auto catalog = Catalog::open(catalog_path(dir.path()), false, &error);
  ASSERT_TRUE(catalog) << error;
  const PositionStore store(catalog->handle(), false);
  EXPECT_THROW(store.all(), sqlite::Error);
}

}  // namespace
}  // namespace kb
