// The server tests of snippets: a snippet reads and marks its passage as
// the whole page does, although only the lines that hold it are analysed
// (search-server/snippets.cc).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/schema.h"
#include "search-server/query_builder.h"
#include "search-server/revision_caches.h"
#include "search-server/snippets.h"
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

// The pages and analyses kept per revision (SnippetTextCache) give every
// snippet as the catalog's page analysed afresh does: for windows at the
// start of a page and far into it, the second and third asks served from
// what the first kept (a prefix kept for one window, longer for a later
// one), and marks of another query on the same kept text.
TEST_F(ServerTest, SnippetsFromKeptPagesAndAnalysesAreTheFreshOnes) {
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  Xapian::Database& db = parts->db;
  const std::unique_ptr<Catalog> catalog = read_catalog();
  ASSERT_TRUE(catalog);
  const QueryBuilder builder(db, parts->taxonomy);
  SnippetTextCache texts;
  int compared = 0, deep = 0;
  for (int ask = 0; ask < 3; ++ask) {
    for (const std::string q :
         {"môi trường", "nhua dai duong", "\"rác thải nhựa\"", "thực hiện",
          "quyết định", "hợp tác quốc tế", "bien doi khi hau", "và"}) {
      SCOPED_TRACE(q);
      const ParsedQuery parsed = builder.parse(q, QueryMode::kAllWords);
      const Highlight marks{parsed.highlight_terms, parsed.highlight_phrases,
                            parsed.spellings, parsed.entity_terms,
                            parsed.entity_phrases};
      Xapian::Enquire e(db);
      e.set_query(parsed.count);
      const Xapian::MSet m = e.get_mset(0, 30);
      for (auto it = m.begin(); it != m.end(); ++it) {
        const schema::DocumentData data =
            schema::DocumentData::from_json(it.get_document().get_data());
        const Snippet fresh = make_snippet(db, *catalog, *it, data, marks);
        const Snippet kept =
            make_snippet(db, *catalog, *it, data, marks, &texts);
        EXPECT_EQ(kept.html, fresh.html) << *it;
        EXPECT_EQ(kept.page, fresh.page) << *it;
        if (ask == 0 && fresh.html.rfind("…", 0) == 0) ++deep;
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 250);
  EXPECT_GE(deep, 10);  // windows far into their pages
  EXPECT_GT(texts.pages(), 20u);
  EXPECT_GE(texts.analyses(), texts.pages());
  EXPECT_GT(texts.bytes(), 0u);
  EXPECT_LE(texts.bytes(), SnippetTextCache::kMaxBytes);
}

// The documents' data kept per revision (DocumentDataCache, read by the
// hits) is each document's own, read once: a second ask gives the same.
TEST_F(ServerTest, HitsDocumentDataKeptPerRevisionIsTheDocumentsOwn) {
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  Xapian::Database& db = parts->db;
  DocumentDataCache kept;
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query::MatchAll);
  const Xapian::MSet m = e.get_mset(0, db.get_doccount());
  ASSERT_GT(m.size(), 20u);
  for (int ask = 0; ask < 2; ++ask) {
    for (auto it = m.begin(); it != m.end(); ++it) {
      const schema::DocumentData want =
          schema::DocumentData::from_json(db.get_document(*it).get_data());
      const DocumentDataCache::Data got = kept.data(it);
      ASSERT_TRUE(got);
      EXPECT_EQ(got->to_json(), want.to_json()) << *it;
      EXPECT_EQ(got->id, want.id);
      if (ask == 1) {
        EXPECT_EQ(got.get(), kept.data(it).get());
      }
    }
    EXPECT_EQ(kept.size(), m.size());
  }
}

}  // namespace
}  // namespace kb::server_test
