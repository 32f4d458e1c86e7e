// The document type (indexer/metadata/doc_type.h).
#include <gtest/gtest.h>

#include "indexer/metadata/extractor.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"

namespace kb::test {
namespace {

const Case kTypeCases[] = {
    {"heading", kDecreeHtml, "Nghị định"},
    {"heading_pdf", kLawPdf, "Luật"},
    {"heading_beats_number", kHeadingVsNumberHtml, "Nghị định"},
    {"joint_circular", kJointCircularPdf, "Thông tư liên tịch"},
    {"joint_resolution", kJointResolutionPdf, "Nghị quyết liên tịch"},
    {"heading_without_letterhead", kHeadingOnlyHtml, "Thông tư"},
    {"prefix_without_heading", "QUỐC HỘI\nLuật số: 109/2025/QH15\n", "Luật"},
    {"code_without_heading", "BỘ Y TẾ\nSố: 51/2025/TT-BYT\n", "Thông tư"},
    {"precedent", kPrecedentPdf, "Án lệ"},
    // Texts that are not official documents (written for these tests).
    {"workshop_agenda",
     "CHƯƠNG TRÌNH\n"
     "Hội thảo tham vấn về giảm phát thải khí nhà kính trong nông nghiệp\n"
     "Thời gian: 8h00 – 11h30, ngày 12 tháng 3 năm 2025\n"
     "8h00 – 8h30\tĐăng ký đại biểu\n",
     "Chương trình hội thảo"},
    {"consultant_report",
     "BÁO CÁO TƯ VẤN\n"
     "Đánh giá thực trạng quản lý chất thải nhựa tại các tỉnh ven biển\n"
     "Chuyên gia tư vấn độc lập, tháng 6 năm 2024\n",
     "Báo cáo tư vấn"},
    {"news",
     "Tăng cường hợp tác về biến đổi khí hậu\n"
     "(Chinhphu.vn) - Sáng 5/3, tại Hà Nội, Bộ Nông nghiệp và Môi trường tổ "
     "chức hội nghị "
     "tổng kết công tác năm 2024.\n",
     "Tin bài"},
    {"official_agenda_heading_is_not_a_workshop", kDecreeHtml, "Nghị định"},
};

TEST(MetadataType, Table) {
  for (const Case& c : kTypeCases) {
    EXPECT_EQ(meta_of(c.text).type, c.expected) << c.name;
  }
}

}  // namespace
}  // namespace kb::test
