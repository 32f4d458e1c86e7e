// The brief's CSV and Markdown (core/brief.h): quoting, escaping, grouping.
#include "core/brief.h"

#include <gtest/gtest.h>

namespace kb {
namespace {

BriefPosition position(int64_t id, std::string actor, std::string stance,
                       std::string process, std::string date,
                       std::string quote) {
  BriefPosition p;
  p.id = id;
  p.actor_id = "x:" + actor;
  p.actor = std::move(actor);
  p.stance_id = stance;
  p.stance = std::move(stance);
  if (!process.empty()) {
    p.process_id = "p-" + process;
    p.process = process;
  }
  p.date = std::move(date);
  p.quote = std::move(quote);
  p.document_id = 7;
  p.document_title = "Báo cáo";
  p.page = 3;
  return p;
}

TEST(BriefTest, CsvQuotesEveryFieldAndDefusesFormulas) {
  static const struct {
    const char* quote;
    const char* field;
  } cases[] = {
      {"Việt Nam ủng hộ", "\"Việt Nam ủng hộ\""},
      {"nói \"không\", rồi", "\"nói \"\"không\"\", rồi\""},
      {"dòng một\r\ndòng hai", "\"dòng một\r\ndòng hai\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "\"'+1\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"-2+3", "\"'-2+3\""},
      {"- Bộ Tài chính đề nghị", "\"- Bộ Tài chính đề nghị\""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.quote);
    const std::string csv =
        brief_csv({position(1, "A", "supports", "", "", c.quote)}, "");
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF\"Mã\",", 0), 0u);
    EXPECT_NE(csv.find("," + std::string(c.field) + ","), std::string::npos)
        << csv;
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  }
  const std::string linked =
      brief_csv({position(1, "A", "supports", "", "", "q")}, "http://h:1/");
  // The link, then the forum as written and the target (empty here).
  EXPECT_NE(linked.find("\"http://h:1/?doc=7&tp=3\",\"\",\"\"\r\n"),
            std::string::npos)
      << linked;
}

TEST(BriefTest, ForumAsWrittenAndTargetAreTheLastColumnsAndEscaped) {
  BriefPosition p = position(1, "Hiệp hội Nhựa Việt Nam", "phản đối", "INC",
                             "2024-10-15", "Hiệp hội phản đối thuế phí.");
  p.forum_name = "Họp <tham vấn> liên bộ";
  p.target = "=thuế phí *toàn cầu* [x](y)";
  const std::string csv = brief_csv({p}, "");
  const std::string header = csv.substr(3, csv.find("\r\n") - 3);
  EXPECT_TRUE(header.ends_with(
      "\"Liên kết\",\"Diễn đàn (theo văn bản)\",\"Về vấn đề\""))
      << header;
  // The formula defused there too.
  EXPECT_NE(csv.find(",\"Họp <tham vấn> liên bộ\",\"'=thuế phí *toàn cầu* "
                     "[x](y)\"\r\n"),
            std::string::npos)
      << csv;

  BriefHeader h;
  h.exported_at = "2026-12-06T07:00:00Z";
  const std::string md = brief_markdown({p}, h);
  EXPECT_NE(md.find("— tại: Họp \\<tham vấn\\> liên bộ"), std::string::npos)
      << md;
  EXPECT_NE(md.find("  Về: \\=thuế phí \\*toàn cầu\\* \\[x\\](y)\n\n  > "),
            std::string::npos)
      << md;
  // A forum name that repeats the process's label is not written twice.
  p.forum_name = "INC";
  p.target.clear();
  const std::string plain = brief_markdown({p}, h);
  EXPECT_EQ(plain.find("tại:"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("Về:"), std::string::npos) << plain;
}

TEST(BriefTest, MarkdownEscapesDocumentTextAndGroupsByIssueThenActor) {
  BriefHeader h;
  h.exported_at = "2026-12-06T07:00:00Z";
  h.filters = {{"Tác nhân", "Hiệp hội <Nhựa>"}};
  h.matched = 5;
  const std::vector<BriefPosition> ps = {
      position(1, "Nhật Bản", "ủng hộ", "INC", "2024-03-07",
               "<script>alert(1)</script> *đậm* [liên kết](x)"),
      position(2, "Australia", "phản đối", "INC", "", "# không phải tiêu đề"),
      position(3, "Australia", "đề xuất", "INC", "2023-11", "1. mục"),
      position(4, "Hiệp hội Nhựa", "quan ngại", "", "2024", "dòng\nhai"),
  };
  const std::string md = brief_markdown(ps, h);
  EXPECT_EQ(md.rfind("# Lập trường trong đàm phán\n", 0), 0u);
  EXPECT_NE(md.find("Bộ lọc: Tác nhân: Hiệp hội \\<Nhựa\\>"),
            std::string::npos);
  EXPECT_NE(md.find("Số lập trường: 4 (trong số 5"), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\> \\*đậm\\* "
                    "\\[liên kết\\](x)"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("> \\# không phải tiêu đề"), std::string::npos);
  EXPECT_NE(md.find("> 1\\. mục"), std::string::npos);
  EXPECT_NE(md.find("> dòng hai"), std::string::npos);
  // INC (3 positions) before the positions without a process; actors in
  // order; within an actor dated first, undated last.
  const size_t inc = md.find("## INC (3)");
  const size_t none = md.find("## Không thuộc tiến trình nào (1)");
  ASSERT_NE(inc, std::string::npos);
  ASSERT_NE(none, std::string::npos);
  EXPECT_LT(inc, none);
  const size_t au = md.find("### Australia");
  EXPECT_LT(au, md.find("### Nhật Bản"));
  EXPECT_LT(md.find("11/2023"), md.find("không rõ ngày"));
  EXPECT_NE(md.find("07/03/2024"), std::string::npos);
  EXPECT_NE(md.find("Nguồn: Báo cáo, trang 3"), std::string::npos);
  h.link_base = "http://h/";
  EXPECT_NE(brief_markdown(ps, h).find("[Báo cáo](<http://h/?doc=7&tp=3>)"),
            std::string::npos);
}

TEST(BriefTest, FormatsAndGroupings) {
  EXPECT_EQ(parse_brief_format("csv"), BriefFormat::kCsv);
  EXPECT_EQ(parse_brief_format("md"), BriefFormat::kMarkdown);
  EXPECT_FALSE(parse_brief_format("docx"));
  EXPECT_FALSE(parse_brief_format("CSV"));
  EXPECT_EQ(parse_brief_grouping("topic"), BriefGrouping::kTopic);
  EXPECT_FALSE(parse_brief_grouping(""));
  EXPECT_EQ(brief_file_name(BriefFormat::kCsv, "2026-12-06T07:00:00Z"),
            "lap-truong-2026-12-06.csv");
}

}  // namespace
}  // namespace kb
