// The vnkb-index command line: parses arguments and runs one command.
#ifndef VNKB_INDEXER_CLI_H_
#define VNKB_INDEXER_CLI_H_

#include <filesystem>
#include <memory>
#include <ostream>

#include "indexer/indexer.h"

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

// Opens the database for writing, as every command that writes does: when
// the index was built under an older schema it is rebuilt from the catalog
// first (with a notice on `err`). nullptr after printing why on `err`.
std::unique_ptr<Indexer> open_indexer(const std::filesystem::path& db,
                                      const std::filesystem::path& taxonomy_dir,
                                      bool quiet, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_CLI_H_
