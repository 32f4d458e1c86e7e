// Reading ../shared/corpus/vbpl/truth.jsonl, shared by the metadata and OCR
// evaluations.
#ifndef VNKB_TOOLS_TRUTH_H_
#define VNKB_TOOLS_TRUTH_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/doc_number.h"
#include "core/utf8.h"

namespace kb::truth {

// The match key of a number: DocNumber::key() when it parses, else the
// NFC text itself (a truth value we cannot parse must then match exactly).
inline std::string number_key(const std::string& s) {
  if (auto n = parse_doc_number(s)) return n->key();
  return to_nfc(s);
}

// A string field of a truth row, NFC; "" when absent or null.
inline std::string field(const nlohmann::json& row, const char* key) {
  if (!row.contains(key) || !row[key].is_string()) return {};
  return to_nfc(row[key].get<std::string>());
}

}  // namespace kb::truth

#endif  // VNKB_TOOLS_TRUTH_H_
