// The negotiation-news mode of tools/eval_positions: scores the extractor
// against ../shared/corpus/negotiation/vi/labels-*.jsonl exactly as that
// folder's LABELS.md says, on a tuning part and a held-out part of the
// labelled files.
#ifndef VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_
#define VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/taxonomy.h"

namespace kb {

struct NewsEvalOptions {
  std::filesystem::path dir;  // the folder of labels-*.jsonl and the texts
  bool json = false;
  bool show_errors = false;  // of the tuning part only
  bool dump = false;         // every prediction of the tuning part
};

// Which part a labelled file belongs to: a fixed hash of its name, so the
// split never changes with the labels or the extractor. About one file in
// three is held out.
bool is_held_out(std::string_view file_name);

// Runs the evaluation and prints it; returns the exit code (2 when the
// labels cannot be read).
int run_news_eval(const NewsEvalOptions& options, const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_TOOLS_EVAL_POSITIONS_NEWS_H_
