// vnkb-index remove.
#include "indexer/commands/remove.h"

namespace kb {

void register_remove_command(CLI::App& app, RemoveArgs& args) {
  args.command = app.add_subcommand(
      "remove", "Remove documents by id or path (folder: all under it)");
  args.command->add_option("ids_or_paths", args.ids_or_paths, "Ids or paths")
      ->required();
}

int run_remove_command(const RemoveArgs& args, const GlobalOptions& global,
                       std::ostream& err) {
  auto indexer = open_indexer(global, err);
  if (!indexer) return kExitSomeFailed;
  std::vector<std::string> not_found;
  const auto removed = indexer->remove(args.ids_or_paths, &not_found);
  for (const auto& o : removed) {
    if (!global.quiet) err << "removed  " << o.path << " (id " << o.id << ")\n";
  }
  for (const auto& a : not_found)
    err << "vnkb-index: no document with id or path '" << a << "'\n";
  return not_found.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace kb
