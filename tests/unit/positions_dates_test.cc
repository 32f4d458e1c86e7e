// The date a Vietnamese news position gets (LABELS.md: the statement's
// date, else its meeting's, else the dateline): a year must come from the
// statement or its event, not from another event the text names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "indexer/positions/extractor.h"
#include "indexer/positions/passage_date.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

std::string dates_test_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return to_nfc(std::string((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>()));
}

// A date in a "khi" clause after the subject is the time of an event the
// speaker recalls, not of the statement: baomoi-0080's "Tổng thống
// Mukherjee nhắc lại những kỷ niệm khi thăm cấp Nhà nước Việt Nam tháng
// 9/2014 và khẳng định ..." was dated 2014-09; it is the meeting's day.
TEST(PositionsDates, DateOfARecalledEventIsNotTheStatements) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "baomoi-0080.txt");
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.rfind("Tổng thống Mukherjee nhắc lại", 0) != 0) continue;
    ++seen;
    EXPECT_EQ(p.date, "2017-07-04") << p.actor;
  }
  EXPECT_GE(seen, 1);
  // A sentence opening with its date keeps it ("Ngày 7/7/2017, ...").
  const std::vector<ExtractedPosition> own = test::extract(
      "Ngày 7/7/2017, khi gặp Tổng thống Ấn Độ, Thủ tướng Nguyễn Xuân Phúc "
      "đề nghị hai bên tăng cường hợp tác.");
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(own[0].date, "2017-07-07");
}

// A day written without a year takes the year its own paragraph gives its
// month ("tháng 7 năm 2017"), not the year the text names most (2018 for a
// plan and a target) nor a deadline's ("đến tháng 7/2018").
TEST(PositionsDates, DayTakesTheYearItsParagraphGivesItsMonth) {
  const std::string text =
      "Từ ngày 17 đến 19/7, phiên họp tháng 7 năm 2017 của Ủy ban hỗn hợp "
      "diễn ra tại Hà Nội; hai bên thống nhất hoàn tất rà soát đến tháng "
      "7/2018.\nKế hoạch năm 2018 đặt mục tiêu xuất khẩu năm 2018 tăng 10%, "
      "năm 2018 là năm bản lề.";
  EXPECT_EQ(report_date({text}), "2017-07");
  // Without the paragraph's month, the year named most, as before.
  EXPECT_EQ(report_date({"Từ ngày 17 đến 19/7, Ủy ban hỗn hợp họp tại Hà "
                         "Nội.\nKế hoạch năm 2018 đặt mục tiêu xuất khẩu năm "
                         "2018 tăng 10%."}),
            "2018-07");
  // Only the day's own month: "tháng 6 năm 2017" does not date "19/7".
  EXPECT_EQ(report_date({"Từ ngày 17 đến 19/7, phiên họp sau phiên tháng 6 "
                         "năm 2017 diễn ra.\nKế hoạch năm 2018 đặt mục tiêu "
                         "năm 2018."}),
            "2018-07");
}

// A report that dates its event by a month in words ("Trong tháng 6 năm
// 2017, ...") has that month, as "tháng 6/2017" has.
TEST(PositionsDates, MonthInWordsDatesTheOpening) {
  EXPECT_EQ(report_date({"Trong tháng 6 năm 2017, Việt Nam và EU đã họp hai "
                         "lần về VPA/FLEGT."}),
            "2017-06");
  EXPECT_EQ(report_date({"Trong tháng 6/2017, Việt Nam và EU đã họp hai lần "
                         "về VPA/FLEGT."}),
            "2017-06");
  // A target is no time of the report's: "đến tháng 12 năm 2030".
  EXPECT_EQ(report_date({"Sản lượng sẽ tăng gấp đôi đến tháng 12 năm 2030, "
                         "Bộ Công Thương cho biết hôm nay. Năm 2020 ..."}),
            "2020");
}

