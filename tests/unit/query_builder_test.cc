// The query language (search-server/query_builder.h) and the facet table
// (core/facets.h), table-driven: what a query asks, which queries are
// malformed, and how facet values in any spelling become terms.
#include "search-server/query_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/facets.h"
#include "core/schema.h"
#include "search-server/cross_language.h"
#include "search-server/english_query.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

const Taxonomy& corpus_taxonomy() {
  static const Taxonomy taxonomy = [] {
    std::string error;
    std::optional<Taxonomy> t =
        Taxonomy::load(test::source("corpus/taxonomy"), &error);
    EXPECT_TRUE(t.has_value()) << error;
    return t ? std::move(*t) : Taxonomy();
  }();
  return taxonomy;
}

// A one-document index whose document has the number 1407/QĐ-TTg, so that
// a serial with its type ("QĐ 1407") finds the full number.
class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() /
           ("vnkb-query-builder-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    Xapian::WritableDatabase db(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document doc;
    doc.add_boolean_term(schema::term(schema::kNumberPrefix, "1407/qd-ttg"));
    doc.add_boolean_term(schema::term(schema::kSerialPrefix, "1407"));
    doc.add_boolean_term(schema::term(schema::kSerialPrefix, "1407/qd"));
    doc.add_value(schema::kNumberSlot, "1407/qd-ttg");
    db.add_document(doc);
    db.set_metadata(std::string(schema::kSchemaVersionKey),
                    std::string(schema::kSchemaVersion));
    db.commit();
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  ParsedQuery parse(const std::string& text,
                    QueryMode mode = QueryMode::kAllWords) {
    const Xapian::Database db(dir_.string());
    return QueryBuilder(db, corpus_taxonomy()).parse(text, mode);
  }

  static inline fs::path dir_;
};

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

TEST_F(QueryBuilderTest, WhatAQueryAsks) {
  static const struct {
    const char* text;
    const char* words;  // folded, space-separated
    int word_count;
    bool simple;
    bool accented;
    bool has_text;
    const char* number_keys;  // space-separated
    const char* warnings;     // joined by " | "
  } cases[] = {
      {"", "", 0, true, false, false, "", ""},
      {"hòa bình", "hoa binh", 2, true, true, true, "", ""},
      {"hoa binh", "hoa binh", 2, true, false, true, "", ""},
      {"HÒA BÌNH", "hoa binh", 2, true, true, true, "", ""},
      {"\"rác thải nhựa\"", "", 0, false, true, true, "", ""},
      {"nhựa AND đại dương", "nhua dai duong", 3, false, true, true, "", ""},
      {"nhựa OR gỗ", "nhua go", 2, false, true, true, "", ""},
      {"-nhựa biển", "nhua bien", 2, false, true, true, "", ""},
      {"+nhựa biển", "nhua bien", 2, false, true, true, "", ""},
      {"NOT nhựa", "nhua", 1, false, true, true, "", ""},
      {"(nhựa OR gỗ) biển", "nhua go bien", 3, false, true, true, "", ""},
      {"year:2021", "", 0, false, false, false, "", ""},
      {"năm:2021", "", 0, false, true, false, "", ""},
      {"year:20x1", "", 0, false, false, false, "", "unknown year '20x1'"},
      {"network:no-such", "", 0, false, false, false, "",
       "unknown network 'no-such'"},
      {"topic:plastics nhựa", "nhua", 1, false, true, true, "", ""},
      {"chủ:plastics", "", 0, false, true, false, "", ""},
      {"type:QĐ", "", 0, false, true, false, "", ""},
      {"loại:\"Quyết định\"", "", 0, false, true, false, "", ""},
      {"1407/QĐ-TTg", "", 0, false, true, true, "1407/qd-ttg", ""},
      {"1407/QD-TTg", "", 0, false, false, true, "1407/qd-ttg", ""},
      {"so:1407/QĐ-TTg", "", 0, false, true, false, "1407/qd-ttg", ""},
      {"số:1407", "", 0, false, true, false, "1407/qd-ttg", ""},
      {"QĐ 1407", "", 0, false, true, true, "1407/qd-ttg", ""},
      {"quyết định số 1407", "", 0, false, true, true, "1407/qd-ttg", ""},
      {"so:abc", "", 0, false, false, false, "", "unknown number 'abc'"},
      {"BTNMT", "btnmt", 0, true, false, true, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const ParsedQuery q = parse(c.text);
    EXPECT_EQ(joined(q.words), c.words);
    EXPECT_EQ(q.word_count, c.word_count);
    EXPECT_EQ(q.simple, c.simple);
    EXPECT_EQ(q.accented, c.accented);
    EXPECT_EQ(q.has_text, c.has_text);
    EXPECT_EQ(joined(q.number_keys), c.number_keys);
    std::string warnings;
    for (const std::string& w : q.warnings)
      warnings += (warnings.empty() ? "" : " | ") + w;
    EXPECT_EQ(warnings, c.warnings);
    // Asking nothing, or only for an unknown facet value, leaves every query
    // empty (Xapian's MatchNothing); asking something, none.
    const bool empty = std::string(c.text).empty() || !q.warnings.empty();
    EXPECT_EQ(q.query.empty(), empty);
    EXPECT_EQ(q.match.empty(), empty);
    EXPECT_EQ(q.count.empty(), empty);
  }
}

TEST_F(QueryBuilderTest, MalformedQueriesSayWhy) {
  static const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"(nhựa", "missing ')'"},
      {"nhựa)", "unbalanced ')': no '(' before it"},
      {"nhựa AND", "AND needs a word after it"},
      {"AND nhựa", "AND needs a word before it"},
      {"OR", "OR needs a word before it"},
      {"nhựa OR", "OR needs a word after it"},
      {"NOT", "NOT needs a word after it"},
      {"(nhựa -)", "'+' or '-' needs a word after it"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    try {
      parse(c.text);
      ADD_FAILURE() << "no error";
    } catch (const QuerySyntaxError& e) {
      EXPECT_STREQ(e.what(), c.message);
    }
  }
}

