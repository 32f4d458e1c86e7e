// vnkb-index check.
#include "indexer/commands/check.h"

#include "indexer/check.h"

namespace kb {

void register_check_command(CLI::App& app, CheckArgs& args) {
  args.command =
      app.add_subcommand("check", "Check that the catalog and the index agree");
}

int run_check_command(const CheckArgs& /*args*/, const GlobalOptions& global,
                      std::ostream& out) {
  const CheckReport r = check_database(global.db);
  for (const std::string& p : r.problems) out << p << '\n';
  if (r.problems.empty()) {
    out << "ok: catalog and index agree (" << r.catalog_documents
        << " documents in the catalog, " << r.index_documents
        << " in the index)\n";
    return kExitOk;
  }
  out << r.problems.size() << " problem(s)\n";
  return kExitSomeFailed;
}

}  // namespace kb
