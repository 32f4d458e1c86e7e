// The issue date of a document, read from its "<place>, ngày … tháng … năm
// …" line. The only date parsing of the metadata units; it is meant to move
// to core's dates module, with its bounds (years 1900-2100).
#ifndef VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_
#define VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_

#include <cstddef>
#include <optional>
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

// A date among the opening lines of a text without a letterhead.
struct OpeningDate {
  std::string date;  // ISO of its precision: "2024-03-11", "2005-06"
  size_t line = 0;
  const char* rule = nullptr;  // "dateline", "month line", "place-date line"
};

// The date of a text without a letterhead, read from the non-blank lines
// [from, from + 6): a short line holding a date ("11/03/2024", "Cập nhật:
// 11/03/2024 10:20"), a line ending with one ("… – 1995-02-16"), a
// "<place>, ngày …" line, or a month or day in words in a short line
// ("Báo cáo cập nhật, tháng 6/2005"). Dates inside sentences ("Ngày 7/3,
// Bộ … đã ký …") are events, not the text's date, and do not count.
std::optional<OpeningDate> opening_date(const std::vector<Line>& lines,
                                        size_t from);

// The date stamp a web page saved as text closes with: a line among its
// last twelve non-blank ones holding only a day and, after it, only a time
// ("6/9/2023 12:32:28 PM", "11/03/2024 10:20", "16/8/2021"), read day first
// as Vietnamese sites write it. YYYY-MM-DD; empty when there is none.
std::string closing_timestamp(const std::vector<Line>& lines);

// The date a text was passed, for the types that carry it in a closing
// sentence instead of the letterhead: "Pháp lệnh này được Ủy ban Thường vụ
// Quốc hội … thông qua ngày 03 tháng 12 năm 2025", "Nghị quyết này đã được
// Quốc hội … thông qua ngày …", an án lệ's "Được Hội đồng Thẩm phán …
// thông qua ngày …" (the date may wrap onto the next line). The last such
// sentence counts; empty when there is none.
std::string adoption_date(const std::vector<Line>& lines);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_DATES_IN_TEXT_H_
