// Resolving a cue found in a clause: whether it is a verb or a noun, who
// takes the stance (the subject before it, a possessive "của X", an agent
// "bởi X", the heading's subject), and whether it is negated or addressed
// to someone, which changes its stance.
#ifndef VNKB_INDEXER_POSITIONS_RESOLUTION_H_
#define VNKB_INDEXER_POSITIONS_RESOLUTION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/stances.h"
#include "indexer/positions/cue_lexicon.h"
#include "indexer/positions/mentions.h"
#include "indexer/positions/subject_state.h"

namespace kb {

// A cue found in a clause, with what resolution made of it.
struct CueHit {
  const StanceCue* cue = nullptr;
  size_t u0 = 0, u1 = 0;            // its units [u0, u1)
  std::vector<std::string> actors;  // who takes the stance (empty: none)
  bool noun = false;  // used as a noun ("hồ sơ đề nghị"): no verb
};

// Where a cue stands and what the page reader knows around it.
struct ClauseContext {
  const PageMentions& page;
  size_t u0 = 0, u1 = 0;  // the clause's units [u0, u1)
  // The clause's cues before this one, already resolved.
  const std::vector<CueHit>& earlier;
  // The actors of the sentence's last resolved cue (clauses on ";" share it).
  const std::vector<std::string>& sentence_subject;
  const SubjectState& subjects;  // the headings above; its current line
  std::string_view issuer_id;    // the document's issuer, may be empty
  // The two sides of the talks the page reports ("hai bên", "hai nhà lãnh
  // đạo"); empty when the page names no clear pair.
  const std::vector<std::string>& parties;
};

struct CueResolution {
  std::vector<std::string> actors;  // who takes the stance; empty: none
  // The cue's stance, or kRequests when it addresses an actor ("đề nghị Bộ
  // X ..."); before negation.
  Stance stance = Stance::kSupports;
  bool negated = false;  // "không", "chưa", "chẳng", "không hề" before it
  bool noun = false;     // used as a noun: no verb of its own
};

// Resolves `hit` (its cue, u0 and u1 set) in `clause`.
CueResolution resolve_cue(const CueHit& hit, const ClauseContext& clause);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_RESOLUTION_H_
