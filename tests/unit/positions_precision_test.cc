// Precision rules of the Vietnamese position extraction: uses of a cue that
// take no stance (LABELS.md), each checked on a real sentence of the
// negotiation news (../shared/corpus/negotiation/vi, tuning part only) read
// from its file, next to a sentence of the same shape that keeps its stance.
// Skipped without the corpus; the demo's own records (corpus/samples/) are
// read directly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/stances.h"
#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

using test::news_dir;

using test::line_with;

// "actor stance cue" of each position found in the line of the news file
// `file` that holds `anchor` whose quote holds `anchor` (news articles are
// often one line, so the line gives the sentence its context: the sides of
// the talks, the speaker named before).
std::vector<std::string> stances_at(const std::string& file,
                                    const std::string& anchor) {
  const std::string line = line_with(news_dir() / file, anchor);
  EXPECT_FALSE(line.empty()) << file << ": " << anchor;
  std::vector<std::string> out;
  for (const ExtractedPosition& p : test::extract(line)) {
    if (p.quote.find(anchor) == std::string::npos) continue;
    out.push_back(p.actor + " " + stance_id(p.stance) + " " + p.cue);
  }
  return out;
}

// The same for the whole file as one page, for a sentence whose speaker
// was named in an earlier paragraph ("ông Trump" after "Tổng thống Mỹ
// Donald Trump").
std::vector<std::string> stances_in_file(const std::string& file,
                                         const std::string& anchor) {
  std::ifstream in(news_dir() / file, std::ios::binary);
  const std::string text = to_nfc(std::string(
      (std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  EXPECT_NE(text.find(anchor), std::string::npos) << file << ": " << anchor;
  std::vector<std::string> out;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.find(anchor) == std::string::npos) continue;
    out.push_back(p.actor + " " + stance_id(p.stance) + " " + p.cue);
  }
  return out;
}

bool has_stance(const std::vector<std::string>& found, const std::string& s) {
  for (const std::string& f : found) {
    if (f.rfind(s, 0) == 0) return true;
  }
  return false;
}

// A wish both sides state together, asking no one, is a shared aspiration,
// not a request; one side's wish stays its request.
TEST(PositionsPrecision, BothSidesWishAsksNoOne) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(stances_at("baomoi-0029.txt",
                       "Lãnh đạo hai nước bày tỏ mong muốn tiếp tục hợp tác"),
            std::vector<std::string>{});
  EXPECT_EQ(stances_at("baomoi-0029.txt", "khẳng định cùng mong muốn"),
            std::vector<std::string>{});
  EXPECT_TRUE(has_stance(
      stances_at("baomoi-0098.txt",
                 "Chủ tịch Quốc hội Cu-ba mong muốn thúc đẩy quan hệ"),
      "cuba requests"));
  // One side's wish that names whom it asks.
  EXPECT_TRUE(has_stance(
      stances_at("baomoi-0095.txt", "ASEAN bày tỏ mong muốn hai bên sớm"),
      "asean requests"));
}

// "ủng hộ lẫn nhau" describes the two sides' relations; a pledge to it is
// the pledge's.
TEST(PositionsPrecision, MutualSupportIsNoStance) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(stances_at("baomoi-0098.txt",
                       "hai nước tiếp tục duy trì hợp tác chặt chẽ và ủng hộ "
                       "lẫn nhau"),
            std::vector<std::string>{});
  const std::vector<std::string> pledge =
      stances_at("baomoi-0029.txt",
                 "Hai bên khẳng định sẵn sàng tiếp tục ủng hộ lẫn nhau");
  EXPECT_TRUE(has_stance(pledge, "viet-nam commits"));
  EXPECT_TRUE(has_stance(pledge, "nga commits"));
}

