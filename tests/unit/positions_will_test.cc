// Markers of will in reported speech (issue 13): "luôn", "nỗ lực", "quyết
// tâm" right after their actor, inside what a speech verb reports, are a
// pledge of that actor; not gratitude, a state, an effort under way, nor an
// adverb before another cue. Real sentences of the negotiation news
// (../shared/corpus/negotiation/vi: team-labelled (b) or unlabelled
// articles, never the held-out part); skipped without the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

using test::line_with;
using test::news_dir;

// "Thủ tướng ... khẳng định, Chính phủ Việt Nam luôn tạo điều kiện ...":
// the Government's pledge, told by the Prime Minister.
TEST(PositionWillTest, AlwaysInAffirmedSpeechIsAPledge) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "baomoi-0023.txt",
                "Chính phủ Việt Nam luôn tạo điều kiện thuận lợi và sân chơi");
  ASSERT_FALSE(line.empty());
  EXPECT_TRUE(test::has_stance(
      test::stances_quoting(test::extract(line), "luôn tạo điều kiện"),
      "chinh-phu commits"));
  const std::string values = line_with(news_dir() / "baomoi-0081.txt",
                                       "Khẳng định Việt Nam luôn coi trọng");
  ASSERT_FALSE(values.empty());
  EXPECT_TRUE(test::has_stance(
      test::stances_quoting(test::extract(values), "Việt Nam luôn coi trọng"),
      "viet-nam commits"));
}

// "Việt Nam khẳng định luôn ủng hộ, sẵn sàng ...": the adverb has no actor
// of its own; the support and the readiness stay Việt Nam's.
TEST(PositionWillTest, AlwaysBeforeAnotherCueLeavesItsStance) {
  SKIP_WITHOUT_NEWS();
  const std::string line = line_with(news_dir() / "baomoi-0123.txt",
                                     "Việt Nam khẳng định luôn ủng hộ");
  ASSERT_FALSE(line.empty());
  const std::vector<std::string> got =
      test::stances_quoting(test::extract(line), "khẳng định luôn ủng hộ");
  EXPECT_TRUE(test::has_stance(got, "viet-nam supports"));
  EXPECT_TRUE(test::has_stance(got, "viet-nam commits"));
}

// Gratitude ("luôn trân trọng"), a state ("luôn giữ vững vị trí") and an
// effort under way ("đang nỗ lực") are told, not pledged.
TEST(PositionWillTest, GratitudeStatesAndEffortsUnderWayAreNoPledge) {
  SKIP_WITHOUT_NEWS();
  const std::string thanks =
      line_with(news_dir() / "baomoi-0081.txt", "Việt Nam luôn trân trọng");
  ASSERT_FALSE(thanks.empty());
  EXPECT_FALSE(test::has_stance(
      test::stances_quoting(test::extract(thanks), "luôn trân trọng"),
      "viet-nam commits"));
  const std::string state = line_with(news_dir() / "hddtvn-0108.txt",
                                      "Việt Nam luôn giữ vững vị trí");
  ASSERT_FALSE(state.empty());
  EXPECT_FALSE(test::has_stance(
      test::stances_quoting(test::extract(state), "luôn giữ vững vị trí"),
      "viet-nam commits"));
  const std::string effort =
      line_with(news_dir() / "baomoi-0098.txt", "Cu-ba đang nỗ lực");
  ASSERT_FALSE(effort.empty());
  EXPECT_TRUE(test::stances_quoting(test::extract(effort), "Cu-ba đang nỗ lực")
                  .empty() ||
              !test::has_stance(test::stances_quoting(test::extract(effort),
                                                      "Cu-ba đang nỗ lực"),
                                "cuba commits"));
}

// "X hứa sẽ ...": a promise; "hứa vậy thôi" (the one told before, doubted)
// and "hứa hẹn" (an outlook) are none.
TEST(PositionWillTest, PromisesMadeNotPromisesNamed) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "baomoi-0023.txt",
                "Lãnh đạo Phòng Thương mại Hà Lan-Việt Nam hứa sẽ");
  ASSERT_FALSE(line.empty());
  EXPECT_TRUE(test::has_stance(
      test::stances_quoting(test::extract(line), "Hà Lan-Việt Nam hứa sẽ"),
      "x:phong-thuong-mai-ha-lan commits"));
  const std::string doubted =
      line_with(news_dir() / "baomoi-0051.txt", "Nam Triệu hứa vậy thôi");
  ASSERT_FALSE(doubted.empty());
  EXPECT_TRUE(
      test::stances_quoting(test::extract(doubted), "Nam Triệu hứa vậy thôi")
          .empty());
}

// "Bộ Y tế cũng khuyến cáo ... chưa nên khai thác": advice, a proposal.
TEST(PositionWillTest, AnAdvisoryProposes) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "baomoi-0056.txt", "Bộ Y tế cũng khuyến cáo");
  ASSERT_FALSE(line.empty());
  EXPECT_TRUE(test::has_stance(
      test::stances_quoting(test::extract(line), "Bộ Y tế cũng khuyến cáo"),
      "byt proposes"));
}

// "X cho rằng, đề xuất ... là phù hợp", "khẳng định rằng ... là điều cần
// thiết": what a speaker judges right or needed, it supports; a judgement
// no one is said to make ("Phải khẳng định rằng, ... là hoàn toàn đúng
// đắn") is the writer's.
TEST(PositionWillTest, WhatASpeakerJudgesRightItSupports) {
  SKIP_WITHOUT_NEWS();
  const std::string list =
      line_with(news_dir() / "adayroi-0001.txt",
                "sự đồng thuận tuyệt đối là điều cần thiết");
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(test::stances_quoting(test::extract(list),
                                  "sự đồng thuận tuyệt đối là điều cần thiết"),
            (std::vector<std::string>{"a-rap-xe-ut supports", "an-do supports",
                                      "iran supports", "kuwait supports",
                                      "viet-nam supports"}));
  const std::string fit = line_with(news_dir() / "hddtvn-0033.txt",
                                    "Bộ Công Thương cho rằng, đề xuất");
  ASSERT_FALSE(fit.empty());
  EXPECT_TRUE(test::has_stance(
      test::stances_quoting(test::extract(fit), "Bộ Công Thương cho rằng"),
      "bct supports"));
  const std::string writer = line_with(news_dir() / "baomoi-0065.txt",
                                       "Phải khẳng định rằng, chủ trương");
  ASSERT_FALSE(writer.empty());
  EXPECT_TRUE(test::stances_quoting(test::extract(writer),
                                    "Phải khẳng định rằng, chủ trương")
                  .empty());
}

}  // namespace
}  // namespace kb
