// The shared analysis: equal words give equal terms across every variant.
#include "core/analyzer.h"

#include <gtest/gtest.h>

#include "tests/unit/test_util.h"

namespace kb {
namespace {

Analysis run(const std::string& s) {
  AnalyzeOptions o;
  o.canonical_text = true;
  return analyze(s, o);
}

std::vector<std::string> exact_terms(const Analysis& a) {
  std::vector<std::string> out;
  for (const Token& t : a.tokens) out.push_back(t.exact);
  return out;
}

// Each group holds spellings of the same words.
const std::vector<std::vector<std::string>> kSameWords = {
    {"Hòa bình, THỦY LỢI và sức khỏe", "Hoà bình, THUỶ LỢI và sức khoẻ",
     test::nfd("Hòa bình, THỦY LỢI và sức khỏe"),
     "hoà BÌNH, thuỷ lợi VÀ SỨC KHOẺ"},
    {"Bộ Tài nguyên và Môi trường", "Bé Tµi nguyªn vµ M«i tr\u00ADêng",
     "Boä Taøi nguyeân vaø Moâi tröôøng",
     "Bo^. Ta`i nguye^n va` Mo^i tru+o+`ng", "Bé Tµi nguyªn vµ M«i tr-êng",
     test::nfd("Bộ Tài nguyên và Môi trường")},
    {"ĐỀ ÁN nước", "ÐỀ ÁN nứơc", "đề án NƯỚC"},
    {"Quyết định 1407/QĐ-TTg", "Quyết định 1407/QĐTTg",
     "quyết định 1407/QD-TTg", "QUYẾT ĐỊNH 1407 / QĐ - TTg",
     "QuyÕt ®Þnh 1407/Q§-TTg"},
    {"Nghị định 30/2020/NĐ-CP", "nghị định 30/2020/ND-CP",
     "Nghị định 30 / 2020 / NĐ - CP"},
};

TEST(Analyzer, SameWordsSameCanonicalAndTerms) {
  for (const auto& group : kSameWords) {
    const Analysis first = run(group[0]);
    for (const std::string& variant : group) {
      SCOPED_TRACE(variant);
      const Analysis a = run(variant);
      EXPECT_EQ(a.canonical, first.canonical);
      EXPECT_EQ(exact_terms(a), exact_terms(first));
      EXPECT_EQ(a.folded, first.folded);
    }
  }
}

TEST(Analyzer, UnaccentedInputFoldsLikeAccented) {
  const struct {
    const char* accented;
    const char* plain;
  } cases[] = {
      {"Thỏa thuận toàn cầu về ô nhiễm nhựa",
       "thoa thuan toan cau ve o nhiem nhua"},
      {"Liên minh Khoáng sản", "lien minh khoang san"},
      {"Đường", "duong"},
      {"quyết định 1407/QĐ-TTg", "quyet dinh 1407/QD-TTg"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(run(c.accented).folded, run(c.plain).folded) << c.plain;
  }
}

TEST(Analyzer, NumbersDatesAndEntities) {
  const Analysis a = run(
      "Ngày 16/8/2021 và 16-08-2021, 1.000.000 đồng, 3,5 tấn; số 1407/QĐTTg.");
  const auto terms = exact_terms(a);
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "2021-08-16"), 2);
  EXPECT_NE(std::find(terms.begin(), terms.end(), "1.000.000"), terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "3,5"), terms.end());
  ASSERT_EQ(a.numbers.size(), 1u);
  EXPECT_EQ(a.numbers[0].display(), "1407/QĐ-TTg");
  // The entity and its serial share a position; the codes follow.
  const auto entity = std::find_if(
      a.tokens.begin(), a.tokens.end(),
      [](const Token& t) { return t.kind == TokenKind::kDocNumber; });
  ASSERT_NE(entity, a.tokens.end());
  EXPECT_EQ(entity->exact, "1407/qđ-ttg");
  EXPECT_EQ(entity->folded, "1407/qd-ttg");
  EXPECT_EQ((entity + 1)->exact, "1407");
  EXPECT_EQ((entity + 1)->position, entity->position);
  EXPECT_EQ((entity + 2)->exact, "qđ");
  EXPECT_EQ((entity + 2)->position, entity->position + 1);
}

TEST(Analyzer, AbbreviationsStaySearchable) {
  const struct {
    const char* text;
    std::vector<std::string> terms;
  } cases[] = {
      {"TN&MT", {"tn", "mt"}},
      {"VPA-FLEGT", {"vpa", "flegt"}},
      {"JPC/JIC", {"jpc", "jic"}},
      {"Bộ TN&MT", {"bộ", "tn", "mt"}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(exact_terms(run(c.text)), c.terms) << c.text;
}

TEST(Analyzer, PositionsAndOffsets) {
  const Analysis a = run("Bộ  Ngoại giao: ủng hộ!");
  ASSERT_EQ(a.tokens.size(), 5u);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].position, i);
    const std::string surface =
        a.text.substr(a.tokens[i].begin, a.tokens[i].end - a.tokens[i].begin);
    EXPECT_EQ(canonical_string(surface), a.tokens[i].exact);
  }
  EXPECT_EQ(
      a.text.substr(a.tokens[4].begin, a.tokens[4].end - a.tokens[4].begin),
      "hộ");
}

TEST(Analyzer, Idempotent) {
  for (const auto& group : kSameWords) {
    for (const std::string& s : group) {
      const Analysis once = run(s);
      const Analysis twice = run(once.canonical);
      EXPECT_EQ(twice.canonical, once.canonical) << s;
      EXPECT_EQ(exact_terms(twice), exact_terms(once)) << s;
    }
  }
}

TEST(Analyzer, SurvivesGarbage) {
  std::string junk;
  for (int i = 0; i < 4096; ++i)
    junk.push_back(static_cast<char>((i * 131) & 0xFF));
  const Analysis a = run(junk);
  EXPECT_FALSE(a.text.empty());
  // Long digit runs are numbers, not dates (an overflow the sanitizer found).
  EXPECT_EQ(run("3401100000/12/2021").tokens.size(), 1u);
  const std::string long_word(500, 'a');
  EXPECT_TRUE(run(long_word).tokens.empty());  // over kMaxTermBytes
}

}  // namespace
}  // namespace kb
