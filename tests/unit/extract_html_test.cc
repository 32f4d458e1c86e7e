// The HTML reader: scripts and chrome dropped, tables as tab-separated
// rows, titles, and pages in declared or legacy charsets.
#include <gtest/gtest.h>

#include <string>

#include "indexer/read/html.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

// --- HTML --------------------------------------------------------------------

TEST(ExtractHtml, PageWithScriptsTablesAndTitle) {
  const Extracted e = extract("page.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "html");
  EXPECT_EQ(e.title, "Thông tư 12/2024/TT-BTC hướng dẫn quản lý ngân sách");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].text,
            "BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/2024/TT-BTC\tHà Nội, ngày 5 tháng 2 năm 2024\n"
            "THÔNG TƯ\n"
            "Hướng dẫn quản lý ngân sách nhà nước & tài sản công.\n"
            "Điều 1. Phạm vi điều chỉnh\n"
            "Dòng một\n"
            "Dòng hai\n"
            "Khoản 1\n"
            "Khoản 2\n"
            "Mã   Tên\n"
            "01   Lương");
}

TEST(HtmlToText, Cases) {
  static const struct {
    const char* html;
    const char* text;
  } cases[] = {
      {"", ""},
      {"<p>một</p><p>hai</p>", "một\nhai"},
      {"<b>Điều</b> <i>1</i>.", "Điều 1."},
      {"<span>liền</span><span>nhau</span>", "liềnnhau"},
      {"a<br>b<br/><br>c", "a\nb\nc"},
      {"x&nbsp;&nbsp; y\n\t z", "x y z"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></"
       "table>",
       "a\tb\nc\td"},
      {"<table><tr><td><p>a</p></td><td><p>b</p><p>c</p></td></tr></table>",
       "a\tb\nc"},
      {"<table><tr><th>STT</th><th>Tên</th></tr></table><p>Sau bảng</p>",
       "STT\tTên\nSau bảng"},
      {"<ul><li>một</li><li>hai</li></ul>", "một\nhai"},
      {"<p>ok</p><script>bad()</script><style>p{}</style><noscript>no</"
       "noscript>",
       "ok"},
      {"<pre>a  b\n  c</pre>", "a  b\n  c"},
      {"<div><!-- ẩn -->hiện</div>", "hiện"},
      {"<p>  </p><p>\n</p>", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(html_to_text(c.html), c.text) << c.html;
  std::string title;
  html_to_text("<title>A &amp; B</title><p>x</p>", &title);
  EXPECT_EQ(title, "A & B");
}

TEST(HtmlToText, DeepNestingKeepsEveryText) {
  // 5,000 levels (a broken page of unclosed <div>s or <font>s): the text at
  // the bottom and the text after it are kept, in order; they used to be
  // dropped below 400 levels.
  std::string html = "<p>Đầu trang</p>";
  for (int i = 0; i < 5000; ++i) html += "<div><span>";
  html += "Quyết định số 1407/QĐ-TTg";
  for (int i = 0; i < 5000; ++i) html += "</span></div>";
  html += "<p>Cuối trang</p>";
  EXPECT_EQ(html_to_text(html),
            "Đầu trang\nQuyết định số 1407/QĐ-TTg\nCuối trang");
}

TEST(ExtractHtml, Windows1258DeclaredPageConverted) {
  const Extracted e = extract("windows-1258.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.title, "Nghị định số 15/2020/NĐ-CP");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].text,
            "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu "
            "chính, viễn "
            "thông.\nĐiều 1. Phạm vi điều chỉnh");
}

TEST(ExtractHtml, Windows1252PageKeptAsIs) {
  const Extracted e = extract("windows-1252.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "unicode");
  EXPECT_EQ(e.title, "Décret");
  EXPECT_EQ(e.pages[0].text,
            "Décret relatif à la protection des données – «café»");
}

TEST(ExtractHtml, Tcvn3BytesInWindows1252Page) {
  const Extracted e = extract("tcvn3-windows-1252.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "tcvn3");
  EXPECT_EQ(e.title, "Văn bản pháp luật");
  EXPECT_EQ(e.pages[0].text,
            "Bộ Tài nguyên và Môi trường\n"
            "Quyết định số 12/2003/QĐ-BTNMT về việc ban hành quy chế làm việc "
            "của cơ quan");
}

TEST(ExtractHtml, RealTcvn3PageConverted) {
  const Extracted e =
      extract_file(test::test_data("tcvn3-vbpl-000891.html"), limits());
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "tcvn3");
  const std::string& text = e.pages.at(0).text;
  EXPECT_TRUE(contains(
      text,
      "V/v: Đính chính Quyết định số 29/2007/QĐ-BXD ngày 31/12/2007 của"));
  EXPECT_TRUE(contains(
      text,
      "Bộ trưởng Bộ Xây dựng về việc ban hành Chương trình khung đào tạo"));
  EXPECT_TRUE(contains(
      text,
      "Theo đề nghị của Cục trưởng Cục Quản lý nhà và thị trường bất động"));
  for (const char* mojibake : {"§", "µ", "¬", "Ö", "tr\u00ADê", "QuyÕt"}) {
    EXPECT_FALSE(contains(text, mojibake)) << mojibake;
  }
  EXPECT_EQ(to_nfc(text), text);
}

}  // namespace
}  // namespace kb::extract_test
