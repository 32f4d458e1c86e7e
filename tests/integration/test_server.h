// A vnkb-serve for tests: the real routes over a database folder, on a free
// port of 127.0.0.1, listening in its own thread until destroyed.
#ifndef VNKB_TESTS_INTEGRATION_TEST_SERVER_H_
#define VNKB_TESTS_INTEGRATION_TEST_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "search-server/http_server.h"
#include "search-server/searcher.h"
#include "search-server/server.h"

namespace kb::test {

class TestServer {
 public:
  // REQUIRES: `db` holds a vnkb database (Searcher throws otherwise).
  // `configure` may change the server's settings after vnkb-serve's.
  explicit TestServer(const std::filesystem::path& db,
                      const std::filesystem::path& ui = {},
                      const std::function<void(HttpServer&)>& configure = {})
      : searcher_(db) {
    register_routes(server_, searcher_, ServerOptions{ui, {}});
    if (configure) configure(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return;
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;
  ~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  // The port listened on; <= 0 when binding failed.
  int port() const { return port_; }
  const Searcher& searcher() const { return searcher_; }

  httplib::Result get(const std::string& path,
                      httplib::Headers headers = {}) const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c.Get(path.c_str(), headers);
  }

 private:
  Searcher searcher_;
  HttpServer server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace kb::test

#endif  // VNKB_TESTS_INTEGRATION_TEST_SERVER_H_
