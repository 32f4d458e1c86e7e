// `vnkb-index stats [--json]`: counts and sizes of a database.
#ifndef VNKB_INDEXER_COMMANDS_STATS_H_
#define VNKB_INDEXER_COMMANDS_STATS_H_

#include <CLI/CLI.hpp>
#include <ostream>

#include "indexer/commands/common.h"

namespace kb {

struct StatsArgs {
  CLI::App* command = nullptr;
  bool json = false;
};

// Registers `stats` on `app`.
void register_stats_command(CLI::App& app, StatsArgs& args);

// Documents by status, type, network and topic; pages by source; the OCR
// cache; the size of the catalog and the index. Reads the catalog only.
int run_stats_command(const StatsArgs& args, const GlobalOptions& global,
                      std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_STATS_H_
