// When a speech verb carries a stance (english_speech.h).
#include "indexer/positions/english_speech.h"

#include "indexer/positions/english_cues.h"

namespace kb::english {

bool opens_with_gerund(std::string_view lower) {
  const size_t b = lower.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  lower.remove_prefix(b);
  const std::string_view word = lower.substr(0, lower.find_first_of(" ,;:"));
  if (word.size() < 6 || word.substr(word.size() - 3) != "ing") return false;
  static constexpr std::string_view kAdjectives[] = {
      "ongoing",    "existing",    "emerging",  "increasing", "growing",
      "remaining",  "leading",     "following", "upcoming",   "outstanding",
      "continuing", "interesting", "during",    "including",  "according",
      "something",  "everything",  "nothing",   "underlying", "concerning",
      "regarding",  "pressing",    "evolving",  "changing",   "developing"};
  for (std::string_view a : kAdjectives)
    if (word == a) return false;
  return true;
}

// The stance a speech verb's clause states, if any.
std::optional<Stance> clause_stance(std::string_view lower) {
  if (starts_with_any(lower, 1,
                      {"concern", "his concern", "her concern", "its concern",
                       "their concern"}))
    return Stance::kConcerned;
  // A clause that lists ("stressed: A; B; and C") is read by its first
  // item; a list of points says what should be done.
  if (lower.starts_with(":") || lower.starts_with(" :")) {
    const std::string_view first = lower.substr(0, lower.find(';'));
    if (first.size() < lower.size()) {
      const std::optional<Stance> st = clause_stance(first.substr(1));
      return st ? st : std::optional<Stance>(Stance::kRequests);
    }
  }
  // A pledge the speaker makes, not "pledges" as a noun of the talks.
  if (contains_any(lower,
                   {"its commitment", "our commitment", "country's commitment",
                    "us commitment", "determination to", "intention to",
                    " are committed", " is committed", " will pledge",
                    " pledged to", " would pledge"}))
    return Stance::kCommits;
  // "described NAPs as key in supporting adaptation": an endorsement.
  if (contains_any(lower, {" as key", " as a key", " as essential",
                           " as crucial", " as central", " as vital"}))
    return Stance::kSupports;
  // "should not" opposes, unless the clause also says what should be
  // ("should not be seen as competitive but rather as complementary").
  if (contains_any(lower, {"unfair", "unacceptable", "not acceptable",
                           "premature", "inappropriate", "counterproductive",
                           "could not accept", "would not accept", "too slow"}))
    return Stance::kOpposes;
  if (contains_any(lower, {"should not", "must not", "need not", "cannot",
                           "no need", "should no longer"}) &&
      !contains_any(lower, {"but rather", "and should be", "but should",
                            "rather than", "and must be", "instead"}))
    return Stance::kOpposes;
  if (contains_any(lower,
                   {"the need",   "need to",    "needs to",     "needed to",
                    "is needed",  "are needed", "was needed",   "were needed",
                    "should",     "must",       "necessary",    "essential",
                    "would like", "urgency",    "required",     "requires",
                    "have to",    "has to",     "important to", "crucial",
                    "ought",      " need a ",   " need an ",    " needs a ",
                    " needs an ", " is vital",  " are vital"}))
    return Stance::kRequests;
  if (starts_with_any(
          lower, 1,
          {"the importance", "the value", "importance", "the willingness",
           "its willingness", "the benefits", "support for"}))
    return Stance::kSupports;
  // "said the principle could be reinforced": a suggestion.
  if (contains_any(lower, {" could be ", " could also be "}))
    return Stance::kProposes;
  return std::nullopt;
}

}  // namespace kb::english
