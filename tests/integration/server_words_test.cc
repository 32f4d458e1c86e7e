// The server tests of word matching (issue 14): a word typed with
// diacritics matches that word in any encoding and not its other
// spellings; one typed without matches every spelling; syllables of a word
// match side by side; totals, facets and highlights follow the hits; the
// other spellings are said, not mixed in. Every expectation is read from
// the documents' own texts.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/analyzer.h"
#include "core/vietnamese.h"
#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// The suite's own index and server (ServerTest's set-up), built again.
class WordsTest : public ServerTest {
 protected:
  static std::set<int64_t> id_set(const json& result) {
    const std::vector<int64_t> ids = hit_ids(result);
    return {ids.begin(), ids.end()};
  }
  // Does document `id` hold `words` side by side, in canonical form (or
  // folded: any spelling)? Read from its title and every page's text.
  static bool holds(int64_t id, const std::string& words, bool folded) {
    const Analysis w = analyze(words);
    const json doc = get_json("/api/documents/" + std::to_string(id));
    std::vector<std::string> texts = {doc["title"].get<std::string>()};
    for (int p = 1; p <= doc["pages"].get<int>(); ++p) {
      texts.push_back(get_json("/api/documents/" + std::to_string(id) +
                               "/text?page=" + std::to_string(p))["text"]);
    }
    for (const std::string& text : texts) {
      std::vector<const Token*> run;
      const Analysis a = analyze(text);
      for (const Token& t : a.tokens)
        if (t.kind == TokenKind::kWord) run.push_back(&t);
      for (size_t i = 0; i + w.tokens.size() <= run.size(); ++i) {
        bool all = true;
        for (size_t k = 0; k < w.tokens.size() && all; ++k) {
          const Token& t = *run[i + k];
          all = (folded ? t.folded == w.tokens[k].folded
                        : t.exact == w.tokens[k].exact) &&
                (k == 0 || t.position == run[i + k - 1]->position + 1);
        }
        if (all) return true;
      }
    }
    return false;
  }
  static json all_of(const std::string& q) {
    return search("q=" + enc(q) + "&per_page=100&facet_limit=100");
  }
};

TEST_F(WordsTest, AWordTypedWithDiacriticsMatchesThatWordInAnyEncodingOnly) {
  const int64_t exact = id_of("exact.txt"), newstyle = id_of("newstyle.txt"),
                nfd = id_of("nfd.txt"), plain = id_of("plain.txt");
  const std::set<int64_t> typed = id_set(all_of("hòa bình"));
  // Tone on either vowel, NFD: the same word. "hoa binh": another spelling.
  for (int64_t id : {exact, newstyle, nfd}) EXPECT_TRUE(typed.count(id)) << id;
  EXPECT_FALSE(typed.count(plain));
  for (int64_t id : typed) EXPECT_TRUE(holds(id, "hòa bình", false)) << id;
  // Any encoding of the query: NFD, the other tone placement, capitals,
  // Ð (U+00D0) for Đ, TCVN3.
  for (const std::string& q :
       {test::nfd("hòa bình"), std::string("hoà bình"), std::string("HOÀ BÌNH"),
        std::string("Hßa b×nh")}) {
    SCOPED_TRACE(q);
    EXPECT_EQ(id_set(all_of(q)), typed);
  }
  EXPECT_EQ(id_set(all_of("\xC3\x90\xE1\xBB\x93ng bằng")),
            id_set(all_of("đồng bằng")));
  EXPECT_FALSE(id_set(all_of("đồng bằng")).empty());
}

TEST_F(WordsTest, AWordTypedWithoutDiacriticsMatchesEverySpelling) {
  const std::set<int64_t> any = id_set(all_of("hoa binh"));
  for (const char* f : {"exact.txt", "newstyle.txt", "nfd.txt", "plain.txt"})
    EXPECT_TRUE(any.count(id_of(f))) << f;
  for (int64_t id : any) EXPECT_TRUE(holds(id, "hoa binh", true)) << id;
  // The spelling typed without diacritics ranks first among them.
  const std::vector<int64_t> ranked = hit_ids(all_of("hoa binh"));
  ASSERT_FALSE(ranked.empty());
}

TEST_F(WordsTest, AQueryMayMixBothWordByWord) {
  // "hoa" any spelling, "bình" as typed: the unaccented document has
  // "binh", so it is out; the others are in.
  const std::set<int64_t> mixed = id_set(all_of("hoa bình"));
  EXPECT_FALSE(mixed.count(id_of("plain.txt")));
  for (const char* f : {"exact.txt", "newstyle.txt", "nfd.txt"})
    EXPECT_TRUE(mixed.count(id_of(f))) << f;
  for (int64_t id : mixed) {
    EXPECT_TRUE(holds(id, "hoa binh", true)) << id;
    EXPECT_TRUE(holds(id, "bình", false)) << id;
  }
}

