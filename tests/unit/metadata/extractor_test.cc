// The title, the language, odd input and the compatibility function
// (indexer/metadata/extractor.h, title.h, language.h).
#include "indexer/metadata/extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"
#include "tests/unit/test_util.h"

namespace kb::test {
namespace {

TEST(MetadataTitle, HeadingNumberAndSubject) {
  EXPECT_EQ(meta_of(kDecreeHtml).title,
            "Nghị định số 249/2025/NĐ-CP Quy định cơ chế, chính sách thu hút "
            "chuyên gia khoa "
            "học, công nghệ, đổi mới sáng tạo và chuyển đổi số");
  // A law's name comes first; a subject in capitals reads in sentence case
  // with the agencies spelled as the taxonomy spells them.
  EXPECT_EQ(meta_of(kLawPdf).title,
            "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số "
            "121/2025/QH15");
  // A precedent's own line and the subject under it, before any title the
  // file declares.
  EXPECT_EQ(meta_of(kPrecedentPdf, "anle-27.pdf").title,
            "Án lệ số 27/2019/AL về thụ lý, giải quyết vụ án hành chính liên "
            "quan đến nhà đất mà Nhà nước đã quản lý, bố trí sử dụng trong quá "
            "trình thực");
}

TEST(MetadataLanguage, VietnameseAndEnglish) {
  EXPECT_EQ(meta_of(kDecreeHtml).language, "vi");
  EXPECT_EQ(meta_of(test::nfd(kDecreeHtml)).language, "vi");
  EXPECT_EQ(meta_of("DECREE\nOn the mechanism and policies to attract experts "
                    "in science, "
                    "technology, innovation and digital "
                    "transformation\nPursuant to the Law "
                    "on Organization of the Government No. 63/2025/QH15;\n")
                .language,
            "en");
  EXPECT_EQ(meta_of("").language, "");
}

TEST(Metadata, EmptyAndOddInputDoNotCrash) {
  for (const std::string& text :
       {std::string(), std::string("\n\n\n"), std::string("Số:"),
        std::string("Số: 1/"), std::string("ngày"),
        std::string(", ngày 99 tháng 99 năm 9999"),
        std::string("\xff\xfe garbage \xc3"), std::string(5000, '\t')}) {
    const DocMetadata m = meta_of(text);
    EXPECT_TRUE(m.number.empty()) << text;
    EXPECT_TRUE(m.issue_date.empty()) << text;
  }
  EXPECT_EQ(extract_metadata({}, agencies()).number, "");
}

// The compatibility function keeps one extractor per thread: it must give
// the extractor's result, and build a new one when the taxonomy changes.
TEST(Metadata, ExtractMetadataFollowsItsTaxonomy) {
  const DocMetadata held = meta_of(kDecreeHtml);
  const DocMetadata compat = extract_metadata({kDecreeHtml}, agencies());
  EXPECT_EQ(compat.number, held.number);
  EXPECT_EQ(compat.issuer, held.issuer);
  EXPECT_EQ(compat.title, held.title);
  EXPECT_EQ(compat.cites, held.cites);
  const Taxonomy none;
  EXPECT_EQ(extract_metadata({kDecreeHtml}, none).issuer, "");
  EXPECT_EQ(extract_metadata({kDecreeHtml}, agencies()).issuer, "Chính phủ");
  EXPECT_EQ(MetadataExtractor(none).extract({kDecreeHtml}).issuer, "");
}

}  // namespace
}  // namespace kb::test
