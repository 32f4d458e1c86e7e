// Recall rules of the Vietnamese position extraction, each checked on a real
// sentence of the negotiation news (../shared/corpus/negotiation/vi, tuning
// part only, or an unlabelled article), read from its file; the cases are
// skipped without the corpus.
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
#include "indexer/positions/passage_date.h"
#include "indexer/positions/sentences.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

using test::news_dir;

using test::line_with;

// The whole text of `path`, NFC, or empty.
std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return to_nfc(std::string(std::istreambuf_iterator<char>(in), {}));
}

// "actor_name stance" of the positions whose quote starts with `opening`.
std::vector<std::string> named_from(const std::vector<ExtractedPosition>& ps,
                                    std::string_view opening) {
  std::vector<std::string> out;
  for (const ExtractedPosition& p : ps) {
    if (std::string_view(p.quote).substr(0, opening.size()) == opening)
      out.push_back(p.actor_name + " " + stance_id(p.stance));
  }
  return out;
}

// A joint statement numbers its points inside one paragraph ("... giao
// thông. 7. Hai bên đánh giá ..."): the number is no word of the point's
// sentence, so "Hai bên" opens it and names both sides.
TEST(PositionsRecall, InlinePointNumberDoesNotOpenTheSentence) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Hai bên đánh giá tích cực việc triển khai";
  const std::string line = line_with(news_dir() / "baomoi-0029.txt", anchor);
  ASSERT_FALSE(line.empty());
  bool found = false;
  for (const TextSpan& s : split_sentences(line)) {
    const std::string_view text(line.data() + s.begin, s.end - s.begin);
    if (text.find(anchor) == std::string_view::npos) continue;
    found = true;
    EXPECT_EQ(text.substr(0, anchor.size()), anchor);
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(test::stances_quoted_from(test::extract(line), anchor),
            (std::vector<std::string>{"nga commits", "viet-nam commits"}));
}

// Only a short marker is left out: an initial ("V. Putin") and a longer
// number stay in their sentence.
TEST(PositionsRecall, OnlyShortMarkersAreLeftOut) {
  const std::string text =
      "Hai bên đã ký kết hiệp định. 12. Hai bên nhất trí thúc đẩy hợp tác. "
      "V. Putin khẳng định hợp tác. 2017. Năm nay là năm bản lề. "
      "II. Hợp tác kinh tế được thúc đẩy.";
  std::vector<std::string> got;
  for (const TextSpan& s : split_sentences(text))
    got.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(got, (std::vector<std::string>{"Hai bên đã ký kết hiệp định.",
                                           "Hai bên nhất trí thúc đẩy hợp tác.",
                                           "V. Putin khẳng định hợp tác.",
                                           "2017. Năm nay là năm bản lề.",
                                           "Hợp tác kinh tế được thúc đẩy."}));
}

// "Theo X," opening a comma segment after an opening phrase ("Tuy nhiên,
// theo ông Hong Sun, các biện pháp ... cần ...") makes what follows X's
// speech, as it does at the start of a sentence.
TEST(PositionsRecall, AccordingToAfterAnOpeningPhrase) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Tuy nhiên, theo ông Hong Sun,";
  const std::string line = line_with(news_dir() / "hddtvn-0109.txt", anchor);
  ASSERT_FALSE(line.empty());
  std::vector<std::string> names;
  for (const ExtractedPosition& p : test::extract(line)) {
    if (p.quote.rfind(anchor, 0) == 0)
      names.push_back(p.actor_name + " " + stance_id(p.stance));
  }
  EXPECT_EQ(names, std::vector<std::string>{"ông Hong Sun proposes"});
}

// "Bà" alone opening a sentence is the person named before ("... bà Angela
// Merkel cho biết ... Bà cũng không đồng tình với ..."), and "phía doanh
// nghiệp" in a report on one company is that company.
TEST(PositionsRecall, PronounAndCompanySubjectsReferBack) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> merkel =
      test::extract(file_text(news_dir() / "baomoi-0033.txt"));
  EXPECT_EQ(named_from(merkel, "Bà cũng không đồng tình"),
            std::vector<std::string>{"Thủ tướng Đức Angela Merkel opposes"});
  const std::vector<ExtractedPosition> aluminium =
      test::extract(file_text(news_dir() / "baomoi-0142.txt"));
  EXPECT_EQ(named_from(aluminium, "Theo đó, phía doanh nghiệp đề nghị"),
            std::vector<std::string>{"Công ty Nhôm Toàn Cầu VN proposes"});
}

