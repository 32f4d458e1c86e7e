// Positions across languages (issue 17): a topic named in one language
// reaches the positions of the other language's documents through the
// taxonomy's vocabulary, as document search does
// (search-server/cross_language.h), below the positions that hold the words
// typed. A real index in a temp dir: the demo corpus's Vietnamese
// consultation samples (plastics), an Earth Negotiations Bulletin report
// (climate, English) and two Vietnamese news articles on the Paris
// agreement, read from ../shared (skipped when absent).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/integration/process.h"
#include "tests/integration/suite_fixture.h"
#include "tests/integration/test_server.h"
#include "tests/unit/test_util.h"

namespace kb::server_test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class CrossLanguagePositions
    : public test::SuiteFixture<CrossLanguagePositions> {
 protected:
  static void SetUpTestSuite() {
    if (test::shared_dir().empty()) return;
    const fs::path shared = test::shared_dir() / "corpus" / "negotiation";
    if (!fs::exists(shared / "en" / "enb-0551.txt")) return;
    root_ = fs::temp_directory_path() /
            ("vnkb-cross-positions-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    const auto r =
        test::run({test::index_binary(), "--db", (root_ / "db").string(),
                   "--quiet", "add", test::source("corpus/samples").string(),
                   (shared / "en" / "enb-0551.txt").string(),
                   (shared / "vi" / "baomoi-0028.txt").string(),
                   (shared / "vi" / "baomoi-0036.txt").string()});
    if (!require(r.exit_code == 0, "add: " + r.out)) return;
    server_ = new test::TestServer(root_ / "db", test::source("ui"));
    require(server_->port() > 0, "the server did not start");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    if (!root_.empty()) fs::remove_all(root_);
  }
  void SetUp() override {
    test::SuiteFixture<CrossLanguagePositions>::SetUp();
    if (server_ == nullptr) GTEST_SKIP() << "no shared corpus";
  }

  static json get_json(const std::string& path) {
    const auto res = server_->get(path);
    EXPECT_TRUE(res && res->status == 200) << path;
    return res && res->status == 200 ? json::parse(res->body) : json();
  }
  // The positions of `q`, in rank order (all of them: fewer than 100).
  static std::vector<json> positions(const std::string& q) {
    const json r = get_json("/api/positions?per_page=100&q=" +
                            httplib::detail::encode_query_param(q));
    EXPECT_LT(r["total"].get<int>(), 100) << q;
    return r["positions"].get<std::vector<json>>();
  }
  // The language of the document a position comes from.
  static std::string language(const json& position) {
    const int64_t id = position["document_id"];
    auto it = languages_.find(id);
    if (it == languages_.end()) {
      it = languages_
               .emplace(id, get_json("/api/documents/" +
                                     std::to_string(id))["language"])
               .first;
    }
    return it->second;
  }
  static bool quotes(const json& position, const std::string& words) {
    return position["quote"].get<std::string>().find(words) !=
           std::string::npos;
  }
  // Every position of `ranked` quoting `words` in `own` language comes
  // before every position of another language, and there are some of each.
  static void expect_own_language_first(const std::vector<json>& ranked,
                                        const std::string& words,
                                        const std::string& own) {
    int own_quoting = 0;
    int other = 0;
    for (const json& p : ranked) {
      if (language(p) != own) {
        ++other;
      } else if (quotes(p, words)) {
        EXPECT_EQ(other, 0) << p["quote"] << " ranks below another language";
        ++own_quoting;
      }
    }
    EXPECT_GE(own_quoting, 2) << words;
    EXPECT_GE(other, 5) << words;
  }

  static inline fs::path root_;
  static inline test::TestServer* server_ = nullptr;
  static inline std::map<int64_t, std::string> languages_;
};

TEST_F(CrossLanguagePositions, AnEnglishTopicReachesVietnamesePositions) {
  // No English position speaks of plastic; the Vietnamese consultations
  // on plastics and extended producer responsibility do ("nhựa").
  const std::vector<json> ranked = positions("plastic");
  ASSERT_GE(ranked.size(), 7u);
  for (const json& p : ranked) EXPECT_EQ(language(p), "vi") << p["quote"];
  EXPECT_TRUE(std::any_of(ranked.begin(), ranked.end(),
                          [](const json& p) { return quotes(p, "nhựa"); }));
  EXPECT_EQ(positions("plastic pollution").size(), ranked.size());
  // The matrix and the brief take the same query.
  const json matrix = get_json("/api/positions/matrix?q=plastic");
  EXPECT_EQ(matrix["matched"], ranked.size());
  const auto brief = server_->get("/api/positions/export?q=plastic");
  ASSERT_TRUE(brief && brief->status == 200);
  EXPECT_NE(brief->body.find("nhựa"), std::string::npos);
}

TEST_F(CrossLanguagePositions, AVietnameseTopicReachesEnglishPositionsBelow) {
  const std::vector<json> ranked = positions("biến đổi khí hậu");
  ASSERT_FALSE(ranked.empty());
  // "Mỹ sẽ rút khỏi thỏa thuận Paris 2015 về chống biến đổi khí hậu".
  EXPECT_EQ(language(ranked.front()), "vi");
  EXPECT_TRUE(quotes(ranked.front(), "biến đổi khí hậu"));
  // The ENB report's parties (COLOMBIA, SAUDI ARABIA, BARBADOS ...).
  expect_own_language_first(ranked, "biến đổi khí hậu", "vi");
}

TEST_F(CrossLanguagePositions, AnEnglishTopicRanksEnglishPositionsFirst) {
  const std::vector<json> ranked = positions("climate change");
  ASSERT_FALSE(ranked.empty());
  // "COLOMBIA suggested that climate change discussions be framed ...".
  EXPECT_EQ(language(ranked.front()), "en");
  EXPECT_TRUE(quotes(ranked.front(), "climate change"));
  expect_own_language_first(ranked, "climate change", "en");
}

}  // namespace
}  // namespace kb::server_test
