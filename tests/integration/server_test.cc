// vnkb-serve's API over HTTP on 127.0.0.1, against an index that the real
// vnkb-index built from the demo corpus and a few test documents.
#include "search-server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "search-server/searcher.h"
#include "tests/integration/process.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using test::source;

// One server for the whole suite: building the index is the slow part.
class ServerTest : public ::testing::Test {
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
    std::ofstream(root_ / "extra" / "inject.html")
        << "<html><head><title>Thư &lt;b&gt;độc&lt;/b&gt;</title></head><body>"
           "<p>&lt;script&gt;alert(1)&lt;/script&gt; rác thải nhựa &lt;img "
           "src=x "
           "onerror=alert(2)&gt; đại dương</p></body></html>";
    const auto r = test::run(
        {test::index_binary(), "--db", (root_ / "db").string(), "--quiet",
         "add", source("corpus").string(), (root_ / "extra").string()});
    ASSERT_EQ(r.exit_code, 0) << r.out;
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
                                  "--quote",
                                  "hòa bình và thủy lợi"});
    ASSERT_EQ(added.exit_code, 0) << added.out;
    searcher_ = new Searcher(root_ / "db");
    server_ = new httplib::Server();
    register_routes(*server_, *searcher_, ServerOptions{source("ui"), {}});
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = new std::thread([] { server_->listen_after_bind(); });
    while (!server_->is_running())
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete searcher_;
    fs::remove_all(root_);
  }

  static httplib::Result get(const std::string& path,
                             httplib::Headers headers = {}) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c.Get(path.c_str(), headers);
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

  static fs::path root_;
  static Searcher* searcher_;
  static httplib::Server* server_;
  static std::thread* thread_;
  static int port_;
};

fs::path ServerTest::root_;
Searcher* ServerTest::searcher_ = nullptr;
httplib::Server* ServerTest::server_ = nullptr;
std::thread* ServerTest::thread_ = nullptr;
int ServerTest::port_ = 0;

TEST_F(ServerTest, Health) {
  const json h = get_json("/api/health");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["documents"], 25);
  EXPECT_TRUE(h.contains("revision"));
}

TEST_F(ServerTest, ResponseShape) {
  const json r = search("q=" + enc("nhựa") + "&per_page=2");
  for (const char* key :
       {"query", "total", "page", "per_page", "hits", "facets", "suggestion"}) {
    EXPECT_TRUE(r.contains(key)) << key;
  }
  ASSERT_FALSE(r["hits"].empty());
  for (const char* key :
       {"id", "title", "type", "number", "issuer", "issue_date", "networks",
        "topics", "score", "snippet", "page"}) {
    EXPECT_TRUE(r["hits"][0].contains(key)) << key;
  }
  for (const std::string& f : kFacetNames)
    EXPECT_TRUE(r["facets"].contains(f)) << f;
}

TEST_F(ServerTest, UnaccentedQueryFindsAccentedDocuments) {
  const json r = search("q=" + enc("thoa thuan toan cau o nhiem nhua"));
  ASSERT_GT(r["total"], 0);
  EXPECT_EQ(r["hits"][0]["id"], id_of("004_cf0b71758d62ef38.txt"));
}