// What an actor's letter asks, the actor asks: "X ngày 23/9 đã gửi thư kêu
// gọi Y ...", "VSA vừa có văn bản gửi Bộ Thương mại Hoa Kỳ (DOC) yêu cầu
// ..." (not the addressee, nor the journalist's source "theo ông Sưa").
TEST(PositionsRecall, TheSenderOfALetterAsks) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(named_from(test::extract(file_text(news_dir() / "hddtvn-0024.txt")),
                       "Một liên minh của ngành công nghiệp điện gió"),
            std::vector<std::string>{"GWEC requests"});
  EXPECT_EQ(named_from(test::extract(file_text(news_dir() / "baomoi-0142.txt")),
                       "Cũng theo ông Sưa, VSA vừa có văn bản"),
            std::vector<std::string>{"VSA requests"});
}

// "Tại cuộc gặp Thủ tướng I-ta-li-a ..., hai bên nhất trí ...": the sides
// are the country met and the page's other side (Việt Nam), not the two
// countries the report names most.
TEST(PositionsRecall, TheSidesOfAMeetingAreTheCountryMet) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0047.txt")),
                "Tại cuộc gặp Thủ tướng I-ta-li-a"),
            (std::vector<std::string>{"italia supports", "viet-nam supports"}));
}

// "Cũng theo Bộ trưởng X, Luật du lịch ... phải ... . Trong Dự thảo ...,
// Tổng cục Du lịch cần bổ sung ...": the sentence after a speaker's, naming
// no speaker of its own, goes on with the speech.
TEST(PositionsRecall, TheNextSentenceGoesOnWithTheSpeech) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0144.txt"));
  EXPECT_EQ(test::stances_quoted_from(
                ps, "Trong Dự thảo Luật Du lịch trình Quốc hội"),
            std::vector<std::string>{"bvhttdl proposes"});
}

// "... EVN cũng đề nghị ... . Đồng thời kiến nghị Thủ tướng Chính phủ ...":
// a sentence opening with a connective and its cue goes on with the
// subject of the sentence before.
TEST(PositionsRecall, AConnectiveGoesOnWithTheSubjectBefore) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0013.txt"));
  EXPECT_EQ(
      test::stances_quoted_from(ps, "Đồng thời kiến nghị Thủ tướng Chính phủ"),
      std::vector<std::string>{"x:evn requests"});
}

// A chair's role named as the sentence's circumstance ("Với vai trò Chủ
// tịch ASEAN, Việt Nam đã ...", "Việt Nam với vai trò Chủ tịch ASEAN ...")
// is its actor's lead, dated by its year; the office of a head of state
// ("trên cương vị Chủ tịch nước") is none.
TEST(PositionsRecall, AChairsRoleLeads) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> chair =
      test::extract(file_text(news_dir() / "hddtvn-0017.txt"));
  EXPECT_EQ(
      test::stances_quoted_from(chair, "Với vai trò Chủ tịch ASEAN, Việt Nam"),
      std::vector<std::string>{"viet-nam leads"});
  EXPECT_EQ(test::stances_quoted_from(
                chair, "Đến nay, có thể nói Việt Nam đã thành công"),
            std::vector<std::string>{"viet-nam leads"});
  // A chair is held for a year, not on the day of the report.
  for (const ExtractedPosition& p : chair) {
    if (p.quote.rfind("Với vai trò Chủ tịch ASEAN", 0) == 0) {
      EXPECT_EQ(p.date, "2020");
    }
  }
  for (const ExtractedPosition& p :
       test::extract(file_text(news_dir() / "baomoi-0078.txt"))) {
    EXPECT_FALSE(p.stance == Stance::kLeads &&
                 p.quote.find("cương vị Chủ tịch nước") != std::string::npos)
        << p.quote;
  }
}

// A quotation opening with its cue is the speaker's named after it:
// "\"Đề nghị các cơ sở đóng tàu ... gian dối” - ông Châu nói." (ông Châu
// speaks for the UBND of his province, "UBND tỉnh Bình Định").
TEST(PositionsRecall, AQuotationIsItsSpeakers) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0060.txt"));
  EXPECT_EQ(named_from(ps, "\"Đề nghị các cơ sở đóng tàu"),
            std::vector<std::string>{"UBND tỉnh Bình Định requests"});
}

// A stance verb joined by "và" after "sẵn sàng" is a stance of its own:
// "Chi-lê sẵn sàng tăng cường quan hệ ... và ủng hộ Việt Nam tổ chức ...".
TEST(PositionsRecall, AJoinedVerbIsNotFramed) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0047.txt"));
  EXPECT_EQ(test::stances_quoted_from(
                ps, "Tổng thống M.Ba-chê-lết khẳng định, Chi-lê"),
            (std::vector<std::string>{"chile commits", "chile supports"}));
}

