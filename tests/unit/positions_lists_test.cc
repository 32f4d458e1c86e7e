// Proposal lists, countries the taxonomy lacked and the regions and
// ministries that hold a country's name, each checked on real sentences of
// the negotiation news (../shared/corpus/negotiation/vi: team-labelled or
// unlabelled articles, never the held-out part); skipped without the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/stances.h"
#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

using test::line_with;
using test::news_dir;

// The lines of `path` from the one holding `first` to the one holding
// `last`, NFC, joined as the file has them.
std::string list_test_lines(const std::filesystem::path& path,
                            const std::string& first, const std::string& last) {
  std::ifstream in(path);
  std::string line, out;
  bool on = false;
  while (std::getline(in, line)) {
    line = to_nfc(line);
    on = on || line.find(first) != std::string::npos;
    if (on) out += line + "\n";
    if (on && line.find(last) != std::string::npos) break;
  }
  return out;
}

// A proposal list: the director of the HCMC customs "kiến nghị:" and then
// four items on lines of their own, each his office's proposal (team
// labels b, hddtvn-0059); the line after the list is no item.
TEST(PositionListsTest, ItemsOfAProposalListAreTheAnnouncersProposals) {
  SKIP_WITHOUT_NEWS();
  const std::string text = list_test_lines(
      news_dir() / "hddtvn-0059.txt",
      "Ngoài ra, để xử lý hiệu quả, Cục trưởng Cục Hải quan TP.HCM",
      "Thứ tư, đề nghị các bộ");
  ASSERT_FALSE(text.empty());
  const std::vector<ExtractedPosition> ps = test::extract(text);
  for (const char* item : {"Thứ nhất,", "Thứ hai,", "Thứ ba,", "Thứ tư,"}) {
    const std::vector<std::string> got = test::stances_quoted_from(ps, item);
    ASSERT_EQ(got.size(), 1u) << item;
    EXPECT_EQ(got[0], "x:cuc-hai-quan-tp proposes") << item;
  }
  // Without the announcing line, the same items are nobody's.
  const std::string items = list_test_lines(news_dir() / "hddtvn-0059.txt",
                                            "Thứ nhất, các bộ", "Thứ ba, DN");
  EXPECT_TRUE(test::stances_quoted_from(test::extract(items), "Thứ").empty());
}

// An ordinal without its comma opens no item, and a list closes at the
// first line that is no item.
TEST(PositionListsTest, OnlyItemLinesRightAfterTheAnnouncer) {
  const std::vector<ExtractedPosition> ps = test::extract(
      "Bộ Công Thương kiến nghị:\n\nThứ nhất, sửa đổi Nghị định 38.\n\n"
      "Thứ hai năm nay xuất khẩu tăng.\n\nThứ ba, giảm thuế.\n");
  EXPECT_EQ(test::stances_quoted_from(ps, "Thứ nhất"),
            std::vector<std::string>{"bct proposes"});
  EXPECT_TRUE(test::stances_quoted_from(ps, "Thứ hai").empty());
  EXPECT_TRUE(test::stances_quoted_from(ps, "Thứ ba").empty());
}

// Syria was missing from the taxonomy, so its condemnation had no actor;
// "Bộ Ngoại giao Syria" is Syria's ministry, not Vietnam's Bộ Ngoại giao
// (team labels b, baomoi-0113).
TEST(PositionListsTest, SyriaAndItsForeignMinistry) {
  SKIP_WITHOUT_NEWS();
  const std::string a = line_with(news_dir() / "baomoi-0113.txt",
                                  "Syria cũng đề nghị Liên hợp quốc");
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(test::stances_quoted_from(test::extract(a), "Syria cũng"),
            std::vector<std::string>{"syria requests"});
  const std::string b = line_with(news_dir() / "baomoi-0113.txt",
                                  "Bộ Ngoại giao Syria kêu gọi Hội đồng");
  ASSERT_FALSE(b.empty());
  EXPECT_EQ(test::stances_quoted_from(test::extract(b),
                                      "Bộ Ngoại giao Syria kêu gọi"),
            std::vector<std::string>{"syria requests"});
}

