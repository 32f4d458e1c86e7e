// Document tagging with the real taxonomy: each demo document gets the
// networks and topics a librarian expects, and texts that merely pass by a
// name or a keyword get nothing.
#include "indexer/tagging.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "tests/unit/positions_test_util.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

using test::taxonomy;  // the demo taxonomy, loaded once

std::string read_seed(const std::string& name) {
  std::ifstream in(test::test_data("seeds") / name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::set<std::string> as_set(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

// `n` sentences of legal boilerplate that name no network and no topic.
std::string filler(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "Điều " + std::to_string(i + 1) +
           ". Phạm vi điều chỉnh và đối tượng áp dụng của văn bản này được quy "
           "định cụ thể "
           "như sau, trừ trường hợp pháp luật có quy định khác.\n";
  }
  return out;
}

TEST(Tagging, SeedsGetExpectedNetworksAndTopics) {
  const struct {
    const char* file;
    const char* title;
    std::vector<std::string> networks;  // exactly these, strongest first
    std::set<std::string> topics;       // all of these ...
    std::set<std::string> may_also;     // ... and at most these besides
    const char* first_topic;
  } cases[] = {
      {"000_608b69289030cac0.txt",
       "Nhóm nòng cốt đa bên",
       {"vpa-flegt-core-group"},
       {"forestry", "multi-stakeholder"},
       {"communication", "capacity-building", "community-monitoring"},
       "forestry"},
      {"001_30a2fdfd7d4e0202.txt",
       "Nhóm Hỗ Trợ Quốc tế Tài Nguyên và Môi Trường (ISGE)",
       {"isge"},
       {"environmental-governance", "water", "poverty-environment",
        "capacity-building", "aid-coordination"},
       {"policy-advocacy"},
       "environmental-governance"},
      {"002_8887ebef5e683073.txt",
       "Triển khai các hoạt động thực hiện nhiệm vụ Chương trình đối tác hành "
       "động quốc gia về nhựa (NPAP)",
       {"npap", "gpap"},
       {"plastics", "treaty-negotiation", "gender"},
       {"communication", "multi-stakeholder", "circular-economy"},
       "plastics"},
      {"003_931c19f7e019d404.txt",
       "Liên minh Khoáng sản",
       {"lmks", "eiti", "btap", "f4f"},
       {"minerals", "transparency", "gender", "community-monitoring",
        "policy-advocacy"},
       {"communication", "multi-stakeholder", "capacity-building",
        "environmental-governance"},
       "minerals"},
      // The plastics decision names no network (its "mạng lưới đối tác" is
      // generic); above all not the timber or mineral ones.
      {"004_cf0b71758d62ef38.txt",
       "Thỏa thuận toàn cầu về ô nhiễm nhựa Đại dương",
       {},
       {"plastics", "marine-plastics", "treaty-negotiation"},
       {"capacity-building", "pollution"},
       nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const std::vector<std::string> pages = {read_seed(c.file)};
    const DocumentTags tags = tag_document(c.title, pages, taxonomy());
    EXPECT_EQ(tags.networks, c.networks);
    for (const std::string& topic : c.topics) {
      EXPECT_TRUE(as_set(tags.topics).count(topic))
          << "missing " << topic << " in " << joined(tags.topics);
    }
    for (const std::string& topic : tags.topics) {
      EXPECT_TRUE(c.topics.count(topic) || c.may_also.count(topic))
          << "unexpected " << topic;
    }
    if (c.first_topic != nullptr && !tags.topics.empty()) {
      EXPECT_EQ(tags.topics.front(), c.first_topic);
    }
    // Without its title (a file with no usable title) the body alone still
    // names the same networks.
    const DocumentTags untitled = tag_document("", pages, taxonomy());
    EXPECT_EQ(as_set(untitled.networks), as_set(c.networks));
    // Split into pages, the text counts the same.
    const std::string& text = pages[0];
    const size_t cut = text.find('\n', text.size() / 2);
    const DocumentTags split = tag_document(
        c.title, {text.substr(0, cut), text.substr(cut)}, taxonomy());
    EXPECT_EQ(split.networks, tags.networks);
    EXPECT_EQ(as_set(split.topics), as_set(tags.topics));
  }
}

// The indexer hands tag_analysed_document the analyses it makes for the index
// (indexer/derive.cc): from them, every seed gets the same tags, in the same
// order, as from its text, whole or in two pages, and each page's mentions
// come back for the index's entity terms.
TEST(Tagging, FromAnalysesTheSameTagsAsFromText) {
  size_t seeds = 0;
  size_t mentions_seen = 0;
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(VNKB_SOURCE_DIR) / "corpus" / "seeds")) {
    if (e.path().extension() != ".txt") continue;
    SCOPED_TRACE(e.path().filename().string());
    const std::string text = read_seed(e.path().filename().string());
    const size_t cut = text.find('\n', text.size() / 2);
    for (const std::vector<std::string>& pages :
         {std::vector<std::string>{text},
          std::vector<std::string>{text.substr(0, cut), text.substr(cut)}}) {
      std::vector<Analysis> analyses;
      for (const std::string& p : pages) analyses.push_back(analyze(p));
      const std::string title = e.path().stem().string();
      const DocumentTags from_text = tag_document(title, pages, taxonomy());
      std::vector<std::vector<Mention>> found;
      const DocumentTags from_analyses =
          tag_analysed_document(title, analyses, taxonomy(), &found);
      EXPECT_EQ(from_analyses.networks, from_text.networks);
      EXPECT_EQ(from_analyses.topics, from_text.topics);
      // Each page's mentions, of every kind, handed on for the index.
      ASSERT_EQ(found.size(), pages.size());
      for (size_t i = 0; i < pages.size(); ++i) {
        const std::vector<Mention> expected =
            taxonomy().find_mentions(analyses[i]);
        ASSERT_EQ(found[i].size(), expected.size());
        for (size_t k = 0; k < expected.size(); ++k) {
          EXPECT_EQ(found[i][k].entry, expected[k].entry);
          EXPECT_EQ(found[i][k].first_token, expected[k].first_token);
          EXPECT_EQ(found[i][k].token_count, expected[k].token_count);
        }
        mentions_seen += found[i].size();
      }
    }
    ++seeds;
  }
  EXPECT_GE(seeds, 5u);
  EXPECT_GT(mentions_seen, 0u);
}

// Legal texts name alliances' words ("Liên minh châu Âu", "minh bạch",
// "khai thác", "ngô") without being about any network or our topics.
TEST(Tagging, UnrelatedLegalTextsGetNothing) {
  const struct {
    const char* what;
    std::string title;
    std::string text;
  } cases[] = {
      {"tax law", "Luật Thuế thu nhập doanh nghiệp",
       "LUẬT THUẾ THU NHẬP DOANH NGHIỆP\n"
       "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Quốc hội ban "
       "hành Luật Thuế "
       "thu nhập doanh nghiệp.\n"
       "Điều 1. Phạm vi điều chỉnh. Luật này quy định về người nộp thuế, thu "
       "nhập chịu thuế, "
       "thu nhập được miễn thuế, căn cứ tính thuế, phương pháp tính thuế và ưu "
       "đãi thuế thu "
       "nhập doanh nghiệp.\n"
       "Điều 2. Người nộp thuế là tổ chức hoạt động sản xuất, kinh doanh hàng "
       "hóa, dịch vụ có "
       "thu nhập chịu thuế, kể cả doanh nghiệp thành lập tại các nước thuộc "
       "Liên minh châu Âu "
       "có cơ sở thường trú tại Việt Nam.\n"
       "Điều 3. Thu nhập chịu thuế bao gồm thu nhập từ hoạt động sản xuất, "
       "kinh doanh hàng "
       "hóa, dịch vụ, thu nhập từ chuyển nhượng vốn, chuyển nhượng quyền khai "
       "thác khoáng sản, "
       "thu nhập từ trồng trọt lúa, ngô và chăn nuôi.\n"
       "Điều 4. Thu nhập được miễn thuế gồm thu nhập từ hoạt động nghiên cứu "
       "khoa học, thu nhập "
       "từ khoản tài trợ nhận được để sử dụng cho hoạt động giáo dục.\n"
       "Điều 5. Việc quản lý thuế phải bảo đảm công khai, minh bạch, bình đẳng "
       "giữa các bên "
       "liên quan; trường hợp điều ước quốc tế có quy định khác thì áp dụng "
       "điều ước quốc tế.\n"
       "Điều 6. Khoản chi phí bảo vệ môi trường, chi phí đào tạo được trừ khi "
       "xác định thu nhập "
       "chịu thuế nếu có đủ hóa đơn, chứng từ theo quy định.\n" +
           filler(20)},
      {"land decree", "Nghị định quy định về giá đất",
       "Điều 1. Nghị định này quy định phương pháp định giá đất; xây dựng, "
       "điều chỉnh bảng giá "
       "đất; định giá đất cụ thể và hoạt động tư vấn xác định giá đất.\n"
       "Điều 2. Việc định giá đất phải bảo đảm nguyên tắc thị trường, công "
       "khai, minh bạch.\n" +
           filler(30)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const DocumentTags tags = tag_document(c.title, {c.text}, taxonomy());
    EXPECT_TRUE(tags.networks.empty()) << joined(tags.networks);
    EXPECT_TRUE(tags.topics.empty()) << joined(tags.topics);
  }
}

// A network needs its name in the title, twice in the text, or once written
// out at length; one acronym in a list of partners is not enough.
TEST(Tagging, NetworkMentionRule) {
  const std::string body = filler(30);
  const struct {
    const char* what;
    std::string title;
    std::string text;
    std::vector<std::string> networks;
  } cases[] = {
      {"one acronym",
       "",
       body + "Các đối tác gồm EITI và nhiều tổ chức khác.\n",
       {}},
      {"one short English name",
       "",
       body + "A treaty that is fair for all.\n",
       {}},
      {"acronym twice",
       "",
       "EITI tại Quảng Trị.\n" + body + "Hội đồng EITI.\n",
       {"eiti"}},
      {"acronym and name",
       "",
       "Liên minh Khoáng sản (LMKS).\n" + body,
       {"lmks"}},
      {"long name once",
       "",
       body + "Sáng kiến minh bạch trong ngành công nghiệp khai thác đã được "
              "áp dụng.\n",
       {"eiti"}},
      {"title", "Báo cáo của BTAP", body, {"btap"}},
      {"text typed without diacritics",
       "",
       "Lien minh Khoang san va Lien minh Minh bach Ngan sach.\n" +
           folded_string(body) + "LMKS, BTAP.\n",
       {"lmks", "btap"}},
      {"strongest first",
       "",
       "BTAP, LMKS, LMKS, LMKS, BTAP.\n" + body,
       {"lmks", "btap"}},
      {"title outweighs",
       "Liên minh Minh bạch Ngân sách",
       "BTAP, LMKS, LMKS, LMKS.\n" + body,
       {"btap", "lmks"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(tag_document(c.title, {c.text}, taxonomy()).networks, c.networks);
  }
}

// A topic needs repeated keywords, dense enough for the document's length, or
// a keyword in the title.
TEST(Tagging, TopicDensityRule) {
  const std::string three = "rác thải nhựa. Rác thải nhựa. Túi ni lông.\n";
  const struct {
    const char* what;
    std::string title;
    std::string text;
    bool plastics;
  } cases[] = {
      {"once in a short note", "", "Thu gom rác thải nhựa.\n" + filler(5),
       false},
      {"three times in a short note", "", three + filler(10), true},
      {"three times in a long law", "", three + filler(400), false},
      {"in the title of a long law", "Quy định về quản lý rác thải nhựa",
       filler(400), true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const DocumentTags tags = tag_document(c.title, {c.text}, taxonomy());
    EXPECT_EQ(as_set(tags.topics).count("plastics") == 1, c.plastics)
        << joined(tags.topics);
  }
}

TEST(Tagging, EmptyInputs) {
  EXPECT_TRUE(tag_document("", {}, taxonomy()).networks.empty());
  EXPECT_TRUE(tag_document("", {"", ""}, taxonomy()).topics.empty());
  const Taxonomy empty;
  const DocumentTags tags =
      tag_document("Liên minh Khoáng sản", {"LMKS, LMKS"}, empty);
  EXPECT_TRUE(tags.networks.empty());
  EXPECT_TRUE(tags.topics.empty());
}

}  // namespace
}  // namespace kb
