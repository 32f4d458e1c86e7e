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

}  // namespace
}  // namespace kb
