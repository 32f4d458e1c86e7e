// vnkb-serve's HTTP server: cpp-httplib 0.11's, with each connection's life
// run here so that slow or idle clients cannot take every worker thread.
//
// In httplib 0.11 an open connection holds a worker thread from accept to
// close, also while it sends nothing. Two limits bound what one client
// costs:
//   - at most `max_connections_per_client` connections of one remote
//     address are served at once; the next ones are answered 503 (JSON) and
//     closed at once, so one address holds at most that many workers;
//   - a request's line, headers and body must arrive within
//     `request_deadline` in all, however slowly they trickle in (httplib's
//     read timeout bounds each read, not the request: a byte every 4 s held
//     a worker for hours).
// Between requests a keep-alive connection waits at most
// `set_keep_alive_timeout` seconds, as in httplib.
#ifndef VNKB_SEARCH_SERVER_HTTP_SERVER_H_
#define VNKB_SEARCH_SERVER_HTTP_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kb {

class HttpServer : public httplib::Server {
 public:
  // 0 (the default): no limit. Set before listening.
  void set_max_connections_per_client(size_t n) { max_per_client_ = n; }
  size_t max_connections_per_client() const { return max_per_client_; }
  // Set before listening.
  void set_request_deadline(std::chrono::milliseconds d) { deadline_ = d; }

 private:
  // Called by httplib on a worker thread for each accepted socket; closes it.
  bool process_and_close_socket(socket_t sock) override;

  // Counts a connection of `address`; false when it has its limit already.
  bool admit(const std::string& address);
  void release(const std::string& address);

  size_t max_per_client_ = 0;
  std::chrono::milliseconds deadline_{10000};
  std::mutex mutex_;
  std::unordered_map<std::string, size_t> open_;  // guarded by mutex_
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_HTTP_SERVER_H_
