// Actor names, cue nouns and targets checked on the demo's own records
// (corpus/samples/, written for vnkb) and on real sentences of the
// negotiation news (../shared/corpus/negotiation/vi, tuning part only),
// read from their files; the news cases are skipped without the corpus.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/stances.h"
#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

fs::path samples_dir() { return fs::path(VNKB_SOURCE_DIR) / "corpus/samples"; }

using test::line_with;

// The positions of the line of `path` holding `anchor`.
std::vector<ExtractedPosition> positions_of(const fs::path& path,
                                            const std::string& anchor) {
  const std::string line = line_with(path, anchor);
  EXPECT_FALSE(line.empty()) << path << ": " << anchor;
  return test::extract(line);
}

// "actor stance cue" of each position.
std::vector<std::string> with_cues(const std::vector<ExtractedPosition>& ps) {
  std::vector<std::string> out;
  for (const ExtractedPosition& p : ps)
    out.push_back(p.actor + " " + stance_id(p.stance) + " " + p.cue);
  return out;
}

// Spaced dashes inside an organisation's name do not cut it: both actors of
// the list oppose.
TEST(PositionsClauses, DashesInsideAnOpenName) {
  const std::vector<ExtractedPosition> ps =
      positions_of(samples_dir() / "ghi-chep-tham-van-epr.txt",
                   "Hiệp hội Bia - Rượu - Nước giải khát Việt Nam phản đối");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].actor, "vcci");
  EXPECT_EQ(ps[1].actor_name, "Hiệp hội Bia - Rượu - Nước giải khát Việt Nam");
  EXPECT_EQ(ps[0].stance, Stance::kOpposes);
  EXPECT_EQ(ps[1].stance, Stance::kOpposes);
}

// What a proposal would replace ("thay cho yêu cầu chứng chỉ") is a noun,
// no request.
TEST(PositionsClauses, WhatAProposalReplacesIsNoStance) {
  EXPECT_EQ(
      with_cues(positions_of(samples_dir() / "bao-cao-doan-jic-vpa-flegt.txt",
                             "thay cho yêu cầu chứng chỉ")),
      std::vector<std::string>{"forest-trends proposes khuyến nghị"});
}

// The target stops at the clause's end: nothing after "dẫn đầu;", not the
// next clause's ", song đề nghị ..."; the preposition opening the object
// ("về", "với") and the "sẽ" of a pledge are left out.
TEST(PositionsClauses, TargetsStayInTheirClause) {
  const fs::path jic = samples_dir() / "bao-cao-doan-jic-vpa-flegt.txt";
  std::vector<ExtractedPosition> ps =
      positions_of(jic, "Đoàn Việt Nam do Bộ Nông nghiệp và Môi trường");
  ASSERT_FALSE(ps.empty());
  for (const ExtractedPosition& p : ps) {
    EXPECT_EQ(p.target.find(';'), std::string::npos) << p.target;
    EXPECT_EQ(p.target.find("đoàn EU"), std::string::npos) << p.target;
  }
  ps = positions_of(jic, "Liên minh châu Âu hoan nghênh tiến độ");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].target, "tiến độ thực hiện hệ thống phân loại doanh nghiệp");
  ps = positions_of(samples_dir() / "bien-ban-tham-van-lien-bo-inc5.txt",
                    "Bộ Công Thương bày tỏ quan ngại");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].target.rfind("tác động của các biện pháp", 0), 0u)
      << ps[0].target;
  ps = positions_of(jic, "không đồng ý với đề xuất bắt buộc");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].target.rfind("đề xuất bắt buộc", 0), 0u) << ps[0].target;
  ps = positions_of(jic, "Phía Việt Nam khẳng định sẽ hoàn thành");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].target.rfind("hoàn thành việc phân loại", 0), 0u)
      << ps[0].target;
  // A target cut at fifteen words ends on a word of substance, not on the
  // "tại" of "... của Việt Nam tại INC-5".
  ps = positions_of(samples_dir() / "bien-ban-tham-van-lien-bo-inc5.txt",
                    "chủ trì cuộc họp tham vấn liên bộ");
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].target,
            "cuộc họp tham vấn liên bộ về phương án đàm phán của Việt Nam");
}

