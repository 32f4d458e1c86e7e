// A connection's life in vnkb-serve: admitted or refused by its address,
// then requests read under a deadline, as httplib 0.11 would serve them
// otherwise (its keep-alive loop, its process_request).
#include "search-server/http_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kb {
namespace {

using Clock = std::chrono::steady_clock;

// The numeric address and port of a socket's peer (`peer`) or own end.
void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  ip.clear();
  port = 0;
  if ((peer ? ::getpeername(sock, sa, &len) : ::getsockname(sock, sa, &len)) !=
      0) {
    return;
  }
  char host[NI_MAXHOST];
  char serv[NI_MAXSERV];
  if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// Waits until `sock` can be read (or written); false on timeout or error.
bool wait_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int r = ::poll(&p, 1, std::max(timeout_ms, 0));
    if (r < 0 && errno == EINTR) continue;
    return r > 0;
  }
}

// httplib's Stream over one connection, kept across its requests (so a
// pipelined request already read ahead is not lost), with a deadline on
// reading each request.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int sock, int read_timeout_ms, int write_timeout_ms)
      : sock_(sock),
        read_timeout_ms_(read_timeout_ms),
        write_timeout_ms_(write_timeout_ms) {}

  void start_request(Clock::time_point deadline) { deadline_ = deadline; }
  bool has_buffered() const { return begin_ < end_; }

  bool is_readable() const override {
    return has_buffered() || wait_for(sock_, POLLIN, read_wait_ms());
  }
  bool is_writable() const override {
    return wait_for(sock_, POLLOUT, write_timeout_ms_);
  }
  ssize_t read(char* ptr, size_t size) override {
    if (!has_buffered()) {
      // Past the deadline even bytes already there are refused: a request
      // trickled in must not be served late, holding its worker.
      const int wait_ms = read_wait_ms();
      if (wait_ms <= 0 || !wait_for(sock_, POLLIN, wait_ms)) return -1;
      ssize_t n;
      do {
        n = ::recv(sock_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t n = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(sock_, false, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  // The wait for the next bytes: the read timeout, cut at the deadline.
  int read_wait_ms() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline_ - Clock::now())
                          .count();
    return static_cast<int>(
        std::min<long long>(read_timeout_ms_, std::max<long long>(left, 0)));
  }

  int sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  Clock::time_point deadline_ = Clock::time_point::max();
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

// Answers 503 without reading the request, and closes.
void refuse(int sock) {
  static const std::string body =
      R"({"error":{"code":"too_many_connections","message":)"
      R"("too many connections from this address; try again later"}})";
  const std::string response =
      "HTTP/1.1 503 Service Unavailable\r\n"
      "Content-Type: application/json; charset=utf-8\r\n"
      "Content-Length: " +
      std::to_string(body.size()) +
      "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  // A fresh socket's send buffer takes it whole; never wait for the client.
  (void)::send(sock, response.data(), response.size(),
               MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(sock, SHUT_WR);
  // Unread request bytes at close would reset the connection, and the
  // client could lose the answer: drop what has arrived.
  char drop[4096];
  while (::recv(sock, drop, sizeof drop, MSG_DONTWAIT) > 0) {
  }
}

}  // namespace

bool HttpServer::admit(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  size_t& n = open_[address];
  if (max_per_client_ > 0 && n >= max_per_client_) {
    if (n == 0) open_.erase(address);
    return false;
  }
  ++n;
  return true;
}

void HttpServer::release(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(address);
  if (it != open_.end() && --it->second == 0) open_.erase(it);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  std::string address;
  int port = 0;
  address_of(sock, true, address, port);
  bool ret = false;
  if (!admit(address)) {
    refuse(sock);
  } else {
    const auto ms = [](time_t sec, time_t usec) {
      return static_cast<int>(sec * 1000 + usec / 1000);
    };
    ConnectionStream stream(sock, ms(read_timeout_sec_, read_timeout_usec_),
                            ms(write_timeout_sec_, write_timeout_usec_));
    const auto keep_alive = std::chrono::seconds(keep_alive_timeout_sec_);
    // httplib's keep-alive loop; the wait for a request looks at the
    // server's state every 50 ms so that stop() is not held up.
    for (size_t left = keep_alive_max_count_; left > 0; --left) {
      const auto wait_until = Clock::now() + keep_alive;
      bool ready = stream.has_buffered();
      while (!ready && svr_sock_ != INVALID_SOCKET &&
             Clock::now() < wait_until) {
        ready = wait_for(sock, POLLIN, 50);
      }
      if (!ready || svr_sock_ == INVALID_SOCKET) break;
      stream.start_request(Clock::now() + deadline_);
      bool connection_closed = false;
      ret = process_request(stream, left == 1, connection_closed, nullptr);
      if (!ret || connection_closed) break;
    }
    release(address);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace kb
