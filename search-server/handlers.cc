// The API's handlers: parameters in, the Searcher's structs out as JSON.
#include "search-server/handlers.h"

#include "core/dates.h"
#include "core/facets.h"
#include "search-server/http_params.h"
#include "search-server/json_responses.h"
#include "search-server/search_profile.h"
#include "search-server/server.h"

namespace kb {

namespace {

// The `sort` parameter, for either request's Sort enum.
template <typename Sort>
Sort sort_param(const httplib::Request& req, const char* fallback) {
  const std::string sort = param(req, "sort", 20, fallback);
  if (sort == "relevance") return Sort::kRelevance;
  if (sort == "date_desc") return Sort::kDateDesc;
  if (sort == "date_asc") return Sort::kDateAsc;
  throw ParamError{"sort must be relevance, date_desc or date_asc"};
}

}  // namespace

void get_search(const httplib::Request& req, httplib::Response& res,
                const Searcher& searcher) {
  SearchRequest r;
  r.q = param(req, "q", kMaxQueryBytes);
  r.filters = facet_params(req, kDocumentFacets);
  r.from = param(req, "from", 10);
  r.to = param(req, "to", 10);
  r.sort = sort_param<SearchRequest::Sort>(req, "relevance");
  r.page = int_param(req, "page", 1, 1, kMaxPage);
  r.per_page = int_param(req, "per_page", 10, 0, kMaxPerPage);
  r.facet_limit = int_param(req, "facet_limit", 10, 0, kMaxFacetLimit);
  SearchProfile::begin(req.target);
  const SearchResult result = searcher.search(r);
  SearchStageTimer json(SearchStage::kJson);
  send_json(res, to_json(result));
  json.stop();
  SearchProfile::end();
}

void get_positions(const httplib::Request& req, httplib::Response& res,
                   const Searcher& searcher) {
  PositionRequest r;
  r.q = param(req, "q", kMaxQueryBytes);
  r.filters = facet_params(req, kPositionFacets);
  r.from = param(req, "from", 10);
  r.to = param(req, "to", 10);
  // Without words a timeline (oldest first); with words the best first.
  r.sort = sort_param<PositionRequest::Sort>(
      req, r.q.empty() ? "date_asc" : "relevance");
  r.page = int_param(req, "page", 1, 1, kMaxPage);
  r.per_page = int_param(req, "per_page", 20, 0, kMaxPerPage);
  r.facet_limit = int_param(req, "facet_limit", 10, 0, kMaxFacetLimit);
  send_json(res, to_json(searcher.positions(r)));
}

void get_actor(const httplib::Request& req, httplib::Response& res,
               const Searcher& searcher) {
  const std::string id = req.matches[1];
  const auto actor = id.size() <= 64 ? searcher.actor(id) : std::nullopt;
  if (!actor) return send_error(res, 404, "not_found", "no actor '" + id + "'");
  send_json(res, to_json(*actor));
}

void get_document(const httplib::Request& req, httplib::Response& res,
                  const Searcher& searcher) {
  const int64_t id = id_from(req);
  // as_of=YYYY-MM-DD: the validity on that day (default today).
  const std::string as_of = param(req, "as_of", 10);
  if (!as_of.empty() && !parse_iso_date(as_of)) {
    return send_error(res, 400, "bad_parameter",
                      "as_of must be a date YYYY-MM-DD, not '" + as_of + "'");
  }
  const auto doc = id > 0 ? searcher.document(id, as_of) : std::nullopt;
  if (!doc)
    return send_error(res, 404, "not_found",
                      "no document " + std::string(req.matches[1]));
  send_json(res, to_json(*doc));
}

void get_text(const httplib::Request& req, httplib::Response& res,
              const Searcher& searcher) {
  const int64_t id = id_from(req);
  const int page = int_param(req, "page", 1, 1, 1000000);
  const std::string q = param(req, "q", kMaxQueryBytes);
  const auto text = id > 0 ? searcher.page_text(id, page, q) : std::nullopt;
  if (!text) {
    return send_error(res, 404, "not_found",
                      "no page " + std::to_string(page) + " in document " +
                          std::string(req.matches[1]));
  }
  send_json(res, to_json(*text));
}

void get_facets(const httplib::Request& req, httplib::Response& res,
                const Searcher& searcher) {
  send_json(res, to_json(searcher.all_facets(
                     int_param(req, "facet_limit", 20, 0, kMaxFacetLimit))));
}

void get_health(const httplib::Request&, httplib::Response& res,
                const Searcher& searcher) {
  send_json(res, to_json(searcher.health()));
}

}  // namespace kb
