// Typed relations and validity through the real programs: vnkb-index reads
// two decisions of corpus/vbpl, the librarian records that one replaces the
// other, and vnkb-serve answers /api/documents/{id} with the relations both
// ways and the validity as of any date; the correction survives reindex.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/validity.h"
#include "tests/integration/process.h"
#include "tests/integration/suite_fixture.h"
#include "tests/integration/test_server.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class RelationsServerTest : public test::SuiteFixture<RelationsServerTest> {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() /
            ("vnkb-relations-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "docs");
    // 49/2025/TT-BNNMT (in force from 2025-10-03) and 42/2026/NĐ-CP (from
    // 2026-01-26), which amends documents outside the collection.
    for (const char* f : {"vbpl-000266.html", "vbpl-000184.html"})
      fs::copy_file(test::source("corpus/vbpl") / f, root_ / "docs" / f);
    const auto added = index({"add", (root_ / "docs").string()});
    if (!require(added.exit_code == 0, "add: " + added.out)) return;
    const auto related =
        index({"add", "--relation", "replaces 49/2025/TT-BNNMT",
               (root_ / "docs" / "vbpl-000184.html").string()});
    if (!require(related.exit_code == 0, "add --relation: " + related.out))
      return;
    server_ = new test::TestServer(root_ / "db");
    require(server_->port() > 0, "the server did not start");
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(root_);
  }

  static test::RunResult index(std::vector<std::string> args) {
    std::vector<std::string> argv = {test::index_binary(), "--db",
                                     (root_ / "db").string(), "--quiet"};
    argv.insert(argv.end(), args.begin(), args.end());
    return test::run(argv, false);
  }
  static int64_t id_of(const std::string& file) {
    const json docs = json::parse(index({"list", "--json"}).out);
    for (const auto& d : docs)
      if (fs::path(d["path"].get<std::string>()).filename() == file)
        return d["id"];
    ADD_FAILURE() << "no " << file;
    return -1;
  }
  static json get_json(const std::string& path, int status = 200) {
    auto res = server_->get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << " -> " << res->body;
    return json::parse(res->body);
  }

  static inline fs::path root_;
  static inline test::TestServer* server_ = nullptr;
};

TEST_F(RelationsServerTest, ValidityAsOfADate) {
  const std::string doc =
      "/api/documents/" + std::to_string(id_of("vbpl-000266.html"));
  EXPECT_EQ(get_json(doc + "?as_of=2025-09-01")["validity"]["state"],
            "not_yet_in_force");
  const json before = get_json(doc + "?as_of=2025-12-01");
  EXPECT_EQ(before["validity"]["state"], "in_force");
  EXPECT_EQ(before["validity"]["label"], "Còn hiệu lực");
  EXPECT_EQ(before["effective_date"], "2025-10-03");
  const json after = get_json(doc + "?as_of=2026-02-01");
  EXPECT_EQ(after["validity"]["state"], "expired");
  EXPECT_EQ(after["validity"]["by_id"], id_of("vbpl-000184.html"));
  EXPECT_EQ(after["validity"]["reason"],
            "bị thay thế bởi Nghị định 42/2026/NĐ-CP từ ngày 26/01/2026");
  EXPECT_EQ(after["validity"]["as_of"], "2026-02-01");
  // Today by default.
  EXPECT_EQ(get_json(doc)["validity"]["as_of"].get<std::string>().size(), 10u);
}

TEST_F(RelationsServerTest, BadAsOfIs400) {
  const std::string doc =
      "/api/documents/" + std::to_string(id_of("vbpl-000266.html"));
  for (const char* bad : {"2026-02-30", "yesterday", "2026-1-5", "20260101"}) {
    const json j = get_json(doc + "?as_of=" + bad, 400);
    EXPECT_NE(j.dump().find("as_of"), std::string::npos) << bad;
  }
  get_json(doc + "?as_of=2026-01-01&as_of=2026-01-02", 400);
}

TEST_F(RelationsServerTest, TypedRelationsBothWays) {
  const int64_t replaced = id_of("vbpl-000266.html");
  const int64_t replacing = id_of("vbpl-000184.html");
  const json by = get_json("/api/documents/" + std::to_string(replaced));
  bool found = false;
  for (const auto& r : by["related_by"]) {
    if (r["kind"] == "replaces") {
      EXPECT_EQ(r["id"], replacing);
      EXPECT_EQ(r["number"], "42/2026/NĐ-CP");
      EXPECT_EQ(r["source"], "librarian");
      found = true;
    }
  }
  EXPECT_TRUE(found) << by["related_by"].dump();
  const json own = get_json("/api/documents/" + std::to_string(replacing));
  std::set<std::string> kinds;
  for (const auto& r : own["relations"]) {
    kinds.insert(r["kind"].get<std::string>());
    if (r["kind"] == "replaces" && r["number"] == "49/2025/TT-BNNMT") {
      EXPECT_EQ(r["id"], replaced);
      EXPECT_EQ(r["source"], "librarian");
    }
    // Read from the text: the sentence and its page come along.
    if (r["source"] == "extracted" && r["kind"] != "cites") {
      EXPECT_FALSE(r["sentence"].get<std::string>().empty()) << r.dump();
      EXPECT_GE(r["page"].get<int>(), 1);
    }
  }
  EXPECT_TRUE(kinds.count("replaces"));
  EXPECT_TRUE(kinds.count("cites"));
  // The citations keep their own list too.
  EXPECT_FALSE(own["cites"].empty());
}

