// Position rules checked on real sentences of the negotiation news
// (../shared/corpus/negotiation/vi, tuning part only: is_held_out in
// tools/eval_positions_news.cc). The texts belong to their publishers, so
// each case names a file and a few words of its sentence, and the test
// reads the line from the file; it is skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/stances.h"
#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "indexer/positions/passage_date.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

// The line of the news file `file` that holds `anchor` (NFC), or empty.
std::string line_with(const std::string& file, const std::string& anchor) {
  std::ifstream in(test::news_dir() / file);
  std::string line;
  while (std::getline(in, line)) {
    line = to_nfc(line);
    if (line.find(anchor) != std::string::npos) return line;
  }
  return {};
}

struct NewsCase {
  const char* file;
  const char* anchor;                 // a few words of the sentence, as written
  const char* cue;                    // the cue under test, as written
  std::vector<std::string> expected;  // "actor stance" of its positions
};

// "actor stance" of the positions read from the case's line whose quote
// holds the anchor and whose cue is the case's.
std::vector<std::string> positions_at(const NewsCase& c) {
  const std::string line = line_with(c.file, c.anchor);
  EXPECT_FALSE(line.empty()) << c.file << ": " << c.anchor;
  std::vector<ExtractedPosition> kept;
  for (ExtractedPosition& p : test::extract(line)) {
    if (p.quote.find(c.anchor) != std::string::npos && p.cue == c.cue)
      kept.push_back(p);
  }
  return test::summary(kept);
}

// The same, reading the whole file as one page: for rules that look back
// at what the report named before the sentence.
std::vector<std::string> positions_in_file(const NewsCase& c) {
  std::ifstream in(test::news_dir() / c.file);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  std::vector<ExtractedPosition> kept;
  for (ExtractedPosition& p : test::extract(to_nfc(text))) {
    if (p.quote.find(c.anchor) != std::string::npos && p.cue == c.cue)
      kept.push_back(p);
  }
  return test::summary(kept);
}

void check(const NewsCase* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(positions_at(cases[i]), cases[i].expected)
        << cases[i].file << ": " << cases[i].anchor;
  }
}

// "sẽ" is a pledge when a speaker says it or the verb is one of will; a
// narrated plan or a forecast is none (weak_cues.h).
TEST(PositionsNews, FutureIsAPledgeOnlyWhenSaid) {
  SKIP_WITHOUT_NEWS();
  const NewsCase cases[] = {
      {"hddtvn-0046.txt", "DOC sẽ lựa chọn", "sẽ", {}},
      {"baomoi-0128.txt", "Bộ TN&MT sẽ thanh tra", "sẽ", {}},
      {"hddtvn-0021.txt", "Việt Nam sẽ hưởng lợi", "sẽ", {}},
      {"hddtvn-0010.txt", "sang EU sẽ tiếp tục", "sẽ", {}},
      {"hddtvn-0024.txt", "Việt Nam sẽ có ít", "sẽ", {}},
      {"baomoi-0042.txt",
       "Hoa Kỳ sẽ tiếp tục cho tàu",
       "sẽ",
       {"hoa-ky commits"}},
      {"adayroi-0004.txt", "Mỹ sẽ áp mức thuế 20%", "sẽ", {"hoa-ky commits"}},
      {"hddtvn-0010.txt", "HAWA sẽ tiếp tục đẩy mạnh", "sẽ", {"hawa commits"}},
  };
  check(cases, std::size(cases));
}

// "đánh giá cao" supports a proposal or a stance, not an achievement;
// "chia sẻ mong muốn", "mong muốn chung" ask no one; "chủ trì" a ceremony
// leads nothing (weak_cues.h).
TEST(PositionsNews, PraiseAndSharedWishesAreNoStance) {
  SKIP_WITHOUT_NEWS();
  const NewsCase cases[] = {
      {"baomoi-0029.txt",
       "Hai bên đánh giá cao vai trò điều phối",
       "đánh giá cao",
       {}},
      {"baomoi-0117.txt", "đánh giá cao sự chỉ đạo", "đánh giá cao", {}},
      // "chủ trì" a ceremony leads no meeting (LABELS.md: leads).
      {"baomoi-0078.txt", "Phu nhân đã chủ trì chiêu đãi", "chủ trì", {}},
      {"baomoi-0098.txt", "Nguyễn Thị Kim Ngân chủ trì lễ đón", "chủ trì", {}},
      {"baomoi-0029.txt", "chia sẻ mong muốn phát triển", "mong muốn", {}},
      {"baomoi-0029.txt",
       "bày tỏ mong muốn chung hợp tác",
       "bày tỏ mong muốn",
       {}},
  };
  check(cases, std::size(cases));
}

