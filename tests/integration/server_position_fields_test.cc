// Positions of the demo corpus through the server: each carries the forum
// as the text names it and what the stance is about (/api/positions, the
// quotes behind a matrix cell, the brief), and they come from negotiation
// records (corpus/samples/, fictional records written for vnkb), never from
// legal documents or a court case.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

// Every position the API lists, all pages, read with `get_json` (the
// fixture's, protected).
json all_positions(const std::function<json(const std::string&)>& get_json) {
  json out = json::array();
  for (int page = 1;; ++page) {
    const json r =
        get_json("/api/positions?per_page=100&page=" + std::to_string(page));
    for (const auto& p : r["positions"]) out.push_back(p);
    if (out.size() >= r["total"].get<size_t>() || r["positions"].empty())
      return out;
  }
}

struct CatalogDoc {
  std::string path, type;
};

// The catalog's documents by id, as `vnkb-index list --json` gives them.
std::map<int64_t, CatalogDoc> catalog_documents(const fs::path& db) {
  const auto r = test::run(
      {test::index_binary(), "--db", db.string(), "list", "--json"}, false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::map<int64_t, CatalogDoc> out;
  for (const auto& d : json::parse(r.out)) {
    out[d["id"].get<int64_t>()] = {d["path"].get<std::string>(),
                                   d.value("type", std::string())};
  }
  return out;
}

bool under(const std::string& path, const std::string& folder) {
  const std::string dir = source("corpus/" + folder).string() + "/";
  return path.rfind(dir, 0) == 0;
}

TEST_F(ServerTest, PositionsCarryTheirForumAsWrittenAndTarget) {
  const json all =
      all_positions([](const std::string& path) { return get_json(path); });
  ASSERT_FALSE(all.empty());
  const std::string db = (root_ / "db").string();
  int with_target = 0;
  json sample;
  for (const auto& p : all) {
    ASSERT_TRUE(p["forum_name"].is_string()) << p.dump();
    ASSERT_TRUE(p["target"].is_string()) << p.dump();
    if (!p["target"].get<std::string>().empty()) ++with_target;
    if (sample.is_null() && !p["target"].get<std::string>().empty() &&
        !p["forum_name"].get<std::string>().empty()) {
      sample = p;
    }
  }
  EXPECT_GT(with_target, 10);
  ASSERT_FALSE(sample.is_null()) << "no position with a forum name and target";
  // The index says what the catalog says.
  const auto shown =
      test::run({test::index_binary(), "--db", db, "positions", "show",
                 "--json", std::to_string(sample["id"].get<int64_t>())},
                false);
  ASSERT_EQ(shown.exit_code, 0);
  const json stored = json::parse(shown.out);
  EXPECT_EQ(sample["forum_name"], stored["forum_name"]);
  EXPECT_EQ(sample["target"], stored["target"]);

  // The librarian's position of the fixture, with markup in both fields:
  // the API gives them as typed (the UI inserts them as text).
  bool librarian = false;
  for (const auto& p : all) {
    if (p["source"] != "librarian") continue;
    librarian = true;
    EXPECT_EQ(p["forum_name"], "Phiên <b>thử</b> & \"họp\"");
    EXPECT_EQ(p["target"], "hòa bình <i>và</i> thủy lợi");
  }
  EXPECT_TRUE(librarian);

  // The quotes behind each cell of the "nhựa" matrix carry them too; at
  // least one cell holds a position with a target and a forum name.
  const json m = get_json("/api/positions/matrix?q=" + enc("nhựa"));
  ASSERT_FALSE(m["rows"].empty());
  int cell_targets = 0;
  for (const auto& row : m["rows"]) {
    for (size_t i = 0; i < row["cells"].size(); ++i) {
      if (row["cells"][i].is_null()) continue;
      const json list =
          get_json("/api/positions?per_page=100&q=" + enc("nhựa") +
                   "&actor=" + enc(row["actor"]["id"].get<std::string>()) +
                   "&topic=" + enc(m["columns"][i]["id"].get<std::string>()));
      EXPECT_EQ(list["total"], row["cells"][i]["count"]);
      for (const auto& p : list["positions"]) {
        ASSERT_TRUE(p["target"].is_string());
        cell_targets += !p["target"].get<std::string>().empty() &&
                        !p["forum_name"].get<std::string>().empty();
      }
    }
  }
  EXPECT_GT(cell_targets, 0);

  // The brief: the CSV's last two columns, and the Markdown.
  auto csv = get("/api/positions/export?format=csv");
  ASSERT_TRUE(csv);
  std::map<int64_t, std::pair<std::string, std::string>> by_id;
  for (const auto& p : all)
    by_id[p["id"].get<int64_t>()] = {p["forum_name"], p["target"]};
  size_t line = 0, checked = 0;
  for (size_t at = 0, next; at < csv->body.size(); at = next + 2, ++line) {
    next = csv->body.find("\r\n", at);
    if (next == std::string::npos) break;
    const std::string row = csv->body.substr(at, next - at);
    if (line == 0) {
      EXPECT_TRUE(row.ends_with(
          "\"Liên kết\",\"Diễn đàn (theo văn bản)\",\"Về vấn đề\""))
          << row;
      continue;
    }
    // Rows whose quote holds no line break: check their id's last fields.
    if (row.size() < 3 || row[0] != '"') continue;
    const int64_t id = std::stoll(row.substr(1));
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    const auto& [forum_name, target] = it->second;
    // Doubled quotes and defused formulas: the unit test covers them.
    if ((forum_name + target).find('"') != std::string::npos ||
        (!target.empty() &&
         std::string("=+@-\t").find(target[0]) != std::string::npos))
      continue;
    const std::string tail = ",\"" + forum_name + "\",\"" + target + "\"";
    EXPECT_TRUE(row.ends_with(tail)) << row;
    ++checked;
  }
  EXPECT_GT(checked, 10u);
  auto md = get("/api/positions/export?format=md&q=" + enc("nhựa"));
  ASSERT_TRUE(md);
  EXPECT_NE(md->body.find("\n  Về: "), std::string::npos) << md->body;
}

TEST_F(ServerTest, DemoCorpusPositionsComeFromNegotiationRecords) {
  const std::map<int64_t, CatalogDoc> docs = catalog_documents(root_ / "db");
  const json all =
      all_positions([](const std::string& path) { return get_json(path); });
  // Legal instruments hold boilerplate and assignments, a precedent a court
  // case: none of them is where positions are recorded.
  static const std::set<std::string> kLegalTypes = {
      "Quyết định", "Nghị định",  "Thông tư",          "Luật",
      "Bộ luật",    "Nghị quyết", "Pháp lệnh",         "Chỉ thị",
      "Án lệ",      "Bản án",     "Thông tư liên tịch"};
  std::map<std::string, std::set<std::string>> stances_by_doc;
  std::map<std::string, std::set<std::string>> actors_by_quote;
  // Stances of each quote that says "không ủng hộ".
  std::map<std::string, std::set<std::string>> negated;
  for (const auto& p : all) {
    if (p["source"] == "librarian") continue;  // the fixture's own
    const auto it = docs.find(p["document_id"].get<int64_t>());
    ASSERT_NE(it, docs.end()) << p.dump();
    const CatalogDoc& d = it->second;
    SCOPED_TRACE(d.path + " (" + d.type + "): " + p["quote"].dump());
    for (const char* legal : {"vbpl", "vbpl-en", "pdf", "scanned"})
      EXPECT_FALSE(under(d.path, legal)) << "a position from a legal document";
    EXPECT_FALSE(kLegalTypes.count(d.type)) << "a position from a " << d.type;
    if (!under(d.path, "samples")) continue;
    const std::string stance = p["stance"]["id"];
    stances_by_doc[d.path].insert(stance);
    actors_by_quote[p["quote"]].insert(p["actor"]["id"].get<std::string>());
    if (p["quote"].get<std::string>().find("không ủng hộ") != std::string::npos)
      negated[p["quote"]].insert(stance);
  }
  // Each of the three sample records gives positions of several stances,
  // and together every kind the records state.
  ASSERT_EQ(stances_by_doc.size(), 3u) << "positions from every sample record";
  std::set<std::string> every;
  for (const auto& [path, stances] : stances_by_doc) {
    EXPECT_GE(stances.size(), 3u) << path;
    every.insert(stances.begin(), stances.end());
  }
  for (const char* s :
       {"supports", "opposes", "proposes", "requests", "commits", "concerned"})
    EXPECT_TRUE(every.count(s)) << s;
  // "không ủng hộ" opposes, never supports (the same sentence may hold
  // another stance: "vì lo ngại …" is a concern).
  EXPECT_GE(negated.size(), 2u);
  for (const auto& [quote, stances] : negated) {
    EXPECT_TRUE(stances.count("opposes")) << quote;
    EXPECT_FALSE(stances.count("supports")) << quote;
  }
  // Several actors in one sentence: one position each.
  size_t shared = 0;
  for (const auto& [quote, actors] : actors_by_quote)
    shared += actors.size() > 1;
  EXPECT_GE(shared, 2u);
}

}  // namespace
}  // namespace kb::server_test
