// vnkb-index reindex.
#include "indexer/commands/reindex.h"

namespace kb {

void register_reindex_command(CLI::App& app, ReindexArgs& args) {
  args.command = app.add_subcommand(
      "reindex", "Rebuild the index from the catalog (no files are read)");
}

int run_reindex_command(const ReindexArgs& /*args*/,
                        const GlobalOptions& global, std::ostream& err) {
  auto indexer = open_indexer(global, err);
  if (!indexer) return kExitSomeFailed;
  const int64_t n = reindex_with_progress(*indexer, global.quiet, err);
  if (!global.quiet) err << "reindexed " << n << " document(s)\n";
  return kExitOk;
}

}  // namespace kb
