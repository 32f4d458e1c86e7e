// The server tests of /api/search and /api/health: tiers, numbers, aliases,
// facets, sorting, snippets, suggestions.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "core/facets.h"
#include "core/taxonomy.h"
#include "search-server/direct_count.h"
#include "search-server/query_builder.h"
#include "search-server/search_filters.h"
#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

TEST_F(ServerTest, Health) {
  const json h = get_json("/api/health");
  EXPECT_EQ(h["status"], "ok");
  // corpus/ (with vbpl-en/ and the 3 samples/) and extra/
  EXPECT_EQ(h["documents"], 33);
  EXPECT_TRUE(h.contains("revision"));
}

TEST_F(ServerTest, ResponseShape) {
  const json r = search("q=" + enc("nhựa") + "&per_page=2");
  for (const char* key :
       {"query", "total", "page", "per_page", "hits", "facets", "suggestion"}) {
    EXPECT_TRUE(r.contains(key)) << key;
  }
  ASSERT_FALSE(r["hits"].empty());
  for (const char* key :
       {"id", "title", "type", "number", "issuer", "issue_date", "networks",
        "topics", "score", "snippet", "page"}) {
    EXPECT_TRUE(r["hits"][0].contains(key)) << key;
  }
  for (const Facet& f : kDocumentFacets)
    EXPECT_TRUE(r["facets"].contains(std::string(f.name))) << f.name;
}

// The web page lists the facets the server defines (core/facets.h), in
// their order, with their titles.
TEST_F(ServerTest, FacetsListTheFacetTables) {
  const json all = get_json("/api/facets?facet_limit=0");
  EXPECT_TRUE(all.contains("total"));
  EXPECT_TRUE(all.contains("facets"));
  const json& search = all["definitions"]["search"];
  ASSERT_EQ(search.size(), kDocumentFacets.size());
  for (size_t i = 0; i < kDocumentFacets.size(); ++i) {
    EXPECT_EQ(search[i]["name"], kDocumentFacets[i].name);
    EXPECT_EQ(search[i]["label"], kDocumentFacets[i].label_vi);
    EXPECT_EQ(search[i]["label_en"], kDocumentFacets[i].label_en);
    EXPECT_EQ(search[i]["counted"], true);
  }
  const json& positions = all["definitions"]["positions"];
  ASSERT_EQ(positions.size(), kPositionFacets.size());
  for (size_t i = 0; i < kPositionFacets.size(); ++i) {
    EXPECT_EQ(positions[i]["name"], kPositionFacets[i].name);
    EXPECT_EQ(positions[i]["counted"], kPositionFacets[i].counted);
  }
}

TEST_F(ServerTest, NumberWithTheYearLeftOutFindsTheDecision) {
  // "362/NĐ-CP" as people write it: the decision 362/2025/NĐ-CP first, and
  // the same documents as its full number; a number nobody has finds none.
  const json full = search("q=" + enc("362/2025/NĐ-CP") + "&per_page=50");
  ASSERT_GE(full["total"].get<int>(), 1);
  ASSERT_EQ(full["hits"][0]["number"], "362/2025/NĐ-CP");
  for (const std::string q : {"362/NĐ-CP", "362/ND-CP", "362 / NĐ - CP"}) {
    SCOPED_TRACE(q);
    const json short_form = search("q=" + enc(q) + "&per_page=50");
    ASSERT_GE(short_form["total"].get<int>(), 1);
    EXPECT_EQ(short_form["hits"][0]["number"], "362/2025/NĐ-CP");
    std::set<int64_t> a, b;
    for (const auto& h : full["hits"]) a.insert(h["id"].get<int64_t>());
    for (const auto& h : short_form["hits"]) b.insert(h["id"].get<int64_t>());
    EXPECT_EQ(a, b);
  }
  EXPECT_EQ(search("q=" + enc("9999/NĐ-CP"))["total"], 0);
}

