// The issuer (indexer/metadata/issuer.h) and the agency table it reads.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "indexer/metadata/extractor.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"

namespace kb::test {
namespace {

const Case kIssuerCases[] = {
    {"left_cell_tab", kDecreeHtml, "Chính phủ"},
    {"left_cell_pdf", kLawPdf, "Quốc hội"},
    {"two_lines_pdf", kStateBankPdf, "Ngân hàng Nhà nước Việt Nam"},
    {"glued_to_motto_pdf", kGluedPdf, "Bộ Nông nghiệp và Môi trường"},
    {"left_column_pdf", kOneSpacePdf, "Bộ Y tế"},
    {"standing_committee", kResolutionHtml, "Ủy ban Thường vụ Quốc hội"},
    {"prime_minister_not_government",
     "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nSố: 36/2025/QĐ-TTg\nHà Nội, ngày 29 tháng 9 "
     "năm 2025\n"
     "QUYẾT ĐỊNH\n",
     "Thủ tướng Chính phủ"},
    {"letterhead_beats_number", kHeadingVsNumberHtml, "Chính phủ"},
    {"number_suffix_without_letterhead",
     "Số: 51/2025/TT-BYT\tHà Nội, ngày 31 tháng 12 năm 2025\nTHÔNG TƯ\n",
     "Bộ Y tế"},
    // vbpl-000602.html: "ĐÀO TÀO", a typo the folded match forgives.
    {"typo",
     "BỘ GIÁO DỤC VÀ ĐÀO TÀO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự "
     "do - Hạnh "
     "phúc\nSố: 30/2025/TT-BGDĐT\nHà Nội, ngày 15 tháng 12 năm 2025\nTHÔNG "
     "TƯ\n",
     "Bộ Giáo dục và Đào tạo"},
    {"joint_six", kJointCircularPdf,
     "Bộ Tư pháp - Bộ Công an - Bộ Quốc phòng - Bộ Tài chính - Tòa án nhân dân "
     "tối cao - "
     "Viện kiểm sát nhân dân tối cao"},
    {"joint_broken_motto", kJointResolutionPdf,
     "Ủy ban Thường vụ Quốc hội - Chính phủ - Đoàn Chủ tịch Ủy ban Trung ương "
     "Mặt trận Tổ "
     "quốc Việt Nam"},
    {"prose_names_are_not_issuers", kPrecedentPdf, ""},
    {"heading_only", kHeadingOnlyHtml, ""},
};

TEST(MetadataIssuer, Table) {
  for (const Case& c : kIssuerCases) {
    EXPECT_EQ(meta_of(c.text).issuer, c.expected) << c.name;
  }
}

TEST(MetadataIssuer, IdIsTheLeadIssuer) {
  EXPECT_EQ(meta_of(kDecreeHtml).issuer_id, "chinh-phu");
  EXPECT_EQ(meta_of(kJointCircularPdf).issuer_id, "btp");
  EXPECT_EQ(meta_of(kHeadingOnlyHtml).issuer_id, "");
}

// ---------------------------------------------------------------------------
// The agency table

TEST(Agencies, IssuerCodesMapToOfficialNames) {
  const std::map<std::string, std::string> expected = {
      {"TTg", "Thủ tướng Chính phủ"},
      {"CP", "Chính phủ"},
      {"QH", "Quốc hội"},
      {"UBTVQH", "Ủy ban Thường vụ Quốc hội"},
      {"BTNMT", "Bộ Tài nguyên và Môi trường"},
      {"BNNMT", "Bộ Nông nghiệp và Môi trường"},
      {"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
      {"NHNN", "Ngân hàng Nhà nước Việt Nam"},
      {"BTC", "Bộ Tài chính"},
      {"BCT", "Bộ Công Thương"},
      {"BGDĐT", "Bộ Giáo dục và Đào tạo"},
      {"bgddt", "Bộ Giáo dục và Đào tạo"},
      {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
      {"TANDTC", "Tòa án nhân dân tối cao"},
      {"VKSNDTC", "Viện kiểm sát nhân dân tối cao"},
      {"CTN", "Chủ tịch nước"},
      {"TTCP", "Thanh tra Chính phủ"},
      {"BDTTG", "Bộ Dân tộc và Tôn giáo"},
      {"ĐCTUBTWMTTQVN",
       "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
  };
  for (const auto& [code, name] : expected) {
    const TaxonomyEntry* e = agencies().agency_for_code(code);
    ASSERT_NE(e, nullptr) << code;
    EXPECT_EQ(e->name, name) << code;
    EXPECT_EQ(e->kind, "agency");
    EXPECT_FALSE(e->name_en.empty()) << code;
  }
  // Every issuer code of VIETNAMESE.md section 4.
  for (const char* code :
       {"TTg",     "CP",    "VPCP",  "QH",     "UBTVQH",  "CTN",   "UBND",
        "HĐND",    "NHNN",  "TTCP",  "TANDTC", "VKSNDTC", "KTNN",  "BTNMT",
        "BNNPTNT", "BNG",   "BTC",   "BNV",    "BTP",     "BCA",   "BQP",
        "BCT",     "BGDĐT", "BYT",   "BXD",    "BGTVT",   "BKHĐT", "BLĐTBXH",
        "BVHTTDL", "BKHCN", "BTTTT", "BNNMT"}) {
    EXPECT_NE(agencies().agency_for_code(code), nullptr) << code;
  }
}

TEST(Agencies, MergedMinistriesHaveSuccessors) {
  const TaxonomyEntry* monre = agencies().find("btnmt");
  const TaxonomyEntry* mard = agencies().find("bnnptnt");
  const TaxonomyEntry* mae = agencies().find("bnnmt");
  ASSERT_NE(monre, nullptr);
  ASSERT_NE(mard, nullptr);
  ASSERT_NE(mae, nullptr);
  EXPECT_EQ(monre->successor, "bnnmt");
  EXPECT_EQ(monre->valid_to, "2025-03-01");
  EXPECT_EQ(mard->successor, "bnnmt");
  EXPECT_EQ(mard->valid_to, "2025-03-01");
  EXPECT_EQ(mae->valid_from, "2025-03-01");
  for (const TaxonomyEntry& e : agencies().entries()) {
    if (!e.successor.empty()) {
      EXPECT_NE(agencies().find(e.successor), nullptr) << e.id;
    }
  }
}

TEST(Agencies, AcronymsAndFormsFindTheEntry) {
  EXPECT_EQ(agencies().find_by_form("agency", "MONRE"),
            agencies().find("btnmt"));
  EXPECT_EQ(agencies().find_by_form("agency", "Bộ TN&MT"),
            agencies().find("btnmt"));
  EXPECT_EQ(agencies().find_by_form("agency", "TN&MT"),
            agencies().find("btnmt"));
  EXPECT_EQ(agencies().find_by_form("agency", "BỘ TÀI CHÍNH"),
            agencies().find("btc"));
  EXPECT_EQ(agencies().find_by_form("agency",
                                    "Ministry of Agriculture and Environment"),
            agencies().find("bnnmt"));
}

}  // namespace
}  // namespace kb::test
