// Ranked pages through candidates summed outside Xapian's matcher
// (search-server/direct_rank.h): the same pages, documents, order and
// weights as Xapian's matcher over every match.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kb::server_test
