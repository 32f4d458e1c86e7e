// Facet values by docid and labels of facet keys, per index revision.
#include "search-server/revision_data.h"

#include "core/doc_number.h"
#include "core/schema.h"
#include "core/validity.h"
#include "search-server/search_context.h"

namespace kb {

std::optional<std::string> RevisionData::suggestion(
    Xapian::Database& db, const std::vector<std::string>& words) const {
  std::string key;
  for (const std::string& w : words) key += w + '\x1f';
  {
    const std::lock_guard<std::mutex> lock(suggestions_mutex_);
    const auto it = suggestions_.find(key);
    if (it != suggestions_.end()) return it->second;
  }
  std::optional<std::string> s = suggest(db, vocabulary(db), words);
  const std::lock_guard<std::mutex> lock(suggestions_mutex_);
  if (suggestions_.size() >= kMaxSuggestions) suggestions_.clear();
  suggestions_.emplace(key, s);
  return s;
}

std::shared_ptr<RevisionData> build_revision_data(Xapian::Database& db,
                                                  const Catalog& catalog,
                                                  const std::string& day) {
  constexpr size_t n = kDocumentFacetCount;
  auto data = std::make_shared<RevisionData>();
  data->revision = db.get_revision();
  data->day = day;
  const size_t validity = facet_index(kDocumentFacets, "validity");
  const std::unordered_map<int64_t, std::string> validity_of_doc =
      validity_facet_values(catalog, day);
  const Xapian::docid last = db.get_lastdocid();
  std::array<std::unordered_map<std::string, uint32_t>, n> intern;
  std::array<std::vector<std::pair<Xapian::docid, uint32_t>>, n> pairs;
  for (size_t f = 0; f < n; ++f) data->values[f].push_back("");
  for (auto it = db.valuestream_begin(schema::kFacetsSlot);
       it != db.valuestream_end(schema::kFacetsSlot); ++it) {
    const std::string packed = *it;
    const std::vector<std::string_view> fields = schema::unpack_facets(packed);
    for (size_t f = 0; f < n; ++f) {
      std::vector<std::string> list;
      if (f == validity) {
        // The catalog id is the docid (indexer/indexer.cc); a document the
        // catalog no longer lists has no force known.
        const auto v =
            validity_of_doc.find(static_cast<int64_t>(it.get_docid()));
        if (v == validity_of_doc.end()) {
          list.push_back("unknown");
        } else if (!v->second.empty()) {
          list.push_back(v->second);
        }
      } else {
        list = schema::split_list(
            fields[static_cast<size_t>(kDocumentFacets[f].packed_field)]);
      }
      for (const std::string& one : list) {
        auto [pos, added] = intern[f].emplace(
            one, static_cast<uint32_t>(data->values[f].size()));
        if (added) data->values[f].push_back(one);
        pairs[f].emplace_back(it.get_docid(), pos->second);
      }
    }
  }
  for (size_t f = 0; f < n; ++f) {
    data->offsets[f].assign(static_cast<size_t>(last) + 2, 0);
    for (const auto& [docid, id] : pairs[f]) ++data->offsets[f][docid + 1];
    for (size_t d = 1; d < data->offsets[f].size(); ++d) {
      data->offsets[f][d] += data->offsets[f][d - 1];
    }
    data->ids[f].reserve(pairs[f].size());
    for (const auto& [docid, id] : pairs[f])
      data->ids[f].push_back(id);  // docid order
  }
  // Display labels of type, issuer and number keys: one light query.
  auto& types = data->labels[facet_index(kDocumentFacets, "type")];
  auto& issuers = data->labels[facet_index(kDocumentFacets, "issuer")];
  auto& numbers = data->labels[facet_index(kDocumentFacets, "number")];
  for (const Catalog::FacetLabelRow& row : catalog.facet_label_rows()) {
    if (!row.type.empty()) types.emplace(schema::facet_key(row.type), row.type);
    if (!row.issuer.empty()) {
      issuers.emplace(
          row.issuer_id.empty() ? schema::facet_key(row.issuer) : row.issuer_id,
          row.issuer);
    }
    if (const auto number = parse_doc_number(row.number))
      numbers.emplace(number->key(), number->display());
  }
  return data;
}

std::vector<Xapian::docid> RevisionData::documents_with(
    size_t facet, const std::set<std::string>& wanted) const {
  std::vector<bool> want(values[facet].size(), false);
  for (size_t id = 1; id < values[facet].size(); ++id)
    want[id] = wanted.count(values[facet][id]) > 0;
  std::vector<Xapian::docid> out;
  const std::vector<uint32_t>& o = offsets[facet];
  for (size_t d = 1; d + 1 < o.size(); ++d) {
    for (uint32_t k = o[d]; k < o[d + 1]; ++k) {
      if (want[ids[facet][k]]) {
        out.push_back(static_cast<Xapian::docid>(d));
        break;
      }
    }
  }
  return out;
}

const Vocabulary& RevisionData::vocabulary(Xapian::Database& db) const {
  std::call_once(vocabulary_once_, [&] { vocabulary_ = build_vocabulary(db); });
  return vocabulary_;
}

std::shared_ptr<const RevisionData> RevisionCache::get(
    SearchContext& context) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string day = today_iso();
  if (!data_ || data_->revision != context.revision() || data_->day != day)
    data_ = build_revision_data(context.db, *context.catalog, day);
  return data_;
}

}  // namespace kb
