// Facet counting: match spies over the revision's value ids or the packed
// slot, and the listing of counted values.
#include "search-server/facet_counting.h"

#include <algorithm>

#include "core/facets.h"
#include "core/schema.h"

namespace kb {

FacetSpy::FacetSpy(const RevisionData& data, const std::vector<size_t>& facets,
                   FacetCounts* counts)
    : data_(data), counts_(counts), wanted_(facets) {
  for (size_t i : wanted_) counts_->by_id[i].assign(data_.values[i].size(), 0);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  add(doc.get_docid());
}

namespace {

// Counts the values of facet `f` that document `d` holds into `count` (by
// value id); a document newer than this revision's data holds none.
inline void count_values_of(const RevisionData& data, size_t f, Xapian::docid d,
                            int64_t* count) {
  const std::vector<uint32_t>& offsets = data.offsets[f];
  if (d + 1 >= offsets.size()) return;
  const uint32_t* const ids = data.ids[f].data();
  for (uint32_t k = offsets[d], end = offsets[d + 1]; k < end; ++k)
    ++count[ids[k]];
}

}  // namespace

void FacetSpy::add(Xapian::docid d) {
  for (size_t f : wanted_)
    count_values_of(data_, f, d, counts_->by_id[f].data());
}

// One facet at a time over every document (FacetSpy::add's counts): its
// offsets read in docid order, its counts at hand (all facets a document at
// a time took 120 instructions a document over 8 facets).
void count_facets(const RevisionData& data, const std::vector<size_t>& facets,
                  const std::vector<Xapian::docid>& docs, FacetCounts* counts) {
  for (const size_t f : facets) {
    std::vector<int64_t>& by_id = counts->by_id[f];
    by_id.assign(data.values[f].size(), 0);
    int64_t* const count = by_id.data();
    for (const Xapian::docid d : docs) count_values_of(data, f, d, count);
  }
}

void PositionFacetSpy::operator()(const Xapian::Document& doc, double) {
  const std::string packed = doc.get_value(schema::kFacetsSlot);
  const std::vector<std::string_view> fields = schema::unpack_facets(packed);
  for (const Facet& f : kPositionFacets) {
    if (!f.counted || (!only_.empty() && only_ != f.name)) continue;
    // Single fields (actor, stance, year) are lists of one.
    for (const std::string& v :
         schema::split_list(fields[static_cast<size_t>(f.packed_field)]))
      ++(*counts_)[std::string(f.name)][v];
  }
}

std::vector<FacetValue> list_facet_values(
    std::vector<std::pair<std::string, int64_t>> values,
    const std::set<std::string>& selected, int limit,
    const std::function<std::string(const std::string&)>& label) {
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<FacetValue> list;
  std::set<std::string> listed;
  int shown = 0;
  for (const auto& [value, count] : values) {
    if (shown >= limit && !selected.count(value)) continue;
    list.push_back({value, label(value), count, selected.count(value) > 0, {}});
    listed.insert(value);
    ++shown;
  }
  for (const std::string& value : selected) {
    if (!listed.count(value))
      list.push_back({value, label(value), 0, true, {}});
  }
  return list;
}

}  // namespace kb
