// `vnkb-index reindex`: rebuild the index from the catalog, reading no file.
#ifndef VNKB_INDEXER_COMMANDS_REINDEX_H_
#define VNKB_INDEXER_COMMANDS_REINDEX_H_

#include <CLI/CLI.hpp>
#include <ostream>

#include "indexer/commands/common.h"

namespace kb {

struct ReindexArgs {
  CLI::App* command = nullptr;
};

// Registers `reindex` on `app`.
void register_reindex_command(CLI::App& app, ReindexArgs& args);

// Derives every document again from its stored pages (Indexer::reindex).
int run_reindex_command(const ReindexArgs& args, const GlobalOptions& global,
                        std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_REINDEX_H_
