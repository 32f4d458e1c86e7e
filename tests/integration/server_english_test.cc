// English documents beside Vietnamese ones, through the API over the demo
// corpus (which holds three official English translations, corpus/vbpl-en):
// forms of an English word meet, a topic named in one language reaches the
// other language's documents below its own, the language facet, and the
// translation family of a number.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

TEST_F(ServerTest, FormsOfAnEnglishWordFindTheSameDocuments) {
  const std::set<int64_t> one = all_hits("negotiation");
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, all_hits("negotiations"));
  EXPECT_EQ(one, all_hits("negotiating"));
  // The strategy (40/QĐ-TTg) says "negotiations" and "negotiation".
  EXPECT_TRUE(one.count(id_of("vbpl-0826.txt")));
}

TEST_F(ServerTest, TheFormTypedRanksFirst) {
  // 112/2008/NĐ-CP says "facilities" only; 1873/QĐ-TTg says "facilities"
  // and once "facility": "facility" finds both, 1873/QĐ-TTg first.
  const std::vector<int64_t> ids = hit_ids(search("q=facility&per_page=50"));
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids[0], id_of("vbpl-0953.txt"));
  EXPECT_NE(std::find(ids.begin(), ids.end(), id_of("vbpl-0935.txt")),
            ids.end());
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()), all_hits("facilities"));
}

TEST_F(ServerTest, AVietnameseTopicReachesEnglishDocumentsBelowItsOwn) {
  const json r = search("q=" + enc("biến đổi khí hậu") + "&per_page=50");
  const std::vector<int64_t> ids = hit_ids(r);
  const int64_t strategy = id_of("vbpl-0826.txt");
  const auto at = std::find(ids.begin(), ids.end(), strategy);
  ASSERT_NE(at, ids.end()) << "the English strategy speaks of climate change";
  // Every Vietnamese document comes before every English one.
  bool english_seen = false;
  for (int64_t id : ids) {
    const std::string language = language_of(id);
    if (language == "en") english_seen = true;
    if (english_seen) {
      EXPECT_EQ(language, "en") << id;
    }
  }
  EXPECT_NE(ids.front(), strategy);
}

TEST_F(ServerTest, AnEnglishTopicReachesVietnameseDocumentsBelowItsOwn) {
  const std::vector<int64_t> ids =
      hit_ids(search("q=" + enc("plastic pollution") + "&per_page=50"));
  // The plastics treaty decision and the NPAP description are Vietnamese.
  for (const char* seed :
       {"004_cf0b71758d62ef38.txt", "002_8887ebef5e683073.txt"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id_of(seed)), ids.end())
        << seed;
  }
  bool vietnamese_seen = false;
  for (int64_t id : ids) {
    const std::string language = language_of(id);
    if (language == "vi") vietnamese_seen = true;
    if (vietnamese_seen) {
      EXPECT_NE(language, "en") << id;
    }
  }
}

TEST_F(ServerTest, LanguageFacet) {
  const json all = search("q=&per_page=50");
  std::map<std::string, int> counts;
  for (const json& v : all["facets"]["language"])
    counts[v["value"]] = v["count"];
  EXPECT_EQ(counts["en"], 3);
  EXPECT_GE(counts["vi"], 20);
  const json en = search("language=en&per_page=50");
  EXPECT_EQ(en["total"], 3);
  for (const json& h : en["hits"]) EXPECT_EQ(language_of(h["id"]), "en");
  // By label, and in the query language.
  EXPECT_EQ(search("language=" + enc("Tiếng Anh"))["total"], 3);
  EXPECT_EQ(search("q=" + enc("lang:en"))["total"], 3);
  const json bad = get_json("/api/search?language=fr", 400);
  EXPECT_NE(bad.dump().find("language must be one of"), std::string::npos);
}

