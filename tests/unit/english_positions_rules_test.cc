// English position rules checked on real sentences of ENB reports outside
// labels.jsonl (../shared/corpus/negotiation/en: unlabelled reports, or the
// team's labels, which are tuned on), so the held-out reports stay unread. The
// texts belong to IISD: each case names a file and a few words of its sentence,
// and the test reads the report; it is skipped when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/unit/english_positions_test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using test::enb_dir;
using test::enb_positions_at;
using test::EnbCase;

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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
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
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// What a speech verb's clause says, read closer (branch enpos6): a pledge
// by a host, urgency ("cannot be delayed"), "should not replace Y" (asks
// for Y), criticism ("too weak", "not applicable"), an endorsement ("is a
// crucial element"), an emphasis that gives way ("the willingness"), new
// cue verbs ("raised concerns", "expressed alarm", "could only support",
// "will not agree"), a chair's "next session" and "asked for input", and a
// body of the process (the JISC) that reports.
TEST(EnglishPositionRules, ViewsAndStancesOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0526.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0526.txt",
       "his government will spare no efforts",
       nullptr,
       {"QATAR commits"}},
      {"enb-0526.txt",
       "his country would host the pre-COP",
       nullptr,
       {"REPUBLIC OF KOREA commits"}},
      {"enb-0526.txt",
       "operationalizing the GCF cannot be delayed",
       nullptr,
       {"AOSIS requests"}},
      {"enb-0441.txt",
       "the IPCC cannot wait for the election",
       nullptr,
       {"Switzerland requests", "Belgium requests", "Sudan requests",
        "Libya requests", "Bangladesh requests"}},
      {"enb-0526.txt",
       "it should not replace the need to clarify",
       nullptr,
       {"AUSTRALIA supports", "AUSTRALIA requests"}},
      {"enb-0096.txt",
       "the CDM should not be a substitute",
       nullptr,
       {"CÔTE D'IVOIRE requests"}},
      {"enb-0471.txt",
       "commitment periods is too weak",
       nullptr,
       {"FEDERATED STATES OF MICRONESIA opposes", "SOUTH AFRICA opposes",
        "CHINA opposes"}},
      {"enb-0526.txt",
       "a common reporting format is not applicable",
       nullptr,
       {"PAKISTAN opposes", "PAKISTAN supports"}},
      {"enb-0526.txt",
       "the GCF is a crucial element",
       nullptr,
       {"G-77/CHINA supports"}},
      // An element of the package leads up to the suggestion.
      {"enb-0526.txt",
       "The EU reiterated that progress on these issues",
       nullptr,
       {"EU proposes"}},
      {"enb-0400.txt",
       "a long-term goal is the key element",
       nullptr,
       {"JAPAN supports"}},
      // A topic, not an endorsement; a clause that says what should be.
      {"enb-0191.txt", "He reported on key elements of Bolivia", nullptr, {}},
      {"enb-0014.txt",
       "the key element of the draft protocol should be",
       nullptr,
       {"Indonesia requests"}},
      // "the willingness of X" only leads up to the urging (a tuning report
      // of labels.jsonl: no other report says it).
      {"enb-0261.txt",
       "emphasized the willingness of the business",
       nullptr,
       {"Nick Campbell requests"}},
      {"enb-0471.txt",
       "raised concerns about the lack of progress",
       nullptr,
       {"TRADE UNIONS concerned"}},
      {"enb-0582.txt",
       "China and Germany raised concerns",
       nullptr,
       {"China concerned", "Germany concerned"}},
      {"enb-0526.txt",
       "Venezuela, for ALBA, expressed alarm",
       nullptr,
       {"ALBA concerned"}},
      {"enb-0526.txt",
       "said they could only support",
       nullptr,
       {"BOLIVIA supports", "VENEZUELA supports", "SAUDI ARABIA supports"}},
      {"enb-0526.txt",
       "INDIA said it will not agree",
       nullptr,
       {"INDIA opposes"}},
      {"enb-0471.txt",
       "He suggested continuing to work on the issue",
       nullptr,
       {}},
      {"enb-0526.txt",
       "Mukahanana-Sangarwe (Zimbabwe) asked for input",
       nullptr,
       {}},
      {"enb-0482.txt", "Co-facilitator Gafoor invited parties", nullptr, {}},
      {"enb-0526.txt", "He said the JISC recommended", nullptr, {}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// Who a verb's subject is, read closer (branch enpos6): the supporters of
// a subject share its later verbs ("X, supported by Y, said ..., and
// urged"); an opening participle's object is not the subject ("Opposing
// this proposal, JAPAN and ..."; "Supporting TUVALU, BRAZIL said"); an
// adverbial goes on in lower case ("On the way forward, in particular in
// relation to ..., Spain, for the EU,"); "A and B, for the G" is A and G.
TEST(EnglishPositionRules, SubjectsOnRealSentences) {
  if (!fs::exists(enb_dir() / "enb-0526.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0526.txt",
       "VENEZUELA, supported by BRAZIL, BOLIVIA, CUBA",
       "urged",
       {"VENEZUELA requests", "BRAZIL requests", "BOLIVIA requests",
        "CUBA requests", "NICARAGUA requests", "PERU requests",
        "GHANA requests"}},
      {"enb-0471.txt",
       "SAUDI ARABIA, with OMAN, KUWAIT and QATAR",
       "encouraged",
       {"SAUDI ARABIA requests", "OMAN requests", "KUWAIT requests",
        "QATAR requests"}},
      {"enb-0040.txt",
       "CHINA, supported by the EU, CANADA, JAPAN and the US, welcomed",
       "requested",
       {"CHINA requests", "EU requests", "CANADA requests", "JAPAN requests",
        "US requests"}},
      {"enb-0471.txt",
       "Opposing this proposal, JAPAN and the RUSSIAN",
       nullptr,
       {"JAPAN opposes", "RUSSIAN FEDERATION opposes"}},
      {"enb-0360.txt",
       "Supporting TUVALU, BRAZIL said",
       nullptr,
       {"BRAZIL supports", "BRAZIL requests"}},
      {"enb-0471.txt",
       "Spain, for the EU, supported by NORWAY, SWITZERLAND",
       nullptr,
       {"EU requests", "NORWAY requests", "SWITZERLAND requests",
        "JAPAN requests"}},
      {"enb-0471.txt",
       "SOUTH AFRICA, CHINA and Spain, for the EU, highlighted",
       nullptr,
       {"SOUTH AFRICA requests", "CHINA requests", "EU requests"}},
      {"enb-0460.txt",
       "Papua New Guinea, Turkey and Grenada, for AOSIS",
       nullptr,
       {"Papua New Guinea supports", "Turkey supports", "AOSIS supports"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

}  // namespace
}  // namespace kb
