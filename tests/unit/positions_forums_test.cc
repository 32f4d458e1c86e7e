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

// baomoi-0081: "Diễn đàn Kinh tế Thế giới về ASEAN" was cut at "Thế".
TEST(PositionsForums, LowerCaseSyllablesOfAForumsName) {
  SKIP_WITHOUT_NEWS();
  std::set<std::string> forums;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / "baomoi-0081.txt")))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums.count("Diễn đàn Kinh tế Thế giới về ASEAN"), 1u);
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

// A consultation on a draft law is its forum (LABELS.md: "a named
// consultation"). baomoi-0144 is titled "Bộ trưởng Nguyễn Ngọc Thiện chủ trì
// họp góp ý dự thảo Luật Du lịch sửa đổi"; its sentences that name no draft
// take the title's. A law's name goes on in lower case after its capital.
TEST(PositionsForums, TitleNamingADraftLawGivesItsForum) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(forums_quoted_from("baomoi-0144.txt",
                               "Thời gian cho công tác chuẩn bị không còn dài"),
            std::set<std::string>{"dự thảo Luật Du lịch sửa đổi"});
  // hddtvn-0089: "Dự thảo Luật Biên phòng Việt Nam- Nhiều điểm không phù
  // hợp với cam kết quốc tế": the name ends at the dash.
  EXPECT_EQ(forums_quoted_from("hddtvn-0089.txt",
                               "Để đảm bảo phù hợp với Điều ước quốc tế"),
            std::set<std::string>{"Dự thảo Luật Biên phòng Việt Nam"});
}

// hddtvn-0111's title names no draft; a sentence does, and its name ends
// where the clause goes on ("trình Quốc hội ngày 21/10/2020").
TEST(PositionsForums, SentenceNamingADraftLawGivesItsForum) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(forums_quoted_from("hddtvn-0111.txt",
                               "Về nội dung dự thảo Luật Biên phòng Việt Nam"),
            std::set<std::string>{"dự thảo Luật Biên phòng Việt Nam"});
}

// hddtvn-0021 is titled "Kết thúc đàm phán FTA Việt Nam-Vương quốc Anh" and
// names the agreement "Hiệp định thương mại tự do Vương quốc Anh – Việt
// Nam (UKVFTA)": both are aliases of the UKVFTA process, so its positions
// (which name no process themselves) are the UKVFTA's.
TEST(PositionsForums, UkVietNamFtaNamedByItsTitle) {
  SKIP_WITHOUT_NEWS();
  int seen = 0;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / "hddtvn-0021.txt"))) {
    if (p.quote.rfind("Cụ thể, Vương quốc Anh và Việt Nam chia sẻ", 0) != 0)
      continue;
    ++seen;
    EXPECT_EQ(p.process, "ukvfta") << p.actor;
  }
  EXPECT_GE(seen, 1);
}

// hddtvn-0109 names its meeting in its seventh line only: "Phát biểu tại
// Diễn đàn Doanh nghiệp Việt Nam 2020, ông Hong Sun, ...". The chambers'
// requests that follow were made there.
TEST(PositionsForums, MeetingSpokenAtIsTheForumOfWhatFollows) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(forums_quoted_from("hddtvn-0109.txt",
                               "EuroCham kiến nghị, sau ngày 31/12/2020"),
            std::set<std::string>{"Diễn đàn Doanh nghiệp Việt Nam 2020"});
  // baomoi-0095: "Tại Hội nghị Bộ trưởng ASEAN-EU sắp tới, hai bên dự kiến
  // sẽ thông qua ..." is a meeting to come, not where anyone spoke.
  std::set<std::string> forums;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(test::news_dir() / "baomoi-0095.txt")))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums.count("Hội nghị Bộ trưởng ASEAN-EU"), 0u);
  EXPECT_FALSE(forums.empty());
}

// The demo's consultation record names its meeting in its second line, a
// forum of the taxonomy: "Chuẩn bị tham gia Phiên họp thứ năm Ủy ban Đàm
// phán Liên Chính phủ về ô nhiễm nhựa (INC-5)". Every position of the record
// is at that forum and in its process, by the forum's whole name (not cut
// at "về"), also where the sentence names no meeting.
TEST(PositionsForums, ATaxonomyForumInTheOpeningIsTheDocumentsForum) {
  const std::string inc5 = forums_test_text(std::filesystem::path(
      VNKB_SOURCE_DIR "/corpus/samples/bien-ban-tham-van-lien-bo-inc5.txt"));
  const std::vector<ExtractedPosition> ps = test::extract(inc5);
  ASSERT_GT(ps.size(), 10u);
  for (const ExtractedPosition& p : ps) {
    SCOPED_TRACE(p.quote);
    EXPECT_EQ(p.forum, "inc-5");
    EXPECT_EQ(p.process, "plastics-treaty");
    EXPECT_EQ(p.forum_name,
              "Phiên họp thứ năm Ủy ban Đàm phán Liên Chính phủ về ô nhiễm "
              "nhựa");
  }
  // A forum the body names stands before the document's.
  const std::vector<ExtractedPosition> other = test::extract(
      "Chuẩn bị tham gia Phiên họp thứ năm Ủy ban Đàm phán Liên Chính phủ về "
      "ô nhiễm nhựa (INC-5)\n\nTại Hội nghị COP29, Việt Nam ủng hộ mục tiêu "
      "tài chính khí hậu mới.");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].forum, "cop29");
  EXPECT_EQ(other[0].forum_name, "Hội nghị COP29");
}

// A meeting named by a heading in capitals is written as a sentence writes
// it: "GHI CHÉP HỘI THẢO THAM VẤN" gives "Hội thảo tham vấn"; names the
// taxonomy knows keep their capitals and acronyms stay as written.
TEST(PositionsForums, AForumInCapitalsAsASentenceWritesIt) {
  std::set<std::string> forums;
  for (const ExtractedPosition& p :
       test::extract(forums_test_text(std::filesystem::path(
           VNKB_SOURCE_DIR "/corpus/samples/ghi-chep-tham-van-epr.txt"))))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums, std::set<std::string>{"Hội thảo tham vấn"});
  forums.clear();
  for (const ExtractedPosition& p : test::extract(
           "HỘI NGHỊ CẤP CAO ASEAN - VIỆT NAM LẦN THỨ 37\n\nNhật Bản ủng hộ "
           "lập trường của ASEAN."))
    forums.insert(p.forum_name);
  EXPECT_EQ(forums, std::set<std::string>{
                        "Hội nghị cấp cao ASEAN - Việt Nam lần thứ 37"});
}

}  // namespace
}  // namespace kb