TEST_F(ServerTest, AccentedQueryRanksExactSpellingFirstAndFindsTheOthers) {
  const int64_t exact = id_of("exact.txt"), newstyle = id_of("newstyle.txt"),
                plain = id_of("plain.txt");
  auto rank = [](const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  const std::vector<int64_t> accented =
      hit_ids(search("q=" + enc("hòa bình thủy lợi") + "&per_page=100"));
  // Both tone placements are the same canonical spelling; the unaccented
  // document matches only through the folded tier, so it comes after them.
  ASSERT_LT(rank(accented, plain), static_cast<long>(accented.size()));
  EXPECT_LT(rank(accented, exact), rank(accented, plain));
  EXPECT_LT(rank(accented, newstyle), rank(accented, plain));
  // Unaccented: every spelling, equally.
  const std::vector<int64_t> unaccented =
      hit_ids(search("q=" + enc("hoa binh thuy loi") + "&per_page=100"));
  for (int64_t id : {exact, newstyle, plain}) {
    EXPECT_LT(rank(unaccented, id), static_cast<long>(unaccented.size()));
  }
}

TEST_F(ServerTest, NormalizationAndTonePlacementNeverMatter) {
  const json nfc = search("q=" + enc("hòa bình"));
  EXPECT_EQ(hit_ids(search("q=" + enc(test::nfd("hòa bình")))), hit_ids(nfc));
  EXPECT_EQ(hit_ids(search("q=" + enc("hoà bình"))), hit_ids(nfc));
  EXPECT_EQ(hit_ids(search("q=" + enc("HOÀ BÌNH"))), hit_ids(nfc));
  // The NFD document is found by the NFC query.
  const auto ids = hit_ids(nfc);
  EXPECT_NE(std::find(ids.begin(), ids.end(), id_of("nfd.txt")), ids.end());
}

TEST_F(ServerTest, PhrasesAndBooleanOperators) {
  const int64_t plastics = id_of("004_cf0b71758d62ef38.txt");
  const int64_t npap = id_of("002_8887ebef5e683073.txt");
  auto ids = hit_ids(search("q=" + enc("\"ô nhiễm nhựa đại dương\"")));
  EXPECT_NE(std::find(ids.begin(), ids.end(), plastics), ids.end());
  for (int64_t id : hit_ids(search("q=" + enc("\"nhựa đại dương\"")))) {
    const json text =
        get_json("/api/documents/" + std::to_string(id) + "/text?page=1");
    EXPECT_NE(canonical_string(text["text"].get<std::string>())
                  .find("nhựa đại dương"),
              std::string::npos);
  }
  // NOT excludes, OR widens, parentheses group.
  ids = hit_ids(search("q=" + enc("nhựa NOT \"đại dương\"") + "&per_page=50"));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), plastics), ids.end());
  ids = hit_ids(search("q=" + enc("nhựa -dương") + "&per_page=50"));
  EXPECT_EQ(std::find(ids.begin(), ids.end(), plastics), ids.end());
  const json either = search("q=" + enc("FLEGT OR EITI"));
  const json flegt = search("q=FLEGT"), eiti = search("q=EITI");
  EXPECT_GE(either["total"].get<int>(),
            std::max(flegt["total"].get<int>(), eiti["total"].get<int>()));
  EXPECT_GT(flegt["total"], 0);
  ids = hit_ids(search("q=" + enc("(nhựa OR khoáng) AND EITI")));
  EXPECT_EQ(ids, std::vector<int64_t>{id_of("003_931c19f7e019d404.txt")});
  EXPECT_NE(npap, plastics);
}

TEST_F(ServerTest, DecisionNumberVariantsPutTheDecisionFirstThenItsCiters) {
  const int64_t decree = id_of("vbpl-000044.html");
  const std::set<int64_t> citers = {id_of("vbpl-000487.html"),
                                    id_of("vbpl-000495.html")};
  for (const char* q : {"362/2025/NĐ-CP", "362/2025/ND-CP", "362/2025/NĐCP",
                        "362 / 2025 / NĐ - CP", "nghị định 362/2025", "NĐ 362",
                        "phí 362/2025/NĐ-CP", "so:362/2025/NĐ-CP"}) {
    SCOPED_TRACE(q);
    const auto ids = hit_ids(search("q=" + enc(q)));
    ASSERT_GE(ids.size(), 3u);
    EXPECT_EQ(ids[0], decree);
    EXPECT_EQ(std::set<int64_t>(ids.begin() + 1, ids.begin() + 3), citers);
  }
}

TEST_F(ServerTest, AliasesFromTheTaxonomyExpand) {
  // No demo document writes "BTNMT" as a word on its own except in numbers;
  // it names the ministry in full or as "Bộ TN&MT".
  const auto ids = hit_ids(search("q=BTNMT&per_page=50"));
  EXPECT_NE(
      std::find(ids.begin(), ids.end(), id_of("002_8887ebef5e683073.txt")),
      ids.end());
  const auto monre = hit_ids(search("q=MONRE&per_page=50"));
  EXPECT_FALSE(monre.empty());
  const auto full = hit_ids(
      search("q=" + enc("Bộ Tài nguyên và Môi trường") + "&per_page=50"));
  for (int64_t id : monre)
    EXPECT_NE(std::find(full.begin(), full.end(), id), full.end());
}

