// The curated taxonomy (corpus/taxonomy): it loads, any name of an entity
// finds that entity, the longest form wins, and a broken file is reported with
// its file and entry.
#include "core/taxonomy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

fs::path taxonomy_dir() {
  return fs::path(VNKB_SOURCE_DIR) / "corpus" / "taxonomy";
}

// Loaded once: the tests only read it.
const Taxonomy& real_taxonomy() {
  static const Taxonomy taxonomy = [] {
    std::string error;
    std::optional<Taxonomy> t = Taxonomy::load(taxonomy_dir(), &error);
    EXPECT_TRUE(t.has_value()) << error;
    return t ? std::move(*t) : Taxonomy();
  }();
  return taxonomy;
}

// Ids of the entries mentioned over the whole of `text` (the mention starts
// at the first token and covers every token).
std::set<std::string> whole_text_ids(const Taxonomy& t,
                                     const std::string& text) {
  const Analysis a = analyze(text);
  size_t words = 0;
  for (const Token& tok : a.tokens)
    words += tok.kind != TokenKind::kDocNumberPart;
  std::set<std::string> ids;
  for (const Mention& m : t.find_mentions(a)) {
    if (m.first_token == 0 && m.token_count == words) ids.insert(m.entry->id);
  }
  return ids;
}

// Ids of every mention in `text`, in order.
std::vector<std::string> mention_ids(const Taxonomy& t,
                                     const std::string& text) {
  std::vector<std::string> ids;
  for (const Mention& m : t.find_mentions(analyze(text)))
    ids.push_back(m.entry->id);
  return ids;
}

TaxonomyEntry entry(std::string id, std::string kind, std::string name,
                    std::vector<std::string> acronyms = {},
                    std::vector<std::string> aliases = {},
                    std::vector<std::string> keywords = {}) {
  TaxonomyEntry e;
  e.id = std::move(id);
  e.kind = std::move(kind);
  e.name = std::move(name);
  e.acronyms = std::move(acronyms);
  e.aliases = std::move(aliases);
  e.keywords = std::move(keywords);
  return e;
}

TEST(Taxonomy, RealFilesLoad) {
  std::string error;
  const auto t = Taxonomy::load(taxonomy_dir(), &error);
  ASSERT_TRUE(t.has_value()) << error;
  std::map<std::string, int> kinds;
  for (const TaxonomyEntry& e : t->entries()) ++kinds[e.kind];
  EXPECT_GE(kinds["network"], 10);
  EXPECT_GE(kinds["topic"], 15);
  for (const char* id : {"vpa-flegt-core-group", "isge", "npap", "gpap", "lmks",
                         "btap", "f4f", "eiti", "vngo-flegt"}) {
    const TaxonomyEntry* e = t->find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->kind, "network") << id;
  }
  for (const char* id :
       {"plastics", "marine-plastics", "forestry", "minerals", "water",
        "poverty-environment", "gender", "transparency", "capacity-building",
        "treaty-negotiation", "climate-change", "biodiversity", "pollution",
        "environmental-governance", "policy-advocacy",
        "community-monitoring"}) {
    const TaxonomyEntry* e = t->find(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->kind, "topic") << id;
    EXPECT_GE(e->keywords.size(), 5u) << id;
  }
  // Networks and topics carry both names; memberships the seeds support.
  for (const TaxonomyEntry& e : t->entries()) {
    if (e.kind != "network" && e.kind != "topic") continue;
    EXPECT_FALSE(e.name_en.empty()) << e.id;
  }
  ASSERT_NE(t->find("npap"), nullptr);
  ASSERT_EQ(t->find("npap")->member_of.size(), 1u);
  EXPECT_EQ(t->find("npap")->member_of[0].id, "gpap");
}

// "Any name finds the others": every name, acronym, alias and keyword of
// every network and topic, read as a text of its own (also in capitals and
// decomposed), is a mention of its entry, and no two networks share a form.
TEST(Taxonomy, EveryFormFindsItsEntry) {
  const Taxonomy& t = real_taxonomy();
  std::map<std::string, std::string> owner;  // folded form -> network id
  for (const TaxonomyEntry& e : t.entries()) {
    if (e.kind != "network" && e.kind != "topic") continue;
    std::vector<std::string> forms = e.forms();
    forms.insert(forms.end(), e.keywords.begin(), e.keywords.end());
    for (const std::string& form : forms) {
      SCOPED_TRACE(e.id + ": " + form);
      EXPECT_TRUE(whole_text_ids(t, form).count(e.id));
      EXPECT_TRUE(whole_text_ids(t, test::upper(form)).count(e.id));
      EXPECT_TRUE(whole_text_ids(t, test::nfd(form)).count(e.id));
      if (e.kind != "network") continue;
      const auto [it, fresh] = owner.emplace(folded_string(form), e.id);
      EXPECT_TRUE(fresh || it->second == e.id)
          << "also a name of " << it->second;
    }
  }
}

