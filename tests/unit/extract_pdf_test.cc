// The PDF reader on real files: pages, letterheads on one line, NFC,
// legacy-encoded titles, scanned pages flagged for OCR, passwords.
#include <gtest/gtest.h>

#include <string>

#include "indexer/read/pdf.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

// --- PDF -------------------------------------------------------------------

TEST(ExtractPdf, DecisionKeepsPagesLetterheadAndNumberLine) {
  const Extracted e = extract("qd-39-2025-qd-ttg.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "pdf");
  EXPECT_EQ(e.encoding, "unicode");
  ASSERT_EQ(e.pages.size(), 2u);
  const std::string& p1 = e.pages[0].text;
  const std::string& p2 = e.pages[1].text;
  EXPECT_TRUE(contains(p1, "THỦ TƯỚNG CHÍNH PHỦ"));
  EXPECT_TRUE(contains(p1, "QUYẾT ĐỊNH"));
  EXPECT_TRUE(contains(p1, "Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng"));
  EXPECT_FALSE(contains(p1, "Điều 4."));
  EXPECT_TRUE(contains(p2, "Điều 4. Kinh phí xây dựng"));
  EXPECT_TRUE(contains(
      p2, "Quyết định này có hiệu lực thi hành từ ngày 15 tháng 12 năm 2025."));
  // Physical layout keeps the number and the place/date on one line.
  const std::string number_line = line_with(p1, "Số: 39/2025/QĐ-TTg");
  EXPECT_TRUE(contains(number_line, "Hà Nội, ngày 27 tháng 10 năm 2025"))
      << number_line;
  for (const ExtractedPage& p : e.pages) {
    EXPECT_TRUE(p.has_text_layer);
    EXPECT_EQ(to_nfc(p.text), p.text);
    EXPECT_FALSE(contains(p.text, "\f"));
    EXPECT_FALSE(contains(p.text, " \n")) << "layout padding left at line ends";
  }
}

TEST(ExtractPdf, HelperReturnsWhatTheParserReturns) {
  for (const char* name : {"qd-39-2025-qd-ttg.pdf", "anle-47-2021.pdf",
                           "many-pages.pdf", "mixed-text-scan-blank.pdf"}) {
    SCOPED_TRACE(name);
    expect_same(extract(name), extract_pdf_in_process(fixture(name)));
  }
}

TEST(ExtractPdf, DecomposedTextLayerComesOutNfc) {
  const Extracted e = extract("tt-35-2025-tt-bkhcn-nfd.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 2u);
  // The letterhead lines are NFD in the file.
  EXPECT_TRUE(contains(e.pages[0].text, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"));
  EXPECT_TRUE(contains(e.pages[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  for (const ExtractedPage& p : e.pages)
    EXPECT_FALSE(has_combining_mark(p.text));
  const std::string number_line =
      line_with(e.pages[0].text, "Số: 35/2025/TT-BKHCN");
  EXPECT_TRUE(contains(number_line, "Hà Nội, ngày 17 tháng 11 năm 2025"))
      << number_line;
}

TEST(ExtractPdf, RealPrecedentKeepsPageNumbersAndRepairsTcvn3Title) {
  const Extracted e = extract("anle-47-2021.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 4u);
  // The Info Title is TCVN3 read as Latin-1: "Tßa ¸n nh©n d©n tèi cao".
  EXPECT_EQ(e.title, "Tòa án nhân dân tối cao");
  EXPECT_TRUE(contains(e.pages[0].text, "ÁN LỆ SỐ 47/2021/AL"));
  EXPECT_TRUE(contains(e.pages[0].text, "Nguyễn Đình Đ"));
  EXPECT_TRUE(contains(e.pages[3].text, "Vì các lẽ trên"));
  EXPECT_FALSE(contains(e.pages[0].text, "Vì các lẽ trên"));
  // Each page ends with its printed page number: no page was split or merged.
  for (size_t i = 0; i < e.pages.size(); ++i) {
    EXPECT_EQ(trim(lines_of(e.pages[i].text).back()), std::to_string(i + 1));
    EXPECT_EQ(to_nfc(e.pages[i].text), e.pages[i].text);
  }
}

TEST(ExtractPdf, Utf8BytesInInfoTitleAreDecoded) {
  // Stored as raw UTF-8 without a byte order mark: Poppler yields "CÃ´ng".
  EXPECT_EQ(extract("many-pages.pdf").title, "Công văn 7197/BKHCN-CĐSQG");
}

TEST(ExtractPdf, ScannedPageNeedsOcr) {
  const Extracted e = extract("scanned-page.pdf");
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr) << e.error;
  EXPECT_EQ(e.format, "pdf");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_FALSE(e.pages[0].has_text_layer);
  EXPECT_EQ(e.pages[0].text, "");
}

TEST(ExtractPdf, MixedFileFlagsOnlyTheScannedPage) {
  // Page 1 text, page 2 a scan, page 3 blank: the blank page is no OCR job.
  const Extracted e = extract("mixed-text-scan-blank.pdf");
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr) << e.error;
  ASSERT_EQ(e.pages.size(), 3u);
  EXPECT_TRUE(e.pages[0].has_text_layer);
  EXPECT_TRUE(contains(e.pages[0].text, "Số: 39/2025/QĐ-TTg"));
  EXPECT_FALSE(e.pages[1].has_text_layer);
  EXPECT_EQ(e.pages[1].text, "");
  EXPECT_TRUE(e.pages[2].has_text_layer);
  EXPECT_EQ(e.pages[2].text, "");
}

TEST(ExtractPdf, OwnerPasswordOnlyStillReads) {
  const Extracted e = extract("encrypted-owner-password.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 2u);
  EXPECT_TRUE(contains(e.pages[0].text, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"));
}

TEST(ExtractPdf, UserPasswordFailsWithoutTouchingPages) {
  // pages() on a locked document segfaulted in Poppler 22.12; in this process.
  const Extracted e =
      extract_pdf_in_process(fixture("encrypted-user-password.pdf"));
  EXPECT_EQ(e.status, ExtractStatus::kFailed);
  EXPECT_EQ(e.reason, FailureReason::kEncrypted);
}

TEST(ExtractPdf, MoreTextThanAPipeHolds) {
  // 128 KB of text: the helper writes it all before it exits, the parent
  // must drain the pipe meanwhile.
  const Extracted e = extract("many-pages.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 30u);
  size_t total = 0;
  for (size_t i = 0; i < e.pages.size(); ++i) {
    const std::string page = "Trang " + std::to_string(i + 1) + " dong ";
    EXPECT_EQ(lines_of(e.pages[i].text).size(), 60u) << "page " << i + 1;
    EXPECT_EQ(lines_of(e.pages[i].text).front().rfind(page + "1 ", 0), 0u);
    EXPECT_EQ(lines_of(e.pages[i].text).back().rfind(page + "60 ", 0), 0u);
    total += e.pages[i].text.size();
  }
  EXPECT_GT(total, 65536u);
}

}  // namespace
}  // namespace kb::extract_test
