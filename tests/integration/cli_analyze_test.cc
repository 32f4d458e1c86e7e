// `vnkb-index analyze` through the real binary: equal words print equal
// canonical forms and terms, whatever their spelling or encoding.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/process.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

nlohmann::json analyze_json(const std::string& text) {
  const test::RunResult r =
      test::run({test::index_binary(), "analyze", "--json", text}, false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return nlohmann::json::parse(r.out);
}

TEST(CliAnalyze, JsonFields) {
  const auto j = analyze_json("Quyết định 1407/QĐTTg về nhựa");
  for (const char* key :
       {"input", "canonical", "folded", "encoding", "terms", "numbers"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["input"], "Quyết định 1407/QĐTTg về nhựa");
  EXPECT_EQ(j["encoding"], "unicode");
  EXPECT_EQ(j["numbers"], nlohmann::json::array({"1407/QĐ-TTg"}));
  EXPECT_EQ(j["folded"], "quyet dinh 1407/qd-ttg ve nhua");
}

TEST(CliAnalyze, EveryVariantPrintsTheSameCanonicalAndTerms) {
  const std::vector<std::vector<std::string>> groups = {
      {"Hòa bình và thủy lợi", "Hoà bình và thuỷ lợi",
       test::nfd("Hòa bình và thủy lợi"), "HOÀ BÌNH VÀ THUỶ LỢI"},
      {"Bộ Tài nguyên và Môi trường", "Bé Tµi nguyªn vµ M«i tr\u00ADêng",
       "Boä Taøi nguyeân vaø Moâi tröôøng",
       "Bo^. Ta`i nguye^n va` Mo^i tru+o+`ng"},
      {"Số 1407/QĐ-TTg", "Số 1407/QĐTTg", "Số 1407/QD-TTg",
       "Số 1407 / QĐ - TTg"},
      {"ĐỀ ÁN", "ÐỀ ÁN"},
  };
  const char* encodings[] = {"unicode", "tcvn3", "vni", "viqr"};
  for (const auto& group : groups) {
    const auto first = analyze_json(group[0]);
    for (size_t i = 0; i < group.size(); ++i) {
      SCOPED_TRACE(group[i]);
      const auto j = analyze_json(group[i]);
      EXPECT_EQ(j["canonical"], first["canonical"]);
      EXPECT_EQ(j["terms"], first["terms"]);
      if (group[0] == "Bộ Tài nguyên và Môi trường") {
        EXPECT_EQ(j["encoding"], encodings[i]);
      }
    }
  }
  EXPECT_EQ(analyze_json("thoa thuan o nhiem nhua")["folded"],
            analyze_json("Thỏa thuận ô nhiễm nhựa")["folded"]);
}

TEST(CliAnalyze, UsageErrors) {
  EXPECT_EQ(test::run({test::index_binary(), "analyze"}).exit_code, 2);
  EXPECT_EQ(test::run({test::index_binary(), "no-such-command"}).exit_code, 2);
  const auto help = test::run({test::index_binary(), "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("analyze"), std::string::npos);
}

}  // namespace
}  // namespace kb
