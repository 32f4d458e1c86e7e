// Quotations and their speakers in Vietnamese news (quoted_speech.h,
// references.h), each checked on a real paragraph of the negotiation news
// (../shared/corpus/negotiation/vi, tuning or team part only), read from
// its file; the cases are skipped without the corpus.
#include <gtest/gtest.h>

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

// A quotation of several sentences whose speaker is named after it: "tôi"
// inside it is that speaker (ông Hoàng), not the person who spoke last
// before it (ông Hồng, two quotations earlier).
TEST(PositionsQuotes, FirstPersonIsTheSpeakerNamedAfterTheQuotation) {
  SKIP_WITHOUT_NEWS();
  const std::string line =
      line_with(news_dir() / "baomoi-0091.txt", "\"Vì vậy, tôi đề nghị");
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(test::stances_quoted_from(test::extract(line),
                                      "\"Vì vậy, tôi đề nghị", true),
            (std::vector<std::string>{"ông Hoàng proposes"}));
}

// A quotation left open earlier in the paragraph ("“với những điều khoản
// công bằng ... của Mỹ.") does not swallow the later ones: "Chúng tôi" in
// "“Chúng tôi sẽ ra khỏi thỏa thuận”, ông Trump nói" is the United States,
// not Canada, whose Prime Minister spoke the quotation before.
TEST(PositionsQuotes, UnclosedQuotationDoesNotHideTheNextSpeaker) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "“Chúng tôi sẽ ra khỏi thỏa thuận”";
  const std::string line = line_with(news_dir() / "baomoi-0036.txt", anchor);
  ASSERT_FALSE(line.empty());
  const std::vector<ExtractedPosition> ps = test::extract(line);
  std::vector<std::string> got;
  for (const ExtractedPosition& p : ps) {
    if (p.quote.rfind(anchor, 0) == 0)
      got.push_back(p.actor + " " + stance_id(p.stance));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"hoa-ky commits"}));
}

// The speaker named after a quotation with an apposition before the verb:
// "”, bà Virginia Foote, Chủ tịch Hiệp hội ... (AmCham) nhấn mạnh." The
// "cần" of the quotation's first sentence is her proposal.
TEST(PositionsQuotes, SpeakerAfterTheQuotationWithAnApposition) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "“Những DN và nhà đầu tư cần có";
  const std::string line = line_with(news_dir() / "hddtvn-0109.txt", anchor);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(test::stances_quoted_from(test::extract(line), anchor, true),
            (std::vector<std::string>{"bà Virginia Foote proposes"}));
}

// "ông Châu" alone, after "Ông Trần Châu, Phó Chủ tịch UBND tỉnh Bình
// Định": the same person, speaking for the province's committee
// (person_names.h), so "Tôi kêu gọi ..." in his quotation is its request.
TEST(PositionsQuotes, ShortNameOfAPersonNamedWithTheirBody) {
  SKIP_WITHOUT_NEWS();
  const std::string anchor = "Tôi kêu gọi lương tâm";
  const std::string line = line_with(news_dir() / "baomoi-0025.txt", anchor);
  ASSERT_FALSE(line.empty());
  std::vector<std::string> got;
  for (const ExtractedPosition& p : test::extract(line)) {
    if (p.quote.rfind(anchor, 0) == 0)
      got.push_back(p.actor + " " + stance_id(p.stance));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"x:ubnd-tinh-binh-dinh requests"}));
}

}  // namespace
}  // namespace kb