// The spellings real documents use (the seeds among them) meet.
TEST(Taxonomy, NetworkSpellingsMeet) {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"Nhóm nòng cốt đa bên", "vpa-flegt-core-group"},
      {"nhóm Nòng cốt đa bên về Hiệp định VPA/FLEGT", "vpa-flegt-core-group"},
      {"nhóm nòng cốt thực thi đa bên", "vpa-flegt-core-group"},
      {"Multi-stakeholder Core Group", "vpa-flegt-core-group"},
      {"Mạng lưới VNGO-FLEGT", "vngo-flegt"},
      {"VNGO FLEGT", "vngo-flegt"},
      {"Nhóm Hỗ Trợ Quốc tế Tài Nguyên và Môi Trường", "isge"},
      {"Nhóm Hỗ Trợ Tài Nguyên và Môi Trường Quốc Tế", "isge"},
      {"ISGE", "isge"},
      {"International Support Group on Environment", "isge"},
      {"Chương trình đối tác hành động quốc gia về nhựa", "npap"},
      {"NPAP", "npap"},
      {"National Plastic Action Partnership", "npap"},
      {"Chương trình đối tác hành động toàn cầu về ô nhiễm nhựa", "gpap"},
      {"Global Plastic Action Partnership", "gpap"},
      {"Liên minh Khoáng sản", "lmks"},
      {"LIÊN MINH KHOÁNG SẢN", "lmks"},
      {"lien minh khoang san", "lmks"},  // typed without diacritics
      {"LMKS", "lmks"},
      {"Mineral Alliance", "lmks"},
      {"Liên minh Minh bạch ngân sách", "btap"},
      {"Nhóm Minh bạch Ngân sách", "btap"},
      {"BTAP", "btap"},
      {"Fair For All", "f4f"},
      {"F4F", "f4f"},
      {"Sáng kiến minh bạch trong ngành công nghiệp khai", "eiti"},
      {"Sáng kiến Minh bạch trong ngành Công nghiệp Khai thác", "eiti"},
      {"Sáng kiến minh bạch ngành công nghiệp khai khoáng", "eiti"},
      {"Extractive Industries Transparency Initiative", "eiti"},
      {"EITI", "eiti"},
  };
  const Taxonomy& t = real_taxonomy();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_TRUE(whole_text_ids(t, c.text).count(c.id));
    EXPECT_TRUE(whole_text_ids(t, test::nfd(c.text)).count(c.id));
  }
}

// An agency's acronyms, English name and wordings all mention one entry:
// with entries of our own (agencies.json is curated elsewhere) and, when it
// names the ministry, with the real file.
TEST(Taxonomy, AgencyAliasesMeet) {
  TaxonomyEntry btnmt =
      entry("btnmt", "agency", "Bộ Tài nguyên và Môi trường",
            {"BTNMT", "MONRE", "Bộ TN&MT"}, {"Bộ Tài nguyên Môi trường"});
  btnmt.name_en = "Ministry of Natural Resources and Environment";
  const Taxonomy own = Taxonomy::from_entries(
      {btnmt,
       entry("bnnptnt", "agency", "Bộ Nông nghiệp và Phát triển nông thôn",
             {"BNNPTNT", "MARD"}),
       entry("env", "topic", "Môi trường", {}, {},
             {"tài nguyên và môi trường", "môi trường"})});
  const char* spellings[] = {
      "BTNMT",
      "MONRE",
      "Bộ TN&MT",
      "BỘ TN&MT",
      "Bộ TN & MT",
      "Bộ Tài nguyên và Môi trường",
      "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
      "Bộ Tài Nguyên và Môi Trường",
      "Bộ Tài nguyên Môi trường",
      "Ministry of Natural Resources and Environment",
      "Bo Tai nguyen va Moi truong",
  };
  for (const char* s : spellings) {
    SCOPED_TRACE(s);
    EXPECT_EQ(whole_text_ids(own, s), std::set<std::string>{"btnmt"});
    EXPECT_EQ(whole_text_ids(own, test::nfd(s)),
              std::set<std::string>{"btnmt"});
  }
  // Legacy TCVN3 text is repaired before matching.
  EXPECT_EQ(whole_text_ids(own, "Bé Tµi nguyªn vµ M«i tr\u00ADêng"),
            std::set<std::string>{"btnmt"});
  EXPECT_TRUE(whole_text_ids(own, "MARD").count("bnnptnt"));

  const Taxonomy& real = real_taxonomy();
  const TaxonomyEntry* ministry =
      real.find_by_form("agency", "Bộ Tài nguyên và Môi trường");
  if (ministry == nullptr)
    GTEST_SKIP() << "agencies.json does not name the ministry yet";
  for (const char* s :
       {"BTNMT", "MONRE", "Bộ TN&MT", "Bộ Tài nguyên và Môi trường"}) {
    SCOPED_TRACE(s);
    EXPECT_TRUE(whole_text_ids(real, s).count(ministry->id));
  }
}