// Only the first syllable of an agency's last word is capitalised
// ("Tổng cục Hải quan", hddtvn-0036, team labels): the lower-case syllable
// before its verb is still the name's, not a noun the cue would follow
// ("cơ quan yêu cầu": the requesting body).
TEST(PositionsRecall, AnOpenNameKeepsItsLastSyllableBeforeTheVerb) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Tổng cục Hải quan yêu cầu các cục hải quan";
  const std::string line = line_with(news_dir() / "hddtvn-0036.txt", anchor);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(named_from(test::extract(line), anchor),
            (std::vector<std::string>{"Tổng cục Hải quan requests"}));
}

// hddtvn articles end with their lead behind the source's marker
// ("more(HDDTVN)- Việt Nam cam kết với EU ...", hddtvn-0066, team labels):
// the marker opens no sentence and names no actor.
TEST(PositionsRecall, TheLeadMarkerIsNoPartOfTheSentence) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Việt Nam cam kết với EU vận động";
  std::string line;
  {
    std::ifstream in(news_dir() / "hddtvn-0066.txt");
    for (std::string l; std::getline(in, l);) {
      if (l.rfind("more(HDDTVN)", 0) == 0) line = to_nfc(l);
    }
  }
  ASSERT_NE(line.find(anchor), std::string::npos);
  const std::vector<TextSpan> spans = split_sentences(line);
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(line.substr(spans[0].begin, anchor.size()), anchor);
  const std::vector<ExtractedPosition> ps = test::extract(line);
  const std::vector<std::string> got = test::stances_quoted_from(ps, anchor);
  EXPECT_NE(std::find(got.begin(), got.end(), "viet-nam commits"), got.end());
  for (const ExtractedPosition& p : ps) EXPECT_NE(p.actor, "x:hddtvn");
}

// A day written with a dot ("Hôm nay (30.6)", "Ngày 26.6, ông ... yêu cầu
// ...", as Thanh Niên writes it) is a day like "30/6"; and a visit "từ ngày
// 23 - 26/6/2017" dates the report by its month only when the opening names
// no single day before it ("Chiều 23/6, Lễ đón ..." is the day of the talks).
TEST(PositionsRecall, DottedDaysAndADayBeforeARange) {
  SKIP_WITHOUT_NEWS();
  const std::string thanh_nien = file_text(news_dir() / "baomoi-0121.txt");
  EXPECT_EQ(report_date({thanh_nien}), "2017-06-30");
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(thanh_nien)) {
    if (p.quote.rfind("Ngày 26.6, ông Đặng Ngọc Sơn", 0) != 0) continue;
    ++seen;
    EXPECT_EQ(p.date, "2017-06-26");
  }
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(report_date({file_text(news_dir() / "baomoi-0081.txt")}),
            "2017-06-23");
  // A range first still gives the month ("Từ ngày 15 đến 17/5").
  EXPECT_EQ(report_date({"Từ ngày 15 đến 17/5/2019, hội nghị họp tại Huế. "
                         "Chiều 16/5, Việt Nam ủng hộ dự thảo."}),
            "2019-05");
}

// "hối thúc" (to urge) asks as "thúc giục" does: "Thủ tướng Italy ...,
// Thủ tướng Đức Angela Merkel, và Tổng thống Pháp Emmanuel Macron ra một
// tuyên bố chung ... và hối thúc các nước đồng minh gia tăng nỗ lực ...".
TEST(PositionsRecall, UrgingIsARequest) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0036.txt"));
  std::vector<std::string> urged;
  for (const ExtractedPosition& p : ps) {
    if (p.cue == "hối thúc")
      urged.push_back(p.actor_name + " " + stance_id(p.stance));
  }
  EXPECT_EQ(urged, (std::vector<std::string>{
                       "Thủ tướng Đức Angela Merkel requests",
                       "Tổng thống Pháp Emmanuel Macron requests"}));
}

// "tuyên bố" (to declare) is a speech verb: it passes its speaker to the
// stance it reports ("Hãng PTI đưa tin Tổng thống Syria Bashar al-Assad
// tuyên bố hoan nghênh Ấn Độ đóng một vai trò ...": the president
// welcomes, for Syria since the taxonomy knows it), and "tuyên bố chung"
// stays a noun.
TEST(PositionsRecall, ADeclarationPassesItsSpeaker) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0113.txt"));
  const std::vector<std::string> got =
      named_from(ps, "Theo phóng viên TTXVN tại New Delhi");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "Syria supports");
  for (const ExtractedPosition& p : ps) EXPECT_NE(p.cue, "tuyên bố") << p.quote;
}

