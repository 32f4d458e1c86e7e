// The API's handlers (routes in server.cc): each validates its parameters,
// asks the Searcher and answers JSON. They throw ParamError (http_params.h)
// and BadRequest for the route wrapper to answer with 400.
#ifndef VNKB_SEARCH_SERVER_HANDLERS_H_
#define VNKB_SEARCH_SERVER_HANDLERS_H_

#include <httplib.h>

#include "search-server/searcher.h"

namespace kb {

// GET /api/search
void get_search(const httplib::Request& req, httplib::Response& res,
                const Searcher& searcher);
// GET /api/positions
void get_positions(const httplib::Request& req, httplib::Response& res,
                   const Searcher& searcher);
// GET /api/positions/matrix (position_handlers.cc)
void get_position_matrix(const httplib::Request& req, httplib::Response& res,
                         const Searcher& searcher);
// GET /api/positions/export (position_handlers.cc)
void get_position_export(const httplib::Request& req, httplib::Response& res,
                         const Searcher& searcher);
// GET /api/actors/{id}
void get_actor(const httplib::Request& req, httplib::Response& res,
               const Searcher& searcher);
// GET /api/documents/{id}
void get_document(const httplib::Request& req, httplib::Response& res,
                  const Searcher& searcher);
// GET /api/documents/{id}/text
void get_text(const httplib::Request& req, httplib::Response& res,
              const Searcher& searcher);
// GET /api/facets
void get_facets(const httplib::Request& req, httplib::Response& res,
                const Searcher& searcher);
// GET /api/health
void get_health(const httplib::Request& req, httplib::Response& res,
                const Searcher& searcher);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_HANDLERS_H_