TEST_F(ServerTest, FacetsCountTheWholeMatchSetAndFilterCorrectly) {
  const json all = search("q=&per_page=0&facet_limit=100");
  ASSERT_GT(all["total"], 0);
  // Each network's count equals the total when filtering by it.
  for (const auto& v : all["facets"]["network"]) {
    const json filtered = search("network=" + enc(v["value"]) + "&per_page=0");
    EXPECT_EQ(filtered["total"], v["count"]) << v["value"];
  }
  for (const auto& v : all["facets"]["type"]) {
    const json filtered = search("type=" + enc(v["label"]) + "&per_page=0");
    EXPECT_EQ(filtered["total"], v["count"]) << v["label"];
  }
  // OR within a facet, AND across facets.
  const auto& nets = all["facets"]["network"];
  ASSERT_GE(nets.size(), 2u);
  const std::string a = nets[0]["value"], b = nets[1]["value"];
  const json ab =
      search("network=" + enc(a) + "&network=" + enc(b) + "&per_page=100");
  const json only_a = search("network=" + enc(a) + "&per_page=100");
  EXPECT_GE(ab["total"].get<int>(), only_a["total"].get<int>());
  const json a_and_year = search("network=" + enc(a) + "&year=1999&per_page=0");
  EXPECT_EQ(a_and_year["total"], 0);
  // A selected value stays listed, even with no match.
  bool listed = false;
  for (const auto& v : a_and_year["facets"]["year"]) {
    if (v["value"] == "1999") {
      listed = true;
      EXPECT_TRUE(v["selected"].get<bool>());
      EXPECT_EQ(v["count"], 0);
    }
  }
  EXPECT_TRUE(listed);
  // facet_limit caps the list.
  EXPECT_LE(search("q=&per_page=0&facet_limit=1")["facets"]["topic"].size(),
            1u);
}

TEST_F(ServerTest, TheCountingPassFindsWhatTheRankingPassFinds) {
  // Totals and facets are counted with the folded tier alone and phrases
  // through word-pair terms; the hits come from both tiers and positions.
  // Both must see the same documents, whatever the query.
  for (const std::string q :
       {"hòa bình", "hoà bình", "\"hòa bình\"", "thủy lợi -đồng",
        "hòa bình OR nhựa", "\"thuỷ lợi\" sông", "nhựa đại dương", "quyết định",
        "liên minh khoáng sản", "ô nhiễm nhựa", "\"hòa bình và thủy lợi\"",
        "\"hoa binh va\"", "\"thuy loi\"", "\"quyết định 1407/QĐ-TTg\"",
        "\"rác thải nhựa\" -đồng"}) {
    SCOPED_TRACE(q);
    const json r = search("q=" + enc(q) + "&per_page=100");
    ASSERT_LE(r["total"].get<int>(), 100);
    EXPECT_EQ(r["total"].get<size_t>(), r["hits"].size());
    if (q.find('"') != std::string::npos &&
        q.find("1407") == std::string::npos) {
      EXPECT_GT(r["total"].get<int>(), 0);  // the phrases are in the texts
    }
    int64_t by_type = 0;
    for (const auto& v : r["facets"]["type"]) by_type += v["count"].get<int>();
    EXPECT_LE(by_type, r["total"].get<int64_t>());
  }
}

TEST_F(ServerTest, BrowseSortAndDates) {
  const json r = search("q=&sort=date_desc&per_page=50");
  std::string previous = "9999-99-99";
  for (const auto& h : r["hits"]) {
    const std::string d = h["issue_date"];
    if (d.empty()) continue;
    EXPECT_LE(d, previous);
    previous = d;
  }
  const json range = search("q=&from=2025-01-01&to=2025-12-31&per_page=100");
  for (const auto& h : range["hits"]) {
    EXPECT_EQ(h["issue_date"].get<std::string>().substr(0, 4), "2025")
        << h["title"];
  }
}

TEST_F(ServerTest, SnippetsShowTheBestPassageWithItsPageAndAreEscaped) {
  // A word that occurs only deep inside a multi-page PDF.
  const json text =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-000217.pdf")) +
               "/text?page=5");
  ASSERT_TRUE(text.contains("text"));
  const json r = search("q=" + enc("xuất cảnh") + "&per_page=50");
  bool found = false;
  for (const auto& h : r["hits"]) {
    const std::string snippet = h["snippet"];
    EXPECT_EQ(snippet.find("<script"), std::string::npos);
    if (h["id"] == id_of("vbpl-000217.pdf")) {
      found = true;
      EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
      EXPECT_GE(h["page"].get<int>(), 1);
    }
  }
  (void)found;
  const json inject = search("q=" + enc("rác thải nhựa alert"));
  ASSERT_FALSE(inject["hits"].empty());
  const std::string s = inject["hits"][0]["snippet"];
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos) << s;
  EXPECT_EQ(s.find("<script"), std::string::npos) << s;
  EXPECT_EQ(s.find("<img"), std::string::npos) << s;
}

