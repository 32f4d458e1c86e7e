// The forum a Vietnamese news position gets (LABELS.md: the negotiation,
// meeting or process the text states): the talks or joint statement that a
// report's title names, and a meeting named inside a statement's name.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

std::string forums_test_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return to_nfc(std::string((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>()));
}

// The forum names of the positions whose quote starts with `opening`.
std::set<std::string> forums_quoted_from(const std::string& file,
                                         const std::string& opening) {
  std::set<std::string> out;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / file))) {
    if (p.quote.rfind(opening, 0) == 0) out.insert(p.forum_name);
  }
  return out;
}

// baomoi-0124 is titled "Hai Thủ tướng Việt Nam, Nhật Bản hội đàm"; its
// third line names the summit the Prime Minister also attended ("Hội nghị
// Tương lai châu Á lần thứ 23"), which the positions took, cut to "Hội nghị
// Tương". The positions of the two Prime Ministers are the talks..
TEST(PositionsForums, TitleNamingTalksGivesTheirForum) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(
      forums_quoted_from("baomoi-0124.txt",
                         "Hai Thủ tướng đánh giá cao ý nghĩa của chuyến thăm"),
      std::set<std::string>{"Hội đàm Việt Nam - Nhật Bản"});
}

// baomoi-0029: "Việt Nam-Nga ra tuyên bố chung về chuyến thăm của Chủ tịch
// nước"; the statement's text follows, and no line names it with a capital
// and its sides ("hai nước Việt Nam-Liên bang Nga đã ra Tuyên bố chung.").
TEST(PositionsForums, TitleNamingAJointStatementGivesItsForum) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(forums_quoted_from("baomoi-0029.txt",
                               "Hai bên nhất trí duy trì đối thoại chính trị"),
            std::set<std::string>{"Tuyên bố chung Việt Nam - Nga"});
}

// baomoi-0078: "Chủ tịch nước Trần Đại Quang hội đàm với Tổng Bí thư, Chủ
// tịch Trung Quốc Tập Cận Bình": one side is named by its president, the
// other is the page's other party.
TEST(PositionsForums, TitleTalksTakeTheOtherSideFromThePage) {
  SKIP_WITHOUT_NEWS();
  std::set<std::string> forums;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / "baomoi-0078.txt")))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums.count("Hội đàm Việt Nam - Trung Quốc"), 1u);
}

// hddtvn-0084: "Toàn văn Tuyên bố chung Hội nghị Tổng cục trưởng Hải quan
// ASEAN lần thứ 29" was cut at "Tuyên bố chung Hội".
TEST(PositionsForums, MeetingNamedInsideAStatementsName) {
  SKIP_WITHOUT_NEWS();
  std::set<std::string> forums;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / "hddtvn-0084.txt")))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums.count("Tuyên bố chung Hội nghị Tổng cục trưởng Hải quan "
                         "ASEAN lần thứ 29"),
            1u);
}

}  // namespace
}  // namespace kb
