// English position rules for precision (branches enprec, enprec2):
// sentences that end on a number, speakers who report what a group found (a
// rapporteur, the chair of a breakout group, a facilitator back from
// consultations), "supported by" asides between two verbs. Real
// sentences of ENB reports outside labels.jsonl
// (english_positions_test_util.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/positions/english_sentences.h"
#include "tests/unit/english_positions_test_util.h"

namespace kb {
namespace {

using test::enb_dir;
using test::enb_positions_at;
using test::EnbCase;

std::vector<std::string> enprec_sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const english::Span& s : english::split_sentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// A stop after a single digit ends the sentence ("under Article 9. The
// G-77/CHINA said"): a digit is no initial. Before, the next sentence's
// verbs were given to the first one's parties ("JAPAN and the EU ...
// opposed formal linkages"). An initial still keeps going.
TEST(EnglishPositionPrecision, SentencesEndOnANumber) {
  EXPECT_EQ(enprec_sentences("JAPAN and the EU highlighted coordination with "
                             "the second Protocol review under Article 9. The "
                             "G-77/CHINA said work should not be duplicated, "
                             "but opposed formal linkages."),
            (std::vector<std::string>{
                "JAPAN and the EU highlighted coordination with the second "
                "Protocol review under Article 9.",
                "The G-77/CHINA said work should not be duplicated, but "
                "opposed formal linkages."}));
  EXPECT_EQ(enprec_sentences("The statement by Mark J. Berman (Canada) was "
                             "noted."),
            (std::vector<std::string>{
                "The statement by Mark J. Berman (Canada) was noted."}));
  // The letter of an option or an annex is no initial either.
  EXPECT_EQ(enprec_sentences("A number of countries including JAPAN, BARBADOS, "
                             "BRAZIL and COSTA RICA supported Option C. The US "
                             "preferred the Australian option."),
            (std::vector<std::string>{
                "A number of countries including JAPAN, BARBADOS, BRAZIL and "
                "COSTA RICA supported Option C.",
                "The US preferred the Australian option."}));
  // Nor a bracket closing a document symbol, nor a unit after a number.
  EXPECT_EQ(enprec_sentences("Parties then adopted the agenda ( "
                             "FCCC/KP/AWG/2007/3 ). Australia, for the "
                             "UMBRELLA GROUP, called for in-depth "
                             "consideration."),
            (std::vector<std::string>{
                "Parties then adopted the agenda ( FCCC/KP/AWG/2007/3 ).",
                "Australia, for the UMBRELLA GROUP, called for in-depth "
                "consideration."}));
  EXPECT_EQ(enprec_sentences("The EU cited its target of stabilizing "
                             "temperatures at 2 C. NORWAY cautioned that."),
            (std::vector<std::string>{
                "The EU cited its target of stabilizing temperatures at 2 C.",
                "NORWAY cautioned that."}));
  if (!std::filesystem::exists(enb_dir() / "enb-0346.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0346.txt",
       "JAPAN and the EU highlighted coordination",
       nullptr,
       {}},
      {"enb-0346.txt",
       "The G-77/CHINA said work should not be duplicated",
       nullptr,
       {"G-77/CHINA opposes"}},
      {"enb-0023.txt",
       "He suggested devising a flexible approach",
       nullptr,
       {"JAPAN proposes"}},
      {"enb-0076.txt",
       "The US preferred the Australian option",
       nullptr,
       {"US supports", "US requests"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// "reported" anything, "said the group noted", "noted that the group
// reached", "noted participants' statements": the group's findings, and
// what follows in the sentence is theirs too. A party saying what a group
// should do, or proposing while participants agree, takes a stance.
TEST(EnglishPositionRapporteurs, AGroupsFindingsAreNotTheSpeakers) {
  if (!std::filesystem::exists(enb_dir() / "enb-0076.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0076.txt",
       "He noted that the group reached two conclusions",
       nullptr,
       {}},
      {"enb-0076.txt",
       "Dámaso Luna (Mexico), reported that further",
       nullptr,
       {}},
      {"enb-0191.txt",
       "Group I Rapporteur Alexandra Mallett (Canada) reported",
       nullptr,
       {}},
      {"enb-0396.txt", "he said the group noted that tools tend", nullptr, {}},
      {"enb-0243.txt",
       "he said that participants noted the challenges",
       nullptr,
       {}},
      {"enb-0244.txt", "He noted participants' statements that", nullptr, {}},
      {"enb-0501.txt", "Diagne reported on methodology, saying", nullptr, {}},
      {"enb-0543.txt",
       "Facilitator Wollansky reported on the need",
       nullptr,
       {}},
      // Stances all the same.
      {"enb-0022.txt",
       "the group should leave its options open",
       nullptr,
       {"CANADA requests"}},
      {"enb-0319.txt",
       "Canada proposed, and participants agreed",
       nullptr,
       {"Canada proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// ", but, supported by Sweden and others, opposed": the aside after "but,"
// or "and," is the second verb's. Before, the supporters took the first
// verb's stance and the second verb had none of them. An aside that no
// verb follows ("and, supported by the EU, that targets be expressed")
// stays with the first verb.
TEST(EnglishPositionAsides, SupportedByAfterButIsTheNextVerbs) {
  if (!std::filesystem::exists(enb_dir() / "enb-0363.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0363.txt",
       "but, supported by Sweden and others, opposed taking economics",
       nullptr,
       {"Bert Metz requests", "Bert Metz opposes", "Sweden opposes"}},
      {"enb-0320.txt",
       "and, opposed by Saudi Arabia and the Russian Federation, proposed",
       nullptr,
       {"Belgium opposes", "UK opposes", "Belgium proposes", "UK proposes",
        "Saudi Arabia opposes", "Russian Federation opposes"}},
      // China and the others opposed the underscoring, not the review.
      {"enb-0311.txt",
       "and, opposed by CHINA, SAUDI ARABIA, INDIA, EGYPT and others, "
       "underscored",
       nullptr,
       {"UMBRELLA GROUP supports", "EU supports", "SWITZERLAND supports"}},
      {"enb-0547.txt",
       "and, supported by Switzerland, cautioned against",
       nullptr,
       {"US requests", "US opposes", "Switzerland opposes"}},
      // No verb after the aside: the first verb's.
      {"enb-0471.txt",
       "and, supported by the EU, that targets be expressed",
       nullptr,
       {"BANGLADESH proposes", "EU proposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

// "Egypt, for the LMDCs, and INDONESIA": the party after the group's
// speaker joins the list (it was dropped as "and INDONESIA").
TEST(EnglishPositionAsides, APartyAfterAGroupsSpeakerJoinsTheList) {
  if (!std::filesystem::exists(enb_dir() / "enb-0426.txt"))
    GTEST_SKIP() << "no ENB reports at " << enb_dir();
  static const EnbCase cases[] = {
      {"enb-0426.txt",
       "Uganda, for the LDCs, and EGYPT called for attribution",
       nullptr,
       {"G-77/CHINA requests", "LDCs requests", "EGYPT requests"}},
      {"enb-0543.txt",
       "THAILAND, Malawi, for LDCs, and ARGENTINA, opposed by AUSTRALIA",
       nullptr,
       {"THAILAND supports", "LDCs supports", "ARGENTINA supports",
        "AUSTRALIA opposes"}},
  };
  for (const EnbCase& c : cases)
    EXPECT_EQ(enb_positions_at(c), c.expected) << c.file << ": " << c.anchor;
}

}  // namespace
}  // namespace kb
