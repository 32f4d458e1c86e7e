// Regression tests for issue 19: a few slow clients took every worker
// thread of vnkb-serve (httplib 0.11 gives each open connection a thread
// until it closes). With 8 workers, connections sending their request a
// line at a time, each line within the read timeout, held all of them and
// health checks timed out. Run against a real server on 127.0.0.1 with 8
// workers; the slow clients connect from other loopback addresses
// (127.0.0.0/8 is all loopback on Linux).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "search-server/http_server.h"
#include "tests/integration/process.h"
#include "tests/integration/suite_fixture.h"
#include "tests/integration/test_server.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kWorkers = 8;
constexpr size_t kPerClient = 4;
constexpr auto kDeadline = std::chrono::seconds(2);

class SlowClientsTest : public test::SuiteFixture<SlowClientsTest> {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() /
            ("vnkb-slow-clients-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "docs");
    std::ofstream(root_ / "docs" / "note.txt")
        << "Ghi chú về rác thải nhựa đại dương.\n";
    const auto r =
        test::run({test::index_binary(), "--db", (root_ / "db").string(),
                   "--quiet", "add", (root_ / "docs").string()});
    if (!require(r.exit_code == 0, "add: " + r.out)) return;
    server_ = new test::TestServer(root_ / "db", {}, [](HttpServer& s) {
      s.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
      s.set_max_connections_per_client(kPerClient);
      s.set_request_deadline(kDeadline);
    });
    port_ = server_->port();
    require(port_ > 0, "the server did not start");
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(root_);
  }

  // A connection to the server from `source`; -1 when it fails.
  static int connect_from(const char* source) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source, &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port_));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
      ::close(fd);
      return -1;
    }
    return fd;
  }
  // The server may have closed the connection: no SIGPIPE.
  static void send_text(int fd, const std::string& text) {
    (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
  }
  // What the server sent so far, without waiting.
  static std::string received(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0)
      out.append(buf, static_cast<size_t>(n));
    return out;
  }

  static inline fs::path root_;
  static inline test::TestServer* server_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(SlowClientsTest, TricklingClientsOfOneAddressLeaveWorkersForOthers) {
  // Twice as many slow connections as workers, from one address.
  std::vector<int> slow;
  for (int i = 0; i < 2 * kWorkers; ++i) {
    const int fd = connect_from("127.0.0.2");
    ASSERT_GE(fd, 0) << "connection " << i;
    send_text(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n");
    slow.push_back(fd);
  }
  // A header line every 300 ms: each read of the server gets bytes long
  // before its 5 s read timeout.
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    while (!stop) {
      for (int fd : slow) send_text(fd, "X-Slow: 1\r\n");
      std::this_thread::sleep_for(milliseconds(300));
    }
  });
  std::this_thread::sleep_for(milliseconds(300));
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(5, 0);
  auto res = client.Get("/api/health");
  stop = true;
  trickle.join();
  int refused = 0;
  for (int fd : slow) {
    const std::string answer = received(fd);
    if (answer.rfind("HTTP/1.1 503", 0) == 0 &&
        answer.find("\"too_many_connections\"") != std::string::npos) {
      ++refused;
    }
    ::close(fd);
  }
  ASSERT_TRUE(res) << "no answer within 5 s while " << slow.size()
                   << " slow connections were open";
  EXPECT_EQ(res->status, 200);
  // Those beyond the limit were answered 503 at once (a loaded machine
  // may let an admitted one reach its deadline and admit another).
  EXPECT_GE(refused, static_cast<int>(slow.size() - 2 * kPerClient));
}

TEST_F(SlowClientsTest, ARequestTrickledInIsCutAtTheDeadline) {
  const int fd = connect_from("127.0.0.3");
  ASSERT_GE(fd, 0);
  send_text(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n");
  const auto start = Clock::now();
  std::string answer;
  bool closed = false;
  while (Clock::now() - start < std::chrono::seconds(10) && !closed) {
    send_text(fd, "X-Slow: 1\r\n");
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 300) > 0) {
      char buf[4096];
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) {
        closed = true;
      } else {
        answer.append(buf, static_cast<size_t>(n));
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  ::close(fd);
  ASSERT_TRUE(closed) << "the connection was still open after 10 s";
  EXPECT_LT(seconds, std::chrono::duration<double>(kDeadline).count() + 3);
  // Whatever was read of it is a malformed request: a 400, not an answer.
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
}

TEST_F(SlowClientsTest, KeepAliveRequestsAreServedOnOneConnection) {
  // The connection loop is ours now: several requests on one connection,
  // and the client's pipelined second request is not lost.
  const int fd = connect_from("127.0.0.4");
  ASSERT_GE(fd, 0);
  send_text(fd,
            "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
            "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string answer;
  char buf[4096];
  ssize_t n;
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, 5000) > 0 && (n = ::recv(fd, buf, sizeof buf, 0)) > 0)
    answer.append(buf, static_cast<size_t>(n));
  ::close(fd);
  size_t oks = 0;
  for (size_t at = answer.find("HTTP/1.1 200"); at != std::string::npos;
       at = answer.find("HTTP/1.1 200", at + 1)) {
    ++oks;
  }
  EXPECT_EQ(oks, 2u) << answer;
}

}  // namespace
}  // namespace kb