TEST(Taxonomy, LongestFormWins) {
  const Taxonomy t = Taxonomy::from_entries({
      entry("btnmt", "agency", "Bộ Tài nguyên và Môi trường", {"Bộ TN&MT"}),
      entry("env", "topic", "Môi trường", {}, {}, {"tài nguyên và môi trường"}),
      entry("lmks", "network", "Liên minh Khoáng sản", {"LMKS"}),
      entry("minerals", "topic", "Khoáng sản", {}, {},
            {"khai thác khoáng sản", "Liên minh Khoáng sản"}),
      entry("plastics", "topic", "Nhựa", {}, {},
            {"rác thải nhựa", "rác thải nhựa đại dương"}),
      entry("marine", "topic", "Biển", {}, {}, {"rác thải nhựa đại dương"}),
  });
  const struct {
    const char* text;
    std::vector<std::string> ids;  // every mention, in order
  } cases[] = {
      {"Bộ Tài nguyên và Môi trường", {"btnmt"}},
      {"ngành tài nguyên và môi trường", {"env"}},
      {"môi trường của Bộ TN&MT", {"env", "btnmt"}},
      // Equal forms of two entries are both mentioned.
      {"Liên minh Khoáng sản về khai thác khoáng sản",
       {"lmks", "minerals", "minerals"}},
      {"rác thải nhựa đại dương", {"plastics", "marine"}},
      {"rác thải nhựa và khoáng sản", {"plastics", "minerals"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string> got = mention_ids(t, c.text);
    std::vector<std::string> want = c.ids;
    // Mentions at one position come in no set order.
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
  }
  const Analysis a = analyze("Bộ Tài nguyên và Môi trường");
  const std::vector<Mention> m = t.find_mentions(a);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first_token, 0u);
  EXPECT_EQ(m[0].token_count, 6u);
}

// What the plastics treaty negotiates, as consultations word it (sentences
// of corpus/samples/bien-ban-tham-van-lien-bo-inc5.txt and ENB's English),
// is the plastics topic: a negotiator filtering by it finds who stands where
// on cutting primary plastic production.
TEST(Taxonomy, ThePlasticsTreatysTermsAreThePlasticsTopic) {
  for (const char* text :
       {"GreenID và WWF ủng hộ mục tiêu cắt giảm sản xuất nhựa nguyên sinh ở "
        "cấp toàn cầu.",
        "Hiệp hội Nhựa Việt Nam phản đối việc đưa thuế phí toàn cầu đối với "
        "polyme nguyên sinh vào dự thảo văn kiện.",
        "several called for a global target to reduce primary plastic "
        "polymers"}) {
    SCOPED_TRACE(text);
    const std::vector<std::string> ids = mention_ids(real_taxonomy(), text);
    EXPECT_TRUE(std::count(ids.begin(), ids.end(), "plastics"));
  }
  // Not every word "nhựa" is plastics: asphalt and a tree's resin.
  for (const char* text : {"rải nhựa đường", "nhựa cây thông"}) {
    const std::vector<std::string> ids = mention_ids(real_taxonomy(), text);
    EXPECT_FALSE(std::count(ids.begin(), ids.end(), "plastics")) << text;
  }
}

// What a snippet marks for an entity: the exact terms of each of its names
// and keywords, every language, each once; an entry of another taxonomy
// (say, one loaded before a reload) has none here.
TEST(Taxonomy, ExactFormTermsOfEachNameOnce) {
  TaxonomyEntry plastics =
      entry("plastics", "topic", "Ô nhiễm nhựa", {}, {"ô nhiễm nhựa"},
            {"plastic pollution", "Bao bì nhựa", "plastic pollution"});
  plastics.name_en = "Plastic pollution";
  const Taxonomy t = Taxonomy::from_entries({plastics});
  const TaxonomyEntry* e = t.find("plastics");
  ASSERT_NE(e, nullptr);
  const std::vector<std::vector<std::string>> want = {
      {"ô", "nhiễm", "nhựa"}, {"plastic", "pollution"}, {"bao", "bì", "nhựa"}};
  std::vector<std::vector<std::string>> got = t.exact_form_terms(*e);
  ASSERT_EQ(got.size(), want.size());
  for (const std::vector<std::string>& terms : want) {
    EXPECT_TRUE(std::count(got.begin(), got.end(), terms))
        << ::testing::PrintToString(terms);
  }
  const Taxonomy other = Taxonomy::from_entries({plastics});
  EXPECT_TRUE(t.exact_form_terms(*other.find("plastics")).empty());
}

// Unaccented forms (acronyms, English) do not match Vietnamese words written
// with diacritics; text typed without diacritics finds accented names of two
// or more words, accented text does not read its unaccented words as names.
TEST(Taxonomy, DiacriticsTiers) {
  const Taxonomy t = Taxonomy::from_entries({
      entry("ngo", "topic", "Civil society", {}, {}, {"NGO"}),
      entry("bgddt", "agency", "Bộ Giáo dục và Đào tạo", {"BGDĐT", "MOET"}),
      entry("mining", "topic", "Khoáng sản", {}, {}, {"quặng", "khai khoáng"}),
      entry("pollution", "topic", "Ô nhiễm", {}, {}, {"khí thải"}),
      entry("lmks", "network", "Liên minh Khoáng sản"),
  });
  const struct {
    const char* text;
    std::vector<std::string> ids;
  } cases[] = {
      {"hạt giống lúa, ngô và đậu", {}},
      {"các tổ chức NGO", {"ngo"}},
      {"các tổ chức ngo", {"ngo"}},
      {"BGDĐT", {"bgddt"}},
      {"BGDDT", {"bgddt"}},
      {"ông Nguyen Quang", {}},
      {"khai thác quặng", {"mining"}},
      {"nganh khai khoang", {"mining"}},
      {"Lien minh Khoang san", {"lmks"}},
      {"Bao cao cua Lien minh Khoang san ve khi thai", {"lmks", "pollution"}},
      {"Liên minh Khoáng sản", {"lmks"}},
      {"Liên minh Khoang san", {}},  // accented text: a typo, not a name
      {"Trường hợp khi thai nhi phát triển bình thường", {}},
      {"Kiểm soát khí thải", {"pollution"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(mention_ids(t, c.text), c.ids);
  }
}

// A temporary folder, removed with its files at the end of the scope.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("vnkb-taxonomy-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

TEST(Taxonomy, LoadReportsFileAndEntry) {
  const std::string good =
      R"([{"id": "lmks", "kind": "network", "name": "Liên minh Khoáng sản"}])";
  const struct {
    const char* what;
    std::string broken;                 // content of b.json (a.json is good)
    std::vector<std::string> expected;  // substrings of the error
  } cases[] = {
      {"not JSON", "[{\"id\": \"x\",", {"b.json", "not valid JSON"}},
      {"not an array",
       R"({"id": "x", "kind": "topic", "name": "X"})",
       {"b.json", "array"}},
      {"missing name",
       R"([{"id": "ok", "kind": "topic", "name": "Nhựa"}, {"id": "no-name", "kind": "topic"}])",
       {"b.json", "entry 1", "no-name", "name"}},
      {"bad id",
       R"([{"id": "Bad Id", "kind": "topic", "name": "X"}])",
       {"b.json", "entry 0", "Bad Id", "id must be"}},
      {"unknown kind",
       R"([{"id": "x", "kind": "alliance", "name": "X"}])",
       {"b.json", "entry 0", "(x)", "unknown kind 'alliance'"}},
      {"duplicate id across files",
       R"([{"id": "lmks", "kind": "network", "name": "LMKS"}])",
       {"b.json", "entry 0", "duplicate id 'lmks'"}},
      {"acronym not a string",
       R"([{"id": "x", "kind": "network", "name": "X", "acronyms": [1]}])",
       {"b.json", "entry 0", "(x)"}},
      {"entry not an object", R"(["lmks"])", {"b.json", "entry 0"}},
      {"unknown member_of",
       R"([{"id": "x", "kind": "network", "name": "X"},
           {"id": "npap", "kind": "network", "name": "NPAP", "member_of": [{"id": "gpap"}]}])",
       {"b.json", "entry 1", "(npap)", "unknown id 'gpap'"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    TempDir dir;
    dir.write("a.json", good);
    dir.write("b.json", c.broken);
    std::string error;
    EXPECT_FALSE(Taxonomy::load(dir.path(), &error).has_value());
    for (const std::string& part : c.expected) {
      EXPECT_NE(error.find(part), std::string::npos)
          << "missing '" << part << "' in: " << error;
    }
  }
  {
    TempDir dir;
    dir.write("a.json", good);
    dir.write("notes.txt", "not a taxonomy file");
    std::string error;
    const auto t = Taxonomy::load(dir.path(), &error);
    ASSERT_TRUE(t.has_value()) << error;
    EXPECT_EQ(t->entries().size(), 1u);
  }
  std::string error;
  EXPECT_FALSE(
      Taxonomy::load(fs::path(VNKB_SOURCE_DIR) / "no-such-folder", &error)
          .has_value());
  EXPECT_NE(error.find("no-such-folder"), std::string::npos) << error;
}

}  // namespace
}  // namespace kb