// "cần" inside a relative clause ("mà DN cần chú ý") qualifies a noun: no
// proposal of the speaker's; "cần" as what the speaker says stays one.
TEST(PositionsPrecision, RelativeClauseIsNoProposal) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(stances_at("hddtvn-0051.txt", "mà DN cần chú ý"),
            std::vector<std::string>{});
  const std::vector<std::string> said =
      stances_at("baomoi-0042.txt", "Hai nhà lãnh đạo nhấn mạnh các bên cần");
  EXPECT_TRUE(has_stance(said, "viet-nam proposes"));
  EXPECT_TRUE(has_stance(said, "hoa-ky proposes"));
}

// "chỉ đạo Bộ Quốc phòng nghiên cứu đề xuất ...": a task given, not a
// proposal made.
TEST(PositionsPrecision, StudyingAProposalIsATask) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(
      stances_at("hddtvn-0089.txt", "chỉ đạo Bộ Quốc phòng nghiên cứu đề xuất"),
      std::vector<std::string>{});
}

// A cue after "đạt" ("đạt nhất trí cao", an agreement reached) or "tới"
// ("liên quan tới kiến nghị") is a noun.
TEST(PositionsPrecision, AgreementReachedIsANoun) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(stances_at("baomoi-0124.txt", "đạt nhất trí cao"),
            std::vector<std::string>{});
  EXPECT_EQ(stances_at("hddtvn-0024.txt", "liên quan tới kiến nghị kéo dài"),
            std::vector<std::string>{});
}

// "đề nghị hai bên ..., đề nghị hai bên ...": both sides are whom the
// request asks, not the subject of the next cue; only the speaker asks.
TEST(PositionsPrecision, BothSidesAskedAreNoSubject) {
  SKIP_WITHOUT_NEWS();
  const std::vector<std::string> asked =
      stances_at("baomoi-0047.txt",
                 "Chủ tịch nước Trần Đại Quang đề nghị hai bên tiếp tục tăng "
                 "cường quan hệ hợp tác về mọi mặt");
  EXPECT_FALSE(asked.empty());
  EXPECT_FALSE(has_stance(asked, "lao ")) << asked.size();
  EXPECT_FALSE(has_stance(asked, "viet-nam ")) << asked.size();
  const std::vector<std::string> kept =
      stances_at("baomoi-0078.txt",
                 "đề nghị hai bên thực hiện nghiêm túc nhận thức chung");
  EXPECT_FALSE(has_stance(kept, "viet-nam commits"));
  EXPECT_FALSE(has_stance(kept, "trung-quoc commits"));
}

// "về việc liệu ... Việt Nam có hoàn toàn đồng ý ... hay không" asks
// whether the actor agrees (a question, LABELS.md); "nguyên liệu" is no
// "liệu".
TEST(PositionsPrecision, AskingWhetherIsNoStance) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(stances_at("adayroi-0004.txt", "Việt Nam có hoàn toàn đồng ý"),
            std::vector<std::string>{});
  EXPECT_TRUE(has_stance(
      stances_at("hddtvn-0012.txt",
                 "Ở góc độ đảm bảo nguyên liệu cho ngành gỗ, Bộ Công Thương"),
      "bct requests"));
}

// "đề nghị EU tiếp tục ủng hộ ...": what the EU is asked to do is no
// stance of the EU's; the request is the asker's.
TEST(PositionsPrecision, WhatARequestAsksIsNoStanceOfTheAsked) {
  SKIP_WITHOUT_NEWS();
  const std::vector<std::string> found =
      stances_at("baomoi-0095.txt", "đề nghị EU tiếp tục ủng hộ");
  EXPECT_FALSE(found.empty());
  EXPECT_FALSE(has_stance(found, "eu supports"));
}

// "ông Trump cho biết Việt Nam sẽ mở cửa ...": one country's speaker
// telling what another will do is no pledge of the other's; a speaker of
// the same side still reports one.
TEST(PositionsPrecision, AnotherCountrysWordIsNoPledge) {
  SKIP_WITHOUT_NEWS();
  const std::vector<std::string> told = stances_in_file(
      "adayroi-0004.txt", "ông Trump cho biết Việt Nam sẽ mở cửa");
  EXPECT_FALSE(has_stance(told, "viet-nam commits"));
  EXPECT_TRUE(has_stance(
      stances_at("baomoi-0047.txt",
                 "Chủ tịch nước Trần Đại Quang khẳng định, Việt Nam sẽ phối "
                 "hợp chặt chẽ với Lào"),
      "viet-nam commits"));
}

