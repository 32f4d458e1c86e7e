// How vnkb-index prints documents: the JSON of `show --json` and
// `list --json`, the text of `show`, and the names of page sources.
#ifndef VNKB_INDEXER_COMMANDS_DOCUMENT_OUTPUT_H_
#define VNKB_INDEXER_COMMANDS_DOCUMENT_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/taxonomy.h"

namespace kb {

// The catalog fields of `d`, tags both as ids and as taxonomy names, and
// the failure or needs-OCR reason when there is one.
nlohmann::json document_json(const CatalogDocument& d,
                             const Taxonomy& taxonomy);

// Per page: where its text came from, and OCR's confidence.
nlohmann::json page_info_json(const std::vector<CatalogPage>& pages);

// "text layer", "OCR", "scan, not read" for a page source.
std::string source_name(const std::string& source);

// An OCR confidence as printed: a whole number.
std::string confidence_text(double c);

// `show` without --json: one field a line, the librarian's values marked,
// each scanned page with its source and confidence.
void print_document(const CatalogDocument& d,
                    const std::vector<CatalogPage>& pages,
                    const Taxonomy& taxonomy, std::ostream& out);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_DOCUMENT_OUTPUT_H_
