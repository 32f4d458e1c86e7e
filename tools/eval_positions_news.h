// The negotiation-news mode of tools/eval_positions: scores the extractor
// against ../shared/corpus/negotiation/vi/labels-*.jsonl exactly as that
// folder's LABELS.md says, on a tuning part and a held-out part of the
// labelled files.
#ifndef VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_
#define VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/taxonomy.h"

namespace kb {

struct NewsEvalOptions {
  std::filesystem::path dir;  // the folder of labels-*.jsonl and the texts
  // The English ENB reports: labels.jsonl, and the split of enb_held_out.
  bool enb = false;
  // More labelled ENB reports, always tuned on (never held out): LABELS.md's
  // fields with the quote as "quote_bytes" [begin, end) into the report, so
  // that no text of the report is copied (tests/data/positions/
  // enb-team-labels.jsonl). Empty: none.
  std::vector<std::filesystem::path> team_labels;  // label files, in order
  bool json = false;
  bool show_errors = false;  // of the tuning part only
  bool dump = false;         // every prediction of the tuning part
  // Instead of scoring: every prediction on the texts of `dir` that no label
  // names (the unlabelled articles), one JSON object a line.
  bool unlabelled = false;
  // The dateline a librarian gives some files (`vnkb-index add --date`, or a
  // sidecar's "date"), by file-name prefix: {"baomoi-", "2017"} dates every
  // baomoi article 2017, as the corpus's SOURCES.md does. It stands in for
  // the metadata's issue date, as the correction does in the indexer. Empty:
  // the text's own dateline only.
  std::vector<std::pair<std::string, std::string>> datelines;
};

// Which part a labelled file belongs to: a fixed hash of its name, so the
// split never changes with the labels or the extractor. About one file in
// three is held out.
bool is_held_out(std::string_view file_name);

// The held-out part of the labelled ENB reports `files`: the third (at least
// two) whose FNV-1a hash of "enb-positions:" + name is lowest. With six
// labelled reports, about one in three cannot be trusted to hold any out.
std::set<std::string> enb_held_out(const std::vector<std::string>& files);

// Runs the evaluation and prints it (parts: tuning, team when
// options.team_labels is set, held-out, and all of labels.jsonl); returns the
// exit code (2 when the labels cannot be read).
int run_news_eval(const NewsEvalOptions& options, const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_
