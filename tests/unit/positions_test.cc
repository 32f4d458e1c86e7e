// Position extraction (indexer/positions/): cues, negation, actors,
// processes and forums, dates, quotes and keys, and the measured quality on
// the hand-labelled documents of tests/data/positions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../integration/process.h"
#include "core/stances.h"
#include "core/utf8.h"
#include "indexer/positions/cue_lexicon.h"
#include "indexer/positions/extractor.h"
#include "indexer/positions/passage_date.h"
#include "indexer/positions/position_key.h"
#include "indexer/positions/sentences.h"
#include "test_util.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using test::extract;
using test::extractor;
using test::summary;
using test::taxonomy;

TEST(Positions, StanceIdsAndLabels) {
  ASSERT_EQ(all_stances().size(), 7u);
  for (Stance s : all_stances()) {
    EXPECT_EQ(parse_stance(stance_id(s)), s);
    EXPECT_GT(std::string(stance_label_vi(s)).size(), 0u);
  }
  EXPECT_STREQ(stance_id(Stance::kLeads), "leads");
  EXPECT_STREQ(stance_label_vi(Stance::kOpposes), "phản đối");
  EXPECT_FALSE(parse_stance("lobbies").has_value());
  // Every stance has at least one cue phrase.
  for (Stance s : all_stances()) {
    EXPECT_TRUE(std::any_of(stance_cues().begin(), stance_cues().end(),
                            [&](const StanceCue& c) { return c.stance == s; }))
        << stance_id(s);
  }
}

// One definition of the stances (core/stances.h): a name in any form
// finds the same entry, whose stance is the enum value at its index.
TEST(Positions, StanceNamesFindTheirStance) {
  for (Stance s : all_stances()) {
    const StanceName& n = stance_name(s);
    EXPECT_EQ(n.stance, s);
    EXPECT_EQ(find_stance(n.id), &n);
    EXPECT_EQ(find_stance(n.label_vi), &n);
    EXPECT_EQ(find_stance(n.label_en), &n);
  }
  EXPECT_EQ(find_stance("is concerned")->stance, Stance::kConcerned);
  EXPECT_EQ(find_stance("unknown"), nullptr);
}

// The compiled-in lexicon (indexer/positions/cue_lexicon.tsv) has no line
// the reader leaves out, and holds the cues the rules name.
TEST(CueLexicon, CompiledInParses) {
  const CueLexicon lexicon = parse_cue_lexicon(cue_lexicon_tsv());
  for (const CueLexiconError& e : lexicon.errors)
    ADD_FAILURE() << "cue_lexicon.tsv:" << e.line << ": " << e.message;
  EXPECT_EQ(lexicon.cues.size(), stance_cues().size());
  auto find = [](std::string_view phrase) -> const StanceCue* {
    for (const StanceCue& c : stance_cues()) {
      if (c.phrase == phrase) return &c;
    }
    return nullptr;
  };
  ASSERT_NE(find("đề nghị"), nullptr);
  EXPECT_EQ(find("đề nghị")->stance, Stance::kProposes);
  EXPECT_EQ(find("đề nghị")->roles, kAddressee);
  EXPECT_EQ(find("đề nghị")->terms, (std::vector<std::string>{"đề", "nghị"}));
  ASSERT_NE(find("vận động"), nullptr);
  EXPECT_EQ(find("vận động")->roles, kAdvocacy);
  // An agenda row's moderator ("Điều hành: Oxfam") and a group's guides
  // ("cùng hướng dẫn") chair no meeting or negotiating group (LABELS.md).
  EXPECT_EQ(find("điều hành"), nullptr);
  EXPECT_EQ(find("cùng hướng dẫn"), nullptr);
  // Nor does a focal point or a coordinator ("là đầu mối điều phối", "cơ
  // quan điều phối của Liên minh"): a standing role, no chair.
  EXPECT_EQ(find("cơ quan đầu mối"), nullptr);
  EXPECT_EQ(find("là đầu mối"), nullptr);
  EXPECT_EQ(find("cơ quan điều phối"), nullptr);
}

