// The server tests of /api/positions and /api/actors.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tests/integration/server_test_fixture.h"

namespace kb::server_test {
namespace {

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

  // The sample minutes' chair: the Ministry of Natural Resources and
  // Environment chairs the inter-ministerial consultation on the plastics
  // treaty (corpus/samples/bien-ban-tham-van-lien-bo-inc5.txt); found by
  // actor name, stance and process, and by words of the quote with or
  // without diacritics.
  auto has_monre_chairing = [](const json& r) {
    for (const auto& p : r["positions"]) {
      if (p["actor"]["id"] == "btnmt" && p["stance"]["id"] == "leads" &&
          p["quote"].get<std::string>().find(
              "chủ trì cuộc họp tham vấn liên bộ") != std::string::npos)
        return true;
    }
    return false;
  };
  const json monre =
      get_json("/api/positions?actor=" + enc("Bộ Tài nguyên và Môi trường") +
               "&stance=leads&process=plastics-treaty");
  EXPECT_TRUE(has_monre_chairing(monre)) << monre.dump(1);
  for (const auto& p : monre["positions"]) EXPECT_EQ(p["actor"]["id"], "btnmt");
  bool selected = false;
  for (const auto& v : monre["facets"]["actor"])
    selected |= v["value"] == "btnmt" && v["selected"] == true;
  EXPECT_TRUE(selected);
  EXPECT_TRUE(has_monre_chairing(
      get_json("/api/positions?q=" + enc("cuộc họp tham vấn liên bộ"))));
  EXPECT_TRUE(has_monre_chairing(
      get_json("/api/positions?q=" + enc("cuoc hop tham van lien bo"))));
  // A forum or process by any of its names finds every position taken
  // there, not only those whose quote names it: "INC-5" gives the whole
  // consultation held to prepare it, as its forum filter does.
  const int at_inc5 =
      get_json("/api/positions?per_page=0&process=inc-5")["total"];
  EXPECT_GT(at_inc5, 10);
  for (const char* name : {"INC-5", "inc5",
                           "Phiên họp thứ năm Ủy ban Đàm phán "
                           "Liên Chính phủ về ô nhiễm nhựa"}) {
    const json r = get_json("/api/positions?per_page=100&q=" + enc(name));
    EXPECT_EQ(r["total"], at_inc5) << name;
  }
  // The process facet lists a forum under its process: INC-5 carries the
  // plastics treaty as its parent, and the treaty itself none.
  std::map<std::string, std::string> parent_of;
  for (const auto& v : all["facets"]["process"])
    parent_of[v["value"]] = v.value("parent", "");
  ASSERT_TRUE(parent_of.count("inc-5")) << all["facets"]["process"].dump();
  EXPECT_EQ(parent_of["inc-5"], "plastics-treaty");
  ASSERT_TRUE(parent_of.count("plastics-treaty"));
  EXPECT_EQ(parent_of["plastics-treaty"], "");
  // A task the plastics decision assigns ("Bộ Ngoại giao chủ trì vận động
  // các quốc gia ...", seed 004) leads no meeting: no position (LABELS.md).
  EXPECT_EQ(get_json("/api/positions?per_page=0&stance=leads&q=" +
                     enc("vận động các quốc gia"))["total"],
            0);

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
    // A date known to the year or month ("2021") is inside at its precision.
    const std::string d = p["date"].get<std::string>();
    EXPECT_GE(d, std::string("2021-01-01").substr(0, d.size()));
    EXPECT_LE(d, std::string("2021-12-31").substr(0, d.size()));
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

}  // namespace
}  // namespace kb::server_test