TEST_F(QueryBuilderTest, TheModeDecidesWhetherEveryWordMustMatch) {
  static const struct {
    const char* text;
    QueryMode mode;
    bool boosted;  // adjacent words score again as a phrase
  } cases[] = {
      {"nhựa", QueryMode::kAllWords, false},
      {"rác thải nhựa", QueryMode::kAllWords, true},
      {"rác thải nhựa", QueryMode::kAnyWord, true},
      {"\"rác thải\"", QueryMode::kAllWords, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const ParsedQuery q = parse(c.text, c.mode);
    EXPECT_EQ(q.boosted, c.boosted);
    const std::string description = q.match.get_description();
    if (c.mode == QueryMode::kAnyWord && q.word_count > 1) {
      EXPECT_NE(description.find(" OR "), std::string::npos) << description;
    }
  }
}

// The counting pass narrows a phrase by the XPAIR terms the index holds:
// those of two frequent words only (core/word_pairs.h); a phrase with a
// rarer word is checked over positions alone.
TEST_F(QueryBuilderTest, CountingAsksOnlyThePairsTheIndexHolds) {
  static const struct {
    const char* text;
    const char* present;  // in the counting query
    const char* absent;
  } cases[] = {
      {"\"quy dinh\"", "XPAIRquy dinh", "PHRASE"},
      {"\"quy định\"", "XPAIRquy dinh", "XPAIRrac"},
      {"\"rác thải\"", "PHRASE", "XPAIR"},
      {"\"rac thai\"", "PHRASE", "XPAIR"},
      {"\"quy định về rác thải\"", "XPAIRquy dinh", "XPAIRrac thai"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string count = parse(c.text).count.get_description();
    EXPECT_NE(count.find(c.present), std::string::npos) << count;
    EXPECT_EQ(count.find(c.absent), std::string::npos) << count;
  }
}

TEST_F(QueryBuilderTest, HighlightTermsAreTheSpellingTyped) {
  static const struct {
    const char* text;
    const char* term;
    bool highlighted;
  } cases[] = {
      {"hòa", "hòa", true},          {"hòa", "Zhoa", false},
      {"hoa", "Zhoa", true},         {"hoa", "hòa", false},
      {"-nhựa", "nhựa", true},       {"hoà", "hòa", true},
      {"nhựa OR hoa", "Zhoa", true}, {"nhựa OR hoa", "nhựa", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " / " + c.term);
    EXPECT_EQ(parse(c.text).highlight_terms.count(c.term) > 0, c.highlighted);
  }
  // Two syllables typed alone are one word: highlighted side by side only.
  using Phrases = std::vector<std::vector<std::string>>;
  EXPECT_EQ(parse("hòa bình").highlight_phrases, (Phrases{{"hòa", "bình"}}));
  EXPECT_EQ(parse("hoa bình").highlight_phrases, (Phrases{{"Zhoa", "bình"}}));
  EXPECT_EQ(parse("\"hòa bình\"").highlight_phrases,
            (Phrases{{"hòa", "bình"}}));
  EXPECT_TRUE(parse("hòa bình").highlight_terms.empty());
}

TEST(FacetTableTest, ValuesInAnySpellingBecomeTerms) {
  const FacetResolver resolver(corpus_taxonomy());
  static const struct {
    std::string_view facet;
    bool positions;  // kPositionFacets, else kDocumentFacets
    const char* value;
    const char* term;    // "" when unknown
    const char* listed;  // the value as the facet lists it
  } cases[] = {
      {"year", false, "2021", "XYEAR2021", "2021"},
      {"year", false, "20x1", "", ""},
      {"year", false, "021", "", ""},
      {"number", false, "1407/QĐ-TTg", "XNUM1407/qd-ttg", "1407/qd-ttg"},
      {"number", false, "1407/QĐTTg", "XNUM1407/qd-ttg", "1407/qd-ttg"},
      {"number", false, "1407/QĐ", "XSER1407/qd", "1407/qd"},
      {"number", false, "01407", "XSER1407", ""},
      {"number", false, "abc", "", ""},
      {"type", false, "QĐ", "XTYPEquyet-dinh", "quyet-dinh"},
      {"type", false, "Quyết định", "XTYPEquyet-dinh", "quyet-dinh"},
      {"issuer", false, "BNG", "XISSUERbng", "bng"},
      {"topic", false, "plastics", "XTOPICplastics", "plastics"},
      {"topic", false, "no-such-topic", "", ""},
      {"network", false, "VNGO-FLEGT", "XNETvngo-flegt", "vngo-flegt"},
      {"actor", true, "Bộ Ngoại giao", "XACTORbng", "bng"},
      {"actor", true, "plastics", "", ""},
      {"process", true, "plastics-treaty", "XPROCplastics-treaty",
       "plastics-treaty"},
      {"process", true, "INC", "XFORUMinc", "inc"},
      {"stance", true, "ủng hộ", "XSTANCEsupports", "supports"},
      {"stance", true, "is concerned", "XSTANCEconcerned", "concerned"},
      {"stance", true, "maybe", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.facet) + ": " + c.value);
    const Facet* facet = c.positions ? find_facet(kPositionFacets, c.facet)
                                     : find_facet(kDocumentFacets, c.facet);
    ASSERT_NE(facet, nullptr);
    const std::optional<FacetTerm> t = (resolver.*(facet->resolve))(c.value);
    EXPECT_EQ(t ? t->term : "", c.term);
    EXPECT_EQ(t ? t->value : "", c.listed);
  }
}

TEST(FacetTableTest, QueryFieldsAndOrder) {
  static const struct {
    const char* field;
    const char* facet;  // "" when none
  } cases[] = {
      {"so", "number"},
      {"số", "number"},
      {"number", "number"},
      {"network", "network"},
      {"mạng", "network"},
      {"topic", "topic"},
      {"chủ", "topic"},
      {"type", "type"},
      {"loại", "type"},
      {"issuer", "issuer"},
      {"year", "year"},
      {"năm", "year"},
      {"actor", ""},
      {"", ""},
      {"foo", ""},
      {"validity", ""},  // computed each day: a filter parameter only
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    const Facet* f = facet_for_query_field(c.field);
    EXPECT_EQ(f ? f->name : "", c.facet);
  }
  // The order the API and the UI list them in.
  std::string order;
  for (const Facet& f : kDocumentFacets) order += std::string(f.name) + " ";
  EXPECT_EQ(order, "network topic number type issuer year validity language ");
  order.clear();
  for (const Facet& f : kPositionFacets) {
    if (f.counted) order += std::string(f.name) + " ";
  }
  EXPECT_EQ(order, "actor stance process topic year ");
  EXPECT_EQ(rejection_message(*find_facet(kDocumentFacets, "year"), "20x1"),
            "year must be four digits: '20x1'");
}

}  // namespace
}  // namespace kb