// A sentence that opens with "Trước đó," tells an earlier event wherever
// its date stands: baomoi-0091's "Trước đó, Báo điện tử Một Thế Giới đã
// phản ánh, ngày 4.1.2017, tờ trình số 02/TTr-UBND ..." dated the whole
// report 4 January 2017; the report is of 2017, its day not stated.
TEST(PositionsDates, EarlierEventSentenceDoesNotDateTheReport) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "baomoi-0091.txt");
  ASSERT_NE(text.find("Trước đó, Báo điện tử Một Thế Giới đã phản ánh, ngày "
                      "4.1.2017"),
            std::string::npos);
  EXPECT_EQ(report_date({text}), "2017");
  // The opening's own day still dates it.
  EXPECT_EQ(report_date({"Chiều 9/1, ông Hoàng đề nghị dừng dự án. Trước đó, "
                         "báo đã phản ánh, ngày 4.1.2017, tờ trình ..."}),
            "2017-01-09");
}

// A record's own dateline ("Hà Nội, ngày 20 tháng 6 năm 2025") stands
// before the day of its meeting ("Ngày 18/6/2025, tại Hà Nội, ... họp"): the
// positions are of the meeting's day (the demo's records, corpus/samples).
// A dateline that no other day follows still dates the record.
TEST(PositionsDates, TheMeetingsDayBeforeTheRecordsDateline) {
  const std::filesystem::path samples =
      std::filesystem::path(VNKB_SOURCE_DIR) / "corpus" / "samples";
  EXPECT_EQ(
      report_date({dates_test_text(samples / "bao-cao-doan-jic-vpa-flegt.txt")},
                  "2025-06-20"),
      "2025-06-18");
  EXPECT_EQ(
      report_date({dates_test_text(samples / "ghi-chep-tham-van-epr.txt")},
                  "2025-04-09"),
      "2025-04-08");
  EXPECT_EQ(report_date({dates_test_text(samples /
                                         "bien-ban-tham-van-lien-bo-inc5.txt")},
                        "2024-10-15"),
            "2024-10-15");
  EXPECT_EQ(report_date({"Hà Nội, ngày 20 tháng 6 năm 2025\n\nViệt Nam ủng hộ "
                         "đề xuất của Liên minh châu Âu."},
                        "2025-06-20"),
            "2025-06-20");
  // A day in words that is not the dateline is the event's.
  EXPECT_EQ(report_date({"Ngày 12 tháng 6 năm 2025, hai bên họp. Chiều 13/6, "
                         "Việt Nam ủng hộ đề xuất."},
                        "2025-06-20"),
            "2025-06-12");
}

// A day after a meeting held over several days is a reaction to it; the
// report's statements without their own date are the meeting's, whose date
// is its month (LABELS.md: the meeting's date before the dateline).
// adayroi-0001 opens with Brazil's statement "vào Chủ Nhật, ngày 17 tháng 8"
// and says INC-5.2 "đã được tổ chức tại Geneva từ ngày 5 đến ngày 14 tháng 8
// năm 2025": the EU's support is of 2025-08.
TEST(PositionsDates, ADayAfterAMeetingOverSeveralDaysIsNotTheMeetings) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "adayroi-0001.txt");
  EXPECT_EQ(report_date({text}), "2025-08");
  int eu = 0;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.rfind("Đề xuất này được Liên minh Châu Âu (EU)", 0) != 0)
      continue;
    ++eu;
    EXPECT_EQ(p.date, "2025-08") << p.actor;
  }
  EXPECT_GE(eu, 1);
  // The statement that states its day in words keeps it, in the report's
  // year ("ngày 17 tháng 8" as "ngày 17/8").
  const std::vector<ExtractedPosition> own = test::extract(
      "Phiên họp đã được tổ chức tại Geneva từ ngày 5 đến ngày 14 tháng 8 năm "
      "2025.\nNgày 17 tháng 8, Bộ Ngoại giao Brazil bày tỏ quan ngại về kết "
      "quả phiên họp.");
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(own[0].date, "2025-08-17");
  // A meeting named in passing, not said to be held, leaves the day alone
  // (baomoi-0023: "chiều 9-7 ... đã có các cuộc tiếp", then "tham dự Hội
  // nghị Thượng đỉnh G20 tại Đức (từ ngày 7 đến 8-7)").
  EXPECT_EQ(report_date({"Chiều 9-7, Thủ tướng đã có các cuộc tiếp lãnh đạo "
                         "doanh nghiệp. Việt Nam được mời tham dự Hội nghị "
                         "Thượng đỉnh G20 tại Đức (từ ngày 7 đến 8-7) năm "
                         "2017."}),
            "2017-07-09");
  // A day within the meeting is its own day.
  EXPECT_EQ(report_date({"Ngày 14 tháng 8, Brazil công bố. Phiên họp đã được "
                         "tổ chức từ ngày 5 đến ngày 14 tháng 8 năm 2025."}),
            "2025-08-14");
}