// "actor stance" of the positions whose quote holds `anchor` and whose cue
// is `cue`, the news file `file` read whole (one page).
std::vector<std::string> news_positions(const std::string& file,
                                        const std::string& anchor,
                                        const std::string& cue) {
  std::ifstream in(test::news_dir() / file);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(to_nfc(text).find(anchor), std::string::npos) << file << anchor;
  std::vector<ExtractedPosition> kept;
  for (ExtractedPosition& p : test::extract(to_nfc(text))) {
    if (p.quote.find(anchor) != std::string::npos && p.cue == cue)
      kept.push_back(p);
  }
  return test::summary(kept);
}

using Names = std::vector<std::string>;

// "cơ bản" (basically) before a cue is an adverb, not "văn bản đề nghị".
TEST(PositionsClauses, BasicallyAgreeing) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("baomoi-0117.txt", "cơ bản thống nhất với hướng",
                           "thống nhất"),
            Names{"ubtvqh supports"});
  EXPECT_EQ(
      news_positions("baomoi-0117.txt", "đã cơ bản tán thành với", "tán thành"),
      Names{"ubtvqh supports"});
}

// The last word of a name is no noun before a cue: "Nhật Bản hoan nghênh"
// is no "bản hoan nghênh" (as "văn bản đề nghị" is).
TEST(PositionsClauses, ANameEndingLikeANoun) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("baomoi-0055.txt", "và Nhật Bản đồng ý thỏa thuận",
                           "đồng ý"),
            (Names{"eu supports", "nhat-ban supports"}));
}

// "Phía X" after a list marker ("6. Phía Nga bày tỏ ...") is X's side
// speaking, as at a clause's start.
TEST(PositionsClauses, TheSideAfterAListMarker) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(
      news_positions("baomoi-0029.txt", "Phía Nga bày tỏ sẵn sàng", "sẵn sàng"),
      Names{"nga commits"});
}

// Verbs in a series share the subject that opens the clause: "Chủ tịch
// nước X đánh giá ..., đề nghị hai bên ...", "Bộ Tài chính báo cáo, đề xuất
// ...".
TEST(PositionsClauses, VerbsInASeriesShareTheSubject) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("hddtvn-0059.txt", "Bộ Tài chính báo cáo, đề xuất",
                           "đề xuất"),
            Names{"btc proposes"});
  EXPECT_EQ(
      news_positions("baomoi-0047.txt",
                     "Việt Nam và I-ta-li-a đã và đang hợp tác", "đề nghị"),
      Names{"ctn proposes"});
}

// A cue after "và" shares the subject opening the clause, however long the
// verb phrase before it; not across a colon (what the subject says).
TEST(PositionsClauses, VerbsJoinedByAnd) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("hddtvn-0004.txt",
                           "Bộ Công Thương cũng đã ban hành nhiều văn bản",
                           "yêu cầu"),
            Names{"bct requests"});
  EXPECT_EQ(news_positions("baomoi-0060.txt", "Bình Định xác nhận: 7 ngư dân",
                           "đề nghị"),
            Names{});
}

// "khẳng định không <verb>": a pledge not to act is a refusal.
TEST(PositionsClauses, APledgeNotToActOpposes) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("hddtvn-0048.txt", "Phía EC khẳng định không gỡ",
                           "khẳng định"),
            Names{"ec opposes"});
}