// After a speech verb a cue is what is said, not a noun: "khẳng định sẵn
// sàng ..." commits, "khẳng định ủng hộ ..." supports. "của cam kết" is a
// noun; "mà lãnh đạo X đã nhất trí" recalls a past agreement.
TEST(PositionsNews, SpeechVerbsAndNouns) {
  SKIP_WITHOUT_NEWS();
  const NewsCase cases[] = {
      {"baomoi-0029.txt",
       "Liên bang Nga khẳng định sẵn sàng phối hợp",
       "sẵn sàng",
       {"nga commits"}},
      {"baomoi-0042.txt",
       "Hai nước khẳng định ủng hộ mạnh mẽ",
       "ủng hộ",
       {"viet-nam supports", "hoa-ky supports"}},
      {"hddtvn-0093.txt", "điều 5.9 của cam kết", "cam kết", {}},
      // A cue before "của" is a noun: what others proposed.
      {"hddtvn-0033.txt", "đề xuất của UBND các tỉnh", "đề xuất", {}},
      // A request after ";" shares the sentence's subject: its first
      // actor, not the object clause's ("hoan nghênh G20 đã nhất trí"), and
      // the first clause's subject when that clause has no cue ("Thủ tướng
      // Nguyễn Xuân Phúc đã đưa ra thông điệp ...; đề nghị G20 ...").
      {"baomoi-0009.txt",
       "G20 đã nhất trí cam kết nỗ lực",
       "đề nghị",
       {"ttg requests"}},
      {"baomoi-0009.txt",
       "Thủ tướng Nguyễn Xuân Phúc đã đưa ra thông điệp",
       "đề nghị",
       {"ttg requests"}},
  };
  check(cases, std::size(cases));
}

// Short references to an actor named before (references.h): "Tập đoàn"
// after "Tập đoàn Điện lực Việt Nam", "doanh nghiệp này", "chúng tôi" in
// what a named speaker says. A hypothetical takes no stance (LABELS.md).
TEST(PositionsNews, ShortReferencesAndHypotheticals) {
  SKIP_WITHOUT_NEWS();
  const NewsCase cases[] = {
      // "kiến nghị Bộ Công Thương ...": asks the ministry.
      {"baomoi-0013.txt",
       "Tập đoàn kiến nghị Bộ Công Thương",
       "kiến nghị",
       {"x:tap-doan-dien-luc-viet-nam requests"}},
      {"hddtvn-0113.txt",
       "doanh nghiệp này mong muốn những tháo gỡ",
       "mong muốn",
       {"x:tap-doan-bim-group requests"}},
      // The speaker of the quotation: "bà Bùi Thị Hồng Vân, Giám đốc Công
      // ty Angelin Energy, một DN FDI cho biết", for her company.
      {"hddtvn-0113.txt",
       "Chúng tôi mong muốn việc nhập khẩu ISO",
       "mong muốn",
       {"x:cong-ty-angelin-energy requests"}},
      {"baomoi-0060.txt", "Nếu tôi nhận", "đồng ý", {}},
  };
  for (const NewsCase& c : cases) {
    EXPECT_EQ(positions_in_file(c), c.expected) << c.file << ": " << c.anchor;
  }
}

// "Phía X" opening a clause is X's side speaking ("về phía X" stays a
// topic, an object).
TEST(PositionsNews, TheSideOfAnActor) {
  SKIP_WITHOUT_NEWS();
  const NewsCase cases[] = {
      {"hddtvn-0048.txt",
       "Phía EC đề nghị Việt Nam cần phải",
       "đề nghị",
       {"ec requests"}},
      {"baomoi-0042.txt",
       "Phía Hoa Kỳ hoan nghênh ngày càng nhiều",
       "hoan nghênh",
       {"hoa-ky supports"}},
  };
  check(cases, std::size(cases));
}

// A report that writes no year for its day takes the year it names most,
// leaving out the start of a period ("“Từ năm 2008 tới nay"), targets and
// an agreement's name ("Hiệp định Paris 2015"): baomoi-0033 names no other
// year, so its summit "hôm 8/7" has none (it was read as 8/7/2015, two
// years before the summit).
TEST(PositionsNews, ReportYearLeavesOutPeriodStartsAndAgreements) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(test::news_dir() / "baomoi-0033.txt");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  ASSERT_NE(text.find("Hiệp định Paris 2015"), std::string::npos);
  EXPECT_EQ(report_date({to_nfc(text)}), "");
  // A year of the report's own still dates the day.
  EXPECT_EQ(report_date({"Hội nghị G20 hôm 8/7 đã bế mạc. Năm 2017, G20 ..."}),
            "2017-07-08");
}