TEST_F(ServerTest, DocumentsCitesAndCitedBy) {
  const json d =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-000487.html")));
  for (const char* key :
       {"id", "title", "type", "number", "issuer", "issue_date", "cites",
        "cited_by", "pages", "networks", "topics"}) {
    EXPECT_TRUE(d.contains(key)) << key;
  }
  bool links_decree = false;
  for (const auto& c : d["cites"]) {
    if (c["id"] == id_of("vbpl-000044.html")) links_decree = true;
  }
  EXPECT_TRUE(links_decree) << d["cites"].dump();
  const json decree =
      get_json("/api/documents/" + std::to_string(id_of("vbpl-000044.html")));
  std::set<int64_t> cited_by;
  for (const auto& c : decree["cited_by"])
    cited_by.insert(c["id"].get<int64_t>());
  EXPECT_TRUE(cited_by.count(id_of("vbpl-000487.html")));
  EXPECT_TRUE(cited_by.count(id_of("vbpl-000495.html")));
  get_json("/api/documents/999999", 404);
  get_json("/api/documents/" + std::to_string(id_of("vbpl-000044.html")) +
               "/text?page=999",
           404);
}

TEST_F(ServerTest, PageTextHighlightsTheQuery) {
  const json t =
      get_json("/api/documents/" + std::to_string(id_of("inject.html")) +
               "/text?page=1&q=" + enc("nhua"));
  const std::string html = t["html"];
  EXPECT_NE(html.find("<mark>nhựa</mark>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(t["text"].get<std::string>().find("<script>"),
            std::string::npos);  // raw text as data
}

TEST_F(ServerTest, FilesWithContentTypeAndRanges) {
  const std::string path =
      "/api/documents/" + std::to_string(id_of("vbpl-000100.pdf")) + "/file";
  auto res = get(path);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->body.substr(0, 5), "%PDF-");
  EXPECT_EQ(res->body.size(),
            fs::file_size(source("corpus/pdf/vbpl-000100.pdf")));
  auto part = get(path, {{"Range", "bytes=0-9"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, res->body.substr(0, 10));
  // The HTML of a document never runs in our origin.
  auto html =
      get("/api/documents/" + std::to_string(id_of("inject.html")) + "/file");
  ASSERT_TRUE(html);
  EXPECT_EQ(
      html->get_header_value("Content-Security-Policy").rfind("sandbox", 0),
      0u);
  // Only catalog files: no path from the request reaches the file system.
  for (const char* bad :
       {"/api/documents/../../../../etc/passwd",
        "/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd/file",
        "/api/documents/99999/file", "/api/documents/abc/file"}) {
    auto r = get(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 404) << bad;
    EXPECT_EQ(r->body.find("root:"), std::string::npos);
  }
}

TEST_F(ServerTest, BadInputGetsA4xxWithAClearMessage) {
  const struct {
    std::string path;
    int status;
    std::string code;
  } cases[] = {
      {"/api/search?per_page=1000", 400, "bad_parameter"},
      {"/api/search?page=0", 400, "bad_parameter"},
      {"/api/search?page=abc", 400, "bad_parameter"},
      {"/api/search?sort=size", 400, "bad_parameter"},
      {"/api/search?from=2021-13-01", 400, "bad_parameter"},
      {"/api/search?year=20x1", 400, "bad_parameter"},
      {"/api/search?number=not-a-number", 400, "bad_parameter"},
      {"/api/search?q=" + std::string(1200, 'a'), 400, "bad_parameter"},
      {"/api/search?q=%FF%FE", 400, "bad_parameter"},
      {"/api/search?q=a&q=b", 400, "bad_parameter"},
      {"/api/search?q=" + enc("(nhựa"), 400, "malformed_query"},
      {"/api/search?q=" + enc("nhựa)"), 400, "malformed_query"},
      {"/api/search?q=" + enc("nhựa AND"), 400, "malformed_query"},
      {"/api/search?q=" + enc("OR"), 400, "malformed_query"},
      {"/api/nope", 404, "not_found"},
      {"/api/documents/12345678901234567890", 404, "not_found"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path.substr(0, 80));
    const json e = get_json(c.path, c.status);
    ASSERT_TRUE(e.contains("error"));
    EXPECT_EQ(e["error"]["code"], c.code);
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  httplib::Client c("127.0.0.1", port_);
  auto post = c.Post("/api/search", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  // An unknown taxonomy value is a warning and no match, not an error.
  const json unknown = search("network=no-such-network");
  EXPECT_EQ(unknown["total"], 0);
  EXPECT_FALSE(unknown["warnings"].empty());
}

TEST_F(ServerTest, PositionsBrowseFilterAndSearch) {
  // Without words: a timeline, oldest first, every position with its
  // document and page.
  const json all = get_json("/api/positions?per_page=100");
  ASSERT_GT(all["total"].get<int>(), 5);
  std::string last_date;
  for (const auto& p : all["positions"]) {
    EXPECT_FALSE(p["actor"]["id"].get<std::string>().empty());
    EXPECT_FALSE(p["quote"].get<std::string>().empty());
    EXPECT_GE(p["page"].get<int>(), 1);
    const std::string date = p["date"];
    if (!date.empty()) {
      EXPECT_LE(last_date, date);
      last_date = date;
    }
  }
  const json first = all["positions"][0];
  get_json("/api/documents/" + std::to_string(first["document_id"].get<int>()));

  // The seed's passage: the Ministry of Foreign Affairs leads the lobbying
  // in the plastics treaty; found by actor name, stance and process, and by
  // words of the quote with or without diacritics.
  auto has_mofa_lobbying = [](const json& r) {
    for (const auto& p : r["positions"]) {
      if (p["actor"]["id"] == "bng" && p["stance"]["id"] == "leads" &&
          p["quote"].get<std::string>().find("vận động") != std::string::npos)
        return true;
    }
    return false;
  };
  const json mofa = get_json("/api/positions?actor=" + enc("Bộ Ngoại giao") +
                             "&stance=leads&process=plastics-treaty");
  EXPECT_TRUE(has_mofa_lobbying(mofa)) << mofa.dump(1);
  for (const auto& p : mofa["positions"]) EXPECT_EQ(p["actor"]["id"], "bng");
  bool selected = false;
  for (const auto& v : mofa["facets"]["actor"])
    selected |= v["value"] == "bng" && v["selected"] == true;
  EXPECT_TRUE(selected);
  EXPECT_TRUE(has_mofa_lobbying(
      get_json("/api/positions?q=" + enc("vận động các quốc gia"))));
  EXPECT_TRUE(has_mofa_lobbying(
      get_json("/api/positions?q=" + enc("van dong cac quoc gia"))));

  // Facet counts add up to the filtered totals.
  for (const auto& v : all["facets"]["stance"]) {
    const json one = get_json("/api/positions?per_page=0&stance=" +
                              v["value"].get<std::string>());
    EXPECT_EQ(one["total"], v["count"]) << v.dump();
  }
  // Dates: a range keeps only positions inside it.
  const json range =
      get_json("/api/positions?from=2021-01-01&to=2021-12-31&per_page=100");
  for (const auto& p : range["positions"]) {
    EXPECT_GE(p["date"].get<std::string>(), "2021-01-01");
    EXPECT_LE(p["date"].get<std::string>(), "2021-12-31");
  }
  EXPECT_LT(range["total"].get<int>(), all["total"].get<int>());

  // Bad input: 4xx with a clear message.
  for (const char* path :
       {"/api/positions?stance=maybe", "/api/positions?per_page=1000",
        "/api/positions?from=2021-13-01", "/api/positions?sort=size",
        "/api/positions?year=20x1", "/api/positions?page=0"}) {
    SCOPED_TRACE(path);
    const json e = get_json(path, 400);
    EXPECT_EQ(e["error"]["code"], "bad_parameter");
  }
  EXPECT_EQ(get_json("/api/positions?q=" + enc("(nhựa"), 400)["error"]["code"],
            "malformed_query");
  EXPECT_EQ(get_json("/api/positions?actor=no-such-actor")["total"], 0);
}

TEST_F(ServerTest, PositionFacetsLetASecondValueBeAdded) {
  // A filtered facet still lists the other values, with the counts they
  // would have on their own.
  const json all = get_json("/api/positions?per_page=0");
  ASSERT_GE(all["facets"]["actor"].size(), 2u);
  const std::string first = all["facets"]["actor"][0]["value"];
  const std::string second = all["facets"]["actor"][1]["value"];
  const json one = get_json("/api/positions?per_page=0&actor=" + first);
  EXPECT_EQ(one["total"], all["facets"]["actor"][0]["count"]);
  ASSERT_GE(one["facets"]["actor"].size(), 2u);
  for (const auto& v : one["facets"]["actor"]) {
    EXPECT_EQ(v["selected"], v["value"] == first);
    if (v["value"] == second) {
      EXPECT_EQ(v["count"], all["facets"]["actor"][1]["count"]);
    }
  }
  const json both =
      get_json("/api/positions?per_page=0&actor=" + first + "&actor=" + second);
  EXPECT_EQ(both["total"].get<int>(),
            all["facets"]["actor"][0]["count"].get<int>() +
                all["facets"]["actor"][1]["count"].get<int>());

  // A forum is a value of the process facet, counted as its filter finds.
  std::string forum;
  const json alliance = get_json("/api/positions?actor=lmks&per_page=100");
  for (const auto& p : alliance["positions"]) {
    if (!p["forum"].is_null()) forum = p["forum"]["id"].get<std::string>();
  }
  ASSERT_FALSE(forum.empty()) << "the librarian's position names one";
  const json in_forum = get_json("/api/positions?per_page=0&process=" + forum);
  bool counted = false;
  for (const auto& v : in_forum["facets"]["process"]) {
    if (v["value"] == forum) {
      counted = true;
      EXPECT_EQ(v["count"], in_forum["total"]);
    }
  }
  EXPECT_TRUE(counted) << in_forum.dump(1);

  // A position dated by its year is inside a range covering that year.
  const json year = get_json("/api/positions?year=2019&actor=lmks");
  ASSERT_EQ(year["total"], 1) << year.dump(1);
  EXPECT_EQ(year["positions"][0]["date"], "2019");
  EXPECT_EQ(
      get_json(
          "/api/positions?from=2019-01-01&to=2019-12-31&actor=lmks")["total"],
      1);
  EXPECT_EQ(
      get_json("/api/positions?from=2020-01-01&actor=lmks&year=2019")["total"],
      0);
}

TEST_F(ServerTest, ActorPages) {
  const json mofa = get_json("/api/actors/bng");
  EXPECT_EQ(mofa["name"], "Bộ Ngoại giao");
  EXPECT_GT(mofa["positions_total"].get<int>(), 0);
  for (const auto& p : mofa["positions"]) EXPECT_EQ(p["actor"]["id"], "bng");
  // A network lists its members.
  const json networks = get_json("/api/facets")["facets"]["network"];
  ASSERT_FALSE(networks.empty());
  bool some_members = false;
  for (const auto& n : networks) {
    const json page = get_json("/api/actors/" + n["value"].get<std::string>());
    some_members |= !page["members"].empty();
  }
  EXPECT_TRUE(some_members);
  EXPECT_EQ(get_json("/api/actors/no-such-actor", 404)["error"]["code"],
            "not_found");
  EXPECT_EQ(get_json("/api/actors/plastics", 404)["error"]["code"],
            "not_found");  // a topic is no actor
  // A process's page holds the positions taken in it.
  const json treaty = get_json("/api/actors/plastics-treaty");
  EXPECT_EQ(treaty["kind"], "process");
  EXPECT_EQ(treaty["positions_total"],
            get_json("/api/positions?process=plastics-treaty")["total"]);
  EXPECT_GT(treaty["positions_total"].get<int>(), 0);
}

TEST_F(ServerTest, SuggestionRestoresDiacriticsAndFixesTypos) {
  const json r = search("q=" + enc("lien minh khoang sann"));
  ASSERT_FALSE(r["suggestion"].is_null());
  EXPECT_EQ(r["suggestion"], "liên minh khoáng sản");
  EXPECT_TRUE(search("q=" + enc("nhựa"))["suggestion"].is_null());
  // Words typed with their diacritics, as the collection spells them: few
  // results come from the filter, not from the words.
  const json filtered = search("q=" + enc("hòa bình") + "&year=1999");
  EXPECT_EQ(filtered["total"], 0);
  EXPECT_TRUE(filtered["suggestion"].is_null()) << filtered["suggestion"];
}

// Searches wait their turn beyond one per core (here: two at once).
TEST_F(ServerTest, AtMostMaxActiveSearchesWorkAtOnce) {
  Searcher gated(root_ / "db", 2);
  SearchRequest r;
  r.q = "hòa bình";
  const json expected = gated.search(r);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        if (gated.search(r)["hits"] != expected["hits"]) ++mismatches;
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

TEST_F(ServerTest, ServesTheUi) {
  auto res = get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"),
            std::string::npos);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
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
}  // namespace kb