TEST_F(ServerTest, UnaccentedQueryFindsAccentedDocuments) {
  // The two plastics documents come first, as for the accented query; the
  // one titled "Thỏa thuận toàn cầu về ô nhiễm nhựa" among them.
  const json r = search("q=" + enc("thoa thuan toan cau o nhiem nhua"));
  const json accented = search("q=" + enc("thỏa thuận toàn cầu ô nhiễm nhựa"));
  ASSERT_GE(r["total"].get<int>(), 2);
  ASSERT_GE(accented["total"].get<int>(), 2);
  const std::set<int64_t> top = {r["hits"][0]["id"], r["hits"][1]["id"]};
  EXPECT_EQ(top, (std::set<int64_t>{accented["hits"][0]["id"],
                                    accented["hits"][1]["id"]}));
  EXPECT_TRUE(top.count(id_of("004_cf0b71758d62ef38.txt")));
}

TEST_F(ServerTest, AccentedQueryFindsItsSpellingUnaccentedFindsEvery) {
  const int64_t exact = id_of("exact.txt"), newstyle = id_of("newstyle.txt"),
                plain = id_of("plain.txt");
  auto found = [](const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  // Both tone placements are the same canonical spelling; the unaccented
  // document holds other spellings (server_words_test.cc says more).
  const std::vector<int64_t> accented =
      hit_ids(search("q=" + enc("hòa bình thủy lợi") + "&per_page=100"));
  EXPECT_TRUE(found(accented, exact));
  EXPECT_TRUE(found(accented, newstyle));
  EXPECT_FALSE(found(accented, plain));
  // Unaccented: every spelling.
  const std::vector<int64_t> unaccented =
      hit_ids(search("q=" + enc("hoa binh thuy loi") + "&per_page=100"));
  for (int64_t id : {exact, newstyle, plain}) {
    EXPECT_TRUE(found(unaccented, id)) << id;
  }
}

TEST_F(ServerTest, NormalizationAndTonePlacementNeverMatter) {
  const json nfc = search("q=" + enc("hòa bình"));
  EXPECT_EQ(hit_ids(search("q=" + enc(test::nfd("hòa bình")))), hit_ids(nfc));
  EXPECT_EQ(hit_ids(search("q=" + enc("hoà bình"))), hit_ids(nfc));
  EXPECT_EQ(hit_ids(search("q=" + enc("HOÀ BÌNH"))), hit_ids(nfc));
  // The NFD document is found by the NFC query.
  const auto ids = hit_ids(nfc);
  EXPECT_NE(std::find(ids.begin(), ids.end(), id_of("nfd.txt")), ids.end());
}

TEST_F(ServerTest, PhrasesAndBooleanOperators) {
  const int64_t plastics = id_of("004_cf0b71758d62ef38.txt");
  const int64_t npap = id_of("002_8887ebef5e683073.txt");
  auto ids = hit_ids(search("q=" + enc("\"ô nhiễm nhựa đại dương\"")));
  EXPECT_NE(std::find(ids.begin(), ids.end(), plastics), ids.end());
  for (int64_t id : hit_ids(search("q=" + enc("\"nhựa đại dương\"")))) {
    const json text =
        get_json("/api/documents/" + std::to_string(id) + "/text?page=1");
    EXPECT_NE(canonical_string(text["text"].get<std::string>())
                  .find("nhựa đại dương"),
              std::string::npos);
  }
  // NOT excludes, OR widens, parentheses group.
  ids = hit_ids(search("q=" + enc("nhựa NOT \"đại dương\"") + "&per_page=50"));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), plastics), ids.end());
  ids = hit_ids(search("q=" + enc("nhựa -dương") + "&per_page=50"));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), plastics), ids.end());
  const json either = search("q=" + enc("FLEGT OR EITI"));
  const json flegt = search("q=FLEGT"), eiti = search("q=EITI");
  EXPECT_GE(either["total"].get<int>(),
            std::max(flegt["total"].get<int>(), eiti["total"].get<int>()));
  EXPECT_GT(flegt["total"], 0);
  ids = hit_ids(search("q=" + enc("(nhựa OR khoáng) AND EITI")));
  EXPECT_EQ(ids, std::vector<int64_t>{id_of("003_931c19f7e019d404.txt")});
  EXPECT_NE(npap, plastics);
}

