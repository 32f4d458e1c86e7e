// vnkb-index actors (actors.h).
#include "indexer/commands/actors.h"

#include <nlohmann/json.hpp>

#include "core/position_store.h"
#include "core/taxonomy.h"
#include "indexer/indexer.h"

namespace kb {

void register_actors_command(CLI::App& app, ActorsArgs& args) {
  args.command = app.add_subcommand(
      "actors",
      "Actors found outside the taxonomy: list them, merge one into an "
      "entity, add it as an alias or as a new entity");
  args.command->require_subcommand(1);
  args.list = args.command->add_subcommand("list", "List open actors");
  args.list->add_flag("--new", args.only_new,
                      "Only those no librarian has decided on");
  args.list->add_flag("--json", args.json, "Print a JSON array");
  args.merge = args.command->add_subcommand(
      "merge", "The open actor ID is the taxonomy entity ENTITY");
  args.alias = args.command->add_subcommand(
      "alias", "As merge, and ID's name is one of ENTITY's names");
  for (CLI::App* c : {args.merge, args.alias}) {
    c->add_option("id", args.id, "Open actor id (x:...)")->required();
    c->add_option("entity", args.entity, "Taxonomy id, name or acronym")
        ->required();
  }
  args.add = args.command->add_subcommand(
      "add", "Make the open actor ID a new entity");
  args.add->add_option("id", args.id, "Open actor id (x:...)")->required();
  args.add
      ->add_option("--kind", args.kind,
                   "agency, network, organisation or "
                   "country")
      ->required()
      ->check(CLI::IsMember({"agency", "network", "organisation", "country"}));
  args.add->add_option("--id", args.new_id,
                       "The new entity's id ([a-z0-9-]; default: ID without "
                       "\"x:\")");
}

namespace {

nlohmann::json to_json(const OpenActor& a) {
  return {
      {"id", a.id},         {"label", a.name},    {"positions", a.positions},
      {"action", a.action}, {"target", a.target}, {"kind", a.kind}};
}

bool valid_new_id(const std::string& id) {
  return !id.empty() && id.find_first_not_of(
                            "abcdefghijklmnopqrstuvwxyz"
                            "0123456789-") == std::string::npos;
}

}  // namespace

int run_actors_command(const ActorsArgs& args, const GlobalOptions& global,
                       std::ostream& out, std::ostream& err) {
  auto indexer = open_indexer(global, err);
  if (!indexer) return kExitSomeFailed;
  PositionStore& store = indexer->positions();
  const Taxonomy& taxonomy = indexer->taxonomy();
  if (*args.list) {
    const std::vector<OpenActor> actors = store.open_actors(args.only_new);
    if (args.json) {
      nlohmann::json j = nlohmann::json::array();
      for (const OpenActor& a : actors) j.push_back(to_json(a));
      out << j.dump() << '\n';
    } else {
      for (const OpenActor& a : actors) {
        out << a.id << '\t' << a.name << '\t' << a.positions;
        if (!a.action.empty()) out << '\t' << a.action << ' ' << a.target;
        out << '\n';
      }
    }
    return kExitOk;
  }
  if (args.id.empty() || !is_open_actor_id(args.id)) {
    err << "vnkb-index: '" << args.id
        << "' is no open actor id (x:...; see actors list)\n";
    return kExitUsage;
  }
  const std::optional<OpenActor> actor = store.open_actor(args.id);
  if (!actor) {
    err << "vnkb-index: no open actor '" << args.id << "' (see actors list)\n";
    return kExitUsage;
  }
  std::string action, target, kind;
  if (*args.add) {
    // An id given empty is an error, not the default.
    const bool id_given = args.add->count("--id") > 0;
    target = id_given ? args.new_id : args.id.substr(2);
    if (!valid_new_id(target)) {
      err << "vnkb-index: --id: '" << target
          << "' is not an id ([a-z0-9-], not empty)\n";
      return kExitUsage;
    }
    if (taxonomy.find(target) != nullptr) {
      err << "vnkb-index: the taxonomy already has an entity '" << target
          << "' (use actors merge)\n";
      return kExitUsage;
    }
    action = "entity";
    kind = args.kind;
  } else {
    if (args.entity.find_first_not_of(" \t\r\n") == std::string::npos) {
      err << "vnkb-index: the entity to merge into needs a name or id\n";
      return kExitUsage;
    }
    if (args.entity == args.id || open_actor_id(args.entity) == args.id) {
      err << "vnkb-index: cannot merge '" << args.id << "' into itself\n";
      return kExitUsage;
    }
    const TaxonomyEntry* e = taxonomy.resolve(args.entity, kActorKinds);
    if (e == nullptr) {
      err << "vnkb-index: '" << args.entity
          << "' is no agency, network, organisation or country of the "
             "taxonomy\n";
      return kExitUsage;
    }
    action = *args.merge ? "merge" : "alias";
    target = e->id;
  }
  indexer->catalog().begin();
  try {
    store.resolve_open_actor(args.id, action, target, kind);
    indexer->catalog().commit();
  } catch (...) {
    indexer->catalog().rollback();
    throw;
  }
  indexer->flush_positions();
  if (!global.quiet)
    err << args.id << " (" << actor->name << "): " << action << ' ' << target
        << '\n';
  return kExitOk;
}

}  // namespace kb