// A day opening a sentence dates the event the rest of its paragraph tells
// of (baomoi-0080: "Sáng 5/7 tại thủ đô New Delhi, Phó Thủ tướng ... đã
// tham dự Bàn tròn doanh nghiệp ... . Phó Thủ tướng bày tỏ mong muốn ...",
// labelled 2017-07-05; the report's own day is 4/7); the next paragraph
// has an event of its own.
TEST(PositionsNews, AParagraphOpeningWithADayDatesItsStatements) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(test::news_dir() / "baomoi-0080.txt");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(to_nfc(text))) {
    if (p.quote.find("Phó Thủ tướng bày tỏ mong muốn các doanh nghiệp Ấn Độ") ==
        std::string::npos)
      continue;
    ++seen;
    EXPECT_EQ(p.date, "2017-07-05") << p.quote;
  }
  EXPECT_GE(seen, 1);
  const struct {
    const char* text;
    const char* date;
  } cases[] = {
      {"Hội nghị khai mạc sáng 2/3/2024.\nNgày 5/3, đoàn thăm Bộ Ngoại giao. "
       "Việt Nam ủng hộ dự thảo.",
       "2024-03-05"},
      {"Hội nghị khai mạc sáng 2/3/2024.\nNgày 5/3, đoàn thăm Bộ Ngoại giao."
       "\nViệt Nam ủng hộ dự thảo.",
       "2024-03-02"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<ExtractedPosition> ps = test::extract(c.text);
    ASSERT_EQ(ps.size(), 1u);
    EXPECT_EQ(ps[0].date, c.date);
  }
}

// Every source shape of the UNLABELLED news (the labelled files, and so the
// held-out ones, are left out) gets a report date from its own text: the
// share of articles dated, by source, stays above what it was when the date
// rules were made general (eval_positions --dates; docs/bench/positions.md).
TEST(PositionsNews, UnlabelledArticlesGetAReportDate) {
  SKIP_WITHOUT_NEWS();
  std::set<std::string> labelled;
  for (const char* labels : {"labels-1.jsonl", "labels-2.jsonl"}) {
    std::ifstream in(test::news_dir() / labels);
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("file"))
        labelled.insert(j["file"].get<std::string>());
    }
  }
  ASSERT_FALSE(labelled.empty());
  std::map<std::string, std::pair<int, int>> dated;  // source: dated, files
  for (const auto& e : fs::directory_iterator(test::news_dir())) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".txt" || labelled.count(name)) continue;
    std::ifstream in(e.path());
    const std::string text((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
    auto& [n_dated, n_files] = dated[name.substr(0, name.find('-'))];
    ++n_files;
    n_dated += !report_date({to_nfc(text)}).empty();
  }
  ASSERT_GE(dated["baomoi"].second, 50);
  ASSERT_GE(dated["hddtvn"].second, 50);
  EXPECT_GE(dated["baomoi"].first, dated["baomoi"].second * 7 / 10);
  EXPECT_GE(dated["hddtvn"].first, dated["hddtvn"].second * 8 / 10);
}

// hddtvn-0070 (team labels) dates its conference only in its lead, which
// the source places last ("more(HDDTVN) – ... được tổ chức ngày 31/10, tại
// TPHCM"); its opening recalls an older event ("Tháng 10/2017, ...").
TEST(PositionsNews, ALeadPlacedLastDatesTheReport) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(test::news_dir() / "hddtvn-0070.txt");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_EQ(report_date({to_nfc(text)}), "2020-10-31");
}

// A meeting over two days written without spaces ("được tổ chức thông qua
// hội nghị truyền hình vào ngày 18-19/8/2020", hddtvn-0084, team labels)
// dates the report by its month, not by a later event the text announces
// ("sẽ được Indonesia tổ chức vào ngày 24/8/2020").
TEST(PositionsNews, AMeetingOverTwoDaysWithoutSpacesGivesItsMonth) {
  SKIP_WITHOUT_NEWS();
  std::ifstream in(test::news_dir() / "hddtvn-0084.txt");
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_EQ(report_date({to_nfc(text)}), "2020-08");
}

}  // namespace
}  // namespace kb