// The demo's seed 000 describes a procedure: what the group "có thể đề
// xuất" (may propose) is no proposal, and after "do X chủ tọa" the words
// "và đồng chủ tọa bởi ..." go on with another verb, not what X chairs.
TEST(PositionsPrecision, WhatAGroupMayDoIsNoStance) {
  const fs::path seed =
      fs::path(VNKB_SOURCE_DIR) / "corpus/seeds/000_608b69289030cac0.txt";
  const std::string may = line_with(seed, "có thể đề xuất các vấn đề");
  ASSERT_FALSE(may.empty());
  for (const ExtractedPosition& p : test::extract(may))
    EXPECT_NE(p.stance, Stance::kProposes) << p.actor;
  const std::string chaired = line_with(seed, "do Tổng cục LN chủ tọa");
  ASSERT_FALSE(chaired.empty());
  const std::vector<ExtractedPosition> leads = test::extract(chaired);
  ASSERT_EQ(test::summary(leads), std::vector<std::string>{"tcln leads"});
  EXPECT_EQ(leads[0].target, "");
}

// What a speaker believes another will do or gain is no pledge of the
// other's: "... đồng thời tin tưởng Việt Nam sẽ tiếp tục giành được những
// thành tựu ..." (the Cambodian speaker's belief), nor is "sẽ" before a
// verb of state ("Ấn Độ sẽ nằm trong số những nước đầu tiên ông có kế hoạch
// tới thăm"). A speaker's own "cho biết sẽ tiếp tục ..." stays a pledge.
TEST(PositionsPrecision, ABeliefAboutAnotherIsNoPledge) {
  SKIP_WITHOUT_NEWS();
  for (const std::string& s : stances_in_file(
           "baomoi-0081.txt", "tin tưởng Việt Nam sẽ tiếp tục giành được"))
    EXPECT_EQ(s.find(" commits "), std::string::npos) << s;
  for (const std::string& s :
       stances_in_file("baomoi-0113.txt", "Ấn Độ sẽ nằm trong số"))
    EXPECT_EQ(s.find(" commits "), std::string::npos) << s;
  const std::vector<std::string> own = stances_in_file(
      "baomoi-0081.txt", "Chủ tịch Quốc hội Campuchia cho biết sẽ tiếp tục");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_NE(own[0].find(" commits "), std::string::npos) << own[0];
}

// A photo or source credit names no actor: "Ảnh: AFP. Cam kết tự do thương
// mại Bài phát biểu ..." (a caption running into a heading) gives AFP no
// commitment; the same acronym taking a stance is still an actor.
TEST(PositionsPrecision, ACreditIsNoActor) {
  SKIP_WITHOUT_NEWS();
  for (const std::string& s :
       stances_in_file("baomoi-0028.txt", "Cam kết tự do thương mại"))
    EXPECT_EQ(s.find("x:afp"), std::string::npos) << s;
  EXPECT_EQ(
      test::summary(test::extract("AFP kêu gọi các nước tăng cường hợp tác.")),
      std::vector<std::string>{"x:afp requests"});
}

// "hai nước khác" are two other countries, not the two sides of the talks:
// "Hai nước khác cũng ủng hộ TPP 11 là Singapore và Brunei." gives neither
// Mỹ nor Việt Nam (the countries the report is about) a stance.
TEST(PositionsPrecision, TwoOthersAreNotTheSides) {
  SKIP_WITHOUT_NEWS();
  for (const std::string& s :
       stances_in_file("baomoi-0074.txt", "Hai nước khác cũng ủng hộ TPP 11")) {
    EXPECT_NE(s.rfind("hoa-ky ", 0), 0u) << s;
    EXPECT_NE(s.rfind("viet-nam ", 0), 0u) << s;
  }
}

}  // namespace
}  // namespace kb
