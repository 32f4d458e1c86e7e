// vnkb-index show.
#include "indexer/commands/show.h"

#include "core/validity.h"
#include "indexer/commands/document_output.h"
#include "indexer/commands/relations_output.h"

namespace kb {

void register_show_command(CLI::App& app, ShowArgs& args) {
  args.command = app.add_subcommand("show", "Show one document's metadata");
  args.command->add_option("id_or_path", args.id_or_path, "Id or path")
      ->required();
  args.command->add_flag("--json", args.json, "Print one JSON object");
}

int run_show_command(const ShowArgs& args, const GlobalOptions& global,
                     std::ostream& out, std::ostream& err) {
  const auto db = open_for_reading(global, err);
  if (!db) return kExitSomeFailed;
  const auto d = find_document(*db->catalog, args.id_or_path);
  if (!d) {
    err << "vnkb-index: no document with id or path '" << args.id_or_path
        << "'\n";
    return kExitSomeFailed;
  }
  const std::vector<CatalogPage> pages = db->catalog->pages(d->id);
  if (args.json) {
    nlohmann::json j = document_json(*d, db->taxonomy);
    j["page_info"] = page_info_json(pages);
    j.update(relations_json(*db->catalog, *d, today_iso()));
    out << dump_json(j, 2) << '\n';
  } else {
    print_document(*d, pages, db->taxonomy, out);
    print_relations(*db->catalog, *d, today_iso(), out);
  }
  return kExitOk;
}

}  // namespace kb
