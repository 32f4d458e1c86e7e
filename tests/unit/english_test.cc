// English beside Vietnamese: the language of a text, a page and a document
// (core/language.h), the English tier (core/english_terms.h), and document
// numbers written in English text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/analyzer.h"
#include "core/english_terms.h"
#include "core/language.h"
#include "core/schema.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kVietnamese =
    "Thủ tướng Chính phủ quyết định phê duyệt Đề án tham gia đàm phán "
    "Thỏa thuận toàn cầu về ô nhiễm nhựa. ";
const std::string kEnglish =
    "The Prime Minister decides to approve the scheme on participation in "
    "the negotiations of a global agreement on plastic pollution. ";

TEST(Language, OfAText) {
  EXPECT_EQ(language_of_utf8(kVietnamese), "vi");
  EXPECT_EQ(language_of_utf8(test::nfd(kVietnamese)), "vi");
  EXPECT_EQ(language_of_utf8(kEnglish), "en");
  // A page holding both: a quarter of its words carry a mark.
  EXPECT_EQ(language_of_utf8(kEnglish + kEnglish + kEnglish + kVietnamese),
            "mixed");
  // Vietnamese typed without diacritics is still Vietnamese.
  EXPECT_EQ(language_of_utf8("Ban tin ve hoa binh va thuy loi o vung bien."),
            "vi");
  EXPECT_EQ(language_of_utf8("12/2021 — 3.5"), "");
  EXPECT_EQ(language_of_utf8(""), "");
}

TEST(Language, OfADocument) {
  EXPECT_EQ(language_of_pages({kVietnamese, kVietnamese}), "vi");
  EXPECT_EQ(language_of_pages({kEnglish, "", kEnglish}), "en");
  // An English annex as long as the Vietnamese text.
  EXPECT_EQ(language_of_pages({kVietnamese, kEnglish}), "mixed");
  // A short English line among many Vietnamese pages does not make it mixed.
  std::vector<std::string> pages(10, kVietnamese + kVietnamese);
  pages.push_back("Annex: list of references");
  EXPECT_EQ(language_of_pages(pages), "vi");
  EXPECT_EQ(language_of_pages({}), "");
}

TEST(Language, NamesAndLabels) {
  for (const char* name : {"en", "EN", "English", "Tiếng Anh", "tiếng anh"})
    EXPECT_EQ(find_language(name)->id, "en") << name;
  EXPECT_EQ(find_language("Song ngữ")->id, "mixed");
  EXPECT_EQ(find_language("fr"), nullptr);
}

TEST(EnglishTerms, FormsOfAWordShareTheirStem) {
  const std::string stem = english_stem_term("negotiation");
  EXPECT_EQ(stem.rfind(schema::kStemPrefix, 0), 0u);
  for (const char* form : {"negotiations", "negotiating", "Negotiation"}) {
    const Analysis a = analyze(form);
    ASSERT_EQ(a.tokens.size(), 1u);
    EXPECT_EQ(english_stem_term(a.tokens[0]), stem) << form;
  }
  // Vietnamese syllables with marks, numbers and document numbers have none.
  for (const char* text : {"đàm", "phán", "2021", "18/2021/ND-CP", "a"}) {
    for (const Token& t : analyze(text).tokens)
      EXPECT_EQ(english_stem_term(t), "") << text << " " << t.exact;
  }
}

TEST(EnglishTerms, WeighOnlyWhereAsked) {
  const Analysis a = analyze("Negotiations resumed; the negotiation ended.");
  Xapian::Document weighed;
  add_english_terms(weighed, a, 1);
  Xapian::Document matched;
  add_english_terms(matched, a, 0);
  const std::string stem = english_stem_term("negotiation");
  auto wdf = [&](const Xapian::Document& d) {
    auto it = d.termlist_begin();
    it.skip_to(stem);
    return it != d.termlist_end() && *it == stem ? it.get_wdf() : 99u;
  };
  EXPECT_EQ(wdf(weighed), 2u);
  EXPECT_EQ(wdf(matched), 0u);
}

// "Decree No. 18/2021/ND-CP" in an English text is the number a Vietnamese
// text writes "Nghị định số 18/2021/NĐ-CP": one entity, one key.
TEST(EnglishTerms, DocumentNumbersInEnglishText) {
  const Analysis en = analyze(
      "Pursuant to the Government's Decree No. 18/2021/ND-CP of March 11, "
      "2021, and Decision No. 1873/QD-TTg of October 11, 2010;");
  const Analysis vi = analyze(
      "Căn cứ Nghị định số 18/2021/NĐ-CP ngày 11 tháng 3 năm 2021 và Quyết "
      "định số 1873/QĐ-TTg;");
  ASSERT_EQ(en.numbers.size(), 2u);
  ASSERT_EQ(vi.numbers.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(en.numbers[i].key(), vi.numbers[i].key());
    EXPECT_EQ(en.numbers[i].display(), vi.numbers[i].display());
  }
}

// Every ENB report and every official English translation of the shared
// corpus reads as English; every Vietnamese legal text of it as Vietnamese.
TEST(Language, SharedCorpus) {
  const fs::path corpus = test::source("../shared/corpus");
  if (!fs::exists(corpus / "negotiation" / "en"))
    GTEST_SKIP() << "no shared corpus";
  int english = 0;
  for (const char* folder : {"negotiation/en", "vbpl-en"}) {
    for (const auto& e : fs::directory_iterator(corpus / folder)) {
      if (e.path().extension() != ".txt") continue;
      EXPECT_EQ(language_of_pages({read_file(e.path())}), "en") << e.path();
      ++english;
    }
  }
  EXPECT_EQ(english, 102 + 243);
  int vietnamese = 0;
  for (const auto& e : fs::directory_iterator(corpus / "negotiation" / "vi")) {
    if (e.path().extension() != ".txt") continue;
    EXPECT_EQ(language_of_pages({read_file(e.path())}), "vi") << e.path();
    ++vietnamese;
  }
  EXPECT_EQ(vietnamese, 210);
}

}  // namespace
}  // namespace kb
