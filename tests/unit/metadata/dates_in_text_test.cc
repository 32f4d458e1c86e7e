// The issue date (indexer/metadata/dates_in_text.h).
#include <gtest/gtest.h>

#include "indexer/metadata/extractor.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"

namespace kb::test {
namespace {

const Case kDateCases[] = {
    {"cell_after_number", kDecreeHtml, "2025-09-19"},
    {"pdf_columns", kLawPdf, "2025-12-10"},
    {"own_line", kHeadingVsNumberHtml, "2025-12-31"},
    {"numeric",
     "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 45/2021/NĐ-CP\tHà "
     "Nội, ngày "
     "16/8/2021\nNGHỊ ĐỊNH\n",
     "2021-08-16"},
    {"numeric_dashes",
     "BỘ TÀI CHÍNH\nSố: 5/2021/TT-BTC\tHà Nội, ngày 16-08-2021\nTHÔNG TƯ\n",
     "2021-08-16"},
    // vbpl-000297.html
    {"no_space_after_thang",
     "BỘ Y TẾ\nSố: 51 /2025/TT-BYT\nHà Nội, ngày 31 tháng12 năm 2025\nTHÔNG "
     "TƯ\n",
     "2025-12-31"},
    // vbpl-000492.html: a left-to-right mark before the place.
    {"invisible_mark",
     "CHÍNH PHỦ\nSố: 07/2026/NĐ-CP\t\u200eHà Nội, ngày 10 tháng 01 năm "
     "2026\nNGHỊ ĐỊNH\n",
     "2026-01-10"},
    {"one_space_pdf", kOneSpacePdf, "2025-12-31"},
    {"wrapped_pdf", kJointCircularPdf, "2025-12-31"},
    {"law_without_place_line", kLawNoDateHtml, ""},
    {"title_date_is_not_the_issue_date", kNoLetterheadHtml, ""},
    // Not the dates in its prose: the day the precedent was passed.
    {"precedent_passed_on", kPrecedentPdf, "2019-08-22"},
    // A web page saved as text: its closing stamp, day first (seed 004).
    {"closing_stamp",
     "Liên kết website\nVệ sinh, môi trường, rác thải\n\nThỏa thuận toàn cầu "
     "về ô nhiễm nhựa\n\nNgày 16/8/2021, Thủ tướng Chính phủ đã ban hành "
     "Quyết định số 1407/QĐ-TTg về Đề án.\n\nHọ tên*\nEmail*\nTin nổi "
     "bật\n\n6/9/2023 12:32:28 PM\n\n^ Về đầu trang",
     "2023-09-06"},
    {"closing_stamp_date_then_time",
     "Tin bài\nMột.\nHai.\nBa.\nBốn.\nNăm.\nSáu.\nHai bên nhất trí.\n"
     "11/03/2024 10:20\n",
     "2024-03-11"},
    // A date inside the closing prose is an event, not the page's stamp.
    {"closing_sentence_is_no_stamp",
     "Tin bài\nMột.\nHai.\nBa.\nBốn.\nNăm.\nSáu.\nHai bên nhất trí.\n"
     "Hội nghị bế mạc ngày 6/9/2023.\n",
     ""},
};

TEST(MetadataDate, Table) {
  for (const Case& c : kDateCases) {
    EXPECT_EQ(meta_of(c.text).issue_date, c.expected) << c.name;
  }
}

}  // namespace
}  // namespace kb::test