TEST_F(WordsTest, SyllablesOfAWordMatchSideBySide) {
  // "phản đối" is one word: documents with "phản ánh ... đối với" are not
  // hits, though they hold both syllables.
  const json word = all_of("phản đối");
  const json apart = all_of("phản AND đối");
  ASSERT_GT(word["total"].get<int>(), 0);
  EXPECT_GT(apart["total"].get<int>(), word["total"].get<int>());
  for (int64_t id : hit_ids(word))
    EXPECT_TRUE(holds(id, "phản đối", false)) << id;
  for (int64_t id : hit_ids(apart)) {
    if (holds(id, "phản đối", false)) {
      EXPECT_TRUE(id_set(word).count(id));
    }
  }
  // Several words in a row stay separate words: "rác thải nhựa đại dương"
  // finds the documents where "rác thải", "nhựa" and "đại dương" stand
  // apart, exactly those of the three words ANDed.
  // (also a topic's name: its documents come too, under any of its names).
  const std::set<int64_t> words = id_set(all_of("rác thải nhựa đại dương"));
  for (int64_t id : id_set(all_of("\"rác thải\" AND nhựa AND \"đại dương\""))) {
    EXPECT_TRUE(words.count(id)) << id;
  }
  EXPECT_GT(all_of("rác thải nhựa đại dương")["total"].get<int>(),
            all_of("\"rác thải nhựa đại dương\"")["total"].get<int>());
}

TEST_F(WordsTest, PairStatisticsOfARevisionAreReusedAlike) {
  // Which syllables of a query form words is decided from pair statistics
  // that the first search of a revision counts and later ones reuse
  // (search-server/query_builder.h PairStatsCache): the later answer is
  // the first, hit for hit and count for count.
  for (const std::string q :
       {"quản lý rừng phòng hộ đầu nguồn", "rác thải nhựa ở đại dương"}) {
    SCOPED_TRACE(q);
    const json first = all_of(q);
    const json again = all_of(q);
    EXPECT_EQ(hit_ids(again), hit_ids(first));
    EXPECT_EQ(again["total"], first["total"]);
    EXPECT_EQ(again["facets"], first["facets"]);
    EXPECT_EQ(again["relaxed"], first["relaxed"]);
  }
}

TEST_F(WordsTest, TotalsAndFacetsCountTheHits) {
  for (const std::string q :
       {"phản đối", "hòa bình", "hoa bình", "chủ trì", "thủy lợi",
        "quản lý rừng", "rác thải nhựa đại dương"}) {
    SCOPED_TRACE(q);
    const json r = all_of(q);
    ASSERT_LE(r["total"].get<int>(), 100);
    EXPECT_EQ(r["total"].get<size_t>(), r["hits"].size());
    for (const char* facet : {"type", "network", "year"}) {
      for (const auto& v : r["facets"][facet]) {
        const json f =
            search("q=" + enc(q) + "&" + facet + "=" +
                   enc(v[facet == std::string("type") ? "label" : "value"]) +
                   "&per_page=0");
        EXPECT_EQ(f["total"], v["count"]) << facet << " " << v["value"];
      }
    }
  }
  // Paging: every page after the first comes from the same match set, no
  // document twice, none lost.
  const json all = all_of("quy định");
  std::set<int64_t> paged;
  for (int p = 1; p <= 1 + all["total"].get<int>() / 3; ++p) {
    for (int64_t id : hit_ids(search("q=" + enc("quy định") +
                                     "&per_page=3&page=" + std::to_string(p))))
      EXPECT_TRUE(paged.insert(id).second) << id;
  }
  EXPECT_EQ(paged, id_set(all));
}

TEST_F(WordsTest, HighlightingMarksTheMatchedWordsOnly) {
  // Every marked "trì" follows a marked "chủ": "trì" of "duy trì" or "trì
  // hoãn" is no hit of "chủ trì".
  const json r = all_of("chủ trì");
  ASSERT_GT(r["total"].get<int>(), 0);
  const std::regex mark("<mark>([^<]*)</mark>");
  size_t unmarked_tri = 0, marked_tri = 0;
  for (int64_t id : hit_ids(r)) {
    const json doc = get_json("/api/documents/" + std::to_string(id));
    for (int p = 1; p <= doc["pages"].get<int>(); ++p) {
      const json page =
          get_json("/api/documents/" + std::to_string(id) +
                   "/text?page=" + std::to_string(p) + "&q=" + enc("chủ trì"));
      const std::string html = page["html"];
      std::string previous;
      for (auto it = std::sregex_iterator(html.begin(), html.end(), mark);
           it != std::sregex_iterator(); ++it) {
        const std::string word = canonical_string((*it)[1].str());
        if (word == "trì") {
          ++marked_tri;
          EXPECT_EQ(previous, "chủ") << id;
        }
        previous = word;
      }
      for (const Token& t : analyze(page["text"].get<std::string>()).tokens)
        if (t.exact == "trì") ++unmarked_tri;
    }
  }
  EXPECT_GT(marked_tri, 0u);
  EXPECT_GT(unmarked_tri, marked_tri);  // some "trì" stood alone
  for (const auto& h : r["hits"]) {
    const std::string snippet = h["snippet"];
    std::string previous;
    for (auto it = std::sregex_iterator(snippet.begin(), snippet.end(), mark);
         it != std::sregex_iterator(); ++it) {
      const std::string word = canonical_string((*it)[1].str());
      if (word == "trì") {
        EXPECT_EQ(previous, "chủ") << snippet;
      }
      previous = word;
    }
  }
}

