// The dates mode of tools/eval_positions (--dates DIR): the date each
// UNLABELLED article of a negotiation-news folder gets as its report date
// (indexer/positions/passage_date.h, report_date with the metadata's
// dateline), counted by source (the file name's prefix: baomoi, hddtvn,
// adayroi ...) and precision, with the years found. The labelled files
// (labels-*.jsonl) are left out, so the check never reads a held-out file.
#ifndef VNKB_TOOLS_EVAL_NEWS_DATES_H_
#define VNKB_TOOLS_EVAL_NEWS_DATES_H_

#include <filesystem>
#include <set>
#include <string>

#include "core/taxonomy.h"

namespace kb {

// The file names that any labels-*.jsonl (or labels.jsonl) of `dir` names.
std::set<std::string> labelled_files(const std::filesystem::path& dir);

// Prints the table (or, with `json`, one JSON object) for the unlabelled
// .txt files of `dir`; with `list`, one line a file (name, dateline, report
// date). Returns the exit code: 2 when `dir` cannot be read.
int run_news_dates(const std::filesystem::path& dir, const Taxonomy& taxonomy,
                   bool json, bool list);

}  // namespace kb

#endif  // VNKB_TOOLS_EVAL_NEWS_DATES_H_
