// The position matrix: group the positions read by actor and issue, keep
// the largest issues and actors, and find each cell's latest stance.
#include "search-server/position_matrix.h"

#include <algorithm>
#include <map>
#include <set>

namespace kb {
namespace {

// The issues a position counts under.
std::vector<Ref> issues_of(const PositionItem& p, MatrixAxis across) {
  if (across == MatrixAxis::kTopic) return p.topics;
  std::vector<Ref> out;
  if (p.process) out.push_back(*p.process);
  if (p.forum && (!p.process || p.forum->id != p.process->id))
    out.push_back(*p.forum);
  return out;
}

// a is later than b: a date beats none, then the later date, then the
// higher id.
bool later(const PositionItem& a, const PositionItem& b) {
  if (a.date.empty() != b.date.empty()) return b.date.empty();
  if (a.date != b.date) return a.date > b.date;
  return a.id > b.id;
}

struct CellBuild {
  std::vector<const PositionItem*> items;
};

// Most first, then by label.
template <typename T, typename Count, typename Label>
void sort_desc(std::vector<T>& v, Count count, Label label) {
  std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) {
    if (count(a) != count(b)) return count(a) > count(b);
    return label(a) < label(b);
  });
}

MatrixCell make_cell(const std::vector<const PositionItem*>& items) {
  MatrixCell cell;
  cell.count = static_cast<int>(items.size());
  const PositionItem* latest = items.front();
  std::map<std::string, MatrixStanceCount> by_stance;
  for (const PositionItem* p : items) {
    if (later(*p, *latest)) latest = p;
    MatrixStanceCount& s = by_stance[p->stance.id];
    s.stance = p->stance;
    ++s.count;
  }
  cell.stance = latest->stance;
  cell.date = latest->date;
  cell.position_id = latest->id;
  for (auto& [id, s] : by_stance) cell.stances.push_back(s);
  sort_desc(
      cell.stances, [](const MatrixStanceCount& s) { return s.count; },
      [](const MatrixStanceCount& s) { return s.stance.id; });
  return cell;
}

}  // namespace

std::optional<MatrixAxis> parse_matrix_axis(std::string_view name) {
  if (name == "topic") return MatrixAxis::kTopic;
  if (name == "process") return MatrixAxis::kProcess;
  return std::nullopt;
}

std::string_view matrix_axis_name(MatrixAxis axis) {
  return axis == MatrixAxis::kTopic ? "topic" : "process";
}

PositionMatrix build_position_matrix(const PositionResult& r, MatrixAxis across,
                                     int max_rows, int max_columns) {
  PositionMatrix m;
  m.across = across;
  m.query = r.query;
  m.indexed = r.indexed;
  m.matched = r.total;
  m.read = r.positions.size();
  m.warnings = r.warnings;
  m.max_rows = max_rows;
  m.max_columns = max_columns;

  std::map<std::string, MatrixColumn> columns;  // issue id -> column
  std::map<std::string, Ref> actors;            // actor id -> ref
  // (actor id, issue id) -> the positions of the cell.
  std::map<std::pair<std::string, std::string>, CellBuild> cells;
  std::set<std::string> actors_with_issue;
  for (const PositionItem& p : r.positions) {
    if (!p.actor) {
      ++m.without_actor;
      continue;
    }
    const std::vector<Ref> issues = issues_of(p, across);
    if (issues.empty()) {
      ++m.without_issue;
      continue;
    }
    actors.emplace(p.actor->id, *p.actor);
    actors_with_issue.insert(p.actor->id);
    for (const Ref& issue : issues) {
      MatrixColumn& c = columns[issue.id];
      c.issue = issue;
      ++c.count;
      cells[{p.actor->id, issue.id}].items.push_back(&p);
    }
  }
  m.issues_total = columns.size();
  m.actors_total = actors_with_issue.size();

  for (auto& [id, c] : columns) m.columns.push_back(c);
  sort_desc(
      m.columns, [](const MatrixColumn& c) { return c.count; },
      [](const MatrixColumn& c) { return c.issue.label; });
  if (m.columns.size() > static_cast<size_t>(max_columns))
    m.columns.resize(static_cast<size_t>(max_columns));

  // Rows: the actors' positions in the columns shown (a position under two
  // issues counts once).
  std::map<std::string, std::set<int64_t>> row_positions;
  for (const auto& [key, cell] : cells) {
    // Named apart: clang does not let a lambda capture a structured binding.
    const std::string& issue_id = key.second;
    const bool shown = std::any_of(
        m.columns.begin(), m.columns.end(),
        [&](const MatrixColumn& c) { return c.issue.id == issue_id; });
    if (!shown) continue;
    for (const PositionItem* p : cell.items)
      row_positions[key.first].insert(p->id);
  }
  for (const auto& [actor_id, ids] : row_positions) {
    MatrixRow row;
    row.actor = actors[actor_id];
    row.count = static_cast<int>(ids.size());
    m.rows.push_back(std::move(row));
  }
  sort_desc(
      m.rows, [](const MatrixRow& row) { return row.count; },
      [](const MatrixRow& row) { return row.actor.label; });
  if (m.rows.size() > static_cast<size_t>(max_rows))
    m.rows.resize(static_cast<size_t>(max_rows));
  for (MatrixRow& row : m.rows) {
    for (const MatrixColumn& c : m.columns) {
      const auto it = cells.find({row.actor.id, c.issue.id});
      if (it == cells.end()) {
        row.cells.emplace_back();
      } else {
        row.cells.emplace_back(make_cell(it->second.items));
      }
    }
  }
  return m;
}

}  // namespace kb
