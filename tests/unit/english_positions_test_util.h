// Helpers of the English position tests that read real ENB reports from
// ../shared/corpus/negotiation/en (the texts belong to IISD: a case names a
// file and a few words of its sentence, and the test reads the report; it
// is skipped when the corpus is absent). Only reports outside labels.jsonl
// (unlabelled, or the team's labels, which are tuned on) are named, so the
// held-out reports stay unread.
#ifndef VNKB_TESTS_UNIT_ENGLISH_POSITIONS_TEST_UTIL_H_
#define VNKB_TESTS_UNIT_ENGLISH_POSITIONS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/extractor.h"
#include "tests/unit/positions_test_util.h"

namespace kb::test {

inline std::filesystem::path enb_dir() {
  return std::filesystem::path(VNKB_SOURCE_DIR) /
         "../shared/corpus/negotiation/en";
}

// `s` with each run of spaces as one space (the reports wrap with two).
inline std::string squeeze(const std::string& s) {
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
inline std::vector<std::string> enb_positions_at(const EnbCase& c) {
  std::ifstream in(enb_dir() / c.file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  EXPECT_NE(squeeze(text).find(c.anchor), std::string::npos)
      << c.file << ": " << c.anchor;
  PositionContext ctx;
  ctx.language = "en";
  std::vector<std::string> out;
  for (const ExtractedPosition& p : extractor().extract({text}, ctx)) {
    if (squeeze(p.quote).find(c.anchor) != std::string::npos &&
        (c.cue == nullptr || squeeze(p.cue) == c.cue))
      out.push_back(squeeze(p.actor_name) + " " + stance_id(p.stance));
  }
  return out;
}

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_ENGLISH_POSITIONS_TEST_UTIL_H_
