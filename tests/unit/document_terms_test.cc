// Snippet anchors: where analysis can restart, and in time linear in the
// text (issue 19: a 1.5 MB text on one line took 72 s, searching back for
// the line start at every token).
#include "core/document_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/analyzer.h"
#include "core/schema.h"
#include "core/word_pairs.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

std::string words(size_t n, const char* sep) {
  static const char* kWords[] = {"báo",  "cáo",  "về",  "rác",
                                 "thải", "nhựa", "đàm", "phán"};
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i) s += (i % 37 == 0) ? sep : " ";
    s += kWords[(i * 7 + i / 3) % 8];
  }
  return s;
}

TEST(SnippetAnchors, AnalysisRestartedAtAnAnchorSeesTheSameTokens) {
  const Analysis page = analyze(words(5000, "\n  "));
  const auto anchors = parse_anchors(make_anchors(page, 64));
  ASSERT_GT(anchors.size(), 20u);
  for (const SnippetAnchor& a : anchors) {
    ASSERT_LT(a.byte, page.text.size());
    EXPECT_TRUE(a.byte == 0 || page.text[a.byte - 1] == '\n') << a.byte;
    const Analysis rest = analyze(std::string_view(page.text).substr(a.byte));
    ASSERT_FALSE(rest.tokens.empty());
    const auto it =
        std::find_if(page.tokens.begin(), page.tokens.end(),
                     [&](const Token& t) { return t.position == a.position; });
    ASSERT_NE(it, page.tokens.end());
    EXPECT_EQ(rest.tokens.front().exact, it->exact) << a.byte;
  }
}

TEST(SnippetAnchors, OneLongLineGetsOneAnchor) {
  const Analysis page = analyze(words(20000, " "));
  const auto anchors = parse_anchors(make_anchors(page));
  ASSERT_EQ(anchors.size(), 1u);
  EXPECT_EQ(anchors[0].byte, 0u);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

TEST(SnippetAnchors, TakeLessTimeThanTheAnalysisOfTheSameLine) {
  // A ratio against a baseline in the same run, not a clock limit: the
  // analysis is linear and does far more per byte, so linear anchors take a
  // small part of its time; searching back for the line start at each token
  // took hours on this 4 MB line.
  const std::string line = words(640000, " ");
  auto start = std::chrono::steady_clock::now();
  const Analysis page = analyze(line);
  const double analysis = seconds_since(start);
  double anchors = 1e9;
  for (int i = 0; i < 3; ++i) {
    start = std::chrono::steady_clock::now();
    const std::string blob = make_anchors(page);
    anchors = std::min(anchors, seconds_since(start));
    EXPECT_EQ(blob.size(), 8u);
  }
  EXPECT_LT(anchors, analysis)
      << "analysis " << analysis << " s, anchors " << anchors << " s";
}

// Word pairs (XPAIR) are indexed for two frequent words side by side, and
// only for them (core/word_pairs.h): over a real codification title, every
// pair of adjacent tokens is in the document exactly when pair_indexed says.
TEST(WordPairs, OnlyPairsOfFrequentWordsAreIndexed) {
  const fs::path shared = test::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: test skipped";
  std::ifstream in(shared / "corpus/phapdien/bao-hiem/bao-hiem-y-te.md");
  ASSERT_TRUE(in) << "bao-hiem-y-te.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  const Analysis a = analyze(text.str());
  Xapian::Document doc;
  add_text_terms(doc, a, 1, 1, /*folded_positions=*/false);
  std::map<std::string, bool> expected;  // pair term -> indexed
  for (size_t i = 0; i + 1 < a.tokens.size(); ++i) {
    const Token& first = a.tokens[i];
    const Token& second = a.tokens[i + 1];
    if (second.position != first.position + 1) continue;
    const std::string pair = schema::pair_term(first.folded, second.folded);
    expected[pair] =
        expected[pair] || pair_indexed(first.folded, second.folded);
  }
  size_t held = 0, left = 0;
  std::set<std::string> in_doc;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    if ((*t).rfind(schema::kPairPrefix, 0) == 0) in_doc.insert(*t);
  }
  for (const auto& [pair, indexed] : expected) {
    EXPECT_EQ(in_doc.count(pair) == 1, indexed) << pair;
    (indexed ? held : left) += 1;
  }
  // Both kinds occur: "quy dinh" is a pair of frequent words, "y te" not.
  EXPECT_TRUE(in_doc.count(schema::pair_term("quy", "dinh")));
  EXPECT_FALSE(in_doc.count(schema::pair_term("y", "te")));
  EXPECT_GT(held, 0u);
  EXPECT_GT(left, held);
}

}  // namespace
}  // namespace kb
