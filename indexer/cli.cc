// vnkb-index: registers every subcommand (indexer/commands/), parses the
// command line and runs the one chosen.
#include "indexer/cli.h"

#include <CLI/CLI.hpp>
#include <exception>

#include "indexer/commands/actors.h"
#include "indexer/commands/add.h"
#include "indexer/commands/analyze.h"
#include "indexer/commands/check.h"
#include "indexer/commands/common.h"
#include "indexer/commands/extract.h"
#include "indexer/commands/list.h"
#include "indexer/commands/positions.h"
#include "indexer/commands/reindex.h"
#include "indexer/commands/remove.h"
#include "indexer/commands/show.h"
#include "indexer/commands/stats.h"

namespace kb {

int run_index_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err) {
  CLI::App app{
      "vnkb-index: add, update, remove and inspect the documents of a vnkb "
      "knowledge base"};
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  register_global_options(app, global);

  // In the order --help lists them.
  AddArgs add;
  register_add_command(app, add);
  RemoveArgs remove;
  register_remove_command(app, remove);
  ListArgs list;
  register_list_command(app, list);
  ShowArgs show;
  register_show_command(app, show);
  StatsArgs stats;
  register_stats_command(app, stats);
  CheckArgs check;
  register_check_command(app, check);
  ReindexArgs reindex;
  register_reindex_command(app, reindex);
  AnalyzeArgs analyze;
  register_analyze_command(app, analyze);
  ExtractArgs extract;
  register_extract_command(app, extract);
  PositionsArgs positions;
  register_positions_command(app, positions);
  ActorsArgs actors;
  register_actors_command(app, actors);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "vnkb-index: " << e.what()
        << "\n(run vnkb-index --help for usage)\n";
    return kExitUsage;
  }

  try {
    if (*add.command) return run_add_command(add, global, out, err);
    if (*remove.command) return run_remove_command(remove, global, err);
    if (*list.command) return run_list_command(list, global, out, err);
    if (*show.command) return run_show_command(show, global, out, err);
    if (*stats.command) return run_stats_command(stats, global, out, err);
    if (*check.command) return run_check_command(check, global, out);
    if (*reindex.command) return run_reindex_command(reindex, global, err);
    if (*analyze.command) return run_analyze_command(analyze, out);
    if (*extract.command) return run_extract_command(extract, out, err);
    if (*positions.command)
      return run_positions_command(positions, global, out, err);
    if (*actors.command) return run_actors_command(actors, global, out, err);
  } catch (const std::exception& e) {
    err << "vnkb-index: " << e.what() << '\n';
    return kExitSomeFailed;
  }
  return kExitUsage;
}

}  // namespace kb
