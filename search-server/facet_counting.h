// Facet counting over every match (Xapian match spies), and the list of a
// facet's values an answer shows.
#ifndef VNKB_SEARCH_SERVER_FACET_COUNTING_H_
#define VNKB_SEARCH_SERVER_FACET_COUNTING_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "search-server/revision_data.h"
#include "search-server/search_types.h"

namespace kb {

// Document facet value counts by value id (RevisionData), per facet in
// kDocumentFacets order; kept by the caller across passes.
struct FacetCounts {
  std::array<std::vector<int64_t>, kDocumentFacetCount> by_id;
};

// Counts the document facets `facets` (indexes into kDocumentFacets) over
// every matching document into `counts`, which it resets for them. `data`
// and `counts` must outlive the spy.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(const RevisionData& data, const std::vector<size_t>& facets,
           FacetCounts* counts);
  void operator()(const Xapian::Document& doc, double) override;
  // Counts document `d` (count_facets: documents not matched by Xapian).
  void add(Xapian::docid d);

 private:
  const RevisionData& data_;
  FacetCounts* counts_;
  std::vector<size_t> wanted_;
};

// What FacetSpy counts, over the documents `docs` (direct_count.h) instead
// of a pass's matches: `counts` reset for `facets`, then counted.
void count_facets(const RevisionData& data, const std::vector<size_t>& facets,
                  const std::vector<Xapian::docid>& docs, FacetCounts* counts);

// Position facet value counts: facet name -> value -> count.
using PositionFacetCounts =
    std::map<std::string, std::map<std::string, int64_t>>;

// Counts the counted facets of kPositionFacets from the packed slot over
// every match: all of them, or only `only` (a facet counted without its own
// filter). `counts` must outlive the spy.
class PositionFacetSpy : public Xapian::MatchSpy {
 public:
  explicit PositionFacetSpy(PositionFacetCounts* counts, std::string only = {})
      : counts_(counts), only_(std::move(only)) {}
  void operator()(const Xapian::Document& doc, double) override;

 private:
  PositionFacetCounts* counts_;
  std::string only_;
};

// One facet of an answer: the values by count (ties in value order, so
// answers are stable), at most `limit` of them besides the selected ones,
// which are always listed (with count 0 when nothing matched them).
std::vector<FacetValue> list_facet_values(
    std::vector<std::pair<std::string, int64_t>> values,
    const std::set<std::string>& selected, int limit,
    const std::function<std::string(const std::string&)>& label);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_FACET_COUNTING_H_
