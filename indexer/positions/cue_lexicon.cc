// Parsing the cue lexicon and analysing its phrases.
#include "indexer/positions/cue_lexicon.h"

#include <optional>
#include <utility>

#include "core/analyzer.h"

namespace kb {
namespace {

struct RoleName {
  std::string_view name;
  CueRole role;
};
constexpr RoleName kRoleNames[] = {
    {"addressee", kAddressee},    {"advocacy", kAdvocacy},
    {"agent_after", kAgentAfter}, {"role_noun", kRoleNoun},
    {"label_only", kLabelOnly},   {"adjacent", kAdjacent},
    {"framing", kFraming},        {"reporting", kReporting},
    {"affirming", kAffirming},    {"reported", kReported},
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The cue of one non-comment line, or an error message.
std::pair<StanceCue, std::string> parse_line(std::string_view line) {
  StanceCue cue;
  const std::vector<std::string_view> cols = split(line, '\t');
  if (cols.size() < 2 || cols.size() > 3)
    return {cue, "expected phrase<TAB>stance[<TAB>roles]"};
  cue.phrase = std::string(trim(cols[0]));
  const std::optional<Stance> stance = parse_stance(trim(cols[1]));
  if (!stance) return {cue, "unknown stance '" + std::string(cols[1]) + "'"};
  cue.stance = *stance;
  if (cols.size() == 3 && !trim(cols[2]).empty()) {
    for (std::string_view name : split(trim(cols[2]), ',')) {
      name = trim(name);
      bool known = false;
      for (const RoleName& r : kRoleNames) {
        if (name != r.name) continue;
        cue.roles |= r.role;
        known = true;
      }
      if (!known) return {cue, "unknown role '" + std::string(name) + "'"};
    }
  }
  AnalyzeOptions options;
  options.repair_legacy = false;
  for (const Token& tok : analyze(cue.phrase, options).tokens)
    cue.terms.push_back(tok.exact);
  if (cue.terms.empty()) return {cue, "the phrase has no words"};
  return {std::move(cue), {}};
}

}  // namespace

CueLexicon parse_cue_lexicon(std::string_view tsv) {
  CueLexicon out;
  const std::vector<std::string_view> lines = split(tsv, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (trim(line).empty() || trim(line).front() == '#') continue;
    auto [cue, error] = parse_line(line);
    for (const StanceCue& c : out.cues) {
      if (error.empty() && c.terms == cue.terms)
        error = "'" + cue.phrase + "' is listed twice";
    }
    if (!error.empty()) {
      out.errors.push_back({i + 1, std::move(error)});
      continue;
    }
    out.cues.push_back(std::move(cue));
  }
  return out;
}

const std::vector<StanceCue>& stance_cues() {
  static const std::vector<StanceCue> cues =
      parse_cue_lexicon(cue_lexicon_tsv()).cues;
  return cues;
}

}  // namespace kb
