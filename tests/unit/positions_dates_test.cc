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

}  // namespace
}  // namespace kb
