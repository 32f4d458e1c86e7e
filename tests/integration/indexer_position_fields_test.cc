// vnkb-index on the demo corpus's own negotiation records (corpus/samples/,
// fictional, written for vnkb): the forum as written and the target of each
// position are stored, listed, shown and exported, and a librarian sets
// them with positions add/edit (bad input refused with exit 2); the
// librarian's commands on actors outside the taxonomy (actors list --new,
// merge, alias, add), with bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kInc5 = "bien-ban-tham-van-lien-bo-inc5.txt";
constexpr const char* kJic = "bao-cao-doan-jic-vpa-flegt.txt";
constexpr const char* kEpr = "ghi-chep-tham-van-epr.txt";

class SampleRecordsTest : public IndexerTest {
 protected:
  void SetUp() override {
    IndexerTest::SetUp();
    for (const char* f : {kInc5, kJic, kEpr})
      copy(std::string("corpus/samples/") + f);
    const RunResult r = index({"add", docs_.string()});
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  json actors(bool only_new) {
    std::vector<std::string> args = {"actors", "list", "--json"};
    if (only_new) args.push_back("--new");
    const RunResult r = index(args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  }
  std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string doc(const char* name) { return (docs_ / name).string(); }
};

TEST_F(SampleRecordsTest, ForumNameAndTargetAreStoredListedAndExported) {
  const json all = list_positions(db_);
  ASSERT_FALSE(all.empty());
  // The extractor's forum as written and target reach the catalog.
  int with_target = 0, with_forum_name = 0;
  for (const auto& p : all) {
    ASSERT_TRUE(p.contains("forum_name") && p.contains("target")) << p.dump();
    with_target += !p["target"].get<std::string>().empty();
    with_forum_name += !p["forum_name"].get<std::string>().empty();
    // Names as written, never the "x:" id of an actor outside the taxonomy.
    EXPECT_NE(p["actor_name"].get<std::string>().rfind("x:", 0), 0u)
        << p.dump();
  }
  EXPECT_GT(with_target, static_cast<int>(all.size()) / 2) << all.dump(1);
  EXPECT_GT(with_forum_name, 0) << all.dump(1);
  json sample;
  for (const auto& p : all) {
    if (!p["target"].get<std::string>().empty() &&
        !p["forum_name"].get<std::string>().empty()) {
      sample = p;
      break;
    }
  }
  ASSERT_FALSE(sample.is_null());
  const std::string id = std::to_string(sample["id"].get<int64_t>());
  const RunResult shown = index({"positions", "show", "--json", id});
  ASSERT_EQ(shown.exit_code, 0);
  const json one = json::parse(shown.out);
  EXPECT_EQ(one["forum_name"], sample["forum_name"]);
  EXPECT_EQ(one["target"], sample["target"]);
  const RunResult text = index({"positions", "show", id});
  EXPECT_NE(text.out.find("target    " + sample["target"].get<std::string>()),
            std::string::npos)
      << text.out;
  EXPECT_NE(
      text.out.find("at        " + sample["forum_name"].get<std::string>()),
      std::string::npos)
      << text.out;

  // The brief: CSV's last two columns, and the Markdown.
  const RunResult csv = index({"positions", "export", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  const std::string first_line = csv.out.substr(0, csv.out.find("\r\n"));
  EXPECT_TRUE(first_line.ends_with(
      "\"Liên kết\",\"Diễn đàn (theo văn bản)\",\"Về vấn đề\""))
      << first_line;
  EXPECT_NE(
      csv.out.find("\"" + sample["forum_name"].get<std::string>() + "\",\"" +
                   sample["target"].get<std::string>() + "\"\r\n"),
      std::string::npos);
  const RunResult md = index({"positions", "export", "--format", "md"});
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("\n  Về: "), std::string::npos) << md.out;
  EXPECT_EQ(md.out.find("### x:"), std::string::npos)
      << "actors outside the taxonomy under their names";
  // The brief of an actor outside the taxonomy, named as the text does.
  const RunResult brief = index({"positions", "export", "--format", "md",
                                 "--actor", "Hiệp hội Nhựa Việt Nam"});
  ASSERT_EQ(brief.exit_code, 0) << brief.out;
  EXPECT_NE(brief.out.find("Tác nhân: Hiệp hội Nhựa Việt Nam"),
            std::string::npos)
      << brief.out;
  EXPECT_NE(brief.out.find("\n### Hiệp hội Nhựa Việt Nam\n"),
            std::string::npos);
  // Under each process (the INC-5 consultation's, none for the EPR
  // workshop), that actor alone.
  size_t sections = 0, processes = 0;
  for (size_t at = 0; (at = brief.out.find("\n### ", at)) != std::string::npos;
       ++at) {
    ++sections;
    const std::string_view heading = "\n### Hiệp hội Nhựa Việt Nam\n";
    EXPECT_EQ(brief.out.compare(at, heading.size(), heading), 0);
  }
  for (size_t at = 0; (at = brief.out.find("\n## ", at)) != std::string::npos;
       ++at)
    ++processes;
  EXPECT_EQ(sections, processes) << brief.out;
  EXPECT_EQ(processes, 2u) << brief.out;
  EXPECT_EQ(index({"positions", "export", "--format", "md", "--actor",
                   "Hiệp hội Không Có Thật"})
                .exit_code,
            2);
}

TEST_F(SampleRecordsTest, LibrarianSetsForumNameAndTarget) {
  const std::string quote =
      "Bộ Tài chính đề nghị làm rõ nguồn kinh phí đối ứng";
  RunResult added =
      index({"positions", "add", "--doc", doc(kInc5), "--actor", "Bộ Tài chính",
             "--stance", "requests", "--page", "1", "--quote", quote,
             "--forum-name", "Họp <tham vấn> liên bộ & \"INC-5\"", "--target",
             "nguồn kinh phí đối ứng"});
  ASSERT_EQ(added.exit_code, 0) << added.out;
  const std::string id = added.out.substr(0, added.out.find('\n'));
  auto get = [&] {
    const RunResult r = index({"positions", "show", "--json", id});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  };
  EXPECT_EQ(get()["forum_name"], "Họp <tham vấn> liên bộ & \"INC-5\"");
  EXPECT_EQ(get()["target"], "nguồn kinh phí đối ứng");
  EXPECT_EQ(get()["source"], "librarian");

  // An extracted position corrected: the correction survives reindex; a
  // field not named keeps the extractor's value; "" clears.
  json extracted;
  for (const auto& p : list_positions(db_, {"--source", "extracted"})) {
    if (!p["target"].get<std::string>().empty()) extracted = p;
  }
  ASSERT_FALSE(extracted.is_null());
  const std::string eid = std::to_string(extracted["id"].get<int64_t>());
  ASSERT_EQ(index({"positions", "edit", eid, "--forum-name",
                   "Phiên tham vấn thứ hai"})
                .exit_code,
            0);
  ASSERT_EQ(index({"reindex"}).exit_code, 0);
  json after;
  for (const auto& p : list_positions(db_)) {
    if (std::to_string(p["id"].get<int64_t>()) == eid) after = p;
  }
  ASSERT_FALSE(after.is_null()) << "the corrected position keeps its id";
  EXPECT_EQ(after["forum_name"], "Phiên tham vấn thứ hai");
  EXPECT_EQ(after["target"], extracted["target"]);
  EXPECT_EQ(after["source"], "corrected");
  ASSERT_EQ(index({"positions", "edit", eid, "--target", ""}).exit_code, 0);
  EXPECT_EQ(list_positions(db_, {"--source", "corrected"})[0]["target"], "");
  EXPECT_EQ(get()["target"], "nguồn kinh phí đối ứng") << "after reindex";

  // Bad input: exit 2, nothing changed.
  const std::string too_long(700, 'a');
  for (const std::vector<std::string>& bad :
       std::vector<std::vector<std::string>>{
           {"--target", "dòng một\ndòng hai"},
           {"--target", "tab\tthen\x01"},
           {"--target", "   "},
           {"--target", too_long},
           {"--target", "\xC3\x28"},
           {"--forum-name", std::string(301, 'b')},
           {"--forum-name", "a\rb"},
       }) {
    std::vector<std::string> args = {"positions", "edit", id};
    args.insert(args.end(), bad.begin(), bad.end());
    const RunResult r = index(args);
    EXPECT_EQ(r.exit_code, 2) << bad[0] << " " << bad[1] << ": " << r.out;
  }
  EXPECT_EQ(get()["target"], "nguồn kinh phí đối ứng");
  EXPECT_EQ(get()["forum_name"], "Họp <tham vấn> liên bộ & \"INC-5\"");
  EXPECT_EQ(index({"positions", "edit", "999999", "--target", "x"}).exit_code,
            1);
  EXPECT_EQ(index({"positions", "edit", "abc", "--target", "x"}).exit_code, 2);
  EXPECT_EQ(index({"positions", "edit", id, "--target"}).exit_code, 2);
  EXPECT_EQ(position_index_ids(db_), ids_of(list_positions(db_)));
  expect_check_ok();
}

TEST_F(SampleRecordsTest, NewActorsAreListedMergedAliasedAndAdded) {
  // The associations the taxonomy does not know are kept by name.
  const json fresh = actors(true);
  for (const char* id :
       {"x:hiep-hoi-nhua-viet-nam", "x:hiep-hoi-bao-bi-viet-nam"}) {
    EXPECT_TRUE(has_actor(fresh, id)) << id << ": " << fresh.dump();
  }
  for (const auto& a : fresh) {
    EXPECT_EQ(a["id"].get<std::string>().rfind("x:", 0), 0u);
    EXPECT_FALSE(a["label"].get<std::string>().empty());
    EXPECT_EQ(a["action"], "");
  }
  const std::string plastics = "x:hiep-hoi-nhua-viet-nam";
  // Its positions, by its name as written or by its id.
  const json by_name =
      list_positions(db_, {"--actor", "Hiệp hội Nhựa Việt Nam"});
  EXPECT_GE(by_name.size(), 3u);
  for (const auto& p : by_name) EXPECT_EQ(p["actor"], plastics);
  EXPECT_EQ(list_positions(db_, {"--actor", plastics}), by_name);
  EXPECT_EQ(index({"positions", "list", "--actor", "Hiệp hội Không Có Thật"})
                .exit_code,
            2);
  const RunResult text = index({"actors", "list", "--new"});
  EXPECT_NE(text.out.find(plastics + "\tHiệp hội Nhựa Việt Nam\t"),
            std::string::npos)
      << text.out;

  // Bad input, each exit 2 and nothing decided.
  const std::vector<std::vector<std::string>> bad = {
      {"actors", "merge", "x:no-such-actor", "vcci"},  // unknown id
      {"actors", "alias", "x:no-such-actor", "vcci"},
      {"actors", "add", "x:no-such-actor", "--kind", "organisation"},
      {"actors", "merge", "vcci", "vcci"},  // no open actor id
      {"actors", "merge", "", "vcci"},
      {"actors", "merge", plastics, ""},  // empty name
      {"actors", "alias", plastics, ""},
      {"actors", "merge", plastics, "   "},
      {"actors", "merge", plastics, plastics},  // into itself
      {"actors", "alias", plastics, plastics},
      {"actors", "merge", plastics, "Hiệp hội Nhựa Việt Nam"},
      {"actors", "merge", plastics, "no such entity"},
      {"actors", "add", plastics, "--kind", "organisation", "--id", ""},
      {"actors", "add", plastics, "--kind", "organisation", "--id", "Bad Id"},
      {"actors", "add", plastics, "--kind", "organisation", "--id", "vcci"},
      {"actors", "add", plastics, "--kind", "planet"},
      {"actors", "add", plastics},  // no kind
  };
  for (const auto& args : bad) {
    const RunResult r = index(args);
    std::string line;
    for (const auto& a : args) line += a + " ";
    EXPECT_EQ(r.exit_code, 2) << line << "-> " << r.out;
  }
  EXPECT_EQ(actors(true).size(), fresh.size());

  // alias: the positions take the entity, for good.
  const std::string packaging = "x:hiep-hoi-bao-bi-viet-nam";
  ASSERT_EQ(index({"actors", "alias", packaging, "VCCI"}).exit_code, 0);
  // add: a new entity under its own id.
  ASSERT_EQ(index({"actors", "add", plastics, "--kind", "organisation", "--id",
                   "vpas"})
                .exit_code,
            0);
  // A decided actor is decided: merging it again into itself is refused.
  EXPECT_EQ(index({"actors", "merge", plastics, plastics}).exit_code, 2);
  const json now = actors(false);
  for (const auto& a : now) {
    if (a["id"] == packaging) {
      EXPECT_EQ(a["action"], "alias");
      EXPECT_EQ(a["target"], "vcci");
    }
    if (a["id"] == plastics) {
      EXPECT_EQ(a["action"], "entity");
      EXPECT_EQ(a["target"], "vpas");
      EXPECT_EQ(a["kind"], "organisation");
    }
  }
  EXPECT_FALSE(has_actor(actors(true), packaging));
  EXPECT_FALSE(has_actor(actors(true), plastics));
  for (int round = 0; round < 2; ++round) {
    bool plastics_positions = false;
    for (const auto& p : list_positions(db_)) {
      EXPECT_NE(p["actor"], packaging);
      EXPECT_NE(p["actor"], plastics);
      plastics_positions = plastics_positions || p["actor"] == "vpas";
    }
    EXPECT_TRUE(plastics_positions);
    ASSERT_EQ(index({"reindex"}).exit_code, 0);
  }
  EXPECT_EQ(position_index_ids(db_), ids_of(list_positions(db_)));
  expect_check_ok();
}

}  // namespace
}  // namespace kb::test