namespace kb {
namespace {

// A query naming entities carries their names and keywords in both
// languages, for the snippets of documents holding none of the words typed;
// a query of topics also ranks its own language first
// (search-server/cross_language.h).
TEST_F(QueryBuilderTest, EntitiesUnderAllTheirNamesAndTheOwnLanguageFirst) {
  const ParsedQuery plastic = parse("plastic pollution");
  const std::vector<std::string> vietnamese = {"ô", "nhiễm", "nhựa"};
  EXPECT_NE(std::find(plastic.entity_phrases.begin(),
                      plastic.entity_phrases.end(), vietnamese),
            plastic.entity_phrases.end());
  EXPECT_TRUE(plastic.entity_terms.count("microplastics"));
  const std::string query = plastic.query.get_description();
  EXPECT_NE(query.find("FixedWeightPostingSource"), std::string::npos) << query;
  EXPECT_NE(query.find("XLANGen OR XLANGmixed"), std::string::npos) << query;
  // The weight only ranks: the documents counted are those of the words and
  // of the other language's topic.
  EXPECT_EQ(plastic.count.get_description().find("FixedWeight"),
            std::string::npos);
  const ParsedQuery climate = parse("biến đổi khí hậu");
  EXPECT_NE(
      std::find(climate.entity_phrases.begin(), climate.entity_phrases.end(),
                std::vector<std::string>{"climate", "change"}),
      climate.entity_phrases.end());
  EXPECT_NE(climate.query.get_description().find("XLANGvi OR XLANGmixed"),
            std::string::npos);
  // Other words: no entity, no weight; an entity with other words: its
  // names, and no weight (no language is crossed).
  const ParsedQuery words = parse("hợp đồng lao động");
  EXPECT_TRUE(words.entity_terms.empty() && words.entity_phrases.empty());
  EXPECT_EQ(words.query.get_description().find("FixedWeight"),
            std::string::npos);
  const ParsedQuery agency = parse("BTNMT ký quyết định");
  EXPECT_TRUE(agency.entity_terms.count("monre"));
  EXPECT_EQ(agency.query.get_description().find("FixedWeight"),
            std::string::npos);
  // Long questions match by their words alone.
  EXPECT_TRUE(
      parse("biến đổi khí hậu", QueryMode::kAnyWord).entity_phrases.empty());
}

// English words ask their stem too; a query of topic keywords in one
// language asks the topic in the other language's documents
// (search-server/english_query.h, cross_language.h).
TEST(EnglishQueryTest, StemsAndCrossLanguageTopics) {
  const Taxonomy& taxonomy = corpus_taxonomy();
  const struct {
    const char* text;
    const char* topic;
    const char* not_language;
  } cases[] = {
      {"plastic pollution", "XENTplastics", "XLANGen"},
      {"plastic", "XENTplastics", "XLANGen"},
      {"biến đổi khí hậu", "XENTclimate-change", "XLANGvi"},
      {"rác thải nhựa đại dương", "XENTplastics", "XLANGvi"},
  };
  for (const auto& c : cases) {
    const std::string q =
        cross_language_query(c.text, taxonomy).get_description();
    EXPECT_NE(q.find(c.topic), std::string::npos) << c.text << " " << q;
    EXPECT_NE(q.find(c.not_language), std::string::npos) << c.text << " " << q;
  }
  // Other words, numbers, acronyms alone and names: nothing.
  for (const char* text : {"plastic bags in Hanoi", "1407/QĐ-TTg", "NPAP",
                           "Bộ Tài nguyên và Môi trường", ""}) {
    EXPECT_TRUE(cross_language_query(text, taxonomy).empty()) << text;
  }
}

}  // namespace
}  // namespace kb
