// vnkb-serve: the route table, the file handler, errors, access log, and
// the command line. The other handlers are in handlers.cc.
#include "search-server/server.h"

#include <httplib.h>
#include <signal.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <sstream>
#include <thread>

#include "core/clock.h"
#include "search-server/file_response.h"
#include "search-server/handlers.h"
#include "search-server/http_params.h"
#include "search-server/http_server.h"
#include "search-server/search_profile.h"
#include "search-server/searcher.h"

namespace kb {
namespace {

void get_file(const httplib::Request& req, httplib::Response& res,
              const Searcher& searcher) {
  const int64_t id = id_from(req);
  const auto file = id > 0 ? searcher.file(id) : std::nullopt;
  if (!file) {
    return send_error(res, 404, "not_found",
                      "no file for document " + std::string(req.matches[1]));
  }
  const FileResponseError e =
      send_original_file(res, file->path, file->content_type, file->name);
  if (e.status == 416) {
    send_error(res, 416, "range_not_satisfiable", e.message);
  } else if (e.status != 0) {
    send_error(res, e.status, "not_found", e.message);
  }
}

thread_local std::chrono::steady_clock::time_point request_start;

}  // namespace

void register_routes(httplib::Server& server, const Searcher& searcher,
                     const ServerOptions& options) {
  // Wraps a handler: parameter errors become 400, the rest is the exception
  // handler's (500).
  auto guarded = [&searcher](void (*handler)(const httplib::Request&,
                                             httplib::Response&,
                                             const Searcher&)) {
    return [&searcher, handler](const httplib::Request& req,
                                httplib::Response& res) {
      try {
        handler(req, res, searcher);
      } catch (const ParamError& e) {
        send_error(res, 400, "bad_parameter", e.message);
      } catch (const BadRequest& e) {
        send_error(res, 400, e.code(), e.what());
      }
    };
  };
  server.Get("/api/search", guarded(get_search));
  server.Get(R"(/api/documents/(\d+))", guarded(get_document));
  server.Get("/api/positions", guarded(get_positions));
  server.Get("/api/positions/matrix", guarded(get_position_matrix));
  server.Get("/api/positions/export", guarded(get_position_export));
  // Taxonomy ids, and "x:" ids of actors it does not know (":" may come
  // percent-encoded; httplib decodes the path before matching).
  server.Get(R"(/api/actors/((?:x:)?[a-z0-9-]+))", guarded(get_actor));
  server.Get(R"(/api/documents/(\d+)/text)", guarded(get_text));
  server.Get(R"(/api/documents/(\d+)/file)", guarded(get_file));
  server.Get("/api/facets", guarded(get_facets));
  server.Get("/api/health", guarded(get_health));
  // Any other method on the API: 405.
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET");
    send_error(res, 405, "method_not_allowed", "the API is read-only: use GET");
  };
  server.Post(R"(/api/.*)", not_allowed);
  server.Put(R"(/api/.*)", not_allowed);
  server.Delete(R"(/api/.*)", not_allowed);
  server.Patch(R"(/api/.*)", not_allowed);

  if (!options.ui_dir.empty())
    server.set_mount_point("/", options.ui_dir.string());

  // httplib calls this for every status >= 400, also after our own handlers
  // wrote a JSON error: then it leaves the response alone.
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        // A request too malformed to have a path (a line too long, an
        // unknown method, a NUL byte) may well have been meant for the API.
        if (req.path.empty() || req.path.rfind("/api/", 0) == 0 ||
            req.path == "/api") {
          if (res.status == 404) {
            send_error(res, 404, "not_found", "no such API route");
          } else if (res.status == 413 || res.status == 414) {
            send_error(res, res.status, "too_long", "the request is too long");
          } else {
            send_error(res, res.status, "bad_request", "malformed request");
          }
          return httplib::Server::HandlerResponse::Handled;
        }
        res.set_content("<!doctype html><meta charset=utf-8><title>" +
                            std::to_string(res.status) + "</title><p>" +
                            std::to_string(res.status) + "</p>",
                        "text/html; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler([log = options.log](const httplib::Request& req,
                                                   httplib::Response& res,
                                                   std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (const Xapian::Error& e) {
      what = e.get_description();
    } catch (...) {
    }
    if (log) log("error " + req.method + " " + req.path + ": " + what);
    send_error(res, 500, "internal", "internal server error");
  });
  server.set_pre_routing_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        request_start = std::chrono::steady_clock::now();
        take_byte_range(req);
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        return httplib::Server::HandlerResponse::Unhandled;
      });
  server.set_post_routing_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        if (req.path.rfind("/api/", 0) != 0) {
          // The UI: only our own scripts and styles; documents open in frames.
          res.set_header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; object-src 'self'; "
              "frame-src 'self'; base-uri 'none'; form-action 'self'; "
              "frame-ancestors 'none'");
        }
      });
  if (options.log) {
    server.set_logger([log = options.log](const httplib::Request& req,
                                          const httplib::Response& res) {
      const auto ms = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - request_start)
                          .count();
      std::ostringstream line;
      line << utc_now_iso8601() << ' ' << req.remote_addr << ' ' << req.method
           << ' ' << req.path;
      if (!req.params.empty()) {
        line << '?';
        bool first = true;
        for (const auto& [k, v] : req.params) {
          line << (first ? "" : "&") << k << '='
               << httplib::detail::encode_query_param(v);
          first = false;
        }
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1fms", ms);
      line << ' ' << res.status << ' ' << res.body.size() << ' ' << buf;
      log(line.str());
    });
  }
  // Responses go out as headers then body; without TCP_NODELAY, Nagle and
  // delayed ACKs hold each keep-alive answer back ~40 ms.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(64 * 1024);
  // Slow and idle clients: each connection holds a worker thread while it
  // is open (httplib 0.11), so a request must arrive within 5 s of silence
  // and 10 s in all (HttpServer), an idle keep-alive connection is closed
  // after 2 s, one address holds at most 16 connections (HttpServer), and
  // there are many more workers than cores (searches themselves wait their
  // turn, one per core, in the Searcher): 16 idle connections made health
  // checks time out with 8 workers.
  server.set_read_timeout(5, 0);
  server.set_keep_alive_timeout(2);
  server.set_write_timeout(30, 0);
  if (auto* limited = dynamic_cast<HttpServer*>(&server)) {
    limited->set_max_connections_per_client(kDefaultConnectionsPerClient);
    limited->set_request_deadline(std::chrono::seconds(10));
  }
  server.new_task_queue = [] {
    return new httplib::ThreadPool(kDefaultWorkerThreads);
  };
}

