// English position rules that tell a stance from a report of the meeting:
// the body that agrees text, a question, the views a speaker reports, a
// chair taking the text up. Real sentences of ENB reports outside
// labels.jsonl (english_positions_test_util.h).
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/unit/english_positions_test_util.h"

namespace kb {
namespace {

using test::enb_dir;
using test::enb_positions_at;
using test::EnbCase;

// The working group or negotiating body of the report's meeting agrees or
// rejects text: the meeting's outcome, not a party's stance. A "He" after
// it is the last speaker named.
TEST(EnglishPositionReports, TheMeetingsBodyDecidesNoStance) {
  if (!std::filesystem::exists(enb_dir() / "enb-0320.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0320.txt",
       "Ireland proposed, and WGII agreed to, language",
       nullptr,
       {"Ireland proposes"}},
      {"enb-0320.txt", "WGII did not accept this proposal", nullptr, {}},
      {"enb-0581.txt", "The Group rejected the insertion", nullptr, {}},
      {"enb-0038.txt",
       "The Round Table agreed that Parties should only",
       nullptr,
       {}},
      {"enb-0024.txt",
       "He suggested compiling an inventory of country",
       nullptr,
       {"US proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// Asking for information or clarification is a question; asking for
// something else is a request.
TEST(EnglishPositionReports, QuestionsAskNoStance) {
  if (!std::filesystem::exists(enb_dir() / "enb-0040.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0040.txt",
       "CANADA and JAPAN also requested more detailed information",
       nullptr,
       {}},
      {"enb-0124.txt",
       "The US sought clarification on the phrase",
       nullptr,
       {}},
      {"enb-0124.txt", "NIGERIA sought elaboration of the EU", nullptr, {}},
      {"enb-0023.txt",
       "He requested additional information on land",
       nullptr,
       {}},
      {"enb-0038.txt",
       "BULGARIA, HUNGARY, POLAND and ROMANIA sought flexibility",
       nullptr,
       {"BULGARIA requests", "HUNGARY requests", "POLAND requests",
        "ROMANIA requests"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A speaker who notes others' views, comments or the points they converge
// on reports them; "indicated support for" and "expressed the view" are
// the speaker's own.
TEST(EnglishPositionReports, ReportedViewsAreNotTheSpeakers) {
  if (!std::filesystem::exists(enb_dir() / "enb-0363.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0363.txt", "noted the contact group s view that", nullptr, {}},
      {"enb-0191.txt",
       "Chair Thorgeirsson drew attention to comments that",
       nullptr,
       {}},
      {"enb-0191.txt",
       "She highlighted participants' comments on the need",
       nullptr,
       {}},
      {"enb-0568.txt",
       "Co-Chair Dovland identified areas of convergence",
       nullptr,
       {}},
      {"enb-0040.txt",
       "He noted that there were points of convergence",
       nullptr,
       {}},
      {"enb-0443.txt", "noting support for both top-down", "noting", {}},
      {"enb-0032.txt",
       "indicated support for 'institutional economy'",
       nullptr,
       {"EU supports"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A chair taking the text up (on what basis, in what order, what to leave
// for later, a change the room agrees to at once) runs the meeting
// (LABELS.md: procedure); a chair's proposal of substance is left alone.
TEST(EnglishPositionReports, ChairsTakingTheTextUpRunTheMeeting) {
  if (!std::filesystem::exists(enb_dir() / "enb-0430.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0430.txt",
       "Co-Chair Gaye suggested proceeding on the basis",
       "suggested",
       {}},
      {"enb-0430.txt", "proposed arranging text in four blocks", nullptr, {}},
      {"enb-0319.txt",
       "Co-Chair Solomon proposed, and participants agreed, to remove",
       nullptr,
       {}},
      {"enb-0367.txt", "Chair Asadi suggested leaving a sub-item", nullptr, {}},
      {"enb-0388.txt", "Co-Chair Moita invited general comments", nullptr, {}},
      // The delegations a chair urges, or "them" after "invited parties".
      {"enb-0057.txt",
       "urged delegations to make progress on outstanding",
       nullptr,
       {}},
      {"enb-0482.txt", "and encouraged them to limit such", nullptr, {}},
      {"enb-0460.txt",
       "Chair Mukahanana-Sangarwe proposed that parties compromise",
       nullptr,
       {"Chair Mukahanana-Sangarwe proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A speaker presenting a document or a body's work reports what it says
// ("presented a progress report ..., noting that the first scholarships
// should be awarded"); a chair telling how the work stands runs the
// meeting, read in the verb's own clause.
TEST(EnglishPositionReports, PresentationsAndChairsReportsStateNoStance) {
  if (!std::filesystem::exists(enb_dir() / "enb-0441.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0441.txt",
       "Secretary Christ presented a progress report",
       nullptr,
       {}},
      {"enb-0210.txt",
       "Malini Ranganathan, UNFCCC Consultant, presented the draft",
       nullptr,
       {}},
      {"enb-0592.txt",
       "SBSTA Chair Muyungi indicated that response measures",
       nullptr,
       {}},
      {"enb-0558.txt",
       "Chair Diouf stated that this proposal could be discussed",
       nullptr,
       {}},
      {"enb-0220.txt",
       "She said synergies should be built at local",
       nullptr,
       {"Chair Daniela Stoycheva requests"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A role is what is ("plays a crucial role in Belgium"); "the essential
// role of X" is an emphasis, as "the importance of X" is; a clause that
// says what should be requests. "cautioned that X should not" or "was not
// the way" opposes, as "cautioned against" does; "cautioned that funding
// is falling" is a concern. A text that "lacks crucial elements" is judged.
TEST(EnglishPositionReports, RolesCautionsAndJudgedTexts) {
  if (!std::filesystem::exists(enb_dir() / "enb-0243.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0243.txt",
       "He said energy demand modeling plays a crucial role",
       nullptr,
       {}},
      {"enb-0210.txt",
       "highlighted the essential role of the private sector",
       nullptr,
       {"Elmer Holt supports", "CTI supports"}},
      {"enb-0023.txt",
       "the SBI has an important role to play",
       nullptr,
       {"EU requests"}},
      {"enb-0324.txt",
       "He cautioned that blocking this issue was not the way",
       nullptr,
       {"SAUDI ARABIA opposes"}},
      {"enb-0040.txt",
       "The US cautioned that such centers should not replicate",
       nullptr,
       {"US opposes"}},
      {"enb-0601.txt",
       "cautioned that CCS funding is falling",
       "cautioned that",
       {"Andrew Purvis concerned"}},
      // What stands in the way is a view, not a proposal.
      {"enb-0243.txt",
       "New Zealand and Denmark suggested lack of expertise",
       nullptr,
       {}},
      {"enb-0582.txt",
       "They argued that the sentence was not necessary",
       nullptr,
       {"Germany opposes", "Spain opposes", "India opposes",
        "Finland opposes"}},
      {"enb-0526.txt",
       "EGYPT said the draft governing instrument lacks crucial",
       nullptr,
       {"EGYPT opposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A country whose name holds "and" is one actor, in lists too.
TEST(EnglishPositionReports, CountryNamesWithAndAreOneActor) {
  if (!std::filesystem::exists(enb_dir() / "enb-0409.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0409.txt",
       "Antigua and Barbuda called for integration",
       nullptr,
       {"Antigua and Barbuda requests"}},
      {"enb-0356.txt",
       "Trinidad and Tobago advocated identifying",
       nullptr,
       {"Trinidad and Tobago proposes"}},
      {"enb-0426.txt",
       "ANTIGUA and BARBUDA supported differentiating",
       nullptr,
       {"ANTIGUA and BARBUDA supports"}},
      {"enb-0076.txt",
       "SAUDI ARABIA, TRINIDAD and TOBAGO, the EU and the NETHERLANDS",
       nullptr,
       {"PHILIPPINES proposes", "MARSHALL ISLANDS proposes", "FRANCE proposes",
        "UGANDA proposes", "SAUDI ARABIA proposes",
        "TRINIDAD and TOBAGO proposes", "EU proposes", "NETHERLANDS proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// An office with no one named ("The Chair suggested", "The Co-Chair
// suggested") and a word linking sentences ("Ultimately, parties agreed",
// "But, he said") are no actor: LABELS.md asks for a named one. Named
// chairs, the parties beside a bare chair, and a country whose name ends
// like an adverb ("Italy, supported by ...") stay.
TEST(EnglishPositionReports, BareOfficesAndLinkingWordsAreNoActors) {
  if (!std::filesystem::exists(enb_dir() / "enb-0009.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0009.txt",
       "The Chair suggested amending China's proposal",
       nullptr,
       {}},
      {"enb-0009.txt", "The Co-Chair suggested inserting", nullptr, {}},
      {"enb-0040.txt",
       "The Chair, supported by the US, proposed a reference",
       nullptr,
       {"US proposes"}},
      {"enb-0408.txt",
       "Chair Pachauri proposed a step-by-step process",
       nullptr,
       {"Chair Pachauri proposes"}},
      {"enb-0460.txt", "Ultimately, parties agreed to adopt", nullptr, {}},
      {"enb-0027.txt", "But, he said, progress depends", nullptr, {}},
      {"enb-0363.txt", "Consequently, the most radical changes", nullptr, {}},
      {"enb-0408.txt",
       "Italy, supported by France, Madagascar, Austria",
       nullptr,
       {"Italy proposes", "France proposes", "Madagascar proposes",
        "Austria proposes", "Morocco proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// "agreed to" a thing on the table (a party's proposal, a text) or to
// accept it supports it; "agreed to" do something commits.
TEST(EnglishPositionReports, AgreeingToAProposalSupportsIt) {
  if (!std::filesystem::exists(enb_dir() / "enb-0394.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0394.txt",
       "eventually agreed to CHINA s proposal",
       nullptr,
       {"EU supports", "NEW ZEALAND supports", "ARGENTINA supports"}},
      {"enb-0581.txt",
       "Saudi Arabia agreed to accept the statement",
       nullptr,
       {"Saudi Arabia supports"}},
      {"enb-0265.txt",
       "agreed to provide delegates with a document",
       nullptr,
       {"GEF commits"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// Doubts, arguing against and not wanting oppose; regret is a concern.
TEST(EnglishPositionReports, DoubtsAndRegretsAreStances) {
  if (!std::filesystem::exists(enb_dir() / "enb-0009.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0009.txt",
       "The EU, Japan and Australia expressed doubts",
       nullptr,
       {"EU opposes", "Japan opposes", "Australia opposes"}},
      {"enb-0138.txt",
       "the UK and JAPAN argued against inclusion",
       nullptr,
       // "Emphasizing the need for simplicity, the UK and JAPAN ...".
       {"UK requests", "JAPAN requests", "UK opposes", "JAPAN opposes"}},
      {"enb-0009.txt",
       "However, the EU, the US and the UK did not want",
       nullptr,
       {"EU opposes", "US opposes", "UK opposes"}},
      {"enb-0096.txt",
       "MALAYSIA expressed regret over the continued discussion",
       nullptr,
       {"MALAYSIA concerned"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// A speaker saying what it will give, reduce, announce or ratify commits;
// "it" that is a thing ("said it would make the system unworkable") does
// not.
TEST(EnglishPositionReports, SayingWhatItWillDoCommits) {
  if (!std::filesystem::exists(enb_dir() / "enb-0394.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0394.txt",
       "JAPAN said it would announce a quantified",
       nullptr,
       {"JAPAN commits"}},
      {"enb-0394.txt",
       "his country would reduce emissions by 20%",
       nullptr,
       {"SWITZERLAND commits"}},
      {"enb-0290.txt",
       "MONACO said it will soon ratify the Protocol",
       nullptr,
       {"MONACO commits"}},
      {"enb-0076.txt", "said it would make the system unworkable", "said", {}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// After "but" or "while" a new subject begins, the whole list of it:
// "..., but Malaysia, Brazil, Argentina, US, the EU and Nauru disagreed";
// the parties before it do not take the later verb's stance.
TEST(EnglishPositionReports, ListsAfterButOrWhileAreTheSubject) {
  if (!std::filesystem::exists(enb_dir() / "enb-0009.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0009.txt",
       "but Malaysia, Brazil, Argentina, US, the EU and Nauru disagreed",
       nullptr,
       {"Malaysia opposes", "Brazil opposes", "Argentina opposes", "US opposes",
        "EU opposes", "Nauru opposes"}},
      {"enb-0155.txt",
       "SAMOA supported this text, while the US, AUSTRALIA, JAPAN",
       nullptr,
       {"SAMOA supports", "US opposes", "AUSTRALIA opposes", "JAPAN opposes",
        "NEW ZEALAND opposes"}},
      {"enb-0311.txt",
       "The EU and CANADA said the proposal deserves further consideration",
       nullptr,
       {"G-77/CHINA opposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

}  // namespace
}  // namespace kb
