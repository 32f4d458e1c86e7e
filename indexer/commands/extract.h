// `vnkb-index extract [--json] [--ocr=MODE] FILE`: the text the indexer
// reads from a file, page by page, without a database.
#ifndef VNKB_INDEXER_COMMANDS_EXTRACT_H_
#define VNKB_INDEXER_COMMANDS_EXTRACT_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

namespace kb {

struct ExtractArgs {
  CLI::App* command = nullptr;
  std::string path;
  bool json = false;
  std::string ocr_mode = "auto";  // auto, never or force
};

// Registers `extract` on `app`.
void register_extract_command(CLI::App& app, ExtractArgs& args);

// Prints the pages (or one JSON object). kExitSomeFailed when the file
// cannot be read, with the reason on `err`.
int run_extract_command(const ExtractArgs& args, std::ostream& out,
                        std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_EXTRACT_H_
