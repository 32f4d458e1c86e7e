// Stances without a stance verb in Vietnamese news: complaints ("phàn
// nàn"), "nên" (should) in what a speaker says (modal_cues.h), a fault a
// speaker finds ("không phù hợp", "chồng chéo"), and a stance named by its
// noun ("sự ủng hộ của X", resolution.cc), each
// checked on a real paragraph of the negotiation news
// (../shared/corpus/negotiation/vi, team part or unlabelled articles), read
// from its file; the cases are skipped without the corpus.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

using test::line_with;
using test::news_dir;

// "actor stance" of the positions of `file`'s line holding `anchor` whose
// cue is `cue`.
std::vector<std::string> by_cue(const std::string& file,
                                const std::string& anchor,
                                const std::string& cue) {
  const std::string line = line_with(news_dir() / file, anchor);
  EXPECT_FALSE(line.empty()) << file << ": " << anchor;
  std::vector<std::string> out;
  for (const ExtractedPosition& p : test::extract(line)) {
    if (p.cue == cue && p.quote.find(anchor) != std::string::npos)
      out.push_back(p.actor + " " + stance_id(p.stance));
  }
  return out;
}

// "Ông Trump cũng đặc biệt phàn nàn về những điều khoản ...": to complain
// about a clause of the agreement is to oppose it.
TEST(PositionsCueless, ComplainingOpposes) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(
      by_cue("baomoi-0036.txt", "Ông Trump cũng đặc biệt phàn nàn", "phàn nàn"),
      (std::vector<std::string>{"hoa-ky opposes"}));
}

// "X cho rằng Y nên ...": X proposes that Y should act.
TEST(PositionsCueless, ShouldInWhatASpeakerSaysProposes) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(by_cue("baomoi-0143.txt", "Bộ Tài chính nên cân nhắc kĩ", "nên"),
            (std::vector<std::string>{"bng proposes"}));
  EXPECT_EQ(
      by_cue("hddtvn-0076.txt", "cũng cho rằng chỉ nên xem xét kéo dài giá FIT",
             "nên"),
      (std::vector<std::string>{"x:tap-doan-dien-luc-viet-nam proposes"}));
}

// "nên" as "so": after a clause of the speaker's own ("cho biết việc khai
// thác cát ... phục vụ cho xây dựng hạ tầng nên ..."), after a cause ("cho
// rằng do lượng khai thác ... nên ...") or a comma, it proposes nothing.
TEST(PositionsCueless, SoIsNoProposal) {
  SKIP_WITHOUT_NEWS();
  EXPECT_TRUE(by_cue("baomoi-0088.txt",
                     "đều phục vụ cho xây dựng hạ tầng nên cơ quan", "nên")
                  .empty());
  EXPECT_TRUE(by_cue("baomoi-0034.txt",
                     "Ông Thanh cho rằng do lượng khai thác cát", "nên")
                  .empty());
  EXPECT_TRUE(by_cue("baomoi-0002.txt",
                     "không phải rừng nguyên sinh, nên hoàn toàn có thể phá bỏ",
                     "nên")
                  .empty());
}

// "sự ủng hộ của nhóm G20", "dưới sự chủ trì của ông X": a stance named
// by its event noun is the stance of whose it is (the body a person heads,
// "ông Kyaw Htin, Tổng cục trưởng Tổng cục Hải quan Myanmar", when named). Not
// a commitment that is needed ("rất cần sự cam kết của Chính phủ mới giải quyết
// được").
TEST(PositionsCueless, StanceNounIsItsPossessors) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(by_cue("baomoi-0108.txt", "tái khẳng định sự ủng hộ của nhóm G20",
                   "ủng hộ"),
            std::vector<std::string>{"g20 supports"});
  EXPECT_EQ(
      by_cue("hddtvn-0084.txt", "dưới sự chủ trì của ông Kyaw Htin", "chủ trì"),
      std::vector<std::string>{"x:tong-cuc-hai-quan-myanmar leads"});
  EXPECT_TRUE(
      by_cue("hddtvn-0062.txt", "rất cần sự cam kết của Chính phủ", "cam kết")
          .empty());
}

// "Tổng cục Hải quan chỉ ra nhiều điểm không phù hợp của dự thảo ...",
// "... là không đúng quy định của Điều 82 ...”, Tổng cục Hải quan nhấn
// mạnh": a fault a speaker finds in a draft or a practice, as an adjective
// of whatever noun it qualifies, is the speaker's opposition.
TEST(PositionsCueless, FaultASpeakerFindsOpposes) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(by_cue("hddtvn-0089.txt",
                   "Tổng cục Hải quan chỉ ra nhiều điểm không phù hợp",
                   "không phù hợp"),
            std::vector<std::string>{"x:tong-cuc-hai-quan opposes"});
  EXPECT_EQ(by_cue("hddtvn-0031.txt", "là không đúng quy định của Điều 82",
                   "không đúng quy định"),
            std::vector<std::string>{"x:tong-cuc-hai-quan opposes"});
}

// "Chủ tịch nước nhận định “... APEC cần thể hiện ...": an assessment verb
// reports speech, so what should be done in it is the speaker's proposal.
TEST(PositionsCueless, AssessmentVerbReportsSpeech) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(by_cue("baomoi-0115.txt", "APEC cần thể hiện sức sống", "cần"),
            std::vector<std::string>{"ctn proposes"});
}

// "Tổng cục Hải quan nhận thấy tại dự thảo Luật quy định ... đang chồng
// chéo với ...", "Ủy ban Thường vụ Quốc hội nhận thấy dự án Luật ...; cần
// ...": what a body finds is its speech, and an overlap it finds is its
// opposition.
TEST(PositionsCueless, WhatABodyFindsIsItsSpeech) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(by_cue("hddtvn-0111.txt", "Tổng cục Hải quan nhận thấy tại dự thảo",
                   "chồng chéo"),
            std::vector<std::string>{"x:tong-cuc-hai-quan opposes"});
  EXPECT_EQ(by_cue("baomoi-0140.txt",
                   "Ủy ban Thường vụ Quốc hội nhận thấy dự án Luật", "cần"),
            std::vector<std::string>{"ubtvqh proposes"});
}

// "... nhận thấy một số quy định không còn phù hợp với ... như: yêu cầu
// người khai hải quan phải khai ...": the example a list gives is what a
// rule requires, no request of the body.
TEST(PositionsCueless, ExampleOfARuleIsNoRequest) {
  SKIP_WITHOUT_NEWS();
  EXPECT_TRUE(
      by_cue("hddtvn-0119.txt", "như: yêu cầu người khai hải quan", "yêu cầu")
          .empty());
}

}  // namespace
}  // namespace kb