// The folded tier has no positions of its own (schema 7): a phrase typed
// without diacritics is checked on the positions of its words' spellings,
// and snippets find and mark it there.
TEST_F(ServerTest, UnaccentedPhrasesMatchWhereTheWordsStandTogether) {
  const int64_t plastics = id_of("004_cf0b71758d62ef38.txt");
  const std::vector<int64_t> accented =
      hit_ids(search("q=" + enc("\"nhựa đại dương\"") + "&per_page=100"));
  const json r = search("q=" + enc("\"nhua dai duong\"") + "&per_page=100");
  const std::vector<int64_t> unaccented = hit_ids(r);
  EXPECT_NE(std::find(unaccented.begin(), unaccented.end(), plastics),
            unaccented.end());
  for (int64_t id : accented) {
    EXPECT_NE(std::find(unaccented.begin(), unaccented.end(), id),
              unaccented.end())
        << id;
  }
  for (const auto& h : r["hits"]) {
    const json text =
        get_json("/api/documents/" + std::to_string(h["id"].get<int64_t>()) +
                 "/text?page=" + std::to_string(h["page"].get<int>()));
    // The words side by side on the snippet's page, or in the title.
    auto folded_words = [](const std::string& s) {
      std::string out = " ";
      for (const Token& t : analyze(s).tokens) out += t.folded + " ";
      return out;
    };
    const std::string page = text["text"];
    EXPECT_TRUE(
        folded_words(page).find(" nhua dai duong ") != std::string::npos ||
        folded_words(h["title"].get<std::string>()).find(" nhua dai duong ") !=
            std::string::npos)
        << h["id"];
    EXPECT_NE(h["snippet"].get<std::string>().find("<mark>"), std::string::npos)
        << h["snippet"];
  }
  // The words apart are no phrase: "đại" and "dương" in another order.
  EXPECT_TRUE(hit_ids(search("q=" + enc("\"duong dai nhua\""))).empty());
}

TEST_F(ServerTest, DecisionNumberVariantsPutTheDecisionFirstThenItsCiters) {
  const int64_t decree = id_of("vbpl-000044.html");
  const std::set<int64_t> citers = {id_of("vbpl-000487.html"),
                                    id_of("vbpl-000495.html")};
  for (const char* q : {"362/2025/NĐ-CP", "362/2025/ND-CP", "362/2025/NĐCP",
                        "362 / 2025 / NĐ - CP", "nghị định 362/2025", "NĐ 362",
                        "phí 362/2025/NĐ-CP", "so:362/2025/NĐ-CP"}) {
    SCOPED_TRACE(q);
    const auto ids = hit_ids(search("q=" + enc(q)));
    ASSERT_GE(ids.size(), 3u);
    EXPECT_EQ(ids[0], decree);
    EXPECT_EQ(std::set<int64_t>(ids.begin() + 1, ids.begin() + 3), citers);
  }
}

TEST_F(ServerTest, AliasesFromTheTaxonomyExpand) {
  // No demo document writes "BTNMT" as a word on its own except in numbers;
  // it names the ministry in full or as "Bộ TN&MT".
  const auto ids = hit_ids(search("q=BTNMT&per_page=50"));
  EXPECT_NE(
      std::find(ids.begin(), ids.end(), id_of("002_8887ebef5e683073.txt")),
      ids.end());
  const auto monre = hit_ids(search("q=MONRE&per_page=50"));
  EXPECT_FALSE(monre.empty());
  const auto full = hit_ids(
      search("q=" + enc("Bộ Tài nguyên và Môi trường") + "&per_page=50"));
  for (int64_t id : monre)
    EXPECT_NE(std::find(full.begin(), full.end(), id), full.end());
}

