// Texts without a letterhead on real files: the seed pages (site chrome
// before the heading), the negotiation news and bulletins of
// ../shared/corpus/negotiation, court precedents, and the dates of laws,
// ordinances and resolutions (indexer/metadata/heading.h, precedent.h,
// dates_in_text.h, doc_type.h, ocr_noise.h).
#include "indexer/metadata/heading.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/facets.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/metadata/ocr_noise.h"
#include "indexer/read/extract.h"
#include "indexer/read/title.h"
#include "tests/unit/metadata/metadata_test_util.h"
#include "tests/unit/test_util.h"

namespace kb::test {
namespace {

DocMetadata meta_of_file(const std::filesystem::path& path) {
  const Extracted ex = extract_file(path, ExtractLimits{});
  // Scanned pages (left for OCR) are no concern of these tests.
  EXPECT_NE(ex.status, ExtractStatus::kFailed) << path << ": " << ex.error;
  std::vector<std::string> pages;
  for (const ExtractedPage& p : ex.pages) pages.push_back(p.text);
  return extractor().extract(pages, ex.title);
}

struct SeedCase {
  const char* file;
  const char* title;
  const char* title_rule;
  const char* date;
  const char* type;
};

// The five seed pages as saved from their sites (tests/data/seeds).
const SeedCase kSeeds[] = {
    {"000_608b69289030cac0.txt", "Nhóm nòng cốt đa bên", "repeated heading", "",
     "Tài liệu khác"},
    {"001_30a2fdfd7d4e0202.txt",
     "Nhóm Hỗ Trợ Quốc tế Tài Nguyên và Môi Trường (ISGE)", "first line",
     "2005-06", "Báo cáo"},
    // "Banner trang chủ" above the heading; the date on its own line.
    {"002_8887ebef5e683073.txt",
     "Triển khai các hoạt động thực hiện nhiệm vụ Chương trình đối tác hành "
     "động quốc gia về nhựa (NPAP)",
     "first line after site chrome", "2024-03-11", "Tin bài"},
    // The network's name as a banner above the heading in capitals, which
    // runs over two lines.
    {"003_931c19f7e019d404.txt",
     "Chương trình chia sẻ học hỏi giữa các liên minh thực hiện vận động "
     "chính sách thông qua các bài học kinh nghiệm thực tiễn đã và đang "
     "triển khai của các mạng lưới",
     "capital heading after site chrome", "", "Chương trình hội thảo"},
    // Link lists, a glued menu, a counter and a category before the heading,
    // which the page prints three times; an article dating its event, the
    // page dated by the stamp it closes with ("6/9/2023 12:32:28 PM").
    {"004_cf0b71758d62ef38.txt",
     "Thỏa thuận toàn cầu về ô nhiễm nhựa Đại dương",
     "repeated heading after site chrome", "2023-09-06", "Tin bài"},
};

TEST(MetadataHeading, SeedPages) {
  for (const SeedCase& c : kSeeds) {
    const DocMetadata m = meta_of_file(test_data("seeds") / c.file);
    EXPECT_EQ(m.title, c.title) << c.file;
    EXPECT_EQ(m.rules.count("title") ? m.rules.at("title") : "", c.title_rule)
        << c.file;
    EXPECT_EQ(m.issue_date, c.date) << c.file;
    EXPECT_EQ(m.type, c.type) << c.file;
  }
}

TEST(MetadataHeading, ChromeLinesOfTheSeeds) {
  // Every line of seed 004 above its heading is chrome but the category.
  std::ifstream in(test_data("seeds") / "004_cf0b71758d62ef38.txt");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::vector<metadata::Line> lines =
      metadata::split_lines(utf8_to_u32(to_nfc(text)));
  std::vector<std::string> chrome;
  for (size_t i = 0; i < 6; ++i) {
    if (metadata::is_chrome(lines[i]))
      chrome.push_back(u32_to_utf8(lines[i].text).substr(0, 20));
  }
  EXPECT_EQ(chrome.size(), 4u);
  EXPECT_FALSE(metadata::is_chrome(lines[4]));  // "Vệ sinh, môi trường, …"
  EXPECT_FALSE(metadata::is_chrome(lines[6]));  // the heading
}

TEST(MetadataHeading, SignatureStampIsChrome) {
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  // A part of the Official Gazette: the signature stamp ("Ký bởi: …",
  // "Thời gian ký: 11.01.2016 …") and the running header "CÔNG BÁO/Số …"
  // come before the law the part carries.
  const DocMetadata m = meta_of_file(shared_dir() / "corpus" / "pdf-real" /
                                     "gazette-100-2015-QH13-p2.pdf");
  EXPECT_EQ(m.title.find("Ký bởi"), std::string::npos) << m.title;
  EXPECT_EQ(m.title.find("CÔNG BÁO"), std::string::npos) << m.title;
  EXPECT_NE(m.issue_date, "2016-01-11");
}

TEST(MetadataHeading, NeverAFileName) {
  EXPECT_TRUE(looks_like_file_name("000_608b69289030cac0"));
  EXPECT_TRUE(looks_like_file_name("Microsoft Word - QD1407.doc"));
  EXPECT_TRUE(looks_like_file_name("vbpl-000100"));
  EXPECT_FALSE(looks_like_file_name("Nhóm nòng cốt đa bên"));
  EXPECT_FALSE(looks_like_file_name("Án lệ số 27/2019/AL"));
}

// Each file of an INDEX.tsv of ../shared/corpus/negotiation with the title
// the index gives it.
std::vector<std::pair<std::filesystem::path, std::string>> index_of(
    const std::filesystem::path& dir) {
  std::vector<std::pair<std::filesystem::path, std::string>> out;
  std::ifstream in(dir / "INDEX.tsv");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  size_t title_col = 0;
  for (size_t b = 0, k = 0;; ++k) {
    const size_t e = line.find('\t', b);
    if (line.substr(b, e - b) == "title") title_col = k;
    if (e == std::string::npos) break;
    b = e + 1;
  }
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    size_t b = 0;
    for (size_t e; (e = line.find('\t', b)) != std::string::npos; b = e + 1)
      cells.push_back(line.substr(b, e - b));
    cells.push_back(line.substr(b));
    if (cells.size() > title_col)
      out.emplace_back(dir / cells[0], cells[title_col]);
  }
  return out;
}

// `s` with blank runs (no-break spaces too) as one space and without an
// empty tail of dashes and "()".
std::string comparable(const std::string& s) {
  std::string out;
  for (char32_t c : utf8_to_u32(to_nfc(s))) {
    if (c == U' ' || c == U'\t' || c == U'\r' || c == 0xA0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      append_utf8(c, out);
    }
  }
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view tail : {" ", "-", "–", "()"}) {
      if (out.size() >= tail.size() &&
          out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
        out.resize(out.size() - tail.size());
        cut = true;
      }
    }
  }
  return out;
}