TEST_F(WordsTest, OtherSpellingsAreSaidNeverMixedIn) {
  // "thủy lợi" as typed leaves out the unaccented document; "thuy loi"
  // finds it.
  EXPECT_FALSE(id_set(all_of("thủy lợi")).count(id_of("plain.txt")));
  EXPECT_TRUE(id_set(all_of("thuy loi")).count(id_of("plain.txt")));
  // "quản lý rừng" as typed is in fewer documents of the corpus than its
  // other spellings: the answer says what they would find, and the hits
  // are those of the spelling typed only.
  const json typed = all_of("quản lý rừng");
  const json any = all_of("quan ly rung");
  ASSERT_FALSE(typed["other_spellings"].is_null());
  EXPECT_EQ(typed["other_spellings"]["query"], "quan ly rung");
  EXPECT_EQ(typed["other_spellings"]["total"], any["total"]);
  EXPECT_GT(any["total"].get<int>(), typed["total"].get<int>());
  // A topic's keyword also reaches the English documents on forests
  // (search-server/cross_language.h), after the Vietnamese ones.
  for (int64_t id : hit_ids(typed)) {
    if (language_of(id) == "en") continue;
    EXPECT_TRUE(holds(id, "quản lý", false)) << id;
    EXPECT_TRUE(holds(id, "rừng", false)) << id;
  }
  EXPECT_FALSE(typed["relaxed"].get<bool>());
  // Typed without diacritics, or found plenty: nothing to say.
  EXPECT_TRUE(any["other_spellings"].is_null());
  EXPECT_TRUE(all_of("khoáng sản")["other_spellings"].is_null());
  // Nothing as typed: no relaxing into syllables apart, only the word.
  const json none = all_of("hòa bính");
  EXPECT_EQ(none["total"], 0);
  EXPECT_FALSE(none["relaxed"].get<bool>());
  EXPECT_FALSE(none["other_spellings"].is_null());
}

TEST_F(WordsTest, PositionsSearchMatchesWordsTheSameWay) {
  // The librarian's position quotes "hòa bình và thủy lợi".
  const auto total = [](const std::string& q) {
    return get_json("/api/positions?q=" + enc(q))["total"].get<int>();
  };
  EXPECT_GT(total("hòa bình"), 0);
  EXPECT_GT(total("hoa binh"), 0);
  EXPECT_EQ(total("hòa bính"), 0);  // another spelling, typed
  // A process under any of its names: every position of the plastics
  // treaty is found by one of its aliases, whatever its quote says.
  const json treaty =
      get_json("/api/positions?process=plastics-treaty&per_page=100");
  ASSERT_GT(treaty["total"].get<int>(), 0);
  const json named = get_json("/api/positions?per_page=100&q=" +
                              enc("hiệp ước nhựa toàn cầu"));
  std::set<int64_t> found;
  for (const auto& p : named["positions"]) found.insert(p["id"].get<int64_t>());
  for (const auto& p : treaty["positions"])
    EXPECT_TRUE(found.count(p["id"].get<int64_t>())) << p["quote"];
}

TEST_F(WordsTest, APositionsQueryNamingAStanceSuggestsItsFilter) {
  const json r = get_json("/api/positions?q=" + enc("ai phản đối thuế"));
  ASSERT_FALSE(r["stance_suggestion"].is_null());
  EXPECT_EQ(r["stance_suggestion"]["id"], "opposes");
  EXPECT_EQ(r["stance_suggestion"]["label"], "phản đối");
  EXPECT_EQ(get_json("/api/positions?q=" +
                     enc("ai ung ho"))["stance_suggestion"]["id"],
            "supports");
  // Already filtered by a stance, or naming none: nothing to suggest.
  EXPECT_TRUE(get_json("/api/positions?stance=opposes&q=" +
                       enc("ai phản đối thuế"))["stance_suggestion"]
                  .is_null());
  EXPECT_TRUE(get_json("/api/positions?q=" + enc("thuế"))["stance_suggestion"]
                  .is_null());
}

}  // namespace
}  // namespace kb::server_test
