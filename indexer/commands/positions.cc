// vnkb-index positions: the subcommands and their options, and dispatch.
#include "indexer/commands/positions.h"

#include <initializer_list>
#include <string>

#include "core/stances.h"

namespace kb {

namespace {

// Every --stance of every subcommand is checked here, while parsing: a
// stance id or its Vietnamese label. Past parsing, find_stance() finds it.
std::string check_stance(std::string& value) {
  if (find_stance(value)) return "";
  std::string ids;
  for (const StanceName& s : kStanceNames)
    ids += (ids.empty() ? "" : ", ") + std::string(s.id);
  return "'" + value + "' is not one of " + ids + " (or their labels)";
}

const CLI::Validator kStanceCheck(check_stance, "STANCE", "stance");

void add_field_options(CLI::App* cmd, PositionsArgs& args) {
  cmd->add_option("--actor", args.actor,
                  "Actor: taxonomy id, name, acronym or alias");
  cmd->add_option("--stance", args.stance,
                  "supports, opposes, proposes, requests, commits, leads or "
                  "concerned (or the Vietnamese label)")
      ->check(kStanceCheck);
  cmd->add_option("--process", args.process,
                  "Negotiation process (taxonomy id or name; \"\" clears)");
  cmd->add_option("--forum", args.forum,
                  "Forum (taxonomy id or name; \"\" clears)");
  cmd->add_option("--forum-name", args.forum_name,
                  "The forum or meeting as the text names it (free text; "
                  "\"\" clears)");
  cmd->add_option("--target", args.target,
                  "What the stance is about (free text; \"\" clears)");
  cmd->add_option("--topic", args.topics, "Topic (repeatable)");
  cmd->add_option("--date", args.date,
                  "Date: YYYY-MM-DD, YYYY-MM, YYYY or d/m/yyyy");
  cmd->add_option("--quote", args.quote, "The passage, as in the document");
  cmd->add_option("--page", args.page, "Page of the passage (1-based)");
}

// Position ids: digits only.
bool parse_id(const std::string& s, int64_t& id) {
  if (s.empty() || s.size() > 18 ||
      s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  id = std::stoll(s);
  return id > 0;
}

}  // namespace

void register_positions_command(CLI::App& app, PositionsArgs& args) {
  args.command = app.add_subcommand(
      "positions",
      "Negotiation positions: list, show, add, edit, delete (corrections "
      "survive re-indexing)");
  args.command->require_subcommand(1);

  args.list = args.command->add_subcommand("list", "List positions");
  args.list->add_option("--doc", args.document, "Of one document (id or path)");
  args.list->add_option("--actor", args.actor, "Of one actor");
  args.list->add_option("--stance", args.stance, "With one stance")
      ->check(kStanceCheck);
  args.list->add_option("--process", args.process, "In one process");
  args.list
      ->add_option("--source", args.source, "extracted, corrected or librarian")
      ->check(CLI::IsMember({"extracted", "corrected", "librarian"}));
  args.list->add_flag("--json", args.json, "Print a JSON array");

  args.show = args.command->add_subcommand("show", "Show one position");
  args.show->add_option("id", args.ids, "Position id")->required()->expected(1);
  args.show->add_flag("--json", args.json, "Print one JSON object");

  args.export_brief = args.command->add_subcommand(
      "export",
      "Write the positions the filters keep as a brief (CSV or "
      "Markdown)");
  args.export_brief->add_option("--format", args.format, "csv or md (Markdown)")
      ->required();
  args.export_brief->add_option("-o,--output", args.output,
                                "Write to FILE (default: standard output)");
  args.export_brief->add_option("--doc", args.document,
                                "Of one document (id or path)");
  args.export_brief->add_option("--actor", args.actor, "Of one actor");
  args.export_brief->add_option("--stance", args.stance, "With one stance")
      ->check(kStanceCheck);
  args.export_brief->add_option("--process", args.process,
                                "In one process or forum");
  args.export_brief->add_option("--topic", args.topics,
                                "On a topic (repeatable: any of them)");
  args.export_brief->add_option(
      "--words", args.words,
      "Whose quote or target holds these words side by side (a word typed "
      "without diacritics: in any spelling)");
  args.export_brief->add_option("--from", args.from,
                                "Dated on or after YYYY-MM-DD");
  args.export_brief->add_option("--to", args.to,
                                "Dated on or before YYYY-MM-DD");
  args.export_brief->add_option(
      "--group-by", args.group_by,
      "Markdown sections: process (default) or topic, then actor");
  args.export_brief->add_option(
      "--link-base", args.link_base,
      "The web UI's address (http://host:port/): sources link to it");

  args.add = args.command->add_subcommand(
      "add", "Add a position the extraction missed");
  args.add->add_option("--doc", args.document, "Document (id or path)")
      ->required();
  add_field_options(args.add, args);
  for (const char* required : {"--actor", "--stance", "--quote", "--page"})
    args.add->get_option(required)->required();

  args.edit = args.command->add_subcommand(
      "edit", "Correct a position (only the fields given change)");
  args.edit->add_option("id", args.ids, "Position id")->required()->expected(1);
  add_field_options(args.edit, args);

  args.remove = args.command->add_subcommand(
      "delete", "Delete positions (an extracted one stays deleted)");
  args.remove->add_option("ids", args.ids, "Position ids")->required();
}

int run_positions_command(const PositionsArgs& args,
                          const GlobalOptions& global, std::ostream& out,
                          std::ostream& err) {
  std::vector<int64_t> ids;
  for (const std::string& s : args.ids) {
    int64_t id = 0;
    if (!parse_id(s, id)) {
      err << "vnkb-index: '" << s << "' is not a position id\n";
      return kExitUsage;
    }
    ids.push_back(id);
  }
  if (*args.export_brief) return run_positions_export(args, global, out, err);
  if (*args.list || *args.show)
    return run_positions_list_or_show(args, ids, global, out, err);
  return run_positions_edit(args, ids, global, out, err);
}

}  // namespace kb
