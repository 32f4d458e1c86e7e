// The letterhead of a document: where its anchors are (the number line, the
// heading, the place-date line) and where the header ends, at the first line
// of the preamble or the articles.
#ifndef VNKB_INDEXER_METADATA_LETTERHEAD_H_
#define VNKB_INDEXER_METADATA_LETTERHEAD_H_

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/metadata/number.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// Lines above the number or heading that can belong to the letterhead.
constexpr size_t kMaxLetterheadLines = 16;

// Where the letterhead's anchors are: the number line, the heading, the
// place-date line; and where the header ends.
struct Letterhead {
  size_t body = 0;  // the first line of the preamble or the articles
  std::optional<size_t> number_line;
  NumberSlot slot;
  std::optional<size_t> heading_line;
  const char* heading = nullptr;  // the type the heading names
  std::optional<size_t> date_line;
  std::string date;

  bool has_anchor() const { return number_line || heading_line || date_line; }
  // The first line of the letterhead that is not its left cell.
  size_t letterhead_end() const {
    size_t end = std::min(body, kMaxLetterheadLines);
    for (const auto& a : {number_line, heading_line, date_line}) {
      if (a) end = std::min(end, *a);
    }
    return end;
  }
  // The line after the last anchor.
  size_t after() const {
    size_t end = 0;
    for (const auto& a : {number_line, heading_line, date_line}) {
      if (a) end = std::max(end, *a + 1);
    }
    return end;
  }
};

// Finds the anchors among the first lines of `lines`: the header ends at the
// first "Căn cứ", "Theo đề nghị", "Xét đề nghị" or end of the preamble
// (at most 80 lines down), and the search for anchors stops at the heading.
Letterhead read_letterhead(const std::vector<Line>& lines);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_LETTERHEAD_H_
