// Ranked pages through candidates summed outside Xapian's matcher
// (search-server/direct_rank.h): the same pages, documents, order and
// weights as Xapian's matcher over every match.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/taxonomy.h"
#include "search-server/direct_rank.h"
#include "search-server/query_builder.h"
#include "search-server/search_filters.h"
#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// Documents and weights of an MSet, in its order.
std::vector<std::pair<Xapian::docid, double>> ranking_page_of(
    const Xapian::MSet& m) {
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = m.begin(); it != m.end(); ++it)
    out.emplace_back(*it, it.get_weight());
  return out;
}

TEST_F(ServerTest, RankedPagesThroughCandidatesAreXapiansPages) {
  using Q = Xapian::Query;
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  const Xapian::Database& db = parts->db;
  const QueryBuilder builder(db, parts->taxonomy, {}, &parts->pairs,
                             &parts->phrases);
  // Every term kept (the revision's cache, read twice) and none kept.
  RankPostingsCache kept(1);
  RankPostingsCache unkept(UINT_MAX);
  const Q filters[] = {
      Q(), Q(Q::OP_OR, Q("XTYPEnghi-dinh"), Q("Zsong")),
      docid_list_query(std::vector<Xapian::docid>{1, 2, 3, 5, 8, 13, 21})};
  size_t through_candidates = 0, candidates = 0, ranked = 0;
  for (const std::string q :
       {"hòa bình", "hoa binh", "\"hòa bình\"", "\"hoa binh va\"",
        "thủy lợi sông", "rác thải nhựa đại dương", "phán điều",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông -đồng", "nhựa AND NOT sông",
        "hoa binh va thuy loi o vung bien nuoc", "quy định", "của", "và các",
        "việt nam", "thi hành"}) {
    for (const QueryMode mode : {QueryMode::kAllWords, QueryMode::kAnyWord}) {
      const ParsedQuery parsed = builder.parse(q, mode);
      for (const Q& base : {parsed.match, parsed.query}) {
        for (const Q& filter : filters) {
          SCOPED_TRACE(q +
                       (mode == QueryMode::kAnyWord ? " (any word) " : " ") +
                       base.get_description() + " " + filter.get_description());
          const Q filtered =
              filter.empty() ? base : Q(Q::OP_FILTER, base, filter);
          Xapian::Enquire e(db);
          e.set_weighting_scheme(ranking_weight());
          for (const auto& [first, count] :
               std::vector<std::pair<Xapian::doccount, Xapian::doccount>>{
                   {0, 1}, {0, 3}, {0, 10}, {2, 5}}) {
            e.set_query(filtered);
            const auto want = ranking_page_of(e.get_mset(first, count));
            const std::optional<RankCandidates> some =
                rank_candidates(db, filtered, first + count, kept, 0);
            if (some) {
              ++through_candidates;
              candidates += some->docids.size();
              EXPECT_GE(some->docids.size(), first + count);
              // What the candidates are summed to is Xapian's weight.
              e.set_query(
                  Q(Q::OP_FILTER, filtered, docid_list_query(some->docids)));
              const Xapian::MSet all = e.get_mset(0, db.get_doccount());
              ASSERT_EQ(all.size(), some->docids.size());
              for (auto it = all.begin(); it != all.end(); ++it) {
                const auto at = std::lower_bound(some->docids.begin(),
                                                 some->docids.end(), *it);
                EXPECT_NEAR(some->weights[at - some->docids.begin()],
                            it.get_weight(), 1e-12);
              }
            }
            ranked += want.size();
            for (RankPostingsCache* cache : {&kept, &kept, &unkept}) {
              EXPECT_EQ(want, ranking_page_of(ranked_page(
                                  e, db, filtered, first, count, *cache, 0)));
            }
          }
        }
      }
    }
  }
  // Most pages went through candidates, fewer than every match.
  EXPECT_GT(through_candidates, 60u);
  EXPECT_GT(ranked, 500u);
  EXPECT_GT(candidates, 0u);
  // Terms below the threshold are Xapian's to rank; so is a page holding
  // every match, and a value range.
  const Q nhua = builder.parse("nhựa", QueryMode::kAllWords).match;
  EXPECT_FALSE(rank_candidates(db, nhua, 1, kept, db.get_doccount() + 1));
  EXPECT_FALSE(rank_candidates(db, nhua, db.get_doccount(), kept, 0));
  EXPECT_FALSE(rank_candidates(
      db, Q(Q::OP_FILTER, nhua, Q(Q::OP_VALUE_GE, 0, "2020")), 1, kept, 0));
}

// Every match of `q` in rank order, with its weight; `window`, when not
// empty, the documents it is limited to (as the server's rescoring does).
std::vector<std::pair<Xapian::docid, double>> boost_ranking_of(
    const Xapian::Database& db, const Xapian::Query& q,
    std::vector<Xapian::docid> window = {}) {
  Xapian::Enquire e(db);
  e.set_weighting_scheme(ranking_weight());
  e.set_query(window.empty() ? q
                             : Xapian::Query(Xapian::Query::OP_FILTER, q,
                                             docid_list_query(window)));
  return ranking_page_of(e.get_mset(0, db.get_doccount()));
}