// "... châu Phi và Mỹ Latinh ủng hộ": Latin America is not the United
// States (team labels a, adayroi-0001).
TEST(PositionListsTest, LatinAmericaIsNotTheUnitedStates) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "adayroi-0001.txt", "và Mỹ Latinh ủng hộ");
  ASSERT_FALSE(line.empty());
  for (const std::string& got :
       test::stances_quoted_from(test::extract(line), "Đề xuất này"))
    EXPECT_NE(got.substr(0, 6), "hoa-ky") << got;
  // "Mỹ" itself still is.
  EXPECT_EQ(
      test::stances_quoted_from(test::extract("Mỹ ủng hộ đề xuất này."), "Mỹ"),
      std::vector<std::string>{"hoa-ky supports"});
}

// A bare locality ("Lãnh đạo tỉnh Bình Định yêu cầu ..." in the lead) is
// the people's committee the article names later ("Phó Chủ tịch UBND tỉnh
// Bình Định"); the province's police ("Công an tỉnh Bình Định") is not
// (team labels b, baomoi-0025).
TEST(PositionListsTest, ALocalityIsItsPeoplesCommittee) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(news_dir() / "baomoi-0025.txt", std::ios::binary);
  const std::string text =
      to_nfc(std::string(std::istreambuf_iterator<char>(in), {}));
  ASSERT_FALSE(text.empty());
  const std::vector<ExtractedPosition> ps = test::extract(text);
  EXPECT_EQ(test::stances_quoted_from(ps, "Lãnh đạo tỉnh Bình Định yêu cầu"),
            std::vector<std::string>{"x:ubnd-tinh-binh-dinh requests"});
  // Without the committee named, the locality is no actor.
  EXPECT_TRUE(test::stances_quoted_from(
                  test::extract("Lãnh đạo tỉnh Bình Định yêu cầu phải tháo "
                                "các tàu bị hỏng ra."),
                  "Lãnh đạo")
                  .empty());
}

// "khen ngợi" (to praise) supports, as "hoan nghênh": points of the ASEAN
// customs chiefs' joint statement (team labels a, hddtvn-0084).
TEST(PositionListsTest, PraiseSupports) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "hddtvn-0084.txt",
                "2. Các Tổng cục trưởng Hải quan ASEAN khen ngợi");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(
      test::stances_quoted_from(test::extract(line), "2. Các Tổng cục trưởng"),
      std::vector<std::string>{"asean supports"});
}

// "vui mừng ghi nhận" (to note with pleasure) supports: a point of the
// same statement (hddtvn-0084).
TEST(PositionListsTest, NotingWithPleasureSupports) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "hddtvn-0084.txt",
                "13. Các Tổng cục trưởng Hải quan ASEAN vui mừng ghi nhận");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(
      test::stances_quoted_from(test::extract(line), "13. Các Tổng cục trưởng"),
      std::vector<std::string>{"asean supports"});
}

// A passive's agents named right after "được" take the stance however far
// the cue: "Đề xuất này được Liên minh Châu Âu (EU), Vương quốc Anh,
// Canada, và một liên minh ... ủng hộ" (team labels a, adayroi-0001). Not
// after "có được," nor when the cue has a clause of its own.
TEST(PositionListsTest, PassiveAgentsSupport) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "adayroi-0001.txt", "và Mỹ Latinh ủng hộ");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(test::stances_quoted_from(test::extract(line), "Đề xuất này"),
            (std::vector<std::string>{"anh supports", "canada supports",
                                      "eu supports"}));
  const std::string other = line_with(news_dir() / "baomoi-0037.txt",
                                      "Theo tài liệu PV có được, Công ty");
  ASSERT_FALSE(other.empty());
  EXPECT_TRUE(
      test::stances_quoted_from(test::extract(other), "Theo tài liệu PV")
          .empty());
}

}  // namespace
}  // namespace kb