TEST(MetadataHeading, NegotiationTextsHaveTheirHeadingAsTitle) {
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  for (const char* lang : {"vi", "en"}) {
    const auto files = index_of(shared_dir() / "corpus" / "negotiation" / lang);
    ASSERT_GT(files.size(), 100u) << lang;
    size_t same = 0;
    for (const auto& [path, title] : files) {
      const DocMetadata m = meta_of_file(path);
      EXPECT_FALSE(looks_like_file_name(m.title)) << path;
      EXPECT_NE(m.title, path.stem().string()) << path;
      // The index keeps the bulletins' empty tails ("No. 603 –  () – ") and
      // no-break spaces.
      if (comparable(title) == comparable(m.title)) ++same;
      if (std::string(lang) == "en") {
        EXPECT_EQ(m.type, "Bản tin đàm phán") << path;
      }
    }
    // docs/bench/metadata.md has the figures; the floor is below them.
    EXPECT_GE(same * 100, files.size() * 95) << lang;
  }
}

// A web page printed to PDF (tests/data/extract): its Title is a file name
// and the browser's header comes first; the heading, its largest text, is
// the title, and the dateline under it the date.
TEST(MetadataHeading, PrintedPageTitledByItsLargestText) {
  const DocMetadata m =
      meta_of_file(source("tests/data/extract/web-page-printed.pdf"));
  EXPECT_EQ(m.title,
            "Triển khai các hoạt động thực hiện nhiệm vụ Chương trình đối tác "
            "hành động quốc gia về nhựa (NPAP)");
  EXPECT_EQ(m.rules.at("title"), "file title shown as heading");
  EXPECT_EQ(m.issue_date, "2024-03-11");
  bool mentions = false;
  for (const Relation& r : m.relations)
    mentions = mentions || (r.kind == "mentions" && r.target == "538/QĐ-BTNMT");
  EXPECT_TRUE(mentions);
}

