// The vnkb-index command line: parses arguments and runs one subcommand
// (indexer/commands/, one file each; exit codes in commands/common.h).
#ifndef VNKB_INDEXER_CLI_H_
#define VNKB_INDEXER_CLI_H_

#include <ostream>

namespace kb {

// Runs `vnkb-index` with the given arguments, writing results to `out` and
// diagnostics to `err`. Returns an exit code (kExitOk, kExitSomeFailed,
// kExitUsage). Never throws.
int run_index_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_CLI_H_
