// The cue lexicon: the phrases that signal a stance, read from
// indexer/positions/cue_lexicon.tsv (compiled in, so the programs need no
// data file), with the roles the extractor gives them.
#ifndef VNKB_INDEXER_POSITIONS_CUE_LEXICON_H_
#define VNKB_INDEXER_POSITIONS_CUE_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/stances.h"

namespace kb {

// What a cue does besides signalling its stance (the "roles" column of the
// lexicon; its file comment says what each means).
enum CueRole : uint16_t {
  kPlainCue = 0,
  kAddressee = 1,   // "đề nghị X ...": asks X, a request
  kAdvocacy = 2,    // "vận động X <cue>": the other cue's means
  kAgentAfter = 4,  // "đầu mối là X": the actor follows the cue
  kRoleNoun = 8,    // "cơ quan đầu mối": a stance only after "là"/"làm"
  kLabelOnly = 16,  // "Điều hành: X": only as a label before a colon
  kAdjacent = 32,   // "Việt Nam sẽ ...": only right after its actor
  kFraming = 64,  // "X khẳng định sẵn sàng ủng hộ": later cues of the
                  // same actor in the clause are its content, not stances
  kReporting = 128,  // "X khẳng định ...": a commitment only before "sẽ" or
                     // "tiếp tục"; otherwise it only passes X on
  kAffirming = 256,  // "X khẳng định hỗ trợ ...": with kReporting, also a
                     // commitment before any verb of X's own
  kReported = 512,  // "X nhấn mạnh ... cần ...": a stance only in what a
                    // reporting verb's actor says, and that actor's
};

// One cue phrase and the stance it signals.
struct StanceCue {
  std::string phrase;  // as written in the lexicon, lower case: "chủ trì"
  Stance stance = Stance::kSupports;
  uint16_t roles = kPlainCue;      // CueRole bits
  std::vector<std::string> terms;  // the phrase's analysed words (exact
                                   // forms), as a page's words are matched
};

struct CueLexiconError {
  size_t line = 0;  // 1-based
  std::string message;
};

struct CueLexicon {
  std::vector<StanceCue> cues;          // in the file's order
  std::vector<CueLexiconError> errors;  // lines that were left out
};

// Reads a lexicon in the format of cue_lexicon.tsv. A line that cannot be
// used (wrong column count, unknown stance or role, no words, a phrase
// listed twice) is left out and reported in `errors`; the rest is kept.
CueLexicon parse_cue_lexicon(std::string_view tsv);

// The text of indexer/positions/cue_lexicon.tsv as compiled in.
std::string_view cue_lexicon_tsv();

// The compiled-in lexicon's cues (parse_cue_lexicon(cue_lexicon_tsv()),
// parsed once). Thread-safe.
const std::vector<StanceCue>& stance_cues();

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_CUE_LEXICON_H_
