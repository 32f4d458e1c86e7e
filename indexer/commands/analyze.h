// `vnkb-index analyze [--json] TEXT`: what the text core makes of a text.
#ifndef VNKB_INDEXER_COMMANDS_ANALYZE_H_
#define VNKB_INDEXER_COMMANDS_ANALYZE_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace kb {

struct AnalyzeArgs {
  CLI::App* command = nullptr;
  std::vector<std::string> words;  // joined by spaces into the text
  bool json = false;
};

// Registers `analyze` on `app`.
void register_analyze_command(CLI::App& app, AnalyzeArgs& args);

// Prints the canonical and folded forms, the terms with their positions
// and the document numbers. Always kExitOk.
int run_analyze_command(const AnalyzeArgs& args, std::ostream& out);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_ANALYZE_H_
