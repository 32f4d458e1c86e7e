// `vnkb-index positions …`: the librarian lists, shows, adds, edits and
// deletes negotiation positions. Corrections are kept as overrides in the
// catalog (core/position_store.h), so they survive re-indexing.
#ifndef VNKB_INDEXER_POSITIONS_CLI_H_
#define VNKB_INDEXER_POSITIONS_CLI_H_

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kb {

// What the `positions` subcommands were given. Unset optionals were not
// given (so `edit` changes only what was named).
struct PositionsArgs {
  CLI::App* command = nullptr;  // "positions"
  CLI::App *list = nullptr, *show = nullptr, *add = nullptr, *edit = nullptr,
           *remove = nullptr;
  bool json = false;
  std::vector<std::string> ids;  // show, edit, delete
  std::string document;          // id or path: list filter, add
  std::string actor, stance, process, forum, date, quote, source;
  std::vector<std::string> topics;
  int page = 0;
};

// Registers `positions` with its subcommands on `app`.
void add_positions_command(CLI::App& app, PositionsArgs& args);

// Runs the subcommand `args` names. Reads with the catalog alone; writes
// through the indexer (its lock, its position index). Returns an exit code
// of cli.h.
int run_positions_command(const PositionsArgs& args,
                          const std::filesystem::path& db,
                          const std::filesystem::path& taxonomy_dir, bool quiet,
                          std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_CLI_H_
