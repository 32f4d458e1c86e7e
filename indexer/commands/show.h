// `vnkb-index show ID|PATH|NUMBER [--json]`: one document's metadata and pages.
#ifndef VNKB_INDEXER_COMMANDS_SHOW_H_
#define VNKB_INDEXER_COMMANDS_SHOW_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "indexer/commands/common.h"

namespace kb {

struct ShowArgs {
  CLI::App* command = nullptr;
  std::string id_or_path;
  bool json = false;
};

// Registers `show` on `app`.
void register_show_command(CLI::App& app, ShowArgs& args);

// Reads the catalog only. kExitSomeFailed when there is no such document
// (for a number not in the collection, after printing what refers to it).
int run_show_command(const ShowArgs& args, const GlobalOptions& global,
                     std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_SHOW_H_