size_t docid_lists_in(const Xapian::Query& q) {
  const std::string d = q.get_description();
  size_t n = 0;
  for (size_t at = d.find("DocidListSource"); at != std::string::npos;
       at = d.find("DocidListSource", at + 1))
    ++n;
  return n;
}

TEST_F(ServerTest, PhraseBoostsThroughCachedDocumentsWeighAsPositionChecks) {
  // The rescoring of the ranked window filters a phrase boost by the
  // phrase's documents once the revision keeps them (asked again):
  // the same documents, order and weights as the position checks over
  // the windows of the best 50 and 10 by BM25.
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  const Xapian::Database& db = parts->db;
  const Taxonomy& taxonomy = parts->taxonomy;
  const QueryBuilder checked(db, taxonomy);
  size_t boosted = 0, through_docs = 0, asked_again = 0, matches = 0;
  for (const std::string q :
       {"hòa bình", "hoa binh", "thủy lợi sông", "rác thải nhựa đại dương",
        "phán điều", "hoa binh va thuy loi o vung bien nuoc", "quy định",
        "và các", "việt nam", "thi hành", "hieu luc thi hanh",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông -đồng", "nhựa đại dương",
        "bảo vệ môi trường biển", "bao ve moi truong bien"}) {
    for (const QueryMode mode : {QueryMode::kAllWords, QueryMode::kAnyWord}) {
      SCOPED_TRACE(q + (mode == QueryMode::kAnyWord ? " (any word)" : ""));
      const ParsedQuery want = checked.parse(q, mode);
      // Without the revision's phrases the boosts stay position checks.
      EXPECT_EQ(checked.rescoring_query(want).get_description(),
                want.query.get_description());
      // The windows of the best 50 and 10 by BM25, as the server rescores
      // them. (Over every match Xapian 1.4 gives a few documents a boost
      // whose phrase they do not hold: a phrase under OR under AND_MAYBE;
      // its window ranking checks the positions.)
      const auto by_bm25 = boost_ranking_of(db, want.match);
      std::vector<Xapian::docid> windows[2];
      for (size_t k = 0; k < 2; ++k) {
        for (size_t i = 0; i < by_bm25.size() && i < (k == 0 ? 50u : 10u); ++i)
          windows[k].push_back(by_bm25[i].first);
        std::sort(windows[k].begin(), windows[k].end());
      }
      const std::vector<std::pair<Xapian::docid, double>> best[2] = {
          boost_ranking_of(db, want.query, windows[0]),
          boost_ranking_of(db, want.query, windows[1])};
      if (want.boosted) ++boosted;
      matches += best[0].size();
      // A new revision's caches for each query.
      PairStatsCache pairs;
      PhraseDocsCache phrases;
      const QueryBuilder cached(db, taxonomy, {}, &pairs, &phrases);
      size_t lists[3] = {0, 0, 0};
      size_t unit_lists = 0;  // the match's phrases, kept
      for (int round = 0; round < 3; ++round) {
        const ParsedQuery got = cached.parse(q, mode);
        ASSERT_EQ(got.boosted, want.boosted);
        const Xapian::Query rescoring = cached.rescoring_query(got);
        // Boosts over phrases the revision keeps (the units') are
        // filtered at once, the others from the next time they are asked.
        lists[round] = docid_lists_in(rescoring);
        // Questions (any word) and queries with operators keep Xapian's
        // position checks.
        if (!got.boosts_rebuilt) {
          EXPECT_EQ(rescoring.get_description(), got.query.get_description());
        }
        if (mode == QueryMode::kAnyWord) {
          EXPECT_FALSE(got.boosts_rebuilt);
        }
        if (q == "thủy lợi sông" && mode == QueryMode::kAnyWord)
          if (round > 0) {
            EXPECT_EQ(lists[round], lists[1]);
          }
        for (size_t k = 0; k < 2; ++k) {
          const auto& w = best[k];
          const auto g = boost_ranking_of(db, rescoring, windows[k]);
          ASSERT_EQ(w.size(), g.size());
          for (size_t i = 0; i < w.size(); ++i) {
            EXPECT_EQ(w[i].first, g[i].first) << "rank " << i;
            EXPECT_NEAR(w[i].second, g[i].second, 1e-12 * w[i].second)
                << "rank " << i;
          }
        }
      }
      if (lists[1] > unit_lists) ++through_docs;
      if (lists[1] > lists[0]) ++asked_again;
    }
  }
  EXPECT_GT(boosted, 20u);
  EXPECT_GT(through_docs, 10u);
  EXPECT_GT(asked_again, 3u);
  EXPECT_GT(matches, 300u);
}

}  // namespace
}  // namespace kb::server_test
