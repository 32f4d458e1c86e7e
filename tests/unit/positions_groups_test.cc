// Group subjects and documents as speakers (issue 13), each checked on real
// sentences of the negotiation news (../shared/corpus/negotiation/vi:
// team-labelled (a, b) or unlabelled articles, never the held-out part);
// skipped without the corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

using test::line_with;
using test::news_dir;

// "X có văn bản đề xuất với Y ...": the document's issuer proposes; not a
// proposal word inside the topic of a document sent to others.
TEST(PositionGroupsTest, DocumentIssuerProposes) {
  SKIP_WITHOUT_NEWS();
  const std::string line = line_with(news_dir() / "baomoi-0091.txt",
                                     "Công ty Bình Minh Xanh có văn bản");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(
      test::stances_quoting(test::extract(line), "Bình Minh Xanh có văn bản"),
      std::vector<std::string>{"x:cong-ty-binh-minh-xanh proposes"});
  const std::string topic = line_with(news_dir() / "hddtvn-0058.txt",
                                      "Bộ Công Thương ngày 5/10 đã có văn bản");
  ASSERT_FALSE(topic.empty());
  EXPECT_TRUE(
      test::stances_quoting(test::extract(topic), "ngày 5/10 đã có văn bản gửi")
          .empty());
}

// "các Bộ trưởng thương mại TPP ..." then "Các Bộ trưởng cũng đồng ý ...":
// the agreement's ministers act as its bloc; not without that naming.
TEST(PositionGroupsTest, MinistersOfAnAgreementAreItsBloc) {
  SKIP_WITHOUT_NEWS();
  const std::string named = line_with(news_dir() / "baomoi-0074.txt",
                                      "các Bộ trưởng thương mại TPP sáng 21/5");
  const std::string agree =
      line_with(news_dir() / "baomoi-0074.txt", "Các Bộ trưởng cũng đồng ý");
  ASSERT_FALSE(named.empty());
  ASSERT_FALSE(agree.empty());
  EXPECT_EQ(test::stances_quoting(test::extract(named + "\n" + agree),
                                  "Các Bộ trưởng cũng đồng ý"),
            std::vector<std::string>{"tpp supports"});
  // The sentence alone names TPP only as the agreement.
  const size_t at = agree.find("Các Bộ trưởng cũng đồng ý");
  const std::string alone = agree.substr(at, agree.find('.', at) + 1 - at);
  EXPECT_TRUE(
      test::stances_quoting(test::extract(alone), "Các Bộ trưởng cũng đồng ý")
          .empty());
}

// "X đã có công văn số ... trả lời Y và công văn yêu cầu Z ...": the second
// document is X's too.
TEST(PositionGroupsTest, SecondDocumentHasTheFirstsIssuer) {
  SKIP_WITHOUT_NEWS();
  const std::string line = line_with(news_dir() / "hddtvn-0036.txt",
                                     "đã có công văn số 8206/TCHQ-TXNK");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(test::stances_quoting(test::extract(line), "công văn số 8206"),
            std::vector<std::string>{"x:tong-cuc-hai-quan requests"});
}

}  // namespace
}  // namespace kb
