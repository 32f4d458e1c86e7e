// Regression tests for issue 19: /api/documents/{id}/file served any number
// of byte ranges (1,000 ranges made a 1.3 MB PDF a 1.34 GB response), read
// whole files into memory, and served files outside the collection through
// symbolic links and failed entries. Run against a real index and a real
// server on 127.0.0.1.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "search-server/searcher.h"
#include "search-server/server.h"
#include "tests/integration/process.h"
#include "tests/integration/suite_fixture.h"
#include "tests/integration/test_server.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class FileServingTest : public test::SuiteFixture<FileServingTest> {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() /
            ("vnkb-file-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "docs");
    fs::create_directories(root_ / "outside");
    fs::copy_file(test::source("corpus/pdf/vbpl-000100.pdf"),
                  root_ / "docs" / "decision.pdf");
    std::ofstream(root_ / "docs" / "note.txt")
        << "Ghi chú về rác thải nhựa đại dương.\n";
    std::ofstream(root_ / "docs" / "page.html")
        << "<html><body><p>Tham vấn về hiệp định "
           "<img src='http://tracker.invalid/p.gif'></p></body></html>";
    // Bytes that are no PDF: the entry is recorded as failed.
    std::ofstream(root_ / "docs" / "broken.pdf") << "%PDF-1.4 not really";
    std::ofstream(root_ / "outside" / "secret.txt")
        << "Mật khẩu bí mật ngoài bộ sưu tập.\n";
    fs::create_symlink(root_ / "outside" / "secret.txt",
                       root_ / "docs" / "link.txt");
    const auto r =
        test::run({test::index_binary(), "--db", (root_ / "db").string(),
                   "--quiet", "add", (root_ / "docs").string()});
    // broken.pdf fails, so add exits 1; the rest is indexed.
    if (!require(r.exit_code <= 1, "add: " + r.out)) return;
    ids_ = json::object();
    const auto list = test::run({test::index_binary(), "--db",
                                 (root_ / "db").string(), "list", "--json"},
                                false);
    for (const auto& d : json::parse(list.out))
      ids_[fs::path(d["path"].get<std::string>()).filename().string()] =
          d["id"];
    server_ = new test::TestServer(root_ / "db", test::source("ui"));
    port_ = server_->port();
    require(port_ > 0, "the server did not start");
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(root_);
  }

  static httplib::Result get(const std::string& path,
                             httplib::Headers headers = {}) {
    return server_->get(path, std::move(headers));
  }
  // The /file URL of a document added from docs/, by file name.
  static std::string file_url(const std::string& name) {
    EXPECT_TRUE(ids_.contains(name)) << name << " was not recorded";
    return "/api/documents/" +
           std::to_string(ids_.value(name, json(0)).get<int64_t>()) + "/file";
  }
  static std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  static inline fs::path root_;
  static inline json ids_;
  static inline test::TestServer* server_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(FileServingTest, ThousandRangesAnswer416NotAGigabyte) {
  std::string ranges = "bytes=0-";
  for (int i = 1; i < 1000; ++i) ranges += ",0-";
  auto res = get(file_url("decision.pdf"), {{"Range", ranges}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 416);
  EXPECT_LT(res->body.size(), 1000u);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "range_not_satisfiable");
  // Two ranges are refused the same way.
  res = get(file_url("decision.pdf"), {{"Range", "bytes=0-1,5-9"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 416);
}

TEST_F(FileServingTest, OneRangeIsServedFromTheFile) {
  const std::string whole = read_all(root_ / "docs" / "decision.pdf");
  const std::string url = file_url("decision.pdf");
  static const struct {
    const char* range;
    size_t first;
    size_t length;  // 0: to the end
  } cases[] = {
      {"bytes=0-9", 0, 10},
      {"bytes=100-199", 100, 100},
      {"bytes=1000-", 1000, 0},
  };
  for (const auto& c : cases) {
    auto res = get(url, {{"Range", c.range}});
    ASSERT_TRUE(res) << c.range;
    EXPECT_EQ(res->status, 206) << c.range;
    const size_t n = c.length ? c.length : whole.size() - c.first;
    EXPECT_EQ(res->body, whole.substr(c.first, n)) << c.range;
    EXPECT_EQ(res->get_header_value("Content-Range"),
              "bytes " + std::to_string(c.first) + "-" +
                  std::to_string(c.first + n - 1) + "/" +
                  std::to_string(whole.size()))
        << c.range;
  }
  // The last bytes.
  auto tail = get(url, {{"Range", "bytes=-7"}});
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->status, 206);
  EXPECT_EQ(tail->body, whole.substr(whole.size() - 7));
  // A range past the end: 416 with the file's size.
  auto past = get(url, {{"Range", "bytes=99999999-"}});
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 416);
  EXPECT_EQ(past->get_header_value("Content-Range"),
            "bytes */" + std::to_string(whole.size()));
}