TEST_F(ServerTest, FacetsCountTheWholeMatchSetAndFilterCorrectly) {
  const json all = search("q=&per_page=0&facet_limit=100");
  ASSERT_GT(all["total"], 0);
  // Each network's count equals the total when filtering by it.
  for (const auto& v : all["facets"]["network"]) {
    const json filtered = search("network=" + enc(v["value"]) + "&per_page=0");
    EXPECT_EQ(filtered["total"], v["count"]) << v["value"];
  }
  for (const auto& v : all["facets"]["type"]) {
    const json filtered = search("type=" + enc(v["label"]) + "&per_page=0");
    EXPECT_EQ(filtered["total"], v["count"]) << v["label"];
  }
  // OR within a facet, AND across facets.
  const auto& nets = all["facets"]["network"];
  ASSERT_GE(nets.size(), 2u);
  const std::string a = nets[0]["value"], b = nets[1]["value"];
  const json ab =
      search("network=" + enc(a) + "&network=" + enc(b) + "&per_page=100");
  const json only_a = search("network=" + enc(a) + "&per_page=100");
  EXPECT_GE(ab["total"].get<int>(), only_a["total"].get<int>());
  const json a_and_year = search("network=" + enc(a) + "&year=1999&per_page=0");
  EXPECT_EQ(a_and_year["total"], 0);
  // A selected value stays listed, even with no match.
  bool listed = false;
  for (const auto& v : a_and_year["facets"]["year"]) {
    if (v["value"] == "1999") {
      listed = true;
      EXPECT_TRUE(v["selected"].get<bool>());
      EXPECT_EQ(v["count"], 0);
    }
  }
  EXPECT_TRUE(listed);
  // facet_limit caps the list.
  EXPECT_LE(search("q=&per_page=0&facet_limit=1")["facets"]["topic"].size(),
            1u);
}

// A news article, a report or minutes has no force: the validity facet
// leaves it out rather than count it as "unknown", while every legal text is
// counted under one state.
TEST_F(ServerTest, ValidityFacetCountsLegalTextsOnly) {
  const json all = search("q=&per_page=0&facet_limit=100");
  int64_t validity_total = 0;
  for (const auto& v : all["facets"]["validity"])
    validity_total += v["count"].get<int64_t>();
  int64_t kinds_without_force = 0;
  for (const auto& v : all["facets"]["type"]) {
    if (find_document_kind(v["label"].get<std::string>()) != nullptr)
      kinds_without_force += v["count"].get<int64_t>();
  }
  ASSERT_GT(kinds_without_force, 0) << all["facets"]["type"].dump();
  EXPECT_EQ(validity_total + kinds_without_force, all["total"])
      << all["facets"].dump();
  const json news = search("type=news&per_page=0&facet_limit=100");
  ASSERT_GT(news["total"], 0);
  EXPECT_TRUE(news["facets"]["validity"].empty() ||
              news["facets"]["validity"][0]["count"] == 0)
      << news["facets"]["validity"].dump();
  EXPECT_EQ(search("type=news&validity=unknown&per_page=0")["total"], 0);
}

TEST_F(ServerTest, TheCountingPassFindsWhatTheRankingPassFinds) {
  // Totals and facets are counted with the folded tier alone and phrases
  // through word-pair terms; the hits come from both tiers and positions.
  // Both must see the same documents, whatever the query.
  for (const std::string q :
       {"hòa bình", "hoà bình", "\"hòa bình\"", "thủy lợi -đồng",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông", "nhựa đại dương", "quyết định",
        "liên minh khoáng sản", "ô nhiễm nhựa", "\"hòa bình và thủy lợi\"",
        "\"hoa binh va\"", "\"thuy loi\"", "\"quyết định 1407/QĐ-TTg\"",
        "\"rác thải nhựa\" -đồng", "\"phan dieu\""}) {
    SCOPED_TRACE(q);
    const json r = search("q=" + enc(q) + "&per_page=100");
    ASSERT_LE(r["total"].get<int>(), 100);
    EXPECT_EQ(r["total"].get<size_t>(), r["hits"].size());
    if (q.find('"') != std::string::npos &&
        q.find("1407") == std::string::npos) {
      EXPECT_GT(r["total"].get<int>(), 0);  // the phrases are in the texts
    }
    int64_t by_type = 0;
    for (const auto& v : r["facets"]["type"]) by_type += v["count"].get<int>();
    EXPECT_LE(by_type, r["total"].get<int64_t>());
  }
}

