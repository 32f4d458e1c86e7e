// vnkb-index show.
#include "indexer/commands/show.h"

#include "core/doc_number.h"
#include "core/validity.h"
#include "indexer/commands/document_output.h"
#include "indexer/commands/relations_output.h"

namespace kb {

namespace {

void show_document(const CatalogDocument& d, const ReadOnlyDatabase& db,
                   bool as_json, std::ostream& out) {
  const std::vector<CatalogPage> pages = db.catalog->pages(d.id);
  if (as_json) {
    nlohmann::json j = document_json(d, db.taxonomy);
    j["page_info"] = page_info_json(pages);
    j.update(relations_json(*db.catalog, d, today_iso()));
    out << dump_json(j, 2) << '\n';
  } else {
    print_document(d, pages, db.taxonomy, out);
    print_relations(*db.catalog, d, today_iso(), out);
  }
}

// `show 1407/QĐ-TTg`: researchers know documents by number. One document
// with it is shown; several are listed to be shown by id; a number the
// collection lacks is reported with what the collection says about it.
int show_by_number(const DocNumber& number, const ShowArgs& args,
                   const ReadOnlyDatabase& db, std::ostream& out,
                   std::ostream& err) {
  const std::vector<CatalogDocument> docs =
      documents_numbered(*db.catalog, number.key());
  if (docs.size() == 1) {
    show_document(docs.front(), db, args.json, out);
    return kExitOk;
  }
  if (docs.size() > 1) {
    err << "vnkb-index: " << docs.size() << " documents have the number "
        << number.display() << "; show one by id:\n";
    for (const CatalogDocument& d : docs)
      err << "  " << d.id << "  " << d.path << "  " << d.title << '\n';
    return kExitSomeFailed;
  }
  const nlohmann::json related =
      related_by_json(*db.catalog, number.key(), /*self=*/0);
  if (args.json) {
    out << dump_json({{"number", number.display()},
                      {"in_collection", false},
                      {"related_by", related}},
                     2)
        << '\n';
  } else {
    out << "number      " << number.display() << "  (not in the collection)\n";
    print_related_by(related, out);
  }
  err << "vnkb-index: no document numbered " << number.display()
      << " in the collection";
  if (!related.empty())
    err << "; " << related.size() << " relation(s) of other documents to it";
  err << '\n';
  return kExitSomeFailed;
}

}  // namespace

void register_show_command(CLI::App& app, ShowArgs& args) {
  args.command =
      app.add_subcommand("show",
                         "Show one document's metadata, by id, path or "
                         "document number (\"1407/QĐ-TTg\")");
  args.command
      ->add_option("id_or_path", args.id_or_path, "Id, path or document number")
      ->required();
  args.command->add_flag("--json", args.json, "Print one JSON object");
}

int run_show_command(const ShowArgs& args, const GlobalOptions& global,
                     std::ostream& out, std::ostream& err) {
  const auto db = open_for_reading(global, err);
  if (!db) return kExitSomeFailed;
  if (const auto d = find_document(*db->catalog, args.id_or_path)) {
    show_document(*d, *db, args.json, out);
    return kExitOk;
  }
  if (const auto number = parse_doc_number(args.id_or_path))
    return show_by_number(*number, args, *db, out, err);
  err << "vnkb-index: no document with id, path or number '" << args.id_or_path
      << "'\n";
  return kExitSomeFailed;
}

}  // namespace kb
