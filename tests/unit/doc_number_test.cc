// Official document numbers: variants meet, non-numbers are refused.
#include "core/doc_number.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace kb {
namespace {

TEST(DocNumber, VariantsShareDisplayAndKey) {
  const struct {
    const char* typed;
    const char* display;
    const char* key;
  } cases[] = {
      {"1407/QĐ-TTg", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"1407/QĐTTg", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"1407/QD-TTg", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"1407 / QĐ - TTg", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"1407/qd-ttg", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"1407/QDTTG", "1407/QĐ-TTg", "1407/qd-ttg"},
      {"30/2020/NĐ-CP", "30/2020/NĐ-CP", "30/2020/nd-cp"},
      {"30/2020/ND-CP", "30/2020/NĐ-CP", "30/2020/nd-cp"},
      {"01/2011/TT-BNV", "01/2011/TT-BNV", "1/2011/tt-bnv"},
      {"538/QĐ-BTNMT", "538/QĐ-BTNMT", "538/qd-btnmt"},
      {"57/2014 / QH13", "57/2014/QH13", "57/2014/qh13"},
      {"01/2014/TTLT-BTP-BNV", "01/2014/TTLT-BTP-BNV", "1/2014/ttlt-btp-bnv"},
      {"123/BTNMT-TCMT", "123/BTNMT-TCMT", "123/btnmt-tcmt"},
      {"64/2025/TT-BCt", "64/2025/TT-BCT", "64/2025/tt-bct"},
      {"06/2026/TT-BTС", "06/2026/TT-BTC", "6/2026/tt-btc"},  // Cyrillic С
      {"07/2025/NĐ-СР", "07/2025/NĐ-CP", "7/2025/nd-cp"},     // Cyrillic СР
      {"03/2026/TT-BGDĐT", "03/2026/TT-BGDĐT", "3/2026/tt-bgddt"},
      {"23/VBHN-VPQH", "23/VBHN-VPQH", "23/vbhn-vpqh"},
      {"351/2017/UBTVQH14", "351/2017/UBTVQH14", "351/2017/ubtvqh14"},
      {"7197/BKHCN-CĐSQG", "7197/BKHCN-CĐSQG", "7197/bkhcn-cdsqg"},
      {"283/2025/NĐ-\nCP", "283/2025/NĐ-CP",
       "283/2025/nd-cp"},  // wrapped in a PDF
      {"20/2020/QĐ- -TTg", "20/2020/QĐ-TTg",
       "20/2020/qd-ttg"},  // OCR of a scan (corpus/scanned/09-2025-QD-TTg.pdf)
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typed);
    const auto n = parse_doc_number(c.typed);
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(n->display(), c.display);
    EXPECT_EQ(n->key(), c.key);
  }
}

TEST(DocNumber, TypeAndIssuer) {
  const struct {
    const char* number;
    const char* type;
    const char* issuer;
  } cases[] = {
      {"1407/QĐ-TTg", "QĐ", "TTg"},    {"30/2020/NĐ-CP", "NĐ", "CP"},
      {"80/2015/QH13", "", "QH"},      {"123/BTNMT-TCMT", "", "BTNMT"},
      {"01/2011/TT-BNV", "TT", "BNV"},
  };
  for (const auto& c : cases) {
    const auto n = parse_doc_number(c.number);
    ASSERT_TRUE(n.has_value()) << c.number;
    EXPECT_EQ(n->type_code(), c.type) << c.number;
    EXPECT_EQ(n->issuer_code(), c.issuer) << c.number;
  }
}

TEST(DocNumber, NotNumbers) {
  for (const char* s :
       {"16/8/2021", "16/08/2021", "1/2", "3/4 số", "0912 345 678", "6/2005",
        "Điều 5/Chương II", "24/7", "số 1407", "1407/", "/QĐ-TTg",
        "12345678/QĐ-TTg", "1.407/QĐ-TTg", "x1407/QĐ-TTg", "10/a", "1/A",
        // standards' codes (vbpl-000100), not document numbers
        "tiêu chuẩn cơ sở TCCS.01:2017/ĐCKS Mẫu đất", "QCVN 01:2021/BTNMT"}) {
    SCOPED_TRACE(s);
    const std::u32string text = utf8_to_u32(s);
    EXPECT_TRUE(find_doc_numbers(text).empty());
  }
}

TEST(DocNumber, FoundInRunningText) {
  const std::u32string text = utf8_to_u32(
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020; Quyết định số "
      "1407/QĐTTg ngày 16/8/2021 và Luật số 80/2015/QH13.");
  const auto found = find_doc_numbers(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].number.display(), "30/2020/NĐ-CP");
  EXPECT_EQ(found[1].number.display(), "1407/QĐ-TTg");
  EXPECT_EQ(found[2].number.display(), "80/2015/QH13");
  EXPECT_EQ(
      u32_to_utf8(text.substr(found[1].begin, found[1].end - found[1].begin)),
      "1407/QĐTTg");
}

// A standard's code holds a year and a slash but no document number; a
// letterhead's "Số:" glued to its number does.
TEST(DocNumber, StandardCodesAreNotNumbers) {
  const auto found = find_doc_numbers(utf8_to_u32(
      "Số:1408/QĐ-BXD; tiêu chuẩn cơ sở TCCS.01:2017/ĐCKS Mẫu đất"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].number.display(), "1408/QĐ-BXD");
}

TEST(DocNumber, TypeNames) {
  EXPECT_EQ(type_name_for_code("QĐ"), "Quyết định");
  EXPECT_EQ(type_code_for_name("quyết định"), "QĐ");
  EXPECT_EQ(type_code_for_name("Quyet  Dinh"), "QĐ");
  EXPECT_EQ(type_code_for_name("Nghị định"), "NĐ");
  EXPECT_EQ(type_code_for_name("bài thơ"), "");
  EXPECT_EQ(canonical_code("bgddt"), "BGDĐT");
  EXPECT_EQ(canonical_code("đa"), "ĐA");  // Đề án, not Dự án (DA)
  EXPECT_EQ(canonical_code("da"), "DA");
}

// An official English translation's heading (corpus/vbpl-en/vbpl-0935.txt):
// the title's capitals after an en dash are no code of the number; a known
// code across a spaced dash still is, and a hyphen keeps any code.
TEST(DocNumber, AnEnglishTitleAfterAnEnDashIsNoCode) {
  auto first = [](const std::string& s) {
    const auto found = find_doc_numbers(utf8_to_u32(s));
    return found.empty() ? std::string() : found[0].number.display();
  };
  EXPECT_EQ(first("Decree No. 112/2008/ND-CP – ON MANAGEMENT, PROTECTION AND "
                  "INTEGRATED EXPLOITATION OF RESOURCES"),
            "112/2008/NĐ-CP");
  EXPECT_EQ(first("Nghị định số 112/2008/NĐ – CP ngày 20/10/2008"),
            "112/2008/NĐ-CP");
  EXPECT_EQ(first("Số: 123/UBND - VX"), "123/UBND-VX");
}

}  // namespace
}  // namespace kb
