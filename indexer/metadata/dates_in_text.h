// The issue date of a document, read from its "<place>, ngày … tháng … năm
// …" line. The only date parsing of the metadata units; it is meant to move
// to core's dates module, with its bounds (years 1900-2100).
#ifndef VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_
#define VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// The issue date (YYYY-MM-DD) of a "<place>, ngày … tháng … năm …" line
// (also "ngày 16/8/2021", "16-08-2021", "16.8.2021"), or empty. The "ngày"
// must follow a place name, so dates in prose do not count. Years outside
// 1900-2100, months outside 1-12 and days outside 1-31 give empty.
std::string place_date(const Line& line);

// A place-date line wrapped in a narrow PDF cell ("Hà Nội, ngày 31" /
// "tháng 12 năm 2025"): the last cell of line `at` joined with the last
// cell of the next non-blank line (at most two lines down), read as
// place_date reads it. Empty when line `at` is blank or has no "ngay".
// REQUIRES: at < lines.size().
std::string wrapped_place_date(const std::vector<Line>& lines, size_t at);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_