// The ranked matches of `q`: (docid, BM25 weight as the server ranks).
std::vector<std::pair<Xapian::docid, double>> ranked_matches_of(
    const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
  e.set_query(q);
  std::vector<std::pair<Xapian::docid, double>> out;
  const Xapian::MSet m = e.get_mset(0, db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it)
    out.emplace_back(*it, it.get_weight());
  return out;
}

// The same documents in the same order with the same weights, but for the
// last bits of a sum taken in another order.
void expect_same_ranking(
    const std::vector<std::pair<Xapian::docid, double>>& want,
    const std::vector<std::pair<Xapian::docid, double>>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].first, got[i].first) << "rank " << i;
    EXPECT_NEAR(want[i].second, got[i].second, 1e-9 * want[i].second)
        << "rank " << i;
  }
}

// The documents of ranked matches, in docid order (a counting pass's
// weights are not used).
std::vector<Xapian::docid> docids_of(
    std::vector<std::pair<Xapian::docid, double>> matches) {
  std::vector<Xapian::docid> out;
  for (const auto& m : matches) out.push_back(m.first);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(ServerTest, CachedPhrasesMatchAndWeighAsThePositionChecks) {
  // A search checks a phrase's positions once per revision (the revision's
  // PhraseDocsCache) and then filters its words' terms by the documents
  // found. Every pass (ranked, matched, counted) must find the same
  // documents with the same weights as checking the positions, on the
  // first search (filling the cache) and the next (reading it).
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  const Xapian::Database& db = parts->db;
  const QueryBuilder checked(db, parts->taxonomy);
  const QueryBuilder cached(db, parts->taxonomy, {}, &parts->pairs,
                            &parts->phrases);
  size_t phrase_matches = 0;
  for (const std::string q :
       {"hòa bình", "hoa binh", "\"hòa bình\"", "\"hoa binh va\"",
        "thủy lợi sông", "nhựa đại dương", "rác thải nhựa đại dương",
        "\"phan dieu\"", "phán điều", "\"quyết định 1407/QĐ-TTg\"",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông -đồng",
        "hoa binh va thuy loi o vung bien nuoc"}) {
    for (const QueryMode mode : {QueryMode::kAllWords, QueryMode::kAnyWord}) {
      SCOPED_TRACE(q + (mode == QueryMode::kAnyWord ? " (any word)" : ""));
      const ParsedQuery want = checked.parse(q, mode);
      for (int round = 0; round < 2; ++round) {
        const ParsedQuery got = cached.parse(q, mode);
        expect_same_ranking(ranked_matches_of(db, want.query),
                            ranked_matches_of(db, got.query));
        expect_same_ranking(ranked_matches_of(db, want.match),
                            ranked_matches_of(db, got.match));
        EXPECT_EQ(docids_of(ranked_matches_of(db, want.count)),
                  docids_of(ranked_matches_of(db, got.count)));
      }
      if (q.starts_with('"') &&
          cached.parse(q, mode).count.get_description().find(
              "DocidListSource") != std::string::npos)
        phrase_matches += ranked_matches_of(db, want.count).size();
    }
  }
  // The quoted phrases came from the cache and are in the texts.
  EXPECT_GT(phrase_matches, 0u);
}

TEST_F(ServerTest, DirectCountsFindWhatXapianMatches) {
  // The counting passes merge posting lists themselves (direct_count.h):
  // for every count query of words, phrases from the revision's cache,
  // operators and filters, the same documents as Xapian's matcher.
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  const Xapian::Database& db = parts->db;
  const QueryBuilder cached(db, parts->taxonomy, {}, &parts->pairs,
                            &parts->phrases);
  using Q = Xapian::Query;
  const Q filters[] = {
      Q(), Q(Q::OP_OR, Q("XTYPEnghi-dinh"), Q("Zsong")),
      docid_list_query(std::vector<Xapian::docid>{1, 2, 3, 5, 8, 13})};
  size_t direct = 0, matched = 0;
  for (const std::string q :
       {"hòa bình", "hoa binh", "\"hòa bình\"", "\"hoa binh va\"",
        "thủy lợi sông", "rác thải nhựa đại dương", "phán điều",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông -đồng", "nhựa AND NOT sông",
        "hoa binh va thuy loi o vung bien nuoc", "quy định"}) {
    for (const QueryMode mode : {QueryMode::kAllWords, QueryMode::kAnyWord}) {
      for (const Q& filter : filters) {
        SCOPED_TRACE(q + (mode == QueryMode::kAnyWord ? " (any word) " : " ") +
                     filter.get_description());
        const Q count = cached.parse(q, mode).count;
        const Q filtered =
            filter.empty() ? count : Q(Q::OP_FILTER, count, filter);
        const std::optional<std::vector<Xapian::docid>> got =
            direct_matches(db, filtered);
        if (!got) continue;
        ++direct;
        matched += got->size();
        EXPECT_EQ(docids_of(ranked_matches_of(db, filtered)), *got);
      }
    }
  }
  EXPECT_GT(direct, 60u);
  EXPECT_GT(matched, 100u);
  // MatchAll: every document; a value range is left to Xapian.
  EXPECT_EQ(direct_matches(db, Q::MatchAll)->size(), db.get_doccount());
  EXPECT_FALSE(direct_matches(db, Q(Q::OP_VALUE_GE, 0, "2020")));
}

TEST_F(ServerTest, BrowseSortAndDates) {
  const json r = search("q=&sort=date_desc&per_page=50");
  std::string previous = "9999-99-99";
  for (const auto& h : r["hits"]) {
    const std::string d = h["issue_date"];
    if (d.empty()) continue;
    EXPECT_LE(d, previous);
    previous = d;
  }
  const json range = search("q=&from=2025-01-01&to=2025-12-31&per_page=100");
  for (const auto& h : range["hits"]) {
    EXPECT_EQ(h["issue_date"].get<std::string>().substr(0, 4), "2025")
        << h["title"];
  }
}

TEST_F(ServerTest, SnippetsShowTheBestPassageWithItsPageAndAreEscaped) {
  // A word that occurs only deep inside a multi-page PDF.
  const json text =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-000217.pdf")) +
               "/text?page=5");
  ASSERT_TRUE(text.contains("text"));
  const json r = search("q=" + enc("xuất cảnh") + "&per_page=50");
  bool found = false;
  for (const auto& h : r["hits"]) {
    const std::string snippet = h["snippet"];
    EXPECT_EQ(snippet.find("<script"), std::string::npos);
    if (h["id"] == id_of("vbpl-000217.pdf")) {
      found = true;
      EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
      EXPECT_GE(h["page"].get<int>(), 1);
    }
  }
  (void)found;
  const json inject = search("q=" + enc("rác thải nhựa alert"));
  ASSERT_FALSE(inject["hits"].empty());
  const std::string s = inject["hits"][0]["snippet"];
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos) << s;
  EXPECT_EQ(s.find("<script"), std::string::npos) << s;
  EXPECT_EQ(s.find("<img"), std::string::npos) << s;
}

