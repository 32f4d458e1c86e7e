// The document's own number (indexer/metadata/number.h).
#include <gtest/gtest.h>

#include "indexer/metadata/extractor.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"

namespace kb::test {
namespace {

const Case kNumberCases[] = {
    {"so_line_html", kDecreeHtml, "249/2025/NĐ-CP"},
    {"luat_so_pdf", kLawPdf, "121/2025/QH15"},
    {"nghi_quyet_so", kResolutionHtml, "115/2025/UBTVQH15"},
    {"joint_seven_codes", kJointCircularPdf,
     "29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC"},
    {"joint_wrapped_pdf", kJointResolutionPdf,
     "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTQVN"},
    {"no_colon_cyrillic", kCyrillicHtml, "06/2026/TT-BTC"},
    {"space_before_slash", kSpacedNumberHtml, "04/2026/TT-BCT"},
    {"dotted_serial", kDottedSerialHtml, "66.12/2026/NQ-CP"},
    {"type_code_from_heading", kNoTypeCodeHtml, "03/2026/TT-BCT"},
    {"blank_serial", kBlankSerialHtml, ""},
    {"title_cites_another", kNoLetterheadHtml, ""},
    // The precedent line, not the numbers of its prose ("số 23/2003/QH11").
    {"precedent_not_prose", kPrecedentPdf, "27/2019/AL"},
};

TEST(MetadataNumber, Table) {
  for (const Case& c : kNumberCases) {
    EXPECT_EQ(meta_of(c.text).number, c.expected) << c.name;
  }
}

TEST(MetadataNumber, FileTitleIsTheFallback) {
  const DocMetadata m =
      meta_of(kHeadingOnlyHtml,
              "Thông tư số 109/2025/TT-BCA Quy định về phân công trách nhiệm");
  EXPECT_EQ(m.number, "109/2025/TT-BCA");
  EXPECT_EQ(m.issuer, "Bộ Công an");  // from the number's issuer code
  EXPECT_EQ(
      m.title,
      "Thông tư số 109/2025/TT-BCA Quy định về phân công trách nhiệm, quan "
      "hệ phối hợp, quy trình xác minh, giải quyết vụ cháy trong Công an nhân "
      "dân");
  // The letterhead's number wins over the file's title.
  EXPECT_EQ(meta_of(kDecreeHtml, "Nghị định 1/2020/NĐ-CP").number,
            "249/2025/NĐ-CP");
}

}  // namespace
}  // namespace kb::test
