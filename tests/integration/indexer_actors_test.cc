// vnkb-index and open actors, through the real binary on real negotiation
// news from ../shared (skipped when absent): actors outside the taxonomy are
// kept under their names, listed for the librarian, and the librarian's
// merge survives re-indexing; bad input is refused with exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path& news_dir() {
  static const fs::path dir =
      fs::path(VNKB_SOURCE_DIR) / "../shared/corpus/negotiation/vi";
  return dir;
}

class ActorsTest : public IndexerTest {
 protected:
  void SetUp() override {
    IndexerTest::SetUp();
    if (!fs::exists(news_dir() / "hddtvn-0093.txt")) GTEST_SKIP();
    fs::create_directories(docs_);
    for (const char* f :
         {"hddtvn-0093.txt", "baomoi-0142.txt", "baomoi-0029.txt"}) {
      fs::copy_file(news_dir() / f, docs_ / f,
                    fs::copy_options::overwrite_existing);
    }
    ASSERT_EQ(index({"add", docs_.string()}).exit_code, 0);
  }
  json actors(bool only_new) {
    std::vector<std::string> args = {"actors", "list", "--json"};
    if (only_new) args.push_back("--new");
    const RunResult r = index(args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  }
};

TEST_F(ActorsTest, OpenActorsAreListedAndMergedForGood) {
  // Positions: the association by its name, both sides of the talks.
  const json all = list_positions(db_);
  bool vasep = false, russia = false;
  for (const auto& p : all) {
    vasep = vasep || p["actor"] == "x:vasep";
    russia = russia || p["actor"] == "nga";
  }
  EXPECT_TRUE(vasep) << all.dump(1);
  EXPECT_TRUE(russia);
  const json fresh = actors(true);
  ASSERT_TRUE(has_actor(fresh, "x:vasep")) << fresh.dump();
  ASSERT_TRUE(has_actor(fresh, "x:hiep-hoi-thep-vn")) << fresh.dump();
  for (const auto& a : fresh) {
    EXPECT_EQ(a["id"].get<std::string>().rfind("x:", 0), 0u);
    EXPECT_FALSE(a["label"].get<std::string>().empty());
  }

  // Bad input: unknown id, empty name, an entity into itself.
  EXPECT_EQ(index({"actors", "merge", "x:no-such-actor", "vcci"}).exit_code, 2);
  EXPECT_EQ(index({"actors", "merge", "x:vasep", ""}).exit_code, 2);
  EXPECT_EQ(index({"actors", "merge", "x:vasep", "x:vasep"}).exit_code, 2);
  EXPECT_EQ(index({"actors", "merge", "x:vasep", "VASEP"}).exit_code, 2);
  EXPECT_EQ(index({"actors", "merge", "vcci", "vcci"}).exit_code, 2);
  EXPECT_EQ(index({"actors", "merge", "x:vasep", "nobody-at-all"}).exit_code,
            2);
  EXPECT_EQ(index({"actors", "add", "x:vasep", "--kind", "organisation", "--id",
                   "Bad Id"})
                .exit_code,
            2);
  EXPECT_EQ(index({"actors", "add", "x:vasep", "--kind", "organisation", "--id",
                   "vcci"})
                .exit_code,
            2);

  // Merge: the positions take the entity, now and after re-indexing.
  ASSERT_EQ(index({"actors", "merge", "x:vasep", "VCCI"}).exit_code, 0);
  ASSERT_EQ(index({"actors", "add", "x:hiep-hoi-thep-vn", "--kind",
                   "organisation", "--id", "vsa"})
                .exit_code,
            0);
  EXPECT_FALSE(has_actor(actors(true), "x:vasep"));
  for (int round = 0; round < 2; ++round) {
    bool merged = false, added = false;
    for (const auto& p : list_positions(db_)) {
      EXPECT_NE(p["actor"], "x:vasep");
      EXPECT_NE(p["actor"], "x:hiep-hoi-thep-vn");
      merged = merged || p["actor"] == "vcci";
      added = added || p["actor"] == "vsa";
    }
    EXPECT_TRUE(merged);
    EXPECT_TRUE(added);
    ASSERT_EQ(index({"reindex"}).exit_code, 0);
  }
  EXPECT_EQ(position_index_ids(db_), ids_of(list_positions(db_)));
  expect_check_ok();
}

TEST_F(ActorsTest, PositionsAddAcceptsAnActorOutsideTheTaxonomy) {
  const RunResult r =
      index({"positions", "add", "--doc", (docs_ / "hddtvn-0093.txt").string(),
             "--actor", "Hiệp hội Nhựa Việt Nam", "--stance", "opposes",
             "--quote", "VASEP", "--page", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(has_actor(actors(true), "x:hiep-hoi-nhua-viet-nam"));
  EXPECT_EQ(index({"positions", "add", "--doc",
                   (docs_ / "hddtvn-0093.txt").string(), "--actor", " ",
                   "--stance", "opposes", "--quote", "VASEP", "--page", "1"})
                .exit_code,
            2);
}

}  // namespace
}  // namespace kb::test