namespace {
std::atomic<httplib::Server*> running_server{nullptr};
void stop_on_signal(int) {
  if (httplib::Server* s = running_server.load()) s->stop();
}
}  // namespace

int run_serve_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err) {
  CLI::App app{"vnkb-serve: the vnkb search API and web UI"};
  std::string db = "var/db";
  if (const char* env = std::getenv("VNKB_DB"); env && *env) db = env;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = static_cast<int>(kDefaultWorkerThreads);
  int per_client = static_cast<int>(kDefaultConnectionsPerClient);
  std::string ui = std::string(VNKB_SOURCE_DIR) + "/ui";
  bool quiet = false;
  app.add_option("--db", db,
                 "Database folder (default: $VNKB_DB, else ./var/db)");
  app.add_option("--host", host, "Address to listen on (default 127.0.0.1)");
  app.add_option("--port", port, "Port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", threads,
                 "Worker threads: each open connection holds one (default " +
                     std::to_string(kDefaultWorkerThreads) + ")")
      ->check(CLI::Range(1, 256));
  app.add_option("--max-connections-per-client", per_client,
                 "Connections one address may hold open at once; more are "
                 "answered 503 (default " +
                     std::to_string(kDefaultConnectionsPerClient) +
                     "; 0: no limit)")
      ->check(CLI::Range(0, 256));
  app.add_option("--ui", ui, "Folder of the web UI");
  app.add_flag("-q,--quiet", quiet, "No access log");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "vnkb-serve: " << e.what()
        << "\n(run vnkb-serve --help for usage)\n";
    return 2;
  }
  std::unique_ptr<Searcher> searcher;
  try {
    searcher = std::make_unique<Searcher>(db);
  } catch (const std::exception& e) {
    err << "vnkb-serve: " << e.what() << '\n';
    return 1;
  }
  HttpServer server;
  if (!server.is_valid()) {
    err << "vnkb-serve: cannot create the HTTP server\n";
    return 1;
  }
  ServerOptions options;
  if (!ui.empty() && std::filesystem::is_directory(ui)) {
    options.ui_dir = ui;
  } else if (!ui.empty()) {
    err << "vnkb-serve: no UI folder at " << ui << "; serving the API only\n";
  }
  static std::mutex log_mutex;
  if (!quiet) {
    options.log = [&err](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mutex);
      err << line << '\n' << std::flush;
    };
  }
  register_routes(server, *searcher, options);
  server.set_max_connections_per_client(static_cast<size_t>(per_client));
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  const int bound = port == 0 ? server.bind_to_any_port(host)
                              : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    err << "vnkb-serve: cannot listen on " << host << ':' << port
        << " (in use, or not an address of this machine)\n";
    return 1;
  }
  running_server = &server;
  signal(SIGINT, stop_on_signal);
  signal(SIGTERM, stop_on_signal);
  out << "vnkb-serve: http://" << host << ':' << bound << "/ ("
      << searcher->health().documents << " documents, database " << db << ")\n"
      << std::flush;
  const bool ok = server.listen_after_bind();
  running_server = nullptr;
  SearchProfile::report(err);
  return ok ? 0 : 1;
}

}  // namespace kb