TEST_F(ServerTest, AnEnglishTranslationSaysItsOriginalIsMissing) {
  const json d =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-0935.txt")));
  EXPECT_EQ(d["language"], "en");
  EXPECT_EQ(d["number"], "112/2008/NĐ-CP");
  EXPECT_TRUE(d["translations"].empty());
  EXPECT_EQ(d["original_missing"], true);
  EXPECT_EQ(d["page_info"][0]["language"], "en");
  const json page =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-0935.txt")) +
               "/text?page=1");
  EXPECT_EQ(page["language"], "en");
  // `vnkb-index show` says so too.
  const auto shown =
      test::run({test::index_binary(), "--db", (root_ / "db").string(), "show",
                 std::to_string(id_of("vbpl-0935.txt"))},
                false);
  EXPECT_NE(shown.out.find("original    not in the collection"),
            std::string::npos)
      << shown.out;
  // A Vietnamese document is no translation: nothing is missing.
  const json vi = get_json("/api/documents/" +
                           std::to_string(id_of("004_cf0b71758d62ef38.txt")));
  EXPECT_EQ(vi["language"], "vi");
  EXPECT_EQ(vi["original_missing"], false);
}

}  // namespace
}  // namespace kb::server_test

namespace kb::server_test {
namespace {

// A translation and its original are one family by number. No Vietnamese
// original of a vbpl-en translation is in the shared corpus, so a real
// Vietnamese decision stands in for it, numbered by the librarian's
// correction (`add --number`) as the translation's original would be.
TEST(TranslationFamily, EachOffersTheOther) {
  const fs::path root = fs::temp_directory_path() /
                        ("vnkb-translation-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string db = (root / "db").string();
  const fs::path en = source("corpus/vbpl-en/vbpl-0935.txt");
  const fs::path vi = source("corpus/vbpl/vbpl-000019.html");
  auto r = test::run(
      {test::index_binary(), "--db", db, "--quiet", "add", en.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = test::run({test::index_binary(), "--db", db, "--quiet", "add", "--number",
                 "112/2008/NĐ-CP", vi.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  {
    test::TestServer server(root / "db", source("ui"));
    ASSERT_GT(server.port(), 0);
    auto doc = [&](int64_t id) {
      const auto res = server.get("/api/documents/" + std::to_string(id));
      EXPECT_TRUE(res && res->status == 200);
      return res ? json::parse(res->body) : json();
    };
    const json first = doc(1);
    const json second = doc(2);
    const json& english = first["language"] == "en" ? first : second;
    const json& vietnamese = first["language"] == "en" ? second : first;
    ASSERT_EQ(english["language"], "en");
    ASSERT_EQ(vietnamese["language"], "vi");
    ASSERT_EQ(english["translations"].size(), 1u);
    EXPECT_EQ(english["translations"][0]["id"], vietnamese["id"]);
    EXPECT_EQ(english["translations"][0]["language"], "vi");
    EXPECT_EQ(english["original_missing"], false);
    ASSERT_EQ(vietnamese["translations"].size(), 1u);
    EXPECT_EQ(vietnamese["translations"][0]["id"], english["id"]);
    EXPECT_EQ(vietnamese["translations"][0]["language"], "en");
  }
  // `vnkb-index show` says the same: each offers the other.
  auto show = [&](int64_t id, bool as_json) {
    std::vector<std::string> args = {test::index_binary(), "--db", db, "show",
                                     std::to_string(id)};
    if (as_json) args.push_back("--json");
    return test::run(args, false).out;
  };
  const json shown = json::parse(show(1, true));
  ASSERT_EQ(shown["translations"].size(), 1u);
  EXPECT_EQ(shown["translations"][0]["id"], 2);
  EXPECT_EQ(shown["original_missing"], false);
  const std::string first_text = show(1, false);
  const std::string second_text = show(2, false);
  const std::string& english_text =
      shown["language"] == "en" ? first_text : second_text;
  const std::string& vietnamese_text =
      shown["language"] == "en" ? second_text : first_text;
  EXPECT_NE(english_text.find("\nVietnamese  "), std::string::npos)
      << english_text;
  EXPECT_NE(vietnamese_text.find("\nEnglish     "), std::string::npos)
      << vietnamese_text;
  EXPECT_EQ(english_text.find("not in the collection"), std::string::npos);
  fs::remove_all(root);
}

}  // namespace
}  // namespace kb::server_test
