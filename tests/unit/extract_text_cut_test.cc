// Regression tests for issue 19: the indexer's memory grew with the text of
// a file (about 47 times a 50 MB text file: 2.37 GB), so a large text file
// could take the machine. A file's text is now cut at a limit
// (ExtractLimits::max_text_bytes), at a line end or a space near it, and the
// cut is said (Extracted::text_cut, then `show`).
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "core/utf8.h"
#include "indexer/read/extract.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

namespace fs = std::filesystem;

TEST(TextCutPoint, AtALineEndElseASpaceElseACharacter) {
  static const struct {
    const char* text;
    uint64_t max;
    const char* kept;
  } cases[] = {
      {"một hai\nba bốn\nnăm", 100, "một hai\nba bốn\nnăm"},  // fits
      {"một hai\nba bốn\nnăm", 19, "một hai\nba bốn\n"},      // line end
      {"một hai\nba bốn\nnăm", 14, "một hai\n"},
      {"một hai ba bốn", 12, "một hai "},  // one line: a space
      {"ệệệệ", 7, "ệệ"},                   // no space: whole characters
      {"ệệệệ", 2, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " / " + std::to_string(c.max));
    const std::string text = c.text;
    EXPECT_EQ(text.substr(0, text_cut_point(text, c.max)), c.kept);
  }
}

class ExtractTextCut : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vnkb-text-cut-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }
  fs::path dir_;
};

// 200 numbered lines of Vietnamese, about 9 KB.
std::string numbered_lines(const std::string& end = "\n") {
  std::string text;
  for (int i = 1; i <= 200; ++i)
    text += "Dòng số " + std::to_string(i) + " về bảo vệ môi trường" + end;
  return text;
}

TEST_F(ExtractTextCut, ALongTextFileIsCutAtALineEndAndSaysSo) {
  ExtractLimits small = limits();
  small.max_text_bytes = 4096;
  const std::string text = numbered_lines();
  const Extracted e = extract_file(write("long.txt", text), small);
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_TRUE(e.text_cut);
  ASSERT_EQ(e.pages.size(), 1u);
  std::string kept = e.pages[0].text;
  EXPECT_LE(kept.size(), 4096u);
  while (!kept.empty() && kept.back() == '\n') kept.pop_back();
  EXPECT_GT(kept.size(), 3000u);
  EXPECT_EQ(text.substr(0, kept.size() + 1), kept + "\n");  // whole lines
  EXPECT_TRUE(contains(kept, "Dòng số 1 về"));
  EXPECT_FALSE(contains(kept, "Dòng số 200 về"));

  // Under the limit: all of it, and no word of a cut.
  small.max_text_bytes = text.size() + 1;
  const Extracted whole = extract_file(write("whole.txt", text), small);
  EXPECT_FALSE(whole.text_cut);
  ASSERT_EQ(whole.pages.size(), 1u);
  EXPECT_TRUE(contains(whole.pages[0].text, "Dòng số 200 về"));
}

TEST_F(ExtractTextCut, OneLineIsCutAtASpaceInValidUtf8) {
  ExtractLimits small = limits();
  small.max_text_bytes = 4099;
  const Extracted e =
      extract_file(write("oneline.txt", numbered_lines(" ")), small);
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_TRUE(e.text_cut);
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_LE(e.pages[0].text.size(), 4099u);
  EXPECT_TRUE(is_valid_utf8(e.pages[0].text));
  EXPECT_EQ(e.pages[0].text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(ExtractTextCut, HtmlReadInTheHelperIsCutThere) {
  // The helper's answer crosses a pipe: the cut must cross it too.
  ExtractLimits small = limits();
  small.max_text_bytes = 4096;
  std::string html = "<html><body>";
  for (int i = 1; i <= 200; ++i)
    html += "<p>Đoạn số " + std::to_string(i) + " về bảo vệ môi trường</p>";
  html += "</body></html>";
  const Extracted e = extract_file(write("long.html", html), small);
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_TRUE(e.text_cut);
  ASSERT_FALSE(e.pages.empty());
  EXPECT_LE(e.pages[0].text.size(), 4096u);
  EXPECT_TRUE(contains(e.pages[0].text, "Đoạn số 1 về"));
  EXPECT_FALSE(contains(e.pages[0].text, "Đoạn số 200 về"));
}

}  // namespace
}  // namespace kb::extract_test
