// The numbers the preamble cites (indexer/metadata/preamble.h).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/metadata/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/read/html.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"
#include "tests/unit/test_util.h"

namespace kb::test {
namespace {

struct CitesCase {
  const char* name;
  const char* text;
  std::vector<std::string> expected;
};

const CitesCase kCitesCases[] = {
    // Only "Căn cứ" paragraphs, and only before Chương I / Điều 1.
    {"html",
     kDecreeHtml,
     {"63/2025/QH15", "80/2025/QH15", "58/2010/QH12", "52/2019/QH14",
      "93/2025/QH15"}},
    {"pdf_wrapped_paragraph", kLawPdf, {"203/2025/QH15"}},
    {"stops_at_phan",
     "Căn cứ Luật Đầu tư công số 58/2024/QH15;\nPhần thứ nhất\nQUY ĐỊNH CHUNG\n"
     "Căn cứ Luật Ngân sách nhà nước số 89/2025/QH15;\n",
     {"58/2024/QH15"}},
    {"stops_at_dieu_1_without_chapter",
     "QUYẾT ĐỊNH\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
     "Điều 1. Ban hành kèm theo Quyết định này Quy chế theo Nghị định số "
     "28/2025/NĐ-CP.\n",
     {"63/2025/QH15"}},
    // "Phân loại" is not "Phần".
    {"phan_needs_its_diacritics",
     "NGHỊ QUYẾT\nPhân loại đô thị\nCăn cứ Luật Quy hoạch đô thị và nông thôn "
     "số 47/2024/QH15;\n",
     {"47/2024/QH15"}},
    // vbpl-000147.html: a paragraph broken by <br> continues on the next line.
    {"broken_paragraph_html",
     "Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính "
     "phủ quy định "
     "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ\n"
     "Tài chính được sửa đổi, bổ sung bởi Nghị định số 166/2025/NĐ-CP ngày 30 "
     "tháng 6 năm 2025 "
     "của Chính phủ;\n"
     "Theo đề nghị của Giám đốc Kho bạc Nhà nước;\n"
     "Chương I\n",
     {"29/2025/NĐ-CP", "166/2025/NĐ-CP"}},
    // vbpl-000010.html
    {"dotted_serial",
     "Căn cứ Nghị quyết số 66.13/2026/NQ-CP của Chính phủ quy định về công bố, "
     "đăng ký sản "
     "phẩm thực phẩm;\nChương I\n",
     {"66.13/2026/NQ-CP"}},
    // vbpl-000707.html: "Xét đề nghị ..." is no legal basis.
    {"other_paragraphs",
     "Căn cứ Luật Đặc xá năm 2018;\nXét đề nghị của Chính phủ tại Tờ trình số "
     "24/TTr-CP, "
     "ngày 26 tháng 7 năm 2024.\nQUYẾT ĐỊNH:\nĐiều 1. Thực hiện đặc xá.\n",
     {}},
    {"own_number_excluded",
     "BỘ TÀI CHÍNH\nSố: 05/2024/TT-BTC\nTHÔNG TƯ\nCăn cứ Thông tư số "
     "5/2024/TT-BTC và Luật "
     "Kế toán số 88/2015/QH13;\nĐiều 1.\n",
     {"88/2015/QH13"}},
    {"duplicates_once",
     "Căn cứ Luật Đất đai số 31/2024/QH15;\nCăn cứ Luật số 31/2024/QH15 và "
     "Luật số "
     "43/2024/QH15;\nĐiều 1.\n",
     {"31/2024/QH15", "43/2024/QH15"}},
};

TEST(MetadataCites, Table) {
  for (const CitesCase& c : kCitesCases) {
    EXPECT_EQ(meta_of(c.text).cites, c.expected) << c.name;
  }
}

// vbpl-000891.html is TCVN3 text read as Latin-1; it is repaired first.
TEST(MetadataCites, LegacyEncodedPreamble) {
  std::ifstream in(test::test_data("tcvn3-vbpl-000891.html"), std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  ASSERT_FALSE(buf.str().empty());
  const DocMetadata m = meta_of(html_to_text(buf.str()));
  EXPECT_EQ(m.type, "Quyết định");
  EXPECT_EQ(m.cites, std::vector<std::string>{"104/2004/NĐ-CP"});
}

TEST(MetadataCites, DecomposedTextGivesTheSameResult) {
  for (const char* text : {kDecreeHtml, kLawPdf, kJointCircularPdf}) {
    const DocMetadata a = meta_of(text);
    const DocMetadata b = meta_of(test::nfd(text));
    EXPECT_EQ(a.number, b.number);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.issuer, b.issuer);
    EXPECT_EQ(a.issue_date, b.issue_date);
    EXPECT_EQ(a.cites, b.cites);
  }
}

}  // namespace
}  // namespace kb::test
