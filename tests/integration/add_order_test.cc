// vnkb-index add derives a file on a second thread while it stores the one
// before (indexer/derive_thread.h): outcomes must still come in file order,
// a file done at once (unchanged, unreadable) after the one being derived
// before it, and OCR, which forks from the indexer while that thread works,
// must neither hang nor change what is stored.
#include <fstream>
#include <string>
#include <vector>

#include "tests/integration/indexer_fixture.h"

namespace kb::test {
namespace {

// (file name, action) of every outcome `add --json` printed, in its order.
std::vector<std::pair<std::string, std::string>> outcomes_in_order(
    const std::string& out) {
  std::vector<std::pair<std::string, std::string>> in_order;
  const size_t start = out.find('[');
  if (start == std::string::npos) return in_order;
  for (const json& o : json::parse(out.substr(start))) {
    in_order.emplace_back(
        fs::path(o["path"].get<std::string>()).filename().string(),
        o["action"].get<std::string>());
  }
  return in_order;
}

TEST_F(IndexerTest, ARerunMixingOutcomesReportsThemInFileOrder) {
  // Names sort in the order the folder walk gives them.
  copy("tests/data/seeds/000_608b69289030cac0.txt", "a-unchanged.txt");
  copy("tests/data/seeds/001_30a2fdfd7d4e0202.txt", "c-updated.txt");
  std::ofstream(docs_ / "d-failing.pdf") << "%PDF-1.4 no body";
  copy("tests/data/extract/scanned-page.pdf", "f-scanned.pdf");
  copy("tests/data/seeds/002_8887ebef5e683073.txt", "g-unchanged.txt");
  ASSERT_EQ(index({"add", "--ocr=never", docs_.string()}).exit_code, 1);
  const std::string old_title =
      show((docs_ / "c-updated.txt").string())["title"];

  copy("tests/data/seeds/003_931c19f7e019d404.txt", "b-new.txt");
  copy("tests/data/seeds/004_cf0b71758d62ef38.txt", "c-updated.txt");
  copy("tests/data/tcvn3-vbpl-000891.html", "e-new.html");
  // OCR is on this time: f-scanned.pdf is read again and its page forked to
  // Tesseract while e-new.html is derived.
  const auto r = index({"add", "--json", docs_.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out;  // d-failing.pdf still fails
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"a-unchanged.txt", "unchanged"}, {"b-new.txt", "added"},
      {"c-updated.txt", "updated"},     {"d-failing.pdf", "failed"},
      {"e-new.html", "added"},          {"f-scanned.pdf", "updated"},
      {"g-unchanged.txt", "unchanged"}};
  EXPECT_EQ(outcomes_in_order(r.out), expected) << r.out;

  // What was derived on the thread went to the right rows.
  const std::string new_title =
      show((docs_ / "c-updated.txt").string())["title"];
  EXPECT_NE(new_title, old_title);
  EXPECT_NE(show((docs_ / "b-new.txt").string())["title"], new_title);
  const json scanned = show((docs_ / "f-scanned.pdf").string());
  EXPECT_EQ(scanned["status"], "indexed");
  EXPECT_EQ(scanned["number"], "09/2025/QĐ-TTg");
  EXPECT_EQ(scanned["page_info"][0]["source"], "ocr");
  EXPECT_EQ(show((docs_ / "e-new.html").string())["encoding"], "tcvn3");
  EXPECT_EQ(list().size(), 7u);
  expect_check_ok();
}

}  // namespace
}  // namespace kb::test
