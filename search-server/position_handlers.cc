// The handlers of the position matrix and the brief: both read every
// position a position search matches (up to a cap), with the same query and
// filters as /api/positions.
#include <algorithm>

#include "core/brief.h"
#include "core/clock.h"
#include "core/facets.h"
#include "search-server/handlers.h"
#include "search-server/http_params.h"
#include "search-server/json_responses.h"
#include "search-server/position_matrix.h"
#include "search-server/server.h"

namespace kb {
namespace {

// The most positions one brief holds; the document says when there were
// more.
constexpr int kExportMaxPositions = 5000;

// The query, filters and dates of /api/positions.
PositionRequest position_filters(const httplib::Request& req) {
  PositionRequest r;
  r.q = param(req, "q", kMaxQueryBytes);
  r.filters = facet_params(req, kPositionFacets);
  r.from = param(req, "from", 10);
  r.to = param(req, "to", 10);
  r.sort = PositionRequest::Sort::kDateAsc;
  r.page = 1;
  return r;
}

BriefPosition brief_position(const PositionItem& p) {
  BriefPosition b;
  b.id = p.id;
  if (p.actor) {
    b.actor_id = p.actor->id;
    b.actor = p.actor->label;
  }
  b.stance_id = p.stance.id;
  b.stance = p.stance.label;
  if (p.process) {
    b.process_id = p.process->id;
    b.process = p.process->label;
  }
  if (p.forum) {
    b.forum_id = p.forum->id;
    b.forum = p.forum->label;
  }
  b.forum_name = p.forum_name;
  b.target = p.target;
  for (const Ref& t : p.topics) b.topics.emplace_back(t.id, t.label);
  b.date = p.date;
  b.quote = p.quote;
  b.document_id = p.document_id;
  b.document_title = p.document_title;
  b.document_number = p.document_number;
  b.page = p.page;
  b.source = p.source;
  return b;
}

// The filters as people read them: each facet's Vietnamese title and the
// value's label as the answer's facets list it.
std::vector<std::pair<std::string, std::string>> filter_lines(
    const PositionRequest& r, const PositionResult& result) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!r.q.empty()) out.emplace_back("Truy vấn", r.q);
  for (const auto& [name, values] : r.filters) {
    const Facet* facet = find_facet(kPositionFacets, name);
    for (const std::string& v : values) {
      std::string label = v;
      for (const auto& [facet_name, list] : result.facets) {
        if (facet_name != name) continue;
        for (const FacetValue& fv : list) {
          if (fv.value == v && !fv.label.empty()) label = fv.label;
        }
      }
      out.emplace_back(std::string(facet ? facet->label_vi : name), label);
    }
  }
  if (!r.from.empty()) out.emplace_back("Từ ngày", r.from);
  if (!r.to.empty()) out.emplace_back("Đến ngày", r.to);
  return out;
}

// "http://HOST/" from the request's Host header when it looks like a host
// name or address with a port; "" otherwise (the brief then has no links).
std::string link_base(const httplib::Request& req) {
  const std::string host = req.get_header_value("Host");
  if (host.empty() || host.size() > 100) return "";
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    c == ':' || c == '[' || c == ']';
    if (!ok) return "";
  }
  return "http://" + host + "/";
}

}  // namespace

void get_position_matrix(const httplib::Request& req, httplib::Response& res,
                         const Searcher& searcher) {
  PositionRequest r = position_filters(req);
  const auto across = parse_matrix_axis(param(req, "across", 20, "topic"));
  if (!across) throw ParamError{"across must be topic or process"};
  const int rows =
      int_param(req, "rows", kMatrixDefaultRows, 1, kMatrixMaxRows);
  const int columns =
      int_param(req, "columns", kMatrixDefaultColumns, 1, kMatrixMaxColumns);
  r.per_page = kMatrixMaxPositions;
  r.facet_limit = 0;
  send_json(res, to_json(build_position_matrix(searcher.positions(r), *across,
                                               rows, columns)));
}

void get_position_export(const httplib::Request& req, httplib::Response& res,
                         const Searcher& searcher) {
  PositionRequest r = position_filters(req);
  const auto format = parse_brief_format(param(req, "format", 20, "csv"));
  if (!format) throw ParamError{"format must be csv or md"};
  const auto grouping =
      parse_brief_grouping(param(req, "group_by", 20, "process"));
  if (!grouping) throw ParamError{"group_by must be process or topic"};
  r.per_page = kExportMaxPositions;
  r.facet_limit = kMaxFacetLimit;
  const PositionResult result = searcher.positions(r);
  std::vector<BriefPosition> positions;
  positions.reserve(result.positions.size());
  for (const PositionItem& p : result.positions)
    positions.push_back(brief_position(p));
  BriefHeader header;
  header.exported_at = utc_now_iso8601();
  header.filters = filter_lines(r, result);
  header.matched = result.total;
  header.link_base = link_base(req);
  header.group_by = *grouping;
  const bool csv = *format == BriefFormat::kCsv;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" +
                     brief_file_name(*format, header.exported_at) + "\"");
  res.set_header("Cache-Control", "no-store");
  res.set_content(csv ? brief_csv(positions, header.link_base)
                      : brief_markdown(positions, header),
                  csv ? "text/csv; charset=utf-8; header=present"
                      : "text/markdown; charset=utf-8");
}

}  // namespace kb
