// `vnkb-index check`: do the catalog and the indexes agree?
#ifndef VNKB_INDEXER_COMMANDS_CHECK_H_
#define VNKB_INDEXER_COMMANDS_CHECK_H_

#include <CLI/CLI.hpp>
#include <ostream>

#include "indexer/commands/common.h"

namespace kb {

struct CheckArgs {
  CLI::App* command = nullptr;
};

// Registers `check` on `app`.
void register_check_command(CLI::App& app, CheckArgs& args);

// Prints each problem and a count (kExitSomeFailed), or "ok" (kExitOk).
int run_check_command(const CheckArgs& args, const GlobalOptions& global,
                      std::ostream& out);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_CHECK_H_
