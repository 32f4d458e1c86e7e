// The HTTP API and web UI of vnkb-serve (cpp-httplib). Every route is
// registered in register_routes(); handlers validate their parameters and
// translate Searcher results and errors into JSON.
//
//   GET /api/search                    search with facets (see searcher.h)
//   GET /api/documents/{id}            metadata, cites, cited_by, typed
//                                      relations both ways, dates of force,
//                                      validity (?as_of=YYYY-MM-DD, today)
//   GET /api/documents/{id}/text       one page's text (?page=N&q=...)
//   GET /api/documents/{id}/file       the original file (Range supported)
//   GET /api/positions                 negotiation positions, faceted
//   GET /api/positions/matrix          actors × issues, latest stance each
//                                      (?across=topic|process, rows, columns)
//   GET /api/positions/export          the brief (?format=csv|md, group_by)
//   GET /api/actors/{id}               an actor: names, networks, positions
//   GET /api/facets                    facet values over the whole collection
//   GET /api/health                    status, document count, index revision
//   GET /...                           the web UI (ui/)
// Errors are {"error": {"code", "message"}} with a 4xx status for anything
// the client got wrong and 500 only for a server fault.
// A connection beyond --max-connections-per-client from one address gets a
// 503 too_many_connections and is closed (search-server/http_server.h).
#ifndef VNKB_SEARCH_SERVER_SERVER_H_
#define VNKB_SEARCH_SERVER_SERVER_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace httplib {
class Server;
}

namespace kb {

class Searcher;

struct ServerOptions {
  std::filesystem::path ui_dir;  // empty: no UI
  // Access log lines go here (one per request); may be empty.
  std::function<void(const std::string&)> log;
};

// Limits on what a client may send.
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr size_t kMaxParamBytes = 200;
inline constexpr size_t kMaxValuesPerFacet = 20;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxPage = 1000;
inline constexpr int kMaxFacetLimit = 100;
// Worker threads of the HTTP server (vnkb-serve --threads).
inline constexpr size_t kDefaultWorkerThreads = 64;
// Connections one remote address may hold open at once (HttpServer): a
// quarter of the workers, more than a browser opens to one host (6).
inline constexpr size_t kDefaultConnectionsPerClient = 16;

void register_routes(httplib::Server& server, const Searcher& searcher,
                     const ServerOptions& options);

// Runs vnkb-serve with command-line arguments; returns the exit code.
int run_serve_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SERVER_H_
