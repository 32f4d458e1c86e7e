// Snippet anchors: where analysis can restart, and in time linear in the
// text (issue 19: a 1.5 MB text on one line took 72 s, searching back for
// the line start at every token).
#include "core/document_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "core/analyzer.h"

namespace kb {
namespace {

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

}  // namespace
}  // namespace kb
