// English position rules checked on real sentences of ENB reports outside
// labels.jsonl (../shared/corpus/negotiation/en: unlabelled reports, or the
// team's labels, which are tuned on), so the held-out reports stay unread. The
// texts belong to IISD: each case names a file and a few words of its sentence,
// and the test reads the report; it is skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

fs::path enb_dir() {
  return fs::path(VNKB_SOURCE_DIR) / "../shared/corpus/negotiation/en";
}

// `s` with each run of spaces as one space (the reports wrap with two).
std::string squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

struct EnbCase {
  const char* file;
  const char* anchor;  // a few words of the sentence (spaces squeezed)
  const char* cue;     // only the positions of this cue; nullptr: all
  std::vector<std::string> expected;  // "actor stance", spaces squeezed
};

// "actor stance" of the positions of the whole report whose quote holds
// the anchor (and whose cue is the case's).
std::vector<std::string> positions_at(const EnbCase& c) {
  std::ifstream in(enb_dir() / c.file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(squeeze(text).find(c.anchor), std::string::npos)
      << c.file << ": " << c.anchor;
  PositionContext ctx;
  ctx.language = "en";
  std::vector<std::string> out;
  for (const ExtractedPosition& p : test::extractor().extract({text}, ctx)) {
    if (squeeze(p.quote).find(c.anchor) != std::string::npos &&
        (c.cue == nullptr || squeeze(p.cue) == c.cue))
      out.push_back(squeeze(p.actor_name) + " " + stance_id(p.stance));
  }
  return out;
}

TEST(EnglishPositionRules, ChairsAndFacilitatorsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0367.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      // "chaired by X (C) and Y (C)" with the clause going on after them.
      {"enb-0101.txt",
       "chaired by Mark Mwandosya",
       nullptr,
       {"Mark Mwandosya leads", "Jim Penman leads"}},
      {"enb-0363.txt",
       "co-chaired by Ian Carruthers",
       nullptr,
       {"Ian Carruthers leads", "Ismail Elgizouli leads"}},
      {"enb-0460.txt",
       "facilitated by Marcelo Rocha",
       nullptr,
       {"Chair Ashe leads", "Marcelo Rocha leads", "Stephanie Lee leads"}},
      // "X (C) and Y (C) will co-chair a contact group"; "d" in a name.
      {"enb-0367.txt",
       "Emily Ojoo-Massawa (Kenya) and Nicole Wilke",
       nullptr,
       {"Emily Ojoo-Massawa leads", "Nicole Wilke leads"}},
      {"enb-0367.txt",
       "Crispin d Auvergne (Saint Lucia) and Helmut",
       nullptr,
       {"Crispin d Auvergne leads", "Helmut Hojesky leads"}},
      {"enb-0250.txt",
       "Jim Penman will facilitate informal",
       nullptr,
       {"Jim Penman leads"}},
      // "a contact group led by X and Y".
      {"enb-0048.txt",
       "contact group led by",
       "led by",
       {"US leads", "Malaysia leads"}},
      // "and" inside a country in parentheses joins no names.
      {"enb-0190.txt",
       "Brian Challenger (Antigua and Barbuda) chaired",
       nullptr,
       {"Brian Challenger leads"}},
      // A member of a body is the person.
      {"enb-0244.txt",
       "chaired by EGTT member Rawleston",
       nullptr,
       {"Rawleston Moore leads"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

TEST(EnglishPositionRules, GroupsSpokenForOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0616.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      // "opposed by Tuvalu, for the LDCs,": the group opposes.
      {"enb-0616.txt",
       "SINGAPORE, opposed by Tuvalu, for the LDCs",
       nullptr,
       {"SINGAPORE proposes", "LDCs opposes", "EU proposes"}},
      // "X, for GROUP1, with Y, for GROUP2, and Z, for GROUP3,": each group.
      {"enb-0474.txt",
       "The Democratic Republic of the Congo, for the AFRICAN GROUP",
       "noted",
       {"AFRICAN GROUP concerned", "LEAST DEVELOPED COUNTRIES concerned",
        "ALLIANCE OF SMALL ISLAND STATES concerned"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

TEST(EnglishPositionRules, QuestionsAndReportsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0430.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      // Asking for information or what a word means takes no stance.
      {"enb-0468.txt",
       "The COOK ISLANDS requested information",
       "requested",
       {}},
      {"enb-0430.txt", "the EU questioned the difference", "questioned", {}},
      // A rhetorical "questioned why" still opposes.
      {"enb-0551.txt",
       "questioned why parties want",
       "questioned",
       {"BOLIVIA opposes"}},
      // A facilitator reporting back on a group's work.
      {"enb-0543.txt",
       "Facilitator Wollansky reported on the need",
       "reported",
       {}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

TEST(EnglishPositionRules, CommitmentsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0025.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      // "is committed to" is a pledge, not a passive.
      {"enb-0025.txt",
       "China is committed to doing",
       nullptr,
       {"China commits"}},
      // "announced a contribution" pledges; "announced support" supports.
      {"enb-0023.txt",
       "announced a contribution",
       nullptr,
       {"GERMANY concerned", "GERMANY commits"}},
      {"enb-0038.txt", "the US announced support", nullptr, {"US supports"}},
      // "preferred" supports what it names.
      {"enb-0023.txt",
       "INDIA preferred open-ended membership",
       nullptr,
       {"INDIA supports"}},
      // "a committed participant", "committed warming": no pledge.
      {"enb-0014.txt", "committed participant", nullptr, {}},
      {"enb-0319.txt", "On committed warming", "committed", {}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

TEST(EnglishPositionRules, SpeechVerbsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0551.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      // An unnamed speaker ("An NGO spokesperson suggested", "delegates
      // continued") is who "He" and "They" are next, not the last named.
      {"enb-0126.txt", "He suggested convening sectoral", nullptr, {}},
      {"enb-0131.txt", "They agreed on the following steps", nullptr, {}},
      // A bare plural inside what a party said names no speaker ("Delegates
      // must focus ...": "She" is still GERMANY).
      {"enb-0024.txt",
       "She endorsed the EU proposal",
       nullptr,
       {"GERMANY supports"}},
      // "the importance of" gives way to another stance of the same
      // speaker in the sentence; alone it supports.
      {"enb-0022.txt",
       "He emphasized the importance of SBSTA",
       nullptr,
       {"JAPAN requests"}},
      {"enb-0416.txt",
       "SWITZERLAND stressed the importance of enabling",
       nullptr,
       {"SWITZERLAND requests"}},
      {"enb-0551.txt",
       "highlighted the value of outside initiatives",
       nullptr,
       {"MICRONESIA supports", "US supports"}},
      // The importance of the meeting: a greeting.
      {"enb-0408.txt",
       "underscored the importance of the session",
       "underscored",
       {}},
      {"enb-0396.txt",
       "She emphasized the importance of this workshop",
       nullptr,
       {}},
      // What a concession grants is no stance; "while identifying the
      // need" is no concession.
      {"enb-0210.txt", "Mark Radka noted that, while", nullptr, {}},
      {"enb-0454.txt",
       "while identifying the need",
       "said",
       {"G-77/CHINA requests"}},
      // "required to" after a noun is a participle; "requires" a need.
      {"enb-0601.txt", "portfolio required to address", nullptr, {}},
      {"enb-0482.txt",
       "NEW ZEALAND underscored that Annex I",
       "underscored",
       {}},
      {"enb-0551.txt",
       "raising ambition requires clarity",
       nullptr,
       {"NORWAY requests"}},
      // "suggested" a view of what is; "suggested" what would be useful,
      // a subjunctive, a clause with "should".
      {"enb-0551.txt",
       "suggested developed countries are reluctant",
       "suggested",
       {}},
      {"enb-0190.txt",
       "She also suggested that the arrangement had",
       nullptr,
       {}},
      {"enb-0023.txt",
       "He suggested that it was useful",
       nullptr,
       {"JAPAN proposes"}},
      {"enb-0124.txt",
       "SAUDI ARABIA suggested that the referral",
       nullptr,
       {"SAUDI ARABIA proposes"}},
      {"enb-0551.txt",
       "He suggested that parties that have presented",
       nullptr,
       {"REPUBLIC OF KOREA proposes"}},
      {"enb-0363.txt",
       "eight years would be needed",
       "suggested",
       {"Sweden proposes"}},
      // "agreed that" a statement of fact supports nothing; that something
      // should be, it does.
      {"enb-0441.txt", "Japan agreed that Chapters", "agreed", {}},
      {"enb-0601.txt",
       "agreed that the global goal should be qualitative",
       "agreed",
       {"SWITZERLAND supports", "CANADA supports", "EU supports"}},
      // "his wish" that something be done; "the US commitment" pledges,
      // "ambitious commitments" of others does not.
      {"enb-0581.txt",
       "expressed his wish to resolve",
       nullptr,
       {"Republic of Korea requests"}},
      {"enb-0076.txt",
       "reiterated the US commitment",
       nullptr,
       {"US Vice President Albert Gore Jr commits"}},
      {"enb-0076.txt", "limiting a comprehensive use of sinks", nullptr, {}},
      // "no new X should be" opposes X; "disappointing", "flawed" too.
      {"enb-0570.txt",
       "said that no new bodies should",
       nullptr,
       {"LDCs opposes"}},
      {"enb-0101.txt",
       "said no new sink categories",
       nullptr,
       {"MARSHALL ISLANDS opposes"}},
      {"enb-0570.txt",
       "extremely disappointing",
       nullptr,
       {"LIKE-MINDED DEVELOPING COUNTRIES opposes"}},
      {"enb-0570.txt",
       "socially flawed",
       nullptr,
       {"CLIMATE JUSTICE NOW opposes"}},
      // "urged, with X and Y, a focus": they join the verb.
      {"enb-0570.txt",
       "urged, with TUVALU and TANZANIA",
       "urged",
       {"LDCs requests", "TUVALU requests", "TANZANIA requests"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A chair running the meeting states no stance: who consults, when parties
// take a text up, how the body starts its work; a chair is also the
// surname the report gave a chair ("Chair Chruszczow ... He then asked").
// What a chair proposes of substance stays.
TEST(EnglishPositionRules, ChairsRunningTheMeetingOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0324.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0324.txt", "Chair Kumarsingh proposed holding", nullptr, {}},
      {"enb-0324.txt", "Chair Dovland proposed that parties", nullptr, {}},
      {"enb-0570.txt", "Chair Chruszczow proposed that the SBI", nullptr, {}},
      {"enb-0570.txt", "He then asked parties to consider", nullptr, {}},
      {"enb-0601.txt", "The ADP Co-Chairs proposed that Franz", nullptr, {}},
      {"enb-0493.txt",
       "COP President Espinosa proposed that Luis",
       nullptr,
       {}},
      // "in consultation with" is how a substantive choice is made.
      {"enb-0363.txt",
       "Susan Solomon suggested that the authors be selected",
       nullptr,
       {"WGI Co-Chair Susan Solomon proposes"}},
      {"enb-0320.txt",
       "Co-Chair Parry, opposed by the UK, Germany and Japan",
       nullptr,
       {"Co-Chair Parry proposes", "UK opposes", "Germany opposes",
        "Japan opposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A list after "supported by", "opposed by", "with" or "including" goes on
// past its first comma, through doubled spaces, so "opposed by A, B and C"
// gives each of them the opposite stance and the speaker is not one of
// them (the next "He" is the speaker alone).
TEST(EnglishPositionRules, AsideListsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0324.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0324.txt",
       "South Africa, for the G-77/CHINA, supported by AOSIS",
       nullptr,
       {"G-77/CHINA requests", "AOSIS requests", "LDCs requests",
        "AFRICAN GROUP requests"}},
      {"enb-0320.txt",
       "The US, opposed by New Zealand, Germany, France",
       nullptr,
       {"US proposes", "New Zealand opposes", "Germany opposes",
        "France opposes"}},
      {"enb-0293.txt",
       "GERMANY, supported by NORWAY, requested",
       nullptr,
       {"GERMANY requests", "NORWAY requests"}},
      {"enb-0293.txt",
       "Several delegates, including SUDAN",
       nullptr,
       {"SUDAN supports", "KENYA supports", "INDIA supports", "SPAIN supports",
        "VENEZULA supports", "GERMANY supports", "FRANCE supports"}},
      {"enb-0293.txt",
       "Urging parties to be practical, he called",
       nullptr,
       {"UK requests"}},
      // "on behalf of" after a list replaces the last item only.
      {"enb-0235.txt",
       "SWITZERLAND, JAPAN, the US and GHANA, on behalf",
       nullptr,
       {"SWITZERLAND requests", "JAPAN requests", "US requests",
        "G-77/China requests"}},
      {"enb-0023.txt",
       "SPAIN, on behalf of the EU, proposed replacing",
       nullptr,
       {"EU proposes"}},
      // A heading glued to its sentence ("transport:On the issue").
      {"enb-0324.txt",
       "SAUDI ARABIA, opposed by NORWAY, the EU and AOSIS",
       nullptr,
       {"SAUDI ARABIA proposes", "NORWAY opposes", "EU opposes",
        "AOSIS opposes"}},
      // "will conduct consultations", "consultations ... conducted by" lead;
      // a study conducted by someone does not.
      {"enb-0324.txt",
       "Shuang Zheng (China) will conduct",
       nullptr,
       {"Shuang Zheng leads"}},
      {"enb-0367.txt",
       "Gertraud Wollansky (Austria) and Mohammad",
       nullptr,
       {"Gertraud Wollansky leads", "Mohammad Reazuddin leads"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

}  // namespace
}  // namespace kb
