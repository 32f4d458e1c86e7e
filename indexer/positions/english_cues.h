// The cues english_positions.cc reads English sentences with: verbs that
// carry a stance ("urged", "did not support"), speech verbs whose clause
// gives it ("said ... should"), and "chaired by"-style leads.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_CUES_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_CUES_H_

#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "core/stances.h"

namespace kb::english {

enum class CueKind {
  kStance,  // the verb carries the stance
  kSpeech,  // "said", "stressed": the clause after it gives the stance
  kLeadBy,  // "facilitated by X and Y": the names after it lead
};

struct Cue {
  std::string_view phrase;  // lower case, single spaces
  CueKind kind;
  Stance stance;  // of kStance and kLeadBy
  // An -ing form ("stressing", "calling for"): a participle after a comma
  // takes the clause's subject ("X described ..., highlighting the
  // importance of"), one after "with" its list ("..., with JAPAN and NORWAY
  // stressing"); elsewhere it is a gerund and states nothing.
  bool participle = false;
};

// Every cue, longest first where one begins another (the first that
// matches at a position wins).
std::span<const Cue> cues();

// Whether `s` contains one of `parts`.
bool contains_any(std::string_view s,
                  std::initializer_list<std::string_view> parts);

// Whether `lower` starts (after at most `skip` words) with one of `parts`.
bool starts_with_any(std::string_view lower, int skip,
                     std::initializer_list<std::string_view> parts);

}  // namespace kb::english

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_CUES_H_
