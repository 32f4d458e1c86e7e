// `vnkb-index positions list|show|add|edit|delete`: the librarian lists,
// shows, adds, edits and deletes negotiation positions. Corrections are kept
// as overrides in the catalog (core/position_store.h), so they survive
// re-indexing. Registration and dispatch are in positions.cc, list and show
// in positions_list.cc, add, edit and delete in positions_edit.cc.
#ifndef VNKB_INDEXER_COMMANDS_POSITIONS_H_
#define VNKB_INDEXER_COMMANDS_POSITIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/commands/common.h"

namespace kb {

// What the `positions` subcommands were given. Unset optionals were not
// given (so `edit` changes only what was named).
struct PositionsArgs {
  CLI::App* command = nullptr;  // "positions"
  CLI::App *list = nullptr, *show = nullptr, *add = nullptr, *edit = nullptr,
           *remove = nullptr, *export_brief = nullptr;
  bool json = false;
  std::vector<std::string> ids;  // show, edit, delete
  std::string document;          // id or path: list filter, add
  std::string actor, stance, process, forum, date, quote, source;
  // The forum as the text names it and what the stance is about (free
  // text; "" clears).
  std::string forum_name, target;
  std::vector<std::string> topics;
  int page = 0;
  // export: the format, the output file ("" or "-": standard output), the
  // date range, the grouping and the web UI's address for links.
  std::string format, output, from, to, group_by = "process", link_base;
  // export: words a kept position's quote or target holds side by side.
  std::string words;
};

// Registers `positions` with its subcommands on `app`.
void register_positions_command(CLI::App& app, PositionsArgs& args);

// Runs the subcommand `args` names. Reads with the catalog alone; writes
// through the indexer (its lock, its position index). Returns an exit code
// of common.h.
int run_positions_command(const PositionsArgs& args,
                          const GlobalOptions& global, std::ostream& out,
                          std::ostream& err);

// `positions list` and `positions show` (ids: the one to show), reading
// the catalog only.
int run_positions_list_or_show(const PositionsArgs& args,
                               const std::vector<int64_t>& ids,
                               const GlobalOptions& global, std::ostream& out,
                               std::ostream& err);

// `positions add`, `edit` and `delete` (ids: the one to edit, those to
// delete), through the indexer. Prints the id added or corrected on `out`.
int run_positions_edit(const PositionsArgs& args,
                       const std::vector<int64_t>& ids,
                       const GlobalOptions& global, std::ostream& out,
                       std::ostream& err);

// `positions export`: the brief of the positions the filters keep, as CSV
// or Markdown (core/brief.h), reading the catalog only
// (positions_export.cc).
int run_positions_export(const PositionsArgs& args, const GlobalOptions& global,
                         std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_POSITIONS_H_