TEST_F(FileServingTest, RangeNeverCutsJsonOrErrors) {
  // httplib applied a Range header to every response, error bodies and JSON
  // included; only /file honours it now.
  auto res = get("/api/search?q=nh%E1%BB%B1a", {{"Range", "bytes=0-5"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NO_THROW(json::parse(res->body));
  res = get("/api/documents/99999/file", {{"Range", "bytes=0-5,7-9"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_found");
}

TEST_F(FileServingTest, LargeFilesStreamWhole) {
  // Served by chunks from disk: the bytes arrive whole and in order. The
  // file changed after indexing, as a librarian may change it; the server
  // serves what is on disk at the recorded path.
  const fs::path big = root_ / "docs" / "note.txt";
  const std::string saved = read_all(big);
  std::string data(3 * 1024 * 1024 + 17, '\0');
  std::mt19937 rng(19);
  for (char& c : data) c = static_cast<char>(rng());
  std::ofstream(big, std::ios::binary | std::ios::trunc) << data;
  auto res = get(file_url("note.txt"));
  std::ofstream(big, std::ios::binary | std::ios::trunc) << saved;
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(res->body == data) << "got " << res->body.size() << " bytes";
}

TEST_F(FileServingTest, SymlinkOutOfTheCollectionIsNotServed) {
  // A link in a folder walk to a file outside the folder: never served.
  if (ids_.contains("link.txt")) {
    auto res = get(file_url("link.txt"));
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(res->body.find("bí mật"), std::string::npos);
  }
  // A file indexed, then replaced by a link to a file outside.
  const fs::path note = root_ / "docs" / "note.txt";
  const fs::path kept = root_ / "note.kept";
  fs::rename(note, kept);
  fs::create_symlink(root_ / "outside" / "secret.txt", note);
  auto res = get(file_url("note.txt"));
  fs::remove(note);
  fs::rename(kept, note);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->body.find("bí mật"), std::string::npos);
  // Its folder replaced by a link to a folder outside.
  const fs::path docs = root_ / "docs";
  const fs::path moved = root_ / "docs.kept";
  fs::rename(docs, moved);
  fs::create_directories(root_ / "other");
  std::ofstream(root_ / "other" / "note.txt") << "bí mật khác";
  fs::create_directory_symlink(root_ / "other", docs);
  res = get(file_url("note.txt"));
  fs::remove(docs);
  fs::rename(moved, docs);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->body.find("bí mật"), std::string::npos);
  // The file itself, back in place, is served again.
  res = get(file_url("note.txt"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(FileServingTest, FailedEntriesAreNotServed) {
  ASSERT_TRUE(ids_.contains("broken.pdf"));
  auto res = get(file_url("broken.pdf"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->body.find("not really"), std::string::npos);
}

TEST_F(FileServingTest, OriginalsLoadNothingFromElsewhere) {
  auto res = get(file_url("page.html"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const std::string csp = res->get_header_value("Content-Security-Policy");
  EXPECT_EQ(csp.rfind("sandbox", 0), 0u) << csp;
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("http"), std::string::npos) << csp;
}

TEST_F(FileServingTest, TheUiCannotBeFramed) {
  auto res = get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Security-Policy")
                .find("frame-ancestors 'none'"),
            std::string::npos);
}

TEST_F(FileServingTest, MalformedRequestsOnTheApiGetJson) {
  // A request line longer than httplib takes: 414, with a JSON body.
  auto res = get("/api/search?q=" + std::string(9000, 'a'));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 414);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "too_long");
}

TEST_F(FileServingTest, IdleConnectionsDoNotBlockOthers) {
  // 16 clients that connect and send nothing made health checks time out
  // with 8 worker threads; a POST without its body held a worker 10 s.
  // They connect from another loopback address: one address has at most
  // 16 connections at once (HttpServer), the health check's would be the
  // 17th.
  std::vector<int> idle;
  for (int i = 0; i < 16; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    from.sin_addr.s_addr = htonl(0x7F000002);  // 127.0.0.2
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from), 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr),
              0);
    if (i % 2) {
      const char partial[] = "POST /api/search HTTP/1.1\r\nHost: x\r\n";
      ASSERT_GT(::write(fd, partial, sizeof partial - 1), 0);
    }
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto start = std::chrono::steady_clock::now();
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(3, 0);
  auto res = c.Get("/api/health");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  for (int fd : idle) ::close(fd);
  ASSERT_TRUE(res) << "no answer while 16 connections idle";
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(seconds, 3.0);
}

}  // namespace
}  // namespace kb
