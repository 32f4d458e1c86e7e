// The issuing agencies of a document: the letterhead's left cell, else the
// issuer codes of its number.
#ifndef VNKB_INDEXER_METADATA_ISSUER_H_
#define VNKB_INDEXER_METADATA_ISSUER_H_

#include <optional>
#include <vector>

#include "core/doc_number.h"
#include "core/taxonomy.h"
#include "indexer/metadata/agencies.h"
#include "indexer/metadata/letterhead.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// The issuing agencies, lead issuer first: every agency of a joint
// document, else the last one named (a parent body stands above the
// issuing one). Sets `has_motto` when the letterhead shows the national
// motto. `forms` are agency_forms(taxonomy).
std::vector<const TaxonomyEntry*> read_issuers(
    const std::vector<Line>& lines, const Letterhead& h,
    const std::optional<DocNumber>& number, const Taxonomy& taxonomy,
    const std::vector<AgencyForm>& forms, bool& has_motto);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_ISSUER_H_
