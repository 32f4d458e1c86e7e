// Regression tests for issue 19: deriving a document from one long line must
// take time linear in the line. A 1.5 MB one-line text took 72 s (snippet
// anchors searched back for the line start at every token), and a sentence
// with no full stop, as a one-line file of text without punctuation is,
// collapsed its whole start again at every "có hiệu lực" while looking for
// the document's date of force: 11 CPU-seconds at 4 MB for 0.85 at 1 MB.
// The measure is a ratio of CPU times in the same run (0.5 MB and 4 MB of
// the same text: 8 when linear, 64 when quadratic), never a clock limit.
#include <gtest/gtest.h>
#include <time.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "indexer/derive.h"
#include "tests/unit/positions_test_util.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// `text` on one line (line ends become spaces), repeated to about `bytes`
// and cut at a space.
std::string one_line(std::string text, size_t bytes) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  std::string out;
  out.reserve(bytes + text.size());
  while (out.size() < bytes) out += text + ' ';
  out.resize(out.rfind(' ', bytes));
  return out;
}

// The CPU time of the whole derive step (metadata, tags, positions,
// analysis, anchors and the index entry) on a one-page document.
double derive_seconds(const std::string& line) {
  CatalogDocument doc;
  doc.path = "/tmp/long-line.txt";
  doc.status = "indexed";
  std::vector<CatalogPage> pages(1);
  pages[0].page_no = 1;
  pages[0].text = line;
  const double start = thread_cpu_seconds();
  const Derived d =
      derive_document(doc, pages, test::taxonomy(), test::extractor(), true);
  const double seconds = thread_cpu_seconds() - start;
  EXPECT_TRUE(d.index_entry.has_value());
  EXPECT_FALSE(pages[0].anchors.empty());
  return seconds;
}

// A codification article of the law (phapdien), as the measure.
std::string article() {
  const auto dir = test::shared_dir();
  if (dir.empty()) return {};
  std::ifstream in(dir / "corpus/phapdien/moi-truong/da-dang-sinh-hoc.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void expect_linear(const std::string& text) {
  derive_seconds(one_line(text, 100000));  // taxonomy, lexicon, ICU loaded
  const double small = derive_seconds(one_line(text, 500000));
  const double large = derive_seconds(one_line(text, 4000000));
  EXPECT_LT(large, 16 * small)
      << "0.5 MB: " << small << " s, 4 MB: " << large << " s of CPU";
}

TEST(LongLine, DeriveTimeIsLinearInTheLine) {
  const std::string text = article();
  if (text.empty()) GTEST_SKIP() << "no ../shared/corpus";
  expect_linear(text);
}

TEST(LongLine, DeriveTimeIsLinearInOneSentenceWithoutFullStops) {
  std::string text = article();
  if (text.empty()) GTEST_SKIP() << "no ../shared/corpus";
  for (char& c : text) {
    if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '|')
      c = ' ';
  }
  expect_linear(text);
}

}  // namespace
}  // namespace kb