TEST(CueLexicon, ParsesLinesAndReportsBadOnes) {
  const struct {
    const char* tsv;
    size_t cues;
    std::vector<size_t> error_lines;
  } cases[] = {
      {"", 0, {}},
      {"# comment\n\n   \n", 0, {}},
      {"ủng hộ\tsupports\n", 1, {}},
      {"ủng hộ\tsupports\t\n", 1, {}},
      {"đề nghị\tproposes\taddressee\r\n", 1, {}},
      {"x y\tleads\taddressee, advocacy\n", 1, {}},
      {"ủng hộ\n", 0, {1}},                       // no stance
      {"ủng hộ\tlobbies\n", 0, {1}},              // unknown stance
      {"ủng hộ\tsupports\tloud\n", 0, {1}},       // unknown role
      {"ủng hộ\tsupports\t\tx\n", 0, {1}},        // four columns
      {" \tsupports\n", 0, {1}},                  // no words
      {"a\tleads\n#\nA\tleads\n", 1, {3}},        // listed twice
      {"a\tleads\nb\tnope\nc\tleads\n", 2, {2}},  // the rest is kept
  };
  for (const auto& c : cases) {
    const CueLexicon l = parse_cue_lexicon(c.tsv);
    EXPECT_EQ(l.cues.size(), c.cues) << c.tsv;
    std::vector<size_t> lines;
    for (const CueLexiconError& e : l.errors) lines.push_back(e.line);
    EXPECT_EQ(lines, c.error_lines) << c.tsv;
  }
  const CueLexicon l = parse_cue_lexicon("x y\tleads\taddressee, advocacy\n");
  ASSERT_EQ(l.cues.size(), 1u);
  EXPECT_EQ(l.cues[0].roles, kAddressee | kAdvocacy);
  EXPECT_EQ(l.cues[0].stance, Stance::kLeads);
}

