// English documents through the real indexer: every ENB report of the
// shared corpus is English and speaks of climate change; an English
// translation is English page by page; the language is shown by `show`.
#include <algorithm>
#include <iostream>

#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

TEST_F(IndexerTest, EveryEnbReportIsEnglishAndAboutClimate) {
  const fs::path enb = source("../shared/corpus/negotiation/en");
  if (!fs::exists(enb)) GTEST_SKIP() << "no shared corpus";
  std::vector<std::string> args = {"add"};
  for (const auto& e : fs::directory_iterator(enb)) {
    if (e.path().extension() == ".txt") args.push_back(e.path().string());
  }
  ASSERT_EQ(args.size(), 1u + 102u);
  const auto r = index(args);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json docs = list();
  ASSERT_EQ(docs.size(), 102u);
  int english = 0;
  int climate = 0;
  for (const json& d : docs) {
    const auto topics = d["topic_ids"].get<std::vector<std::string>>();
    const bool has_climate = std::find(topics.begin(), topics.end(),
                                       "climate-change") != topics.end();
    EXPECT_EQ(d["language"], "en") << d["path"];
    EXPECT_TRUE(has_climate) << d["path"] << " " << d["topic_ids"];
    english += d["language"] == "en" ? 1 : 0;
    climate += has_climate ? 1 : 0;
  }
  // The figures docs/bench/english.md reports.
  std::cout << "ENB reports: " << docs.size() << ", English " << english
            << ", climate-change " << climate << "\n";
}

TEST_F(IndexerTest, ShowGivesTheLanguageOfTheDocumentAndOfEachPage) {
  const fs::path en = source("corpus/vbpl-en/vbpl-0953.txt");
  const auto r = index({"add", en.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json d = show(en.string());
  EXPECT_EQ(d["language"], "en");
  ASSERT_EQ(d["page_info"].size(), 1u);
  EXPECT_EQ(d["page_info"][0]["language"], "en");
  EXPECT_EQ(d["number"], "1873/QĐ-TTg");
  // An official translation is the decision it translates, not "other".
  EXPECT_EQ(d["type"], "Quyết định");
  const auto text = test::run(
      {test::index_binary(), "--db", db_.string(), "show", en.string()}, false);
  EXPECT_NE(text.out.find("language"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(" en\n"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace kb::test
