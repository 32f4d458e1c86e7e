// The position matrix (/api/positions/matrix): actors down, issues (topics
// or processes) across, each cell the latest stance of the actor on the
// issue with the number of statements behind it. Built from the positions a
// filtered position search matched (position_search.h), so it takes the
// same query and filters.
#ifndef VNKB_SEARCH_SERVER_POSITION_MATRIX_H_
#define VNKB_SEARCH_SERVER_POSITION_MATRIX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search-server/search_types.h"

namespace kb {

// The issues across the matrix. A position counts under each of its topics;
// under process, under its process and its forum (the values the
// `process` filter matches), so a cell's count is what the positions view
// lists for that actor and issue.
enum class MatrixAxis { kTopic, kProcess };

// "topic" or "process"; nullopt for anything else.
std::optional<MatrixAxis> parse_matrix_axis(std::string_view name);
std::string_view matrix_axis_name(MatrixAxis axis);

// The most positions a matrix reads, and the default and largest sizes.
inline constexpr int kMatrixMaxPositions = 20000;
inline constexpr int kMatrixDefaultRows = 40;
inline constexpr int kMatrixMaxRows = 200;
inline constexpr int kMatrixDefaultColumns = 20;
inline constexpr int kMatrixMaxColumns = 100;

struct MatrixStanceCount {
  Ref stance;
  int count = 0;
};

struct MatrixCell {
  int count = 0;  // statements of the actor on the issue
  // The latest of them: the latest date; undated ones only when none is
  // dated; ties by the highest id.
  Ref stance;
  std::string date;
  int64_t position_id = 0;
  std::vector<MatrixStanceCount> stances;  // most first
};

struct MatrixColumn {
  Ref issue;
  int count = 0;  // positions under the issue (all actors)
};

struct MatrixRow {
  Ref actor;
  int count = 0;  // the actor's positions in the columns shown
  // One per column, in column order; nullopt: no statement.
  std::vector<std::optional<MatrixCell>> cells;
};

struct PositionMatrix {
  MatrixAxis across = MatrixAxis::kTopic;
  std::string query;
  bool indexed = true;
  uint64_t matched = 0;        // positions the query and filters matched
  uint64_t read = 0;           // of them, read (at most kMatrixMaxPositions)
  uint64_t without_issue = 0;  // read, but with no topic (or process)
  uint64_t without_actor = 0;  // read, but with no actor
  size_t issues_total = 0;     // issues before the column cap
  size_t actors_total = 0;     // actors before the row cap
  int max_rows = kMatrixDefaultRows;
  int max_columns = kMatrixDefaultColumns;
  std::vector<MatrixColumn> columns;  // most positions first
  std::vector<MatrixRow> rows;        // most positions first
  std::vector<std::string> warnings;
};

// The matrix of `positions` (a search answer holding every position it
// read, with `positions.total` the number matched): the `max_columns`
// issues with most positions, then the `max_rows` actors with most
// positions in them.
PositionMatrix build_position_matrix(const PositionResult& positions,
                                     MatrixAxis across, int max_rows,
                                     int max_columns);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_POSITION_MATRIX_H_