// A bullet "*" after a full stop opens a new sentence: the quote of "Chi-lê
// sẵn sàng ..." ends before "* Tại cuộc gặp ...".
TEST(PositionsClauses, ABulletOpensASentence) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(test::news_dir() / "baomoi-0047.txt");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(to_nfc(text))) {
    if (p.quote.find("Chi-lê sẵn sàng") == std::string::npos) continue;
    ++seen;
    EXPECT_EQ(p.quote.find("Tại cuộc gặp"), std::string::npos) << p.quote;
  }
  EXPECT_GT(seen, 0);
}

// A delegation speaks for its country ("đoàn Việt Nam hoan nghênh"); a
// word before a comma makes no noun of the cue after it ("nêu ra nhiều nội
// dung, đề nghị ..."); a deputy named by title is an actor, "các Bộ
// trưởng" is many people, not the one last named: after "các Bộ trưởng
// thương mại TPP" they are the agreement's bloc (positions_groups_test.cc).
TEST(PositionsClauses, DelegationsDeputiesAndPlurals) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("baomoi-0018.txt", "đoàn Việt Nam hoan nghênh G20",
                           "hoan nghênh"),
            Names{"viet-nam supports"});
  EXPECT_EQ(
      news_positions("hddtvn-0097.txt",
                     "Nguyễn Xuân Cường nêu ra nhiều nội dung", "đề nghị"),
      Names{"bnnptnt proposes"});
  EXPECT_EQ(news_positions("baomoi-0052.txt",
                           "đại biểu Nguyễn Thị Phúc (Bình Thuận) đề nghị",
                           "đề nghị"),
            Names{"x:dai-bieu-nguyen-thi-phuc requests"});
  EXPECT_EQ(
      news_positions("baomoi-0074.txt", "Các Bộ trưởng cũng đồng ý", "đồng ý"),
      Names{"tpp supports"});
}

// A group opening a comma segment right before its cue is the subject,
// whatever "với" came before the comma ("Đối với phí ..., VASEP đề nghị",
// "Nhất trí với phương án này, Bộ Xây dựng đề nghị"); "hai Thủ tướng" are
// both sides of the talks.
TEST(PositionsClauses, SubjectsAfterATopicAndBothLeaders) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("hddtvn-0095.txt",
                           "Đối với phí vệ sinh chuyên dụng, VASEP đề nghị",
                           "đề nghị"),
            Names{"x:vasep proposes"});
  EXPECT_EQ(news_positions("baomoi-0088.txt",
                           "Nhất trí với phương án này, Bộ Xây dựng đề nghị",
                           "đề nghị"),
            Names{"bxd proposes"});
  const Names both = news_positions(
      "baomoi-0012.txt", "Hai Thủ tướng nhất trí tìm biện pháp", "nhất trí");
  EXPECT_EQ(std::set<std::string>(both.begin(), both.end()),
            (std::set<std::string>{"ha-lan supports", "viet-nam supports"}));
}

// A clause after ";" that opens with its cue shares the sentence's "Hai
// bên"/"Hai nhà lãnh đạo": both sides of the talks.
TEST(PositionsClauses, BothSidesOpenTheSentence) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("baomoi-0042.txt",
                           "Hai nhà Lãnh đạo đã mở ra tương lai", "nhất trí"),
            (Names{"viet-nam supports", "hoa-ky supports"}));
}

// "sẽ" after the actor and one adverb ("cũng sẽ"), and "sẽ" before help or
// cooperation offered ("sẽ hỗ trợ", "sẽ tăng cường") is a pledge; what
// someone hopes another will do is none.
TEST(PositionsClauses, PledgesOfHelp) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(news_positions("hddtvn-0008.txt",
                           "Bộ Công Thương cũng sẽ tăng cường", "sẽ"),
            Names{"bct commits"});
  EXPECT_EQ(
      news_positions("baomoi-0124.txt", "Nhật Bản sẽ hỗ trợ đào tạo", "sẽ"),
      Names{"nhat-ban commits"});
  EXPECT_EQ(news_positions("baomoi-0126.txt", "ông hy vọng Việt Nam sẽ", "sẽ"),
            Names{});
}

}  // namespace
}  // namespace kb
