// The position matrix (/api/positions/matrix) and the brief
// (/api/positions/export and `vnkb-index positions export`), over the
// server fixture's index of the demo corpus.
#include <gtest/gtest.h>

#include <set>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// RFC 4180 records (fields may be quoted, with "" for a quote and line
// breaks inside quotes), after the byte order mark.
std::vector<std::vector<std::string>> parse_csv(const std::string& body) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 3; i < body.size(); ++i) {
    const char c = body[i];
    if (quoted) {
      if (c == '"' && i + 1 < body.size() && body[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      ADD_FAILURE() << "unquoted character in CSV at byte " << i;
      return rows;
    }
  }
  EXPECT_TRUE(row.empty() && field.empty()) << "no CRLF after the last record";
  return rows;
}

std::set<int64_t> position_ids(const json& answer) {
  std::set<int64_t> ids;
  for (const auto& p : answer["positions"]) ids.insert(p["id"].get<int64_t>());
  return ids;
}

TEST_F(ServerTest, ActorsOutsideTheTaxonomyHaveNamesAndPages) {
  // The seeds name actors the taxonomy does not know ("x:" ids): lists,
  // facets and actor pages show the name as written, never the id.
  const json all = get_json("/api/positions?per_page=100&facet_limit=100");
  std::string id, label;
  for (const auto& p : all["positions"]) {
    const std::string a = p["actor"]["id"];
    if (a.rfind("x:", 0) == 0) {
      id = a;
      label = p["actor"]["label"];
      break;
    }
  }
  ASSERT_FALSE(id.empty()) << "no open actor in the demo positions";
  EXPECT_NE(label, id);
  bool in_facet = false;
  for (const auto& v : all["facets"]["actor"]) {
    if (v["value"] == id) {
      in_facet = true;
      EXPECT_EQ(v["label"], label);
    }
  }
  EXPECT_TRUE(in_facet);
  const json page = get_json("/api/actors/" + id);
  EXPECT_EQ(page["name"], label);
  EXPECT_EQ(page["kind"], "open");
  EXPECT_GE(page["positions_total"].get<int>(), 1);
  for (const auto& p : page["positions"]) EXPECT_EQ(p["actor"]["id"], id);
  // The same page with the colon percent-encoded, as the web page links it.
  const json encoded = get_json("/api/actors/x%3A" + id.substr(2));
  EXPECT_EQ(encoded["name"], label);
  const json filtered = get_json("/api/positions?actor=" + id);
  EXPECT_EQ(filtered["total"], page["positions_total"]);
  get_json("/api/actors/x:khong-co-ai", 404);
  get_json("/api/actors/x:KHONG", 404);
}

TEST_F(ServerTest, PositionMatrixAcrossTopicsAndProcesses) {
  // Every cell is what the positions view lists for its actor and issue:
  // the same count, and its stance is that of the latest of them.
  auto check_cells = [](const json& m, const std::string& facet) {
    for (const auto& row : m["rows"]) {
      const std::string actor = row["actor"]["id"];
      ASSERT_EQ(row["cells"].size(), m["columns"].size());
      int filled = 0;
      for (size_t i = 0; i < row["cells"].size(); ++i) {
        const json& cell = row["cells"][i];
        if (cell.is_null()) continue;
        ++filled;
        const std::string issue = m["columns"][i]["id"];
        SCOPED_TRACE(actor + " × " + issue);
        const json list = get_json(
            "/api/positions?per_page=100&sort=date_desc&actor=" + enc(actor) +
            "&" + facet + "=" + enc(issue));
        EXPECT_EQ(cell["count"], list["total"]);
        int by_stance = 0;
        for (const auto& s : cell["stances"])
          by_stance += s["count"].get<int>();
        EXPECT_EQ(by_stance, cell["count"]);
        // The latest: no listed position is dated later than it.
        bool found = false;
        for (const auto& p : list["positions"]) {
          const std::string date = p["date"];
          if (!cell["date"].get<std::string>().empty())
            EXPECT_LE(date, cell["date"].get<std::string>());
          else
            EXPECT_EQ(date, "");
          if (p["id"] == cell["position_id"]) {
            found = true;
            EXPECT_EQ(p["stance"]["id"], cell["stance"]["id"]);
            EXPECT_EQ(p["date"], cell["date"]);
          }
        }
        EXPECT_TRUE(found);
      }
      EXPECT_GT(filled, 0);
    }
  };
  const json all = get_json("/api/positions?per_page=0");
  const json by_topic = get_json("/api/positions/matrix");
  EXPECT_EQ(by_topic["across"], "topic");
  EXPECT_EQ(by_topic["matched"], all["total"]);
  EXPECT_EQ(by_topic["read"], all["total"]);
  ASSERT_GT(by_topic["rows"].size(), 1u) << by_topic.dump(1);
  ASSERT_GT(by_topic["columns"].size(), 1u);
  // Columns and rows: most positions first; labels for people.
  int last = 1 << 30;
  for (const auto& c : by_topic["columns"]) {
    EXPECT_LE(c["count"].get<int>(), last);
    last = c["count"];
    EXPECT_FALSE(c["label"].get<std::string>().empty());
  }
  last = 1 << 30;
  for (const auto& r : by_topic["rows"]) {
    EXPECT_LE(r["count"].get<int>(), last);
    last = r["count"];
    EXPECT_FALSE(r["actor"]["label"].get<std::string>().empty());
  }
  check_cells(by_topic, "topic");

  const json by_process = get_json("/api/positions/matrix?across=process");
  EXPECT_EQ(by_process["across"], "process");
  ASSERT_GT(by_process["rows"].size(), 0u);
  check_cells(by_process, "process");

  // Filters and words narrow it as they narrow the list.
  const json monre = get_json("/api/positions/matrix?across=process&actor=" +
                              enc("Bộ Tài nguyên và Môi trường"));
  ASSERT_EQ(monre["rows"].size(), 1u);
  EXPECT_EQ(monre["rows"][0]["actor"]["id"], "btnmt");
  const json words =
      get_json("/api/positions/matrix?q=" + enc("cuộc họp tham vấn liên bộ"));
  EXPECT_GT(words["matched"].get<int>(), 0);
  EXPECT_EQ(words["matched"],
            get_json("/api/positions?per_page=0&q=" +
                     enc("cuộc họp tham vấn liên bộ"))["total"]);

  // The sizes are capped, and the answer says so.
  const json small = get_json("/api/positions/matrix?rows=1&columns=1");
  EXPECT_EQ(small["rows"].size(), 1u);
  EXPECT_EQ(small["columns"].size(), 1u);
  EXPECT_EQ(small["max_rows"], 1);
  EXPECT_EQ(small["truncated"], true);
  EXPECT_EQ(small["issues_total"], by_topic["issues_total"]);
  EXPECT_EQ(by_topic["truncated"],
            by_topic["columns"].size() < by_topic["issues_total"] ||
                by_topic["rows"].size() < by_topic["actors_total"]);
}

TEST_F(ServerTest, PositionMatrixRejectsBadParameters) {
  for (const char* path :
       {"/api/positions/matrix?across=actor",
        "/api/positions/matrix?across=", "/api/positions/matrix?rows=0",
        "/api/positions/matrix?rows=201", "/api/positions/matrix?columns=abc",
        "/api/positions/matrix?stance=maybe",
        "/api/positions/matrix?from=2021-13-01",
        "/api/positions/matrix?across=topic&across=process"}) {
    SCOPED_TRACE(path);
    const json e = get_json(path, 400);
    EXPECT_EQ(e["error"]["code"], "bad_parameter");
    EXPECT_FALSE(e["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(
      get_json("/api/positions/matrix?q=" + enc("(nhựa"), 400)["error"]["code"],
      "malformed_query");
  EXPECT_EQ(
      get_json("/api/positions/matrix?actor=no-such-actor")["rows"].size(), 0u);
}

TEST_F(ServerTest, PositionExportCsvAndMarkdown) {
  const json all = get_json("/api/positions?per_page=100");
  ASSERT_LE(all["total"].get<int>(), 100);
  auto csv = get("/api/positions/export?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  const std::string disposition = csv->get_header_value("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"lap-truong-", 0), 0u)
      << disposition;
  EXPECT_NE(disposition.find(".csv\""), std::string::npos);
  ASSERT_EQ(csv->body.rfind("\xEF\xBB\xBF", 0), 0u) << "no byte order mark";
  const auto rows = parse_csv(csv->body);
  ASSERT_EQ(rows.size(), all["total"].get<size_t>() + 1);
  EXPECT_EQ(rows[0][1], "Tác nhân");
  std::set<int64_t> ids;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size());
    ids.insert(std::stoll(rows[i][0]));
    EXPECT_FALSE(rows[i][9].empty());  // the quote
    EXPECT_EQ(rows[i][15].rfind("http://127.0.0.1:", 0), 0u) << rows[i][15];
  }
  EXPECT_EQ(ids, position_ids(all));

  // Markdown, filtered: the filter by its label, sections by process then
  // actor, each quote with its source and page.
  // The sample minutes' chair (corpus/samples/bien-ban-tham-van-lien-bo-inc5).
  auto md = get("/api/positions/export?format=md&actor=btnmt&stance=leads");
  ASSERT_TRUE(md);
  EXPECT_EQ(md->status, 200);
  EXPECT_EQ(md->get_header_value("Content-Type").rfind("text/markdown", 0), 0u);
  EXPECT_NE(md->get_header_value("Content-Disposition").find(".md\""),
            std::string::npos);
  const std::string& text = md->body;
  EXPECT_EQ(text.rfind("# Lập trường trong đàm phán\n", 0), 0u) << text;
  EXPECT_NE(text.find("Tác nhân: Bộ Tài nguyên và Môi trường"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Lập trường: chủ trì"), std::string::npos) << text;
  EXPECT_NE(text.find("\n## "), std::string::npos);
  EXPECT_NE(text.find("\n### Bộ Tài nguyên và Môi trường\n"),
            std::string::npos);
  EXPECT_NE(text.find("chủ trì cuộc họp tham vấn liên bộ"), std::string::npos);
  const json led = get_json("/api/positions?actor=btnmt&stance=leads");
  ASSERT_GT(led["total"].get<int>(), 0);
  size_t sources = 0;
  for (size_t at = 0; (at = text.find("Nguồn: ", at)) != std::string::npos;
       ++at)
    ++sources;
  EXPECT_GE(sources, led["total"].get<size_t>());
  EXPECT_NE(text.find(", trang "), std::string::npos);
  EXPECT_EQ(text.find("- **chủ trì**"), text.find("- **"));
  // Grouped by topic on request.
  auto by_topic = get("/api/positions/export?format=md&group_by=topic");
  ASSERT_TRUE(by_topic);
  EXPECT_NE(by_topic->body.find("rồi tác nhân"), std::string::npos);

  for (const char* path :
       {"/api/positions/export?format=docx", "/api/positions/export?format=",
        "/api/positions/export?format=md&group_by=actor",
        "/api/positions/export?stance=maybe"}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(get_json(path, 400)["error"]["code"], "bad_parameter");
  }
}

// The command line writes the same brief from the catalog.
TEST_F(ServerTest, PositionExportFromTheCommandLine) {
  const std::string db = (root_ / "db").string();
  const fs::path out = root_ / "brief.csv";
  const auto r = test::run({test::index_binary(), "--db", db, "positions",
                            "export", "--format", "csv", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(out, std::ios::binary);
  const std::string body((std::istreambuf_iterator<char>(in)), {});
  const auto rows = parse_csv(body);
  std::set<int64_t> ids;
  for (size_t i = 1; i < rows.size(); ++i) ids.insert(std::stoll(rows[i][0]));
  EXPECT_EQ(ids, position_ids(get_json("/api/positions?per_page=100")));

  const auto md =
      test::run({test::index_binary(), "--db", db, "-q", "positions", "export",
                 "--format", "md", "--actor", "Bộ Tài nguyên và Môi trường",
                 "--stance", "leads"},
                false);
  ASSERT_EQ(md.exit_code, 0) << md.out;
  EXPECT_EQ(md.out.rfind("# Lập trường trong đàm phán\n", 0), 0u) << md.out;
  const std::string heading = "\n### Bộ Tài nguyên và Môi trường\n";
  EXPECT_NE(md.out.find("Tác nhân: Bộ Tài nguyên và Môi trường"),
            std::string::npos);
  EXPECT_NE(md.out.find(heading), std::string::npos);
  for (size_t at = 0; (at = md.out.find("\n### ", at)) != std::string::npos;
       ++at) {
    EXPECT_EQ(md.out.compare(at, heading.size(), heading), 0)
        << "another actor in an export of one actor";
  }

  // Words the quote or target holds side by side; typed without
  // diacritics, in any spelling.
  auto exported_quotes = [&](const std::string& words) {
    const auto exported =
        test::run({test::index_binary(), "--db", db, "-q", "positions",
                   "export", "--format", "csv", "--words", words},
                  false);
    EXPECT_EQ(exported.exit_code, 0) << exported.out;
    const auto records = parse_csv(exported.out);
    std::set<std::string> quotes;
    for (size_t i = 1; i < records.size(); ++i)
      quotes.insert(records[i][9] + " | " + records[i][17]);  // quote | target
    return quotes;
  };
  const std::set<std::string> nhua = exported_quotes("nhựa");
  ASSERT_FALSE(nhua.empty());
  EXPECT_LT(nhua.size(), ids.size());
  for (const std::string& q : nhua) {
    EXPECT_TRUE(q.find("nhựa") != std::string::npos ||
                q.find("Nhựa") != std::string::npos)
        << q;
  }
  EXPECT_EQ(exported_quotes("nhua"), nhua);
  const std::set<std::string> primary = exported_quotes("nhựa nguyên sinh");
  ASSERT_FALSE(primary.empty());
  EXPECT_LT(primary.size(), nhua.size());
  for (const std::string& q : primary)
    EXPECT_NE(q.find("nhựa nguyên sinh"), std::string::npos) << q;
  // Side by side, not anywhere: no quote says "nguyên sinh nhựa".
  EXPECT_TRUE(exported_quotes("nguyên sinh nhựa").empty());

  struct Bad {
    std::vector<std::string> args;
    const char* message;
  };
  for (const Bad& bad : std::vector<Bad>{
           {{"--format", "docx"}, "--format must be csv or md"},
           {{"--format", "md", "--group-by", "year"}, "--group-by must be"},
           {{"--format", "csv", "--from", "2024-13-01"}, "--from must be"},
           {{"--format", "csv", "--stance", "maybe"}, "--stance"},
           {{"--format", "csv", "--actor", "no such actor"},
            "not in the taxonomy"},
           {{"--format", "csv", "--words", "!!!"}, "holds no word"}}) {
    std::vector<std::string> argv = {test::index_binary(), "--db", db,
                                     "positions", "export"};
    argv.insert(argv.end(), bad.args.begin(), bad.args.end());
    const auto e = test::run(argv);
    EXPECT_EQ(e.exit_code, 2) << e.out;
    EXPECT_NE(e.out.find(bad.message), std::string::npos) << e.out;
  }
  const auto missing =
      test::run({test::index_binary(), "--db", db, "positions", "export"});
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
}

}  // namespace
}  // namespace kb::server_test
