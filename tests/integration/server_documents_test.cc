// The server tests of documents, pages, files, bad input and the UI.
#include <gtest/gtest.h>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

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
      {"/api/search?from=2020-02-30", 400, "bad_parameter"},
      {"/api/search?to=2023-02-29", 400, "bad_parameter"},
      {"/api/positions?from=2021-04-31", 400, "bad_parameter"},
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

TEST_F(ServerTest, ServesTheUi) {
  auto res = get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"),
            std::string::npos);
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
}

}  // namespace
}  // namespace kb::server_test
