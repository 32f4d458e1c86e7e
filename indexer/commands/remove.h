// `vnkb-index remove ID|PATH…`: documents out of the catalog and indexes.
#ifndef VNKB_INDEXER_COMMANDS_REMOVE_H_
#define VNKB_INDEXER_COMMANDS_REMOVE_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/commands/common.h"

namespace kb {

struct RemoveArgs {
  CLI::App* command = nullptr;
  std::vector<std::string> ids_or_paths;  // a folder: everything under it
};

// Registers `remove` on `app`.
void register_remove_command(CLI::App& app, RemoveArgs& args);

// Removes what it can; kExitSomeFailed when an id or path was not found.
int run_remove_command(const RemoveArgs& args, const GlobalOptions& global,
                       std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_REMOVE_H_
