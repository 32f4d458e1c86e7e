// Plain text and Markdown: stray HTML removed, legacy encodings decoded,
// Markdown titles, inner whitespace kept; and clean_title.
#include <gtest/gtest.h>

#include <string>

#include "indexer/read/plain_text.h"
#include "indexer/read/stray_html.h"
#include "indexer/read/title.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

namespace fs = std::filesystem;

// --- Plain text and Markdown
// ---------------------------------------------------

TEST(ExtractText, StrayHtmlInProgramTableCleaned) {
  const std::string raw = read_bytes(fixture("stray-html-program.txt"));
  ASSERT_TRUE(looks_like_stray_html(raw));
  const Extracted e = extract("stray-html-program.txt");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 1u);
  const std::string& text = e.pages[0].text;
  for (const char* tag : {"<i>", "</i>", "<p>", "</p>", "<ul", "style="}) {
    EXPECT_FALSE(contains(text, tag)) << tag;
  }
  // The words stay, and the program table keeps one row per line.
  EXPECT_TRUE(
      contains(text, "CHƯƠNG TRÌNH CHIA SẺ HỌC HỎI GIỮA CÁC LIÊN MINH"));
  EXPECT_TRUE(contains(text, "\tToàn thể đại biểu Điều hành: PanNature\n"));
  EXPECT_TRUE(contains(text, "\nThời gian\tHoạt động\tThực hiện\n"));
  EXPECT_TRUE(contains(text, "\n8:00-8:30\tĐăng ký đại biểu\tPanNature\n"));
  EXPECT_TRUE(contains(
      text,
      "\n10:30-11:00\tChia sẻ về mô hình áp dụng thí điểm EITI tại Quảng "
      "Trị\tHội đồng Nhân dân tỉnh Quảng Trị\n"));
  EXPECT_TRUE(contains(
      text, "Giám sát cộng đồng: • Chia sẻ kinh nghiệm giám sát đầu tư công"));
  EXPECT_TRUE(contains(text, "\tcủa mạng lưới; • Thảo luận về khả năng"));
  const auto rows = [](const std::string& s) {
    int n = 0;
    for (const std::string& line : lines_of(s)) n += contains(line, "\t");
    return n;
  };
  EXPECT_EQ(rows(text), rows(raw));
}

TEST(StripStrayHtml, Cases) {
  static const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"<i>Điều hành</i>: PanNature", "Điều hành: PanNature"},
      {"mạng lưới</p> <ul style=\"list-style-type: none\"> • Chia",
       "mạng lưới • Chia"},
      {"a<br>b", "a b"},
      {"col1\t<b>col2</b>\tcol3\nrow2\t<p>x</p>", "col1\tcol2\tcol3\nrow2\tx"},
      {"&lt;p&gt; là thẻ", "<p> là thẻ"},  // an escaped tag is text
      {"a < b và c > d", "a < b và c > d"},
      {"<Điều 5> giữ nguyên", "<Điều 5> giữ nguyên"},
      {"<unknown>x</unknown>", "<unknown>x</unknown>"},
      {"<!-- ẩn -->hiện", "hiện"},
      {"<script>var s = '<p>';</script>ok", "ok"},
      {"<SCRIPT>x</Script>ok", "ok"},
      {"<a href='x>y'>liên kết</a>", "liên kết"},
      {"&#7889; &#x1EA1; &amp;amp; &bogus; &#0;", "ố ạ &amp; &bogus; &#0;"},
      {"<p class='không đóng", "<p class='không đóng"},
  };
  for (const auto& c : cases) EXPECT_EQ(strip_stray_html(c.in), c.out) << c.in;
  EXPECT_FALSE(looks_like_stray_html("a < b, Điều 5 > Điều 4"));
  EXPECT_TRUE(looks_like_stray_html("<i>Điều hành</i>"));
  EXPECT_TRUE(looks_like_stray_html("x<br>y"));
}

TEST(ExtractText, Tcvn3BytesDecoded) {
  // Regression: files under 1 KB came out empty (the read after format
  // detection started at end-of-file).
  ASSERT_LT(fs::file_size(fixture("tcvn3.txt")), 1024u);
  const Extracted e = extract("tcvn3.txt");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "text");
  EXPECT_EQ(e.encoding, "tcvn3");
  EXPECT_EQ(e.pages.at(0).text,
            "QUYẾT ĐỊNH\n"
            "Về việc ban hành Quy chế quản lý hồ sơ, tài liệu điện tử\n"
            "Bộ trưởng Bộ Tài nguyên và Môi trường\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế.");
}

TEST(ExtractText, MarkdownTitles) {
  const Extracted front = extract("front-matter.md");
  ASSERT_EQ(front.status, ExtractStatus::kOk) << front.error;
  EXPECT_EQ(front.format, "markdown");
  EXPECT_EQ(front.title, "An ninh mạng");
  EXPECT_TRUE(contains(front.pages.at(0).text, "Điều 1. Phạm vi điều chỉnh"));
  EXPECT_EQ(extract("heading.md").title, "Luật Lưu trữ");

  static const struct {
    const char* text;
    const char* title;
  } cases[] = {
      {"# Tiêu đề\nNội dung", "Tiêu đề"},
      {"---\r\ntitle: 'Nghị định 15'\r\n---\r\n# Khác\r\n", "Nghị định 15"},
      {"---\nlayout: page\n---\n# Sau phần đầu\n", "Sau phần đầu"},
      {"Mở đầu\n## Mục\n# Chính\n# Thứ hai", "Chính"},
      {"#hashtag\n#\tTab\n", "Tab"},
      {"Không có tiêu đề\n", ""},
      {"---\ntitle: chưa đóng\n",
       "chưa đóng"},  // lenient: Jekyll would refuse it
      {"---\nlayout: page\n", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(extract_text(c.text, true).title, c.title) << c.text;
  EXPECT_EQ(extract_text("# Không phải Markdown", false).title, "");
}

TEST(ExtractText, KeepsInnerWhitespace) {
  const Extracted e =
      extract_text("\n\n  Cột 1\tCột 2\n\nDòng  sau\t\n\n", false);
  EXPECT_EQ(e.pages.at(0).text, "  Cột 1\tCột 2\n\nDòng  sau");
  EXPECT_EQ(extract_text(" \n\t\n", false).reason, FailureReason::kEmpty);
  // Windows and old Mac line ends become "\n".
  EXPECT_EQ(extract_text("Một\r\nHai\rBa\r\n\r\nBốn", false).pages.at(0).text,
            "Một\nHai\nBa\n\nBốn");
}

TEST(CleanTitle, Cases) {
  static const struct {
    const char* raw;
    const char* title;
  } cases[] = {
      {"Tßa ¸n nh©n d©n tèi cao", "Tòa án nhân dân tối cao"},
      {"  Thông tư\n  12/2024 ", "Thông tư 12/2024"},
      {"\xEF\xBB\xBFQuyết định", "Quyết định"},
      {"ÿþ2", ""},  // a UTF-16 byte order mark read as Latin-1, then a digit
      {"1", ""},
      {"Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh", "Quyết định"},  // NFD
  };
  for (const auto& c : cases) EXPECT_EQ(clean_title(c.raw), c.title) << c.raw;
}

}  // namespace
}  // namespace kb::extract_test
