// A PDF's title from its first page's largest text (read/pdf_title.h), on
// real files: a web page printed by a browser, a court precedent whose
// title is in the body's size, a gazette page whose largest text is its
// section line.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>
#include <string>

#include "indexer/read/pdf.h"
#include "indexer/read/pdf_title.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

constexpr const char* kNpapHeading =
    "Triển khai các hoạt động thực hiện nhiệm vụ Chương trình đối tác hành "
    "động quốc gia về nhựa (NPAP)";

// largest_text_of_page of page 1 of `path`.
std::string largest_on_first_page(const fs::path& path) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(path.string()));
  EXPECT_TRUE(doc != nullptr) << path;
  if (!doc) return {};
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  EXPECT_TRUE(page != nullptr) << path;
  return page ? largest_text_of_page(*page) : std::string();
}

TEST(PdfTitle, PrintedWebPageIsTitledByItsHeadingNotItsFileName) {
  // Chromium's header line (date, "002_8887ebef5e683073") and the site's
  // banner come first, in small type; the heading wraps over three lines.
  EXPECT_EQ(largest_on_first_page(fixture("web-page-printed.pdf")),
            kNpapHeading);
  const Extracted e = extract("web-page-printed.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.title, kNpapHeading);
  // The page's text is left as it was read.
  EXPECT_TRUE(contains(e.pages[0].text, "002_8887ebef5e683073"));
  expect_same(e, extract_pdf_in_process(fixture("web-page-printed.pdf")));
}

TEST(PdfTitle, TitleInTheBodysSizeIsNoLargestText) {
  // Án lệ 47: "ÁN LỆ SỐ 47/2021/AL" is set as its paragraphs are.
  EXPECT_EQ(largest_on_first_page(fixture("anle-47-2021.pdf")), "");
  // A usable Title stays the file's title.
  EXPECT_EQ(extract("anle-47-2021.pdf").title, "Tòa án nhân dân tối cao");
}

TEST(PdfTitle, GazetteContinuationShowsItsSectionLargest) {
  using test::shared_dir;
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  // Page 1 of the second part of the Criminal Code in the Official Gazette:
  // the section line (27 against a body of 21) is the largest text; the
  // metadata leaves it out as chrome (heading_test.cc).
  EXPECT_EQ(largest_on_first_page(
                shared_dir() / "corpus/pdf-real/gazette-100-2015-QH13-p2.pdf"),
            "PHẦN VĂN BẢN QUY PHẠM PHÁP LUẬT");
}

}  // namespace
}  // namespace kb::extract_test
