// The server tests of snippets: a snippet reads and marks its passage as
// the whole page does, although only the lines that hold it are analysed
// (search-server/snippets.cc).
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// Each whitespace run as one space, and without the ellipses that say the
// passage goes on.
std::string snippet_passage(std::string s) {
  const std::string dots = "…";
  if (s.rfind(dots + " ", 0) == 0) s.erase(0, dots.size() + 1);
  if (s.size() >= dots.size() + 1 &&
      s.compare(s.size() - dots.size() - 1, std::string::npos, " " + dots) == 0)
    s.erase(s.size() - dots.size() - 1);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

TEST_F(ServerTest, SnippetsReadAndMarkTheirPassageAsTheWholePageDoes) {
  int deep = 0;  // passages that do not begin the page
  int checked = 0;
  int marked = 0;  // (an English translation found by its topic has none)
  for (const std::string q :
       {"môi trường", "nhua dai duong", "\"rác thải nhựa\"", "thực hiện",
        "quyết định", "hợp tác quốc tế", "bien doi khi hau"}) {
    SCOPED_TRACE(q);
    const json r = search("q=" + enc(q) + "&per_page=20");
    for (const auto& h : r["hits"]) {
      const std::string snippet = h["snippet"];
      if (snippet.empty()) continue;
      const json page =
          get_json("/api/documents/" + std::to_string(h["id"].get<int64_t>()) +
                   "/text?page=" + std::to_string(h["page"].get<int>()) +
                   "&q=" + enc(q));
      // The whole page, analysed at once, with the query's words marked.
      const std::string whole = snippet_passage(page["html"]);
      const std::string passage = snippet_passage(snippet);
      ASSERT_FALSE(passage.empty());
      EXPECT_NE(whole.find(passage), std::string::npos)
          << h["id"] << ": " << snippet;
      if (passage.find("<mark>") != std::string::npos) ++marked;
      if (snippet.rfind("…", 0) == 0) ++deep;
      ++checked;
    }
  }
  EXPECT_GE(checked, 20);
  EXPECT_GE(marked, 20);
  EXPECT_GE(deep, 10);  // windows far into their pages
}

}  // namespace
}  // namespace kb::server_test
