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
  EXPECT_EQ(catalog_->meta("positions_schema_version"), "1");
  EXPECT_EQ(catalog_->meta("schema_version"), "4");
  // Opening again (another run) changes nothing.
  EXPECT_NO_THROW(PositionStore(catalog_->handle(), true));
  EXPECT_EQ(catalog_->meta("positions_schema_version"), "1");
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
