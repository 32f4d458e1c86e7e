// Facet and date filters from request parameters.
#include "search-server/search_filters.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "core/dates.h"
#include "search-server/search_types.h"

namespace kb {
namespace {

using Q = Xapian::Query;

constexpr std::string_view kDocidListSourceName = "DocidListSource(";

// The postings of a list of docids held in memory.
class DocidListSource : public Xapian::PostingSource {
 public:
  explicit DocidListSource(
      std::shared_ptr<const std::vector<Xapian::docid>> docids)
      : docids_(std::move(docids)) {}
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void init(const Xapian::Database&) override {
    started_ = false;
    at_ = 0;
  }
  void next(double) override {
    if (started_) ++at_;
    started_ = true;
  }
  // Galloping from where it stands: an AND moves it a few documents on at
  // a time, so a binary search over the whole rest of a long list (a common
  // phrase's 44k documents) costs more than the steps it saves.
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    const std::vector<Xapian::docid>& d = *docids_;
    if (at_ >= d.size() || d[at_] >= did) return;
    size_t low = at_, step = 1;
    while (low + step < d.size() && d[low + step] < did) {
      low += step;
      step *= 2;
    }
    const size_t high = std::min(low + step, d.size());
    at_ = static_cast<size_t>(
        std::lower_bound(d.begin() + static_cast<long>(low) + 1,
                         d.begin() + static_cast<long>(high), did) -
        d.begin());
  }
  bool at_end() const override { return started_ && at_ >= docids_->size(); }
  Xapian::docid get_docid() const override { return (*docids_)[at_]; }
  DocidListSource* clone() const override {
    return new DocidListSource(docids_);
  }
  // The list's address follows its size, for docid_list_of: Xapian gives
  // no other way back from a query to its posting source.
  std::string get_description() const override {
    return std::string(kDocidListSourceName) + std::to_string(size()) + " at " +
           std::to_string(reinterpret_cast<std::uintptr_t>(docids_.get())) +
           ")";
  }

 private:
  Xapian::doccount size() const {
    return static_cast<Xapian::doccount>(docids_->size());
  }
  std::shared_ptr<const std::vector<Xapian::docid>> docids_;
  size_t at_ = 0;
  bool started_ = false;
};

}  // namespace

Q docid_list_query(std::vector<Xapian::docid> docids) {
  return docid_list_query(
      std::make_shared<const std::vector<Xapian::docid>>(std::move(docids)));
}

Q docid_list_query(std::shared_ptr<const std::vector<Xapian::docid>> docids) {
  if (docids->empty()) return Q::MatchNothing;
  auto* source = new DocidListSource(std::move(docids));
  return Q(source->release());
}

const std::vector<Xapian::docid>* docid_list_of(const Q& leaf) {
  if (leaf.get_type() != Q::LEAF_POSTING_SOURCE) return nullptr;
  const std::string d = leaf.get_description();
  const size_t name = d.find(kDocidListSourceName);
  if (name == std::string::npos) return nullptr;
  const size_t at = d.find(" at ", name);
  if (at == std::string::npos) return nullptr;
  const std::uintptr_t address = std::strtoull(d.c_str() + at + 4, nullptr, 10);
  return reinterpret_cast<const std::vector<Xapian::docid>*>(address);
}

FacetFilters resolve_filters(
    std::span<const Facet> table,
    const std::map<std::string, std::vector<std::string>>& filters,
    const FacetResolver& resolver, std::vector<std::string>* warnings) {
  FacetFilters out;
  for (const auto& [name, values] : filters) {
    const Facet* facet = find_facet(table, name);
    std::vector<Q> terms;
    for (const std::string& v : values) {
      const std::optional<FacetTerm> term =
          facet ? (resolver.*(facet->resolve))(v) : std::nullopt;
      if (!term) {
        if (facet && !facet->rejection.empty())
          throw BadRequest("bad_parameter", rejection_message(*facet, v));
        warnings->push_back("unknown " + name + " '" + v + "'");
        terms.push_back(Q::MatchNothing);
        continue;
      }
      terms.emplace_back(term->term);
      if (!term->value.empty()) out.selected[name].insert(term->value);
    }
    if (!terms.empty())
      out.by_facet[name] = Q(Q::OP_OR, terms.begin(), terms.end());
  }
  return out;
}

void check_date_range(const std::string& from, const std::string& to) {
  for (const std::string* s : {&from, &to}) {
    if (!s->empty() && !parse_iso_date(*s)) {
      throw BadRequest(
          "bad_parameter",
          "from and to must be real dates YYYY-MM-DD ('" + *s + "' is not)");
    }
  }
}

}  // namespace kb
