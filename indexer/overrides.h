// The librarian's corrections: NAME.meta.json sidecar files and the flags of
// `add`, validated, kept in the catalog as JSON and applied over the
// metadata read from the text.
#ifndef VNKB_INDEXER_OVERRIDES_H_
#define VNKB_INDEXER_OVERRIDES_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/taxonomy.h"

namespace kb {

// Field values a librarian sets (flags on `add`, or a NAME.meta.json file):
// keys are kMetadataFields; "cites", "networks" and "topics" are lists.
struct Overrides {
  std::map<std::string, std::string> fields;
  std::map<std::string, std::vector<std::string>> lists;
  bool empty() const { return fields.empty() && lists.empty(); }
};

// Parses and validates overrides from JSON (a sidecar file's content).
// Returns nullopt and sets `error` ("field: reason") when a value is invalid.
std::optional<Overrides> parse_overrides(const std::string& json,
                                         const Taxonomy& taxonomy,
                                         std::string* error);
// Validates one field value from the command line ("date", "number", ...);
// normalizes it (dates to ISO of their precision, numbers to their canonical
// form, network and topic names to taxonomy ids).
bool normalize_override(const std::string& field, std::string& value,
                        const Taxonomy& taxonomy, std::string* error);

// The JSON object the catalog keeps (CatalogDocument::sidecar_json and
// overrides_json) for `o`.
std::string overrides_to_json(const Overrides& o);
// `stored` (a kept JSON object; anything else counts as {}) with the fields
// of `o` put over it: flags given now replace those given earlier.
std::string merge_overrides(const std::string& stored, const Overrides& o);

// Applies the overrides kept in `doc` (the sidecar's, then the flags', so
// flags win) over its fields, marking each one's source "librarian". An
// issuer is resolved to its taxonomy agency when it names one.
void apply_stored_overrides(CatalogDocument& doc, const Taxonomy& taxonomy);

// True when `p` is a sidecar file (NAME.meta.json), not a document.
bool is_sidecar(const std::filesystem::path& p);

// The sidecar of `doc`: "decision.meta.json" for "decision.pdf", else
// "decision.pdf.meta.json"; empty when neither exists.
std::filesystem::path sidecar_for(const std::filesystem::path& doc);

}  // namespace kb

#endif  // VNKB_INDEXER_OVERRIDES_H_
