// The preamble of a document: the "Căn cứ ..." paragraphs between the
// heading and Điều 1, Chương I or Phần, which cite the legal bases; in an
// official English translation the "Pursuant to ..." paragraphs before
// Article 1 or Chapter I.
#ifndef VNKB_INDEXER_METADATA_PREAMBLE_H_
#define VNKB_INDEXER_METADATA_PREAMBLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_number.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// A paragraph that ends the preamble: "Điều 1", "Chương I" (or "Chương 1"),
// "Phần ...". `folded` is `text` folded code point by code point.
bool ends_preamble(std::u32string_view text, std::u32string_view folded);

struct Preamble {
  std::vector<std::string> cites;
  std::optional<size_t> end;  // the line of Điều 1, Chương I or Phần
};

// Every number in the "Căn cứ" ("Pursuant to") paragraphs before Điều 1,
// Chương I or Phần (Article 1, Chapter I), once each, the document's own
// number excluded.
Preamble read_preamble(const std::vector<Line>& lines,
                       const std::optional<DocNumber>& own);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_PREAMBLE_H_
