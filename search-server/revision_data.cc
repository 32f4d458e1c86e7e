// Facet values by docid and labels of facet keys, per index revision.
#include "search-server/revision_data.h"

#include "core/doc_number.h"
#include "core/schema.h"
#include "search-server/search_context.h"

namespace kb {

std::shared_ptr<RevisionData> build_revision_data(Xapian::Database& db,
                                                  const Catalog& catalog) {
  constexpr size_t n = kDocumentFacetCount;
  auto data = std::make_shared<RevisionData>();
  data->revision = db.get_revision();
  const Xapian::docid last = db.get_lastdocid();
  std::array<std::unordered_map<std::string, uint32_t>, n> intern;
  std::array<std::vector<std::pair<Xapian::docid, uint32_t>>, n> pairs;
  for (size_t f = 0; f < n; ++f) data->values[f].push_back("");
  for (auto it = db.valuestream_begin(schema::kFacetsSlot);
       it != db.valuestream_end(schema::kFacetsSlot); ++it) {
    const std::string packed = *it;
    const std::vector<std::string_view> fields = schema::unpack_facets(packed);
    for (size_t f = 0; f < n; ++f) {
      const std::string_view v =
          fields[static_cast<size_t>(kDocumentFacets[f].packed_field)];
      for (const std::string& one : schema::split_list(v)) {
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

const Vocabulary& RevisionData::vocabulary(Xapian::Database& db) const {
  std::call_once(vocabulary_once_, [&] { vocabulary_ = build_vocabulary(db); });
  return vocabulary_;
}

std::shared_ptr<const RevisionData> RevisionCache::get(
    SearchContext& context) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!data_ || data_->revision != context.revision())
    data_ = build_revision_data(context.db, *context.catalog);
  return data_;
}

}  // namespace kb
