// vnkb-index actors: the actors the extraction found outside the taxonomy,
// and the librarian's decisions on them (they survive re-indexing):
//   actors list [--new] [--json]
//   actors merge ID ENTITY    ID is the taxonomy entity ENTITY
//   actors alias ID ENTITY    the same, and ID's name is one of ENTITY's
//   actors add ID --kind K [--id NEW]   a new entity (id NEW, default the
//                             slug of ID), kind K
#ifndef VNKB_INDEXER_COMMANDS_ACTORS_H_
#define VNKB_INDEXER_COMMANDS_ACTORS_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "indexer/commands/common.h"

namespace kb {

struct ActorsArgs {
  CLI::App* command = nullptr;  // "actors"
  CLI::App *list = nullptr, *merge = nullptr, *alias = nullptr, *add = nullptr;
  bool only_new = false, json = false;
  std::string id, entity, kind, new_id;
};

void register_actors_command(CLI::App& app, ActorsArgs& args);

int run_actors_command(const ActorsArgs& args, const GlobalOptions& global,
                       std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_ACTORS_H_