// A date after "trình" (submit) is the date a draft went to its reader, not
// the statement's: hddtvn-0111's "Về nội dung dự thảo Luật Biên phòng Việt
// Nam trình Quốc hội ngày 21/10/2020, qua rà soát, Tổng cục Hải quan nhận
// thấy ..." is the customs office's review of 2020, day not stated.
TEST(PositionsDates, ADraftsSubmissionDateIsNotTheStatements) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "hddtvn-0111.txt");
  EXPECT_EQ(report_date({text}), "2020");
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.rfind("Về nội dung dự thảo Luật Biên phòng", 0) != 0) continue;
    ++seen;
    EXPECT_EQ(p.date, "2020") << p.actor;
  }
  EXPECT_GE(seen, 1);
  // "chương trình", "Tờ trình số 02 ngày ..." are nouns: "chương trình ngày
  // 5/6" dates the report as before.
  EXPECT_EQ(report_date({"Theo chương trình ngày 5/6/2020, Bộ Công Thương đề "
                         "nghị hoàn thiện dự thảo."}),
            "2020-06-05");
}

// A sentence that names today by its date speaks in the report's present,
// even after "đến hết": baomoi-0121 ("Hôm nay (30.6) là thời hạn ...") took
// the day of another province's paragraph ("Ngày 26.6, ông Đặng Ngọc Sơn
// ...") for "Ông Hà Sĩ Đồng, Phó chủ tịch UBND tỉnh Quảng Trị, khẳng định
// đến hết hôm nay 30.6, tỉnh Quảng Trị quyết hoàn tất việc chi trả." and the
// sentence after it.
TEST(PositionsDates, TodayNamedByItsDateIsTheStatementsDay) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "baomoi-0121.txt");
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.rfind("Ông Hà Sĩ Đồng", 0) != 0 &&
        p.quote.rfind("Theo ông Hà Sĩ Đồng", 0) != 0)
      continue;
    ++seen;
    EXPECT_EQ(p.date, "2017-06-30") << p.quote;
  }
  EXPECT_GE(seen, 2);
  // "Chiều nay (19/6)" (baomoi-0118) in the year of the report's month.
  const std::vector<ExtractedPosition> own = test::extract(
      "Đoàn đang thăm Việt Nam từ ngày 17 - 22/6/2017. Chiều nay (19/6), Chủ "
      "tịch Quốc hội đề nghị hai bên tăng cường hợp tác.");
  ASSERT_FALSE(own.empty());
  EXPECT_EQ(own[0].date, "2017-06-19");
}

// "Mới đây," (recently), like "Trước đó,", tells of an event before the
// report's: hddtvn-0059 reports a meeting of "sáng 6/7" and goes on with
// "Mới đây, Bộ Tài chính báo cáo, đề xuất Thủ tướng Chính phủ nhiều giải
// pháp ...", which is of 2018, its day not stated.
TEST(PositionsDates, ARecentEarlierEventHasTheReportsYearOnly) {
  SKIP_WITHOUT_NEWS();
  const std::string text =
      dates_test_text(test::news_dir() / "hddtvn-0059.txt");
  int seen = 0;
  for (const ExtractedPosition& p : test::extract(text)) {
    if (p.quote.rfind("Mới đây, Bộ Tài chính", 0) != 0) continue;
    ++seen;
    EXPECT_EQ(p.date, "2018") << p.actor;
  }
  EXPECT_GE(seen, 1);
  // Its own day still dates it; a paragraph without the opening keeps the
  // report's day.
  const std::vector<ExtractedPosition> got = test::extract(
      "Sáng 6/7/2018, Hải quan họp. Mới đây, ngày 2/7/2018, Bộ Tài chính đề "
      "xuất giải pháp.\nBộ Công Thương đề xuất giải pháp khác.");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].date, "2018-07-02");
  EXPECT_EQ(got[1].date, "2018-07-06");
}

}  // namespace
}  // namespace kb