// "nói" (to say) is a speech verb like "cho biết": what follows is the
// speaker's, so "Ông Trump nói Chính phủ Mỹ sẽ bắt đầu đàm phán ..." is a
// pledge of Mỹ's; "nói" alone takes no stance.
TEST(PositionsRecall, SayingReportsAPledge) {
  SKIP_WITHOUT_NEWS();
  const std::vector<ExtractedPosition> ps =
      test::extract(file_text(news_dir() / "baomoi-0036.txt"));
  EXPECT_EQ(
      test::stances_quoted_from(ps, "Ông Trump nói Chính phủ Mỹ sẽ bắt đầu"),
      std::vector<std::string>{"hoa-ky commits"});
  for (const ExtractedPosition& p : ps) EXPECT_NE(p.cue, "nói") << p.quote;
}

// After a group of countries is named, "các lãnh đạo", "các nhà lãnh đạo",
// "lãnh đạo các nước" are its members acting together: at the G20 summit
// "Bà nói mình vui mừng nhìn thấy các lãnh đạo đồng ý rằng ..." (team
// labels) and "các nhà lãnh đạo cam kết sẽ tiếp tục đấu tranh chống chủ
// nghĩa bảo hộ" (baomoi-0033, tuning) are G20's. Business leaders are not.
TEST(PositionsRecall, TheLeadersOfANamedGroup) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0028.txt")),
                "Bà nói mình vui mừng nhìn thấy các lãnh đạo đồng ý"),
            std::vector<std::string>{"g20 supports"});
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0033.txt")),
                "Đối với vấn đề thương mại, các nhà lãnh đạo cam kết"),
            std::vector<std::string>{"g20 commits"});
  EXPECT_TRUE(test::extract("Hội nghị G20 họp tại Hamburg. Các lãnh đạo "
                            "doanh nghiệp ủng hộ thương mại tự do.")
                  .empty());
}

// The generic "UBND" followed by a locality and its name is that local
// government's name, up to the locality's name: "Tới đây, UBND xã Cát Sơn
// sẽ phối hợp ..." (team labels) has its actor right before "sẽ", and
// "UBND tỉnh Vĩnh Phúc có Tờ trình ... đề nghị ..." (baomoi-0066, tuning)
// is the province's; "kiến nghị" after the name is no part of it.
TEST(PositionsRecall, ALocalGovernmentIsNamedByItsLocality) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0007.txt")),
                "Tới đây, UBND xã Cát Sơn sẽ phối hợp"),
            std::vector<std::string>{"x:ubnd-xa-cat-son commits"});
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0066.txt")),
                "Thỉnh nguyện gửi Thủ tướng Chính phủ"),
            std::vector<std::string>{"x:ubnd-tinh-vinh-phuc requests"});
  EXPECT_EQ(test::summary(test::extract(
                "UBND tỉnh Bình Định kiến nghị Bộ Nông nghiệp xử lý.")),
            std::vector<std::string>{"x:ubnd-tinh-binh-dinh requests"});
}

// "UBND xã", "UBND tỉnh" with no name after it is the local government of
// that level named last: "..., UBND xã sẽ phối hợp với các ngành chức năng
// liên quan đề nghị Trung tâm Quy hoạch ..." after "UBND xã Cát Sơn".
TEST(PositionsRecall, AnUnnamedLocalGovernmentIsTheOneNamedLast) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0007.txt")),
                "Đối với diện tích rừng keo 8 hộ dân trồng trái phép"),
            (std::vector<std::string>{"x:ubnd-xa-cat-son commits",
                                      "x:ubnd-xa-cat-son requests"}));
  // Only one of the same level: a province is no commune's committee.
  EXPECT_TRUE(test::extract("UBND tỉnh Bình Định kiểm tra. UBND xã sẽ phối "
                            "hợp xử lý.")
                  .empty());
}

// A sentence closed by ", <actor> <speech verb>" is that actor's speech, so
// its "sẽ" is a pledge: "Mỹ sẽ rút khỏi thỏa thuận Paris 2015 ..., Tổng
// thống Donald Trump tuyên bố..." and "...; chúng tôi sẽ sớm triển khai
// thực hiện việc kiểm tra ...”, ông Nam cho biết thêm." (the commune's
// chairman). Without a speaker it stays a forecast.
TEST(PositionsRecall, ASpeakerNamedAfterThePledge) {
  SKIP_WITHOUT_NEWS();
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0036.txt")),
                "Mỹ sẽ rút khỏi thỏa thuận Paris 2015"),
            std::vector<std::string>{"hoa-ky commits"});
  EXPECT_EQ(test::stances_quoted_from(
                test::extract(file_text(news_dir() / "baomoi-0007.txt")),
                "Việc tiếp tục nuôi trồng, chăm sóc hay phá bỏ"),
            std::vector<std::string>{"x:ubnd-xa-cat-son commits"});
  EXPECT_TRUE(
      test::extract("Mỹ sẽ rút khỏi thỏa thuận Paris, theo báo chí.").empty());
}

}  // namespace
}  // namespace kb
