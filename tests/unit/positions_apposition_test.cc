// A person named with their office in apposition speaks for it (issue 13):
// "Ông Tôn Thất Ái Tín, Giám đốc Công ty TNHH Lâm nghiệp Tiền Phong cho
// biết ..." is the company's stance (the clause's subject), and so is what
// the person says later by their short name ("..., ông Nam cho biết" after
// "ông Nguyễn Hữu Nam, Chủ tịch UBND xã Cát Sơn": person_names.cc); a
// person named with no office stays the actor ("Ông Võ Trọng Việt đề nghị"
// alone).
// Real sentences of the negotiation news (../shared/corpus/negotiation/vi:
// tuning, team (a, b) or unlabelled articles, never the held-out part); skipped
// without the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

using test::line_with;
using test::news_dir;

// "Ông A, <title> <organisation>": the organisation, not the person.
TEST(PositionAppositionTest, APersonWithTheirOfficeSpeaksForIt) {
  SKIP_WITHOUT_NEWS();
  const struct {
    const char* file;
    const char* anchor;
    const char* want;
  } cases[] = {
      {"baomoi-0142.txt", "Ông Nguyễn Văn Sưa, Phó Chủ tịch Hiệp hội Thép VN",
       "x:hiep-hoi-thep-vn requests"},
      {"baomoi-0106.txt",
       "Ông Tôn Thất Ái Tín, Giám đốc Công ty TNHH Lâm nghiệp Tiền Phong",
       "x:cong-ty-tnhh-lam-nghiep-tien-phong requests"},
      {"hddtvn-0102.txt",
       "Luật sư Nguyễn Thanh Hà, Chủ tịch Công ty TNHH SB Law",
       "x:cong-ty-tnhh-sb-law supports"},
  };
  for (const auto& c : cases) {
    const std::string line = line_with(news_dir() / c.file, c.anchor);
    ASSERT_FALSE(line.empty()) << c.file;
    const std::vector<std::string> got =
        test::stances_quoting(test::extract(line), c.anchor);
    EXPECT_TRUE(test::has_stance(got, c.want)) << c.file;
    for (const std::string& s : got)
      EXPECT_EQ(s.find("x:ong-"), std::string::npos) << c.file << ": " << s;
  }
}

// "ông Nguyễn Hữu Nam, Chủ tịch UBND xã Cát Sơn: ..." then, paragraphs
// later, "...; chúng tôi sẽ sớm triển khai ...”, ông Nam cho biết thêm.":
// the commune commits, not "ông Nam".
TEST(PositionAppositionTest, TheShortNameLaterSpeaksForTheSameOffice) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(news_dir() / "baomoi-0007.txt");
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = to_nfc(page.str());
  ASSERT_NE(text.find("ông Nguyễn Hữu Nam, Chủ tịch UBND xã Cát Sơn"),
            std::string::npos);
  const std::vector<std::string> got =
      test::stances_quoting(test::extract(text), "chúng tôi sẽ sớm triển khai");
  EXPECT_TRUE(test::has_stance(got, "x:ubnd-xa-cat-son commits"));
  for (const std::string& s : got)
    EXPECT_EQ(s.find("x:ong-"), std::string::npos) << s;
}

// The same person named earlier in the paragraph with their office
// ("Chủ nhiệm Ủy ban Quốc phòng và An Ninh của Quốc hội Võ Trọng Việt")
// speaks for it when named again ("Ông Võ Trọng Việt đề nghị"); the
// sentence on its own, with no office anywhere, keeps the person.
TEST(PositionAppositionTest, APersonStaysTheActorUnlessNamedWithAnOffice) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Ông Võ Trọng Việt đề nghị";
  const std::string line = line_with(news_dir() / "baomoi-0131.txt", anchor);
  ASSERT_FALSE(line.empty());
  const std::vector<std::string> in_paragraph =
      test::stances_quoting(test::extract(line), anchor);
  EXPECT_TRUE(test::has_stance(in_paragraph,
                               "x:uy-ban-quoc-phong-va-an-ninh-cua-quoc-hoi "
                               "proposes"))
      << testing::PrintToString(in_paragraph);
  const size_t at = line.find(anchor);
  const std::string sentence = line.substr(at, line.find('.', at) + 1 - at);
  const std::vector<std::string> alone =
      test::stances_quoting(test::extract(sentence), anchor);
  EXPECT_TRUE(test::has_stance(alone, "x:ong-vo-trong-viet proposes"))
      << testing::PrintToString(alone);
}

// An office whose second word is in lower case belongs to the title, not
// to the name after it: "Chủ tịch Thượng viện Haiti" is the office of
// Haiti's Senate (Haiti is not in the taxonomy), not a person called
// "Thượng" (baomoi-0118, unlabelled).
TEST(PositionAppositionTest, AnOfficeInLowerCaseIsPartOfTheTitle) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Chủ tịch Thượng viện Haiti cũng đã đề xuất";
  const std::string line = line_with(news_dir() / "baomoi-0118.txt", anchor);
  ASSERT_FALSE(line.empty());
  const size_t at = line.find(anchor);
  const std::string sentence = line.substr(at, line.find('.', at) + 1 - at);
  const std::vector<std::string> got =
      test::stances_quoting(test::extract(sentence), anchor);
  EXPECT_TRUE(test::has_stance(got, "x:chu-tich-thuong-vien-haiti proposes"))
      << testing::PrintToString(got);
}

}  // namespace
}  // namespace kb