TEST_F(ServerTest, SuggestionRestoresDiacriticsAndFixesTypos) {
  const json r = search("q=" + enc("lien minh khoang sann"));
  ASSERT_FALSE(r["suggestion"].is_null());
  EXPECT_EQ(r["suggestion"], "liên minh khoáng sản");
  EXPECT_TRUE(search("q=" + enc("nhựa"))["suggestion"].is_null());
  // Words typed with their diacritics, as the collection spells them: few
  // results come from the filter, not from the words.
  const json filtered = search("q=" + enc("hòa bình") + "&year=1999");
  EXPECT_EQ(filtered["total"], 0);
  EXPECT_TRUE(filtered["suggestion"].is_null()) << filtered["suggestion"];
}

TEST_F(ServerTest, SuggestionWeighsEveryNearWordByItsNeighbours) {
  // "khoag" is one edit from "khoan" (khoản, frequent in decrees) and from
  // "khoang" (khoáng): "sản" follows only khoáng. A swap of two letters is
  // one edit, and capitals typed stay capitals.
  EXPECT_EQ(search("q=" + enc("khoag san"))["suggestion"], "khoáng sản");
  EXPECT_EQ(search("q=" + enc("FLGET"))["suggestion"], "FLEGT");
  EXPECT_GT(search("q=FLEGT")["total"].get<int>(), 0);
}

