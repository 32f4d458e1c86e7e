// The fixture of the server tests: vnkb-serve's API over HTTP on 127.0.0.1,
// against an index that the real vnkb-index built from the demo corpus and
// a few test documents. One server for the whole suite: building the index
// is the slow part.
#ifndef VNKB_TESTS_INTEGRATION_SERVER_TEST_FIXTURE_H_
#define VNKB_TESTS_INTEGRATION_SERVER_TEST_FIXTURE_H_

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/taxonomy.h"
#include "search-server/query_builder.h"
#include "search-server/searcher.h"
#include "search-server/server.h"
#include "tests/integration/process.h"
#include "tests/integration/suite_fixture.h"
#include "tests/integration/test_server.h"
#include "tests/unit/test_util.h"

// Not in an anonymous namespace: every test file of the suite must name the
// same fixture class.
namespace kb::server_test {

namespace fs = std::filesystem;
using nlohmann::json;
using test::source;

class ServerTest : public test::SuiteFixture<ServerTest> {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() /
            ("vnkb-server-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "extra");
    // Spellings of the same words, for the tier tests.
    std::ofstream(root_ / "extra" / "exact.txt")
        << "Báo cáo về hòa bình và thủy lợi ở đồng bằng.\n";
    std::ofstream(root_ / "extra" / "newstyle.txt")
        << "Ghi chép về hoà bình và thuỷ lợi ở miền núi.\n";
    std::ofstream(root_ / "extra" / "plain.txt")
        << "Ban tin ve hoa binh va thuy loi o vung bien.\n";
    std::ofstream(root_ / "extra" / "nfd.txt")
        << test::nfd("Nhật ký hòa bình trên sông nước.\n");
    // A codification heading holds "điều" and "phân" apart; another text
    // holds "phán điều" side by side (ServerTest.TheCountingPass...).
    std::ofstream(root_ / "extra" / "heading.txt")
        << "Điều 12.3.LQ.45. Phân công Thẩm phán giải quyết vụ án\n";
    std::ofstream(root_ / "extra" / "treaty.txt")
        << "Thẩm quyền quyết định đàm phán điều ước quốc tế.\n";
    std::ofstream(root_ / "extra" / "inject.html")
        << "<html><head><title>Thư &lt;b&gt;độc&lt;/b&gt;</title></head><body>"
           "<p>&lt;script&gt;alert(1)&lt;/script&gt; rác thải nhựa &lt;img "
           "src=x "
           "onerror=alert(2)&gt; đại dương</p></body></html>";
    const auto r = test::run(
        {test::index_binary(), "--db", (root_ / "db").string(), "--quiet",
         "add", source("corpus").string(), (root_ / "extra").string()});
    if (!require(r.exit_code == 0, "add: " + r.out)) return;
    // A position a librarian dated by its year only.
    const auto added = test::run({test::index_binary(),
                                  "--db",
                                  (root_ / "db").string(),
                                  "--quiet",
                                  "positions",
                                  "add",
                                  "--doc",
                                  (root_ / "extra" / "exact.txt").string(),
                                  "--actor",
                                  "Liên minh Khoáng sản",
                                  "--stance",
                                  "supports",
                                  "--page",
                                  "1",
                                  "--date",
                                  "2019",
                                  "--forum",
                                  "vpa-jic",
                                  "--forum-name",
                                  "Phiên <b>thử</b> & \"họp\"",
                                  "--target",
                                  "hòa bình <i>và</i> thủy lợi",
                                  "--quote",
                                  "hòa bình và thủy lợi"});
    if (!require(added.exit_code == 0, "positions add: " + added.out)) return;
    server_ = new test::TestServer(root_ / "db", source("ui"));
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
  static json get_json(const std::string& path, int expected_status = 200) {
    auto res = get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expected_status) << path << " -> " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"),
              std::string::npos);
    return json::parse(res->body);
  }
  static json search(const std::string& params) {
    return get_json("/api/search?" + params);
  }
  static std::string enc(const std::string& s) {
    return httplib::detail::encode_query_param(s);
  }
  // The catalog id of a file of the demo corpus or the extra folder.
  static int64_t id_of(const std::string& file_name) {
    const auto r = test::run({test::index_binary(), "--db",
                              (root_ / "db").string(), "list", "--json"},
                             false);
    for (const auto& d : json::parse(r.out)) {
      if (fs::path(d["path"].get<std::string>()).filename() == file_name)
        return d["id"];
    }
    ADD_FAILURE() << "no document " << file_name;
    return -1;
  }
  static std::vector<int64_t> hit_ids(const json& result) {
    std::vector<int64_t> ids;
    for (const auto& h : result["hits"]) ids.push_back(h["id"]);
    return ids;
  }
  // Every hit of `q` (at most 50), as a set.
  static std::set<int64_t> all_hits(const std::string& q) {
    const json r = search("q=" + enc(q) + "&per_page=50");
    EXPECT_LE(r["total"].get<int>(), 50) << q;
    const std::vector<int64_t> ids = hit_ids(r);
    return {ids.begin(), ids.end()};
  }
  // The language of a document, as /api/documents/{id} gives it.
  static std::string language_of(int64_t id) {
    return get_json("/api/documents/" + std::to_string(id))["language"];
  }

  // The suite's index and the corpus taxonomy, with the revision caches a
  // QueryBuilder reads: for tests that build queries themselves.
  struct QueryParts {
    QueryParts(Xapian::Database d, Taxonomy t)
        : db(std::move(d)), taxonomy(std::move(t)) {}
    Xapian::Database db;
    Taxonomy taxonomy;
    PairStatsCache pairs;
    PhraseDocsCache phrases;
  };
  // Null (the test failed) when the taxonomy does not load.
  static std::unique_ptr<QueryParts> query_parts() {
    std::string error;
    std::optional<Taxonomy> taxonomy =
        Taxonomy::load(source("corpus/taxonomy"), &error);
    EXPECT_TRUE(taxonomy) << error;
    if (!taxonomy) return nullptr;
    return std::make_unique<QueryParts>(
        Xapian::Database(index_path(root_ / "db").string()),
        std::move(*taxonomy));
  }

  // The catalog, read-only; null (the test failed) when it does not open.
  static std::unique_ptr<Catalog> read_catalog() {
    std::string error;
    std::unique_ptr<Catalog> catalog =
        Catalog::open(catalog_path(root_ / "db"), true, &error);
    EXPECT_TRUE(catalog) << error;
    return catalog;
  }

  static inline fs::path root_;
  static inline test::TestServer* server_ = nullptr;
  static inline int port_ = 0;
};

}  // namespace kb::server_test

#endif  // VNKB_TESTS_INTEGRATION_SERVER_TEST_FIXTURE_H_
