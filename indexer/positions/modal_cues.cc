// Modal verbs in reported speech (modal_cues.h).
#include "indexer/positions/modal_cues.h"

#include <string>
#include <unordered_set>

#include "indexer/positions/cue_lexicon.h"

namespace kb {

bool should_proposes(const PageMentions& m, const CueHit& hit, size_t cu0,
                     const std::vector<CueHit>& earlier) {
  if (hit.u0 <= cu0) return false;
  // The speech verb: the last reporting cue with an actor before "nên".
  const CueHit* speech = nullptr;
  for (const CueHit& e : earlier) {
    if (e.u1 <= hit.u0 && (e.cue->roles & kReporting) && !e.actors.empty())
      speech = &e;
  }
  if (speech == nullptr) return false;
  const bool comma =
      m.between_has(m.unit(hit.u0 - 1).end, m.unit(hit.u0).begin, ',');
  if (comma && speech->u1 != hit.u0) return false;
  static const std::unordered_set<std::string> kSo = {"cho", "trở", "vậy",
                                                      "thế", "đó",  "là"};
  if (kSo.count(m.word(hit.u0 - 1))) return false;
  // "cho rằng Bộ Tài chính nên ...", "cho rằng chỉ nên ...": a short
  // subject at most between them; after a clause of its own ("cho biết
  // việc khai thác cát ... phục vụ xây dựng nên ...") it is "so".
  constexpr size_t kSubjectUnits = 6;
  if (hit.u0 - speech->u1 > kSubjectUnits) return false;
  static const std::unordered_set<std::string> kCause = {"do", "vì", "bởi",
                                                         "nhờ"};
  for (size_t u = speech->u1; u < hit.u0; ++u) {
    if (kCause.count(m.word(u))) return false;
  }
  return true;
}

}  // namespace kb
