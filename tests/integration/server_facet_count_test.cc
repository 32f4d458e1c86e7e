// Facet counts over a counting pass's documents (count_facets, one facet at
// a time) are what Xapian's match spy counts over the same matches.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/taxonomy.h"
#include "search-server/counting_weight.h"
#include "search-server/facet_counting.h"
#include "search-server/query_builder.h"
#include "search-server/revision_data.h"
#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// The docids a counting query matches, ascending.
class FacetTestDocids : public Xapian::MatchSpy {
 public:
  explicit FacetTestDocids(std::vector<Xapian::docid>* out) : out_(out) {}
  void operator()(const Xapian::Document& doc, double) override {
    out_->push_back(doc.get_docid());
  }

 private:
  std::vector<Xapian::docid>* out_;
};

TEST_F(ServerTest, FacetCountsOverDocumentsAreTheMatchSpys) {
  const std::unique_ptr<QueryParts> parts = query_parts();
  ASSERT_TRUE(parts);
  Xapian::Database& db = parts->db;
  const std::unique_ptr<Catalog> catalog = read_catalog();
  ASSERT_TRUE(catalog);
  const std::shared_ptr<const RevisionData> data =
      build_revision_data(db, *catalog, "2026-12-07");
  const QueryBuilder builder(db, parts->taxonomy);
  std::vector<size_t> every;
  for (size_t f = 0; f < kDocumentFacetCount; ++f) every.push_back(f);
  int64_t counted = 0;
  for (const std::string q : {"hòa bình", "nhựa", "sông", "quy định", "và",
                              "thủy lợi sông", "của", "việt nam"}) {
    SCOPED_TRACE(q);
    const Xapian::Query count = builder.parse(q, QueryMode::kAllWords).count;
    for (const std::vector<size_t>& facets :
         {every, std::vector<size_t>{1}, std::vector<size_t>{0, 3, 5}}) {
      FacetCounts want, got;
      std::vector<Xapian::docid> docs;
      FacetTestDocids collect(&docs);
      FacetSpy spy(*data, facets, &want);
      Xapian::Enquire e(db);
      e.set_weighting_scheme(counting_weight());
      e.set_query(count);
      e.add_matchspy(&spy);
      e.add_matchspy(&collect);
      e.get_mset(0, 0, db.get_doccount());
      std::sort(docs.begin(), docs.end());
      count_facets(*data, facets, docs, &got);
      for (const size_t f : facets) {
        EXPECT_EQ(want.by_id[f], got.by_id[f]) << "facet " << f;
        for (const int64_t n : got.by_id[f]) counted += n;
      }
    }
  }
  EXPECT_GT(counted, 100);
}

}  // namespace
}  // namespace kb::server_test
