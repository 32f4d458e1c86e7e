// The English cue verbs and the stances of speech verbs' clauses
// (english_cues.h).
#include "indexer/positions/english_cues.h"

namespace kb::english {
namespace {

constexpr Stance S = Stance::kSupports, O = Stance::kOpposes,

                 P = Stance::kProposes, R = Stance::kRequests,
                 C = Stance::kCommits, L = Stance::kLeads,
                 Q = Stance::kConcerned;
constexpr CueKind K = CueKind::kStance, V = CueKind::kSpeech,
                  B = CueKind::kLeadBy;

// The cues, longest first where one begins another (the first that matches
// at a position wins).
constexpr Cue kCues[] = {
    {"did not support", K, O},
    {"could not support", K, O},
    {"does not support", K, O},
    {"do not support", K, O},
    {"did not agree", K, O},
    {"will not agree", K, O},
    {"would not agree", K, O},
    {"could not agree", K, O},
    {"could not accept", K, O},
    {"did not accept", K, O},
    {"cannot accept", K, O},
    {"cannot support", K, O},
    {"expressed opposition", K, O},
    {"cautioned against", K, O},
    {"cautioning against", K, O, true},
    {"warning against", K, O, true},
    {"cautioned that", K, Q},
    {"warned that", K, Q},
    {"warned against", K, O},
    {"opposed", K, O},
    {"opposing", K, O, true},
    {"objected", K, O},
    {"expressed doubts", K, O},
    {"expressed doubt", K, O},
    {"argued against", K, O},
    {"did not want", K, O},
    {"rejected", K, O},
    {"disagreed", K, O},
    {"questioned", K, O},
    {"resisted", K, O},
    {"expressed support", K, S},
    {"expressed its support", K, S},
    {"expressed their support", K, S},
    {"expressed willingness", K, S},
    {"could only support", K, S},
    {"can only support", K, S},
    {"noted its willingness", K, S},
    {"assured the support", K, S},
    {"agreed to", K, C},
    {"agreed", K, S},
    {"supported", K, S},
    {"supporting", K, S, true},
    {"preferring", K, S, true},
    {"welcomed", K, S},
    {"endorsed", K, S},
    {"favoured", K, S},
    {"preferred", K, S},
    {"expressed preference", K, S},
    {"expressed a preference", K, S},
    {"expressed their preference", K, S},
    {"expressed its preference", K, S},
    {"was supportive", K, S},
    {"were supportive", K, S},
    {"spoke in favour", K, S},
    {"spoke in favor", K, S},
    {"could accept", K, S},
    {"can accept", K, S},
    {"appreciated", K, S},
    {"favored", K, S},
    {"praised", K, S},
    {"commended", K, S},
    {"congratulated", K, S},
    {"backed", K, S},
    {"introduced a proposal", K, P},
    {"presented a proposal", K, P},
    {"raised the possibility", K, P},
    {"introduced the idea", K, P},
    {"raised the idea", K, P},
    {"raised concerns", K, Q},
    {"raised concern", K, Q},
    {"put forward", K, P},
    {"proposed", K, P},
    {"proposing", K, P, true},
    {"suggested", K, P},
    {"suggesting", K, P, true},
    {"tabled", K, P},
    {"recommended", K, P},
    {"advocated", K, P},
    {"highlighted the need", K, R},
    {"stressed the need", K, R},
    {"emphasized the need", K, R},
    {"emphasised the need", K, R},
    {"underscored the need", K, R},
    {"underlined the need", K, R},
    {"noted the need", K, R},
    {"recognized the need", K, R},
    {"identified the need", K, R},
    {"stressed the urgency", K, R},
    {"stressing the need", K, R, true},
    {"emphasizing the need", K, R, true},
    {"emphasising the need", K, R, true},
    {"highlighting the need", K, R, true},
    {"underscoring the need", K, R, true},
    {"noting the need", K, R, true},
    {"calling for", K, R, true},
    {"calling on", K, R, true},
    {"urging", K, R, true},
    {"urged", K, R},
    {"called for", K, R},
    {"called on", K, R},
    {"called upon", K, R},
    {"requested", K, R},
    {"asked", K, R},
    {"insisted", K, R},
    {"encouraged", K, R},
    {"invited", K, R},
    {"sought", K, R},
    {"appealed", K, R},
    {"demanded", K, R},
    {"would like", K, R},
    {"announced its intention", K, C},
    {"announced their intention", K, C},
    {"announced that it would", K, C},
    {"announced it would", K, C},
    {"reaffirmed its commitment", K, C},
    {"reaffirmed their commitment", K, C},
    {"committed", K, C},
    {"pledged", K, C},
    {"pledging", K, C, true},
    {"announced a contribution", K, C},
    {"announced contributions", K, C},
    {"announced a pledge", K, C},
    {"announced its support", K, S},
    {"announced support", K, S},
    {"offered", K, C},
    {"expressed concern", K, Q},
    {"expressing concern", K, Q, true},
    {"expressed concerns", K, Q},
    {"expressed its concern", K, Q},
    {"expressed their concern", K, Q},
    {"expressed deep concern", K, Q},
    {"expressed serious concern", K, Q},
    {"expressed reservations", K, Q},
    {"expressed disappointment", K, Q},
    {"expressed regret", K, Q},
    {"expressed alarm", K, Q},
    {"emphasized his concern", K, Q},
    {"emphasized her concern", K, Q},
    {"listed various concerns", K, Q},
    {"noted concerns", K, Q},
    {"noted concern", K, Q},
    {"underscored problems", K, Q},
    {"was concerned", K, Q},
    {"were concerned", K, Q},
    {"worried", K, Q},
    {"fretted", K, Q},
    {"lamented", K, Q},
    {"regretted", K, Q},
    {"co-chaired by", B, L},
    {"chaired by", B, L},
    {"co-facilitated by", B, L},
    {"facilitated by", B, L},
    {"moderated by", B, L},
    {"presided over by", B, L},
    {"led the delegation", K, L},
    {"will co-chair", K, L},
    {"will chair", K, L},
    {"will co-facilitate", K, L},
    {"will facilitate", K, L},
    {"will conduct", K, L},
    {"led by", B, L},
    {"conducted by", B, L},
    {"co-chaired", K, L},
    {"chaired", K, L},
    {"co-facilitated", K, L},
    {"facilitated", K, L},
    {"presided", K, L},
    {"drew attention", V, S},
    {"pointed out", V, S},
    {"said", V, S},
    {"stated", V, S},
    {"noted", V, S},
    {"stressed", V, S},
    {"emphasized", V, S},
    {"emphasised", V, S},
    {"underscored", V, S},
    {"underlined", V, S},
    {"highlighted", V, S},
    {"argued", V, S},
    {"added", V, S},
    {"explained", V, S},
    {"indicated", V, S},
    {"observed", V, S},
    {"recognized", V, S},
    {"identified", V, S},
    {"reiterated", V, S},
    {"affirmed", V, S},
    {"maintained", V, S},
    {"expressed", V, S},
    {"cautioned", V, S},
    {"outlined", V, S},
    {"expressed interest", V, S},
    {"thanked", V, S},
    {"recalled", V, S},
    {"mentioned", V, S},
    {"concluded", V, S},
    {"elaborated", V, S},
    {"described", V, S},
    {"presented", V, S},
    {"reported", V, S},
    {"acknowledged", V, S},
    {"opened", V, S},
    {"focused", V, S},
    {"gave", V, S},
    {"made", V, S},
    {"introduced", V, S},
    {"summarized", V, S},
    {"shared", V, S},
    {"addressed", V, S},
    {"stressing", V, S, true},
    {"emphasizing", V, S, true},
    {"emphasising", V, S, true},
    {"highlighting", V, S, true},
    {"underscoring", V, S, true},
    {"underlining", V, S, true},
    {"noting", V, S, true},
    {"arguing", V, S, true},
    {"saying", V, S, true},
    {"reiterating", V, S, true},
};

}  // namespace

std::span<const Cue> cues() { return kCues; }

bool contains_any(std::string_view s,
                  std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts)
    if (s.find(p) != std::string_view::npos) return true;
  return false;
}

namespace {

// Whether `lower` starts with `part`, a space of `part` matching a run of
// spaces ("asked for  clarification": ENB text doubles spaces at line joins).
bool prefix_matches(std::string_view lower, std::string_view part) {
  size_t i = 0;
  for (char c : part) {
    if (i >= lower.size() || lower[i] != c) return false;
    ++i;
    if (c == ' ')
      while (i < lower.size() && lower[i] == ' ') ++i;
  }
  return true;
}

}  // namespace

// Whether `lower` starts (after at most `skip` words) with one of `parts`.
bool starts_with_any(std::string_view lower, int skip,
                     std::initializer_list<std::string_view> parts) {
  for (int w = 0; w <= skip; ++w) {
    const size_t b = lower.find_first_not_of(' ');
    if (b == std::string_view::npos) return false;
    lower.remove_prefix(b);
    for (std::string_view p : parts)
      if (prefix_matches(lower, p)) return true;
    const size_t e = lower.find(' ');
    if (e == std::string_view::npos) return false;
    lower.remove_prefix(e);
  }
  return false;
}

}  // namespace kb::english