TEST(Positions, SentenceSplitting) {
  const struct {
    const char* text;
    std::vector<std::string> sentences;
  } cases[] = {
      {"Bộ Ngoại giao chủ trì. Bộ Tư pháp phối hợp.",
       {"Bộ Ngoại giao chủ trì.", "Bộ Tư pháp phối hợp."}},
      // Abbreviations, initials, numbers and list markers do not end one.
      {"Hội thảo tại TP. Hồ Chí Minh có 1.000 đại biểu.",
       {"Hội thảo tại TP. Hồ Chí Minh có 1.000 đại biểu."}},
      {"Ông Nguyễn V. An phát biểu.", {"Ông Nguyễn V. An phát biểu."}},
      {"Điều 5. Trách nhiệm của Bộ Tài chính",
       {"Điều 5. Trách nhiệm của Bộ Tài chính"}},
      {"1. Bộ Công an chủ trì.", {"1. Bộ Công an chủ trì."}},
      {"hội thảo, hội nghị v.v. Nhóm họp.",
       {"hội thảo, hội nghị v.v. Nhóm họp."}},
      // Lines always end one; a lower-case word after a period does not.
      {"Dòng một\nDòng hai. tiếp theo", {"Dòng một", "Dòng hai. tiếp theo"}},
      {"  \n\n", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = c.text;
    std::vector<std::string> got;
    for (const TextSpan& s : split_sentences(text))
      got.push_back(text.substr(s.begin, s.end - s.begin));
    EXPECT_EQ(got, c.sentences);
  }
}

// Cues, negation, passive forms and the actor a cue belongs to.
TEST(Positions, CuesAndActors) {
  const struct {
    const char* text;
    std::vector<std::string> expected;  // "actor stance", in order
  } cases[] = {
      // A task a decision assigns is no lead (seed 004, LABELS.md).
      {"Bộ Ngoại giao chủ trì vận động các quốc gia, các tổ chức quốc tế ủng "
       "hộ các quan điểm của Việt Nam.",
       {}},
      {"Bộ Tài nguyên và Môi trường chủ trì các tổ chức thực hiện liên quan "
       "đến Đề án.",
       {}},
      {"Bộ Công Thương có trách nhiệm chủ trì đàm phán.", {}},
      {"Bộ Công Thương được giao chủ trì đàm phán.", {}},
      {"Bộ Ngoại giao chủ trì hội nghị.", {"bng leads"}},
      // Chairing a meeting (corpus/samples/bien-ban-tham-van-lien-bo-inc5).
      {"Sáng 15/10/2024, Bộ Tài nguyên và Môi trường chủ trì cuộc họp tham "
       "vấn liên bộ về phương án đàm phán của Việt Nam tại INC-5.",
       {"btnmt leads"}},
      {"Việt Nam ủng hộ việc xây dựng Thỏa thuận toàn cầu về ô nhiễm nhựa.",
       {"viet-nam supports"}},
      {"Việt Nam không ủng hộ đề xuất cấm sản xuất nhựa nguyên sinh.",
       {"viet-nam opposes"}},
      {"Liên minh châu Âu phản đối việc lùi thời hạn.", {"eu opposes"}},
      {"Oxfam bày tỏ quan ngại về tác động xã hội của khai thác khoáng sản.",
       {"oxfam concerned"}},
      {"Chính phủ Việt Nam cam kết giảm 50% rác thải nhựa đại dương.",
       {"chinh-phu commits"}},
      {"Bộ Tài chính chủ trì, phối hợp với Bộ Công Thương đề xuất chính sách "
       "thuế.",
       {"btc proposes"}},  // "chủ trì, phối hợp": an assignment
      {"Theo đề nghị của Bộ trưởng Bộ Tư pháp;", {}},  // boilerplate
      {"Căn cứ đề nghị của Bộ Tài chính, Chính phủ đồng ý.", {}},
      {"Bộ Công Thương có ủng hộ đề xuất này không?", {}},  // a question
      {"Hiệp hội Nhựa Việt Nam phản đối việc áp thuế.",
       {"x:hiep-hoi-nhua-viet-nam opposes"}},
      {"Các tổ chức phi chính phủ đề nghị công khai thông tin.", {}},
      {"Nhật Bản và Australia ủng hộ lộ trình.",
       {"nhat-ban supports", "uc supports"}},
      {"Bộ trưởng Bộ Công Thương Trần Tuấn Anh khẳng định Việt Nam sẽ thực "
       "hiện đầy đủ cam kết.",
       {"viet-nam commits"}},
      {"Việt Nam không đồng ý với đề xuất này.", {"viet-nam opposes"}},
      {"Bộ Tài nguyên và Môi trường đề nghị Bộ Tài chính bố trí kinh phí.",
       {"btnmt requests"}},
      {"Bộ Công an, Bộ Quốc phòng chủ trì tổ chức kiểm tra.", {}},
      {"Bộ Công an, Bộ Quốc phòng chủ trì phiên họp.",
       {"bca leads", "bqp leads"}},
      {"Cuộc họp do Bộ Nông nghiệp và Phát triển nông thôn chủ trì.",
       {"bnnptnt leads"}},
      {"Sáng kiến này được Bộ Tài nguyên và Môi trường ủng hộ.",
       {"btnmt supports"}},
      // A coordinator or focal point chairs nothing (LABELS.md: leads).
      {"Trung tâm Con người và Thiên nhiên (PanNature) là cơ quan điều phối "
       "của Liên minh Khoáng sản.",
       {}},
      {"LMKS phối hợp với BTAP thông qua đầu mối là Trung tâm Phát triển và "
       "Hội nhập (CDI).",
       {}},
      {"Thảo luận chung\tToàn thể đại biểu Điều hành: Oxfam", {}},
      // Nouns, generic or unnamed actors, causatives, negated non-support.
      {"Hồ sơ đề nghị công nhận xã đảo gửi Bộ Nội vụ thẩm định.", {}},
      {"Các khoản tài trợ, viện trợ, ủng hộ của cơ quan, tổ chức, cá nhân.",
       {}},
      {"Họp do Tổng cục LN chủ tọa và đồng chủ tọa bởi một thành viên Nhóm.",
       {"tcln leads"}},
      {"Chỉ đạo Công an các tỉnh chủ trì kiểm tra.", {}},
      {"Đài Truyền hình Việt Nam chủ trì tuyên truyền.", {}},
      {"Đài Truyền hình Việt Nam chủ trì buổi tọa đàm.", {"vtv leads"}},
      {"Cục Hàng hải Việt Nam chủ trì cuộc họp.",
       {"x:cuc-hang-hai-viet-nam leads"}},
      {"Bộ Y tế không chủ trì việc này.", {}},
      {"Cơ quan đề xuất có trách nhiệm lấy ý kiến của Bộ Ngoại giao.", {}},
      {"Một vấn đề được một thành viên đề xuất và 2 thành viên khác ủng hộ.",
       {}},
      {"Xây dựng Cơ sở dữ liệu quốc gia về cam kết quốc tế.", {}},
      {"Cục Công nghiệp công nghệ thông tin (Bộ Khoa học và Công nghệ) chủ "
       "trì, phối hợp hướng dẫn.",
       {}},
      {"Mạng phải đáp ứng yêu cầu về kiến trúc mạng Ngân hàng Nhà nước.", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(summary(extract(c.text)), c.expected);
  }
}

// News reports: people named by title and name speak for the country or
// organisation named with them; speech verbs ("khẳng định", "nhấn mạnh")
// and what the speaker says. Sentences written for the test.
TEST(Positions, HeadingsGiveNoPosition) {
  const struct {
    const char* text;
    std::vector<std::string> expected;
  } cases[] = {
      {"Điều 13. Trách nhiệm của Bộ Tài chính\nChủ trì, phối hợp với Bộ Khoa "
       "học và Công nghệ bảo đảm kinh phí.",
       {}},
      {"Điều 2. Tổ chức thực hiện\n1. Bộ Ngoại giao:\na) Tiếp nhận nhiệm vụ.\n"
       "b) Chủ trì, phối hợp với các Bộ về tổ chức tuyên truyền.\n2. Bộ Tài "
       "chính tổng hợp.",
       {}},
      {"1. Định kỳ hằng năm, Bộ Công an có trách nhiệm:\na) Chủ trì, phối hợp "
       "Bộ Quốc phòng tổ chức đoàn kiểm tra;",
       {}},
      {"2. Bộ Tài chính:\nb) Trên cơ sở báo cáo của Ngân hàng Chính sách xã "
       "hội, chủ trì, phối hợp với các bộ báo cáo.",
       {}},
      // The heading names no actor of the taxonomy: no position.
      {"Điều 9. Quyền và nghĩa vụ của Cục Hàng hải Việt Nam\n5. Chủ trì, "
       "phối hợp với các đơn vị liên quan kiểm tra.",
       {}},
      {"Điều 9. Quyền và nghĩa vụ của Cục Bưu điện Trung ương\n5. Chủ trì, "
       "phối hợp với các đơn vị liên quan kiểm tra.",
       {}},
      // A page about one actor lends it to its bullets.
      {"Nhóm nòng cốt đa bên\n\nChức năng và nhiệm vụ\n • Đề xuất các vấn đề "
       "cho JPC/JIC cân nhắc.\n • Đồng chủ tọa có trách nhiệm ghi biên bản.",
       {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(summary(extract(c.text)), c.expected);
  }
  PositionContext ctx;
  ctx.issuer_id = "ttg";
  EXPECT_TRUE(
      extract("4. Đề nghị Tòa án nhân dân tối cao phối hợp thực hiện.", ctx)
          .empty());
  EXPECT_TRUE(extract("4. Đề nghị Tòa án nhân dân tối cao phối hợp.").empty());
}

TEST(Positions, ProcessAndForum) {
  const struct {
    const char* text;
    const char* title;
    const char* process;
    const char* forum;
  } cases[] = {
      // A forum names its process.
      {"Nhóm nòng cốt đa bên đề xuất các vấn đề cho JPC/JIC xem xét.", "",
       "vpa-flegt", "vpa-jic"},
      {"Tại INC-5, Việt Nam ủng hộ một lộ trình giảm ô nhiễm nhựa.", "",
       "plastics-treaty", "inc-5"},
      // A name that is a network and a process is read as the process.
      {"CDI vận động áp dụng thí điểm EITI tại Quảng Trị.", "", "eiti-process",
       ""},
      // The actor's own name holds its process.
      {"Nhóm nòng cốt đa bên chủ trì cuộc họp các bên liên quan.", "",
       "vpa-flegt", ""},
      // The document's title names it.
      {"Bộ Ngoại giao chủ trì cuộc họp với các quốc gia.",
       "Thỏa thuận toàn cầu về ô nhiễm nhựa đại dương", "plastics-treaty", ""},
      {"Bộ Ngoại giao chủ trì cuộc họp với các quốc gia.", "", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    PositionContext ctx;
    ctx.title = c.title;
    const std::vector<ExtractedPosition> ps = extract(c.text, ctx);
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_EQ(ps[0].process, c.process);
    EXPECT_EQ(ps[0].forum, c.forum);
  }
}

TEST(Positions, PassageDateOrDocumentDate) {
  const struct {
    const char* text;
    const char* date;
    bool from_passage;
  } cases[] = {
      {"Ngày 16/8/2021, Bộ Tài nguyên và Môi trường cam kết hỗ trợ.",
       "2021-08-16", true},
      {"Ngày 23 tháng 7 năm 2025, Bộ Công an đề xuất sửa đổi luật.",
       "2025-07-23", true},
      // A date after the cue is what the stance is about.
      {"Việt Nam ủng hộ Tuyên bố chung ký ngày 29/5/2015.", "2024-03-11",
       false},
      {"Trong tháng 6/2005, Bộ Tài nguyên và Môi trường nhất trí với kế hoạch.",
       "2005-06", true},
      // A deadline is not the passage's date.
      {"Bộ Tài chính chủ trì cuộc họp trước ngày 31/12/2025.", "2024-03-11",
       false},
      {"Bộ Tài chính chủ trì cuộc họp.", "2024-03-11", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    PositionContext ctx;
    ctx.issue_date = "2024-03-11";
    const std::vector<ExtractedPosition> ps = extract(c.text, ctx);
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_EQ(ps[0].date, c.date);
    EXPECT_EQ(ps[0].date_from_passage, c.from_passage);
  }
}

// A news report's date: the day its opening (or, failing that, its close)
// names, not a deadline, in the year of its full dates or the year it names
// most; else that year alone. Texts written for the test.
TEST(Positions, TopicsOfThePassageElseTheDocument) {
  PositionContext ctx;
  ctx.topics = {"forestry", "multi-stakeholder", "communication", "gender"};
  std::vector<ExtractedPosition> ps =
      extract("Việt Nam ủng hộ việc giảm rác thải nhựa đại dương.", ctx);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_TRUE(
      std::count(ps[0].topics.begin(), ps[0].topics.end(), "marine-plastics"));
  ps = extract("Bộ Tài chính chủ trì cuộc họp.", ctx);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].topics,
            (std::vector<std::string>{"forestry", "multi-stakeholder",
                                      "communication"}));
}

// Quotes are sentences, trimmed, and their offsets point into the page as
// given, also when it is decomposed (NFD) or spans several pages.
TEST(Positions, QuoteOffsetsPointIntoThePage) {
  const std::string a =
      "QUYẾT ĐỊNH\n • Bộ Tài chính chủ trì, đề xuất chính sách thuế; Bộ Công "
      "an phối hợp.\n  Theo đề nghị của Bộ trưởng Bộ Tư pháp;  \n";
  const std::string b = "Việt Nam ủng hộ lộ trình giảm ô nhiễm nhựa.";
  for (const std::vector<std::string>& pages :
       {std::vector<std::string>{a, b},
        std::vector<std::string>{test::nfd(a), test::nfd(b)}}) {
    const std::vector<ExtractedPosition> ps = extractor().extract(pages, {});
    ASSERT_EQ(summary(ps),
              (std::vector<std::string>{"btc leads", "btc proposes",
                                        "viet-nam supports"}));
    for (const ExtractedPosition& p : ps) {
      SCOPED_TRACE(p.quote);
      ASSERT_GE(p.page, 1u);
      ASSERT_LE(p.page, pages.size());
      const std::string& page = pages[p.page - 1];
      ASSERT_LE(p.end, page.size());
      ASSERT_LT(p.begin, p.end);
      EXPECT_EQ(page.substr(p.begin, p.end - p.begin), p.quote);
      EXPECT_NE(p.quote.front(), ' ');
      EXPECT_NE(p.quote.back(), ' ');
    }
    EXPECT_EQ(to_nfc(ps[0].quote),
              "Bộ Tài chính chủ trì, đề xuất chính sách thuế; Bộ Công an phối "
              "hợp.");
    EXPECT_EQ(ps[2].page, 2u);
  }
}

// Web pages indent with no-break spaces: a quote starts and ends with text.
TEST(Positions, QuotesAreTrimmedOfNoBreakSpaces) {
  const std::vector<std::string> pages = {
      "\u00A0\u00A0\u00A0\u00A0Việt Nam ủng hộ lộ trình giảm ô nhiễm "
      "nhựa\u00A0\n"};
  const std::vector<ExtractedPosition> ps = extractor().extract(pages, {});
  ASSERT_EQ(summary(ps), (std::vector<std::string>{"viet-nam supports"}));
  EXPECT_EQ(ps[0].quote, "Việt Nam ủng hộ lộ trình giảm ô nhiễm nhựa");
  EXPECT_EQ(pages[0].substr(ps[0].begin, ps[0].end - ps[0].begin), ps[0].quote);
}

// The key survives re-indexing (other offsets, spacing, Unicode form) and
// changes with the actor, the stance or the words.
TEST(Positions, KeysAreStable) {
  const std::string q = "Bộ Tài chính chủ trì, đề xuất chính sách thuế";
  const std::string key = position_key("btc", Stance::kLeads, q);
  EXPECT_EQ(key.size(), 16u);
  EXPECT_EQ(position_key("btc", Stance::kLeads,
                         "Bộ  Tài chính\nchủ trì, đề xuất chính sách thuế"),
            key);
  EXPECT_EQ(position_key("btc", Stance::kLeads, test::nfd(q)), key);
  EXPECT_EQ(position_key("btc", Stance::kLeads, test::upper(q)), key);
  EXPECT_NE(position_key("bct", Stance::kLeads, q), key);
  EXPECT_NE(position_key("btc", Stance::kProposes, q), key);
  EXPECT_NE(position_key("btc", Stance::kLeads, q + " mới"), key);
  // Re-extracted from a page with more text before it: same key.
  const std::string text = "Bộ Tài chính chủ trì, đề xuất chính sách thuế.";
  const std::vector<ExtractedPosition> first = extract(text);
  const std::vector<ExtractedPosition> again =
      extract("Lời nói đầu.\nMột đoạn mới được thêm vào.\n" + text);
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_NE(first[0].begin, again[0].begin);
  EXPECT_EQ(first[0].key, again[0].key);
  EXPECT_EQ(first[1].key, again[1].key);
  EXPECT_NE(first[0].key, first[1].key);
}

TEST(Positions, EmptyAndOddInput) {
  EXPECT_TRUE(extractor().extract({}, {}).empty());
  EXPECT_TRUE(extract("").empty());
  EXPECT_TRUE(extract("chủ trì").empty());
  EXPECT_TRUE(extract("\xff\xfe Bộ Tài chính chủ trì").size() <= 1);
  // The convenience function agrees with the class.
  EXPECT_EQ(summary(extract_positions({"Bộ Tư pháp chủ trì."}, {}, taxonomy())),
            std::vector<std::string>{"btp leads"});
}

// Texts that once crashed the extractor (tests/data/positions/regressions:
// a codification article whose table has lines that are only a list marker).
TEST(Positions, RegressionTextsAreReadSafely) {
  const fs::path dir =
      fs::path(VNKB_SOURCE_DIR) / "tests/data/positions/regressions";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
    ASSERT_FALSE(text.empty());
    for (const ExtractedPosition& p : extract(text)) {
      EXPECT_EQ(text.substr(p.begin, p.end - p.begin), p.quote);
    }
    ++files;
  }
  EXPECT_GE(files, 1);
}

// The hand-labelled documents of tests/data/positions are legal instruments
// (decrees, resolutions) and five seeds: the instruments' assignments and
// boilerplate are no positions any more (LABELS.md), the seeds keep theirs.
TEST(Positions, LegalInstrumentsHoldNoPositions) {
  const std::string binary =
      std::string(VNKB_BINARY_DIR) + "/tools/eval_positions";
  ASSERT_TRUE(fs::exists(binary)) << binary;
  const test::RunResult r = test::run({binary, "--json"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["failed"].empty()) << j["failed"].dump();
  EXPECT_EQ(j["sets"]["extra"]["strict"]["extracted"].get<int>(), 0);
  EXPECT_EQ(j["sets"]["holdout"]["strict"]["extracted"].get<int>(), 0);
  const nlohmann::json& seed = j["sets"]["seed"]["strict"];
  EXPECT_GE(seed["precision"].get<double>(), 0.8) << seed.dump();
}

// An article of the codification (one file per article, as
// tools/split_phapdien makes them) is an article of a legal instrument: the
// extractor is not run on it. Headings of other texts are not mistaken for one.
TEST(Positions, CodificationArticlesAreLegalInstruments) {
  static const struct {
    const char* head;
    bool legal;
  } cases[] = {
      {"Điều 40.1.LQ.1. Phạm vi điều chỉnh\n\n(Điều 1 Luật số 08/2007/QH12)",
       true},
      {"\nĐiều 1.4.TT.6.7. Thực hiện thủ tục biên phòng điện tử", true},
      {"Điều 12.3.NĐ.2. Trách nhiệm của Bộ Tài chính", true},
      {"Điều 5. Trách nhiệm của Bộ Ngoại giao", false},
      {"Điều 40.1. Phạm vi", false},
      {"Điều 40.1.LQ. Phạm vi", false},
      {"Điều 40..LQ.1. Phạm vi", false},
      {"Bộ Tài nguyên và Môi trường ủng hộ Điều 40.1.LQ.1.", false},
      {"", false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(is_legal_instrument("", c.head), c.legal) << c.head;
  // The body of an article of the codification reads as a position under
  // another heading; under its own it gives none.
  const std::string body =
      " Thực hiện thủ tục\n\na) Bộ Tư lệnh Bộ đội Biên phòng thống nhất với "
      "Tổng cục Hải quan Bộ Tài chính về quy trình.\n";
  EXPECT_FALSE(extract("Điều 7." + body).empty());
  EXPECT_TRUE(extract("Điều 1.4.TT.6.7." + body).empty());
}

// The negotiation news of ../shared (docs/bench/positions.md): the figures
// measured when the rules were last changed must hold (floors, below the
// issue's targets, which are not reached yet).
TEST(Positions, NegotiationNewsFigures) {
  const fs::path dir =
      fs::path(VNKB_SOURCE_DIR) / "../shared/corpus/negotiation/vi";
  if (!fs::exists(dir / "labels-1.jsonl")) GTEST_SKIP() << dir;
  const std::string binary =
      std::string(VNKB_BINARY_DIR) + "/tools/eval_positions";
  const test::RunResult r =
      test::run({binary, "--news", dir.string(), "--json"}, false);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["failed"].empty()) << j["failed"].dump();
  const nlohmann::json& tuning = j["tuning"];
  EXPECT_EQ(tuning["labels_not_found"].get<int>(), 0);
  EXPECT_GE(tuning["files"].get<int>(), 35);
  // Floors a little under the figures of docs/bench/positions.md.
  EXPECT_GE(tuning["precision"].get<double>(), 0.87) << tuning.dump();
  EXPECT_GE(tuning["recall"].get<double>(), 0.68) << tuning.dump();
  // 0.84: the recall rules of pos-vi4 match positions in articles that
  // state no year (docs/bench/positions.md).
  EXPECT_GE(tuning["date_accuracy"].get<double>(), 0.84) << tuning.dump();
  EXPECT_GE(tuning["forum_accuracy"].get<double>(), 0.80) << tuning.dump();
  const nlohmann::json& held_out = j["held_out"];
  EXPECT_GE(held_out["precision"].get<double>(), 0.70) << held_out.dump();
  EXPECT_GE(held_out["recall"].get<double>(), 0.43) << held_out.dump();
}

// The baomoi articles state days without their year (2017, per the corpus's
// SOURCES.md). Given that dateline, as a librarian's `--date` gives it, the
// statements take its year: more dates are right, nothing else moves. A
// --dateline that is no PREFIX=DATE is refused.
TEST(Positions, ALibrariansDatelineGivesArticlesTheirYear) {
  const fs::path dir =
      fs::path(VNKB_SOURCE_DIR) / "../shared/corpus/negotiation/vi";
  if (!fs::exists(dir / "labels-1.jsonl")) GTEST_SKIP() << dir;
  const std::string binary =
      std::string(VNKB_BINARY_DIR) + "/tools/eval_positions";
  const auto tuning_of = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {binary, "--news", dir.string(), "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const test::RunResult r = test::run(args, false);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out)["tuning"];
  };
  const nlohmann::json plain = tuning_of({});
  const nlohmann::json dated = tuning_of({"--dateline", "baomoi-=2017"});
  EXPECT_GT(dated["date_accuracy"].get<double>(),
            plain["date_accuracy"].get<double>() + 0.02)
      << plain.dump() << dated.dump();
  EXPECT_EQ(dated["precision"], plain["precision"]);
  EXPECT_EQ(dated["recall"], plain["recall"]);
  for (const char* bad : {"baomoi-", "=2017", "baomoi-=31/02/2017"}) {
    const test::RunResult r =
        test::run({binary, "--news", dir.string(), "--dateline", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.out.find("PREFIX=DATE"), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace kb
