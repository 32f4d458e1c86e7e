// The vnkb-index command line: parses arguments and runs one command.
#ifndef VNKB_INDEXER_CLI_H_
#define VNKB_INDEXER_CLI_H_

#include <ostream>

namespace kb {

// Exit codes: 0 all went well, 1 some files failed (the rest were indexed),
// 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// Runs `vnkb-index` with the given arguments, writing results to `out` and
// diagnostics to `err`. Never throws.
int run_index_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_CLI_H_