// A gazette page's section line is set larger than the law under it: it is
// chrome, never the title.
TEST(MetadataHeading, GazetteSectionLineIsNoTitle) {
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  for (const char* name : {"gazette-100-2015-QH13-p2.pdf",
                           "gazette-23-VBHN-VPQH-congbao-1095-1096.pdf"}) {
    const DocMetadata m =
        meta_of_file(shared_dir() / "corpus" / "pdf-real" / name);
    EXPECT_EQ(m.title.find("ăn bản pháp luật"), std::string::npos) << name;
    EXPECT_EQ(m.title.find("ăn bản quy phạm"), std::string::npos) << name;
    EXPECT_NE(m.rules.at("title"), "file title shown as heading") << name;
  }
}

TEST(MetadataPrecedent, NumberTitleAndDate) {
  const DocMetadata m = meta_of_file(source("corpus/pdf/anle-34.pdf"));
  EXPECT_EQ(m.type, "Án lệ");
  EXPECT_EQ(m.number, "34/2020/AL");  // "AL1": the 1 is a footnote mark
  EXPECT_EQ(m.issue_date, "2020-02-05");
  EXPECT_EQ(m.title,
            "Án lệ số 34/2020/AL Về quyền lập di chúc định đoạt giá trị bồi "
            "thường về đất trong trường hợp đất bị Nhà nước thu hồi có bồi "
            "thường");
}

TEST(MetadataPrecedent, EveryPrecedentOfTheCorpus) {
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           shared_dir() / "corpus" / "pdf-real")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("anle-", 0) != 0) continue;
    ++seen;
    const DocMetadata m = meta_of_file(entry.path());
    // anle-47.pdf is "Án lệ số 47/2021/AL".
    const std::string serial = name.substr(5, name.find('.') - 5);
    EXPECT_EQ(m.number.substr(0, serial.size() + 1), serial + "/") << name;
    EXPECT_EQ(m.number.substr(m.number.size() - 3), "/AL") << name;
    EXPECT_EQ(m.type, "Án lệ") << name;
    EXPECT_EQ(m.issue_date.size(), 10u) << name;
    EXPECT_EQ(m.title.rfind("Án lệ số " + m.number + " ", 0), 0u) << name;
  }
  EXPECT_GT(seen, 30);
}

TEST(MetadataDates, OrdinanceAndResolutionPassedOn) {
  // The letterhead of a Pháp lệnh has no date: its closing sentence does.
  const DocMetadata ordinance =
      meta_of_file(source("corpus/vbpl/vbpl-000086.html"));
  EXPECT_EQ(ordinance.type, "Pháp lệnh");
  EXPECT_EQ(ordinance.issue_date, "2025-12-03");
  EXPECT_EQ(ordinance.rules.at("issue_date"), "passed on");
  if (shared_dir().empty()) GTEST_SKIP() << "../shared is absent";
  const DocMetadata resolution =
      meta_of_file(shared_dir() / "corpus" / "vbpl" / "vbpl-000303.html");
  EXPECT_EQ(resolution.type, "Nghị quyết");
  EXPECT_EQ(resolution.issue_date.size(), 10u);
  EXPECT_EQ(resolution.rules.at("issue_date"), "passed on");
}

TEST(MetadataOcr, NoiseLeftOutOfTitles) {
  // Lines Tesseract read from the stamped subject of corpus/scanned's
  // decision 09/2025/QĐ-TTg.
  EXPECT_EQ(u32_to_utf8(metadata::drop_ocr_noise(
                U"Sửa TH bổ ) sung Quyết định số 20/2020/QĐ-TTg ngày 22 :. "
                U"tháng 7 năm 2020")),
            "Sửa bổ sung Quyết định số 20/2020/QĐ-TTg ngày 22 tháng 7 năm "
            "2020");
  EXPECT_TRUE(metadata::is_ocr_noise_line(U"ĐẾN ^ R A.. diaäI Mu. e«"));
  EXPECT_FALSE(metadata::is_ocr_noise_line(
      U".. Tế chút phục vụ kết nối, chia sẽ dữ liệu với các bộ, ngành"));
  EXPECT_FALSE(metadata::is_ocr_noise_line(U"Độc lập - Tự do - Hạnh phúc"));
}

TEST(MetadataKind, KindsAreTypeFacetValues) {
  FacetResolver r(agencies());
  const auto by_id = r.type("news");
  const auto by_label = r.type("Tin bài");
  ASSERT_TRUE(by_id && by_label);
  EXPECT_EQ(by_id->term, by_label->term);
  EXPECT_EQ(by_id->value, schema::facet_key("Tin bài"));
  EXPECT_NE(r.type("bulletin")->term, r.type("Quyết định")->term);
  EXPECT_EQ(kind_label("web-page"), "Trang web");
}

}  // namespace
}  // namespace kb::test