TEST_F(RelationsServerTest, NumberSearchListsTheDecisionThenWhatRelatesToIt) {
  const json r =
      get_json("/api/search?q=" +
               httplib::detail::encode_query_param("49/2025/TT-BNNMT"));
  std::vector<int64_t> ids;
  for (const auto& h : r["hits"]) ids.push_back(h["id"]);
  ASSERT_EQ(ids.size(), 2u) << r.dump();
  EXPECT_EQ(ids[0], id_of("vbpl-000266.html"));
  EXPECT_EQ(ids[1], id_of("vbpl-000184.html"));
}

// The validity facet of /api/search: each document counted under its state
// today, as its own page gives it; filtering by a state (its key or its
// Vietnamese label) finds exactly those documents.
TEST_F(RelationsServerTest, ValidityFacetCountsTodaysStates) {
  std::map<std::string, std::set<int64_t>> docs_in;
  for (const char* f : {"vbpl-000266.html", "vbpl-000184.html"}) {
    const int64_t id = id_of(f);
    const std::string state =
        get_json("/api/documents/" + std::to_string(id))["validity"]["state"];
    docs_in[state.empty() ? "unknown" : state].insert(id);
  }
  ASSERT_EQ(docs_in.size(), 2u);  // one replaced the other
  const json all = get_json("/api/search?facet_limit=10");
  std::map<std::string, int64_t> counts;
  for (const auto& v : all["facets"]["validity"]) {
    counts[v["value"]] = v["count"];
    EXPECT_EQ(v["label"], v["value"] == "unknown"
                              ? "Không rõ"
                              : validity_label(v["value"].get<std::string>()));
  }
  std::map<std::string, int64_t> want;
  for (const auto& [state, ids] : docs_in)
    want[state] = static_cast<int64_t>(ids.size());
  EXPECT_EQ(counts, want) << all["facets"].dump();
  for (const auto& [state, ids] : docs_in) {
    const json r = get_json("/api/search?facet_limit=10&validity=" + state);
    std::set<int64_t> hits;
    for (const auto& h : r["hits"]) hits.insert(h["id"].get<int64_t>());
    EXPECT_EQ(hits, ids) << state;
    EXPECT_EQ(r["total"], ids.size());
    // The facet is counted without its own filter: every state still shows.
    EXPECT_EQ(r["facets"]["validity"].size(), docs_in.size());
    const json by_label =
        get_json("/api/search?validity=" +
                 httplib::detail::encode_query_param(validity_label(state)));
    EXPECT_EQ(by_label["total"], ids.size()) << validity_label(state);
  }
  const json bad = get_json("/api/search?validity=gone", 400);
  EXPECT_NE(bad.dump().find("validity must be one of"), std::string::npos);
  bool defined = false;
  const json definitions = get_json("/api/facets?facet_limit=0");
  for (const auto& f : definitions["definitions"]["search"])
    defined |= f["name"] == "validity" && f["label"] == "Hiệu lực";
  EXPECT_TRUE(defined);
}

TEST_F(RelationsServerTest, CorrectionsSurviveReindex) {
  ASSERT_EQ(
      index({"add", "--effective-date", "2026-02-01", "--validity",
             "partly_expired", (root_ / "docs" / "vbpl-000266.html").string()})
          .exit_code,
      0);
  ASSERT_EQ(index({"reindex"}).exit_code, 0);
  const json shown = json::parse(
      index({"show", "--json", (root_ / "docs" / "vbpl-000266.html").string()})
          .out);
  EXPECT_EQ(shown["effective_date"], "2026-02-01");
  EXPECT_EQ(shown["validity"]["state"], "partly_expired");
  EXPECT_EQ(shown["source"]["effective_date"], "librarian");
  const json other = json::parse(
      index({"show", "--json", (root_ / "docs" / "vbpl-000184.html").string()})
          .out);
  bool kept = false;
  for (const auto& r : other["relations"])
    kept |= r["kind"] == "replaces" && r["number"] == "49/2025/TT-BNNMT";
  EXPECT_TRUE(kept);
  // A bad value is a usage error.
  EXPECT_EQ(index({"add", "--relation", "supersedes 1/2020/TT-BTC",
                   (root_ / "docs" / "vbpl-000184.html").string()})
                .exit_code,
            2);
}

}  // namespace
}  // namespace kb
