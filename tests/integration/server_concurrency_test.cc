// The server tests of concurrency: the ticket pool, and following the
// indexer without failed requests.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "search-server/json_responses.h"
#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// Searches wait their turn beyond one per core (here: two at once).
TEST_F(ServerTest, AtMostMaxActiveSearchesWorkAtOnce) {
  Searcher gated(root_ / "db", 2);
  SearchRequest r;
  r.q = "hòa bình";
  const json expected = to_json(gated.search(r));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        if (to_json(gated.search(r))["hits"] != expected["hits"]) ++mismatches;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, 0);
  EXPECT_LE(gated.peak_active(), 2);
  EXPECT_GE(gated.peak_active(), 1);
  Searcher one_at_a_time(root_ / "db", 1);
  std::vector<std::thread> more;
  for (int t = 0; t < 4; ++t)
    more.emplace_back([&] { one_at_a_time.search(r); });
  for (std::thread& t : more) t.join();
  EXPECT_EQ(one_at_a_time.peak_active(), 1);
}

// The indexer commits while the server answers: new and removed documents
// show up without a restart, and no request fails meanwhile.
TEST_F(ServerTest, FollowsTheIndexerWithoutFailedRequests) {
  const fs::path db = root_ / "live-db";
  const fs::path docs = root_ / "live-docs";
  fs::create_directories(docs);
  std::ofstream(docs / "seed.txt") << "Tài liệu khởi đầu về rừng.\n";
  ASSERT_EQ(test::run({test::index_binary(), "--db", db.string(), "-q", "add",
                       docs.string()})
                .exit_code,
            0);
  Searcher live(db);
  httplib::Server srv;
  register_routes(srv, live, ServerOptions{});
  const int port = srv.bind_to_any_port("127.0.0.1");
  std::thread t([&] { srv.listen_after_bind(); });
  while (!srv.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(5));

  std::atomic<bool> stop{false};
  std::atomic<int> failures{0}, requests{0};
  std::vector<std::thread> clients;
  for (int k = 0; k < 4; ++k) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", port);
      while (!stop) {
        auto r = c.Get(
            ("/api/search?q=" + enc("sông suối") + "&per_page=5").c_str());
        ++requests;
        if (!r || r->status != 200) ++failures;
      }
    });
  }
  int max_seen = 0;
  for (int round = 0; round < 8; ++round) {
    std::ofstream(docs / ("river-" + std::to_string(round) + ".txt"))
        << "Báo cáo số " << round << " về sông suối và nguồn nước.\n";
    if (round >= 4)
      fs::remove(docs / ("river-" + std::to_string(round - 4) + ".txt"));
    ASSERT_EQ(test::run({test::index_binary(), "--db", db.string(), "-q", "add",
                         "--prune", docs.string()})
                  .exit_code,
              0);
    httplib::Client c("127.0.0.1", port);
    auto r =
        c.Get(("/api/search?q=" + enc("sông suối") + "&per_page=0").c_str());
    ASSERT_TRUE(r);
    const int total = json::parse(r->body)["total"];
    EXPECT_EQ(total, std::min(round + 1, 4)) << "round " << round;
    max_seen = std::max(max_seen, total);
  }
  stop = true;
  for (auto& c : clients) c.join();
  srv.stop();
  t.join();
  EXPECT_EQ(failures, 0) << "of " << requests << " requests";
  EXPECT_GT(requests, 20);
  EXPECT_EQ(max_seen, 4);
}

}  // namespace
}  // namespace kb::server_test