TEST_F(ServerTest, NumberSearchSaysWhatEachHitIsToTheNumber) {
  // 362/2025/NĐ-CP is in the demo corpus; circulars of the Ministry of
  // Finance cite it.
  const json in = search("q=" + enc("362/2025/NĐ-CP") + "&per_page=50");
  ASSERT_EQ(in["numbers"].size(), 1u) << in.dump();
  EXPECT_TRUE(in["numbers"][0]["in_collection"]);
  EXPECT_EQ(in["numbers"][0]["number"], "362/2025/NĐ-CP");
  EXPECT_EQ(in["numbers"][0]["id"], in["hits"][0]["id"]);
  EXPECT_EQ(in["hits"][0]["number_role"]["role"], "is");
  ASSERT_GE(in["hits"].size(), 2u);
  int citing = 0;
  for (size_t i = 1; i < in["hits"].size(); ++i) {
    const std::string role = in["hits"][i]["number_role"]["role"];
    EXPECT_NE(role, "is");
    citing += role == "cites";
  }
  EXPECT_GE(citing, 1);
  EXPECT_EQ(in["numbers"][0]["related"].get<size_t>(), in["hits"].size() - 1);

  // 1407/QĐ-TTg is not in the collection; the plastics-treaty page
  // discusses it: say so, and label the page as mentioning it.
  const json out = search("q=" + enc("1407/QĐ-TTg"));
  ASSERT_EQ(out["numbers"].size(), 1u) << out.dump();
  EXPECT_FALSE(out["numbers"][0]["in_collection"]);
  EXPECT_TRUE(out["numbers"][0]["id"].is_null());
  EXPECT_GE(out["numbers"][0]["related"].get<int>(), 1);
  ASSERT_FALSE(out["hits"].empty());
  EXPECT_EQ(out["hits"][0]["id"], id_of("004_cf0b71758d62ef38.txt"));
  EXPECT_EQ(out["hits"][0]["number_role"]["role"], "mentions");
  EXPECT_EQ(out["hits"][0]["number_role"]["number"], "1407/QĐ-TTg");
  // So does the NPAP news page (seed 002) for 538/QĐ-BTNMT, the plan
  // its ministry signed.
  const json npap = search("q=" + enc("538/QĐ-BTNMT"));
  ASSERT_EQ(npap["numbers"].size(), 1u) << npap.dump();
  EXPECT_FALSE(npap["numbers"][0]["in_collection"]);
  ASSERT_FALSE(npap["hits"].empty());
  EXPECT_EQ(npap["hits"][0]["id"], id_of("002_8887ebef5e683073.txt"));
  EXPECT_EQ(npap["hits"][0]["number_role"]["role"], "mentions");
  EXPECT_EQ(npap["hits"][0]["number_role"]["number"], "538/QĐ-BTNMT");

  // Words only: no number, no roles.
  const json words = search("q=" + enc("rác thải nhựa"));
  EXPECT_FALSE(words.contains("numbers"));
  for (const auto& h : words["hits"]) EXPECT_FALSE(h.contains("number_role"));
}

}  // namespace
}  // namespace kb::server_test
