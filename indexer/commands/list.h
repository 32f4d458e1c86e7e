// `vnkb-index list [filters] [--json]`: the documents of the catalog.
#ifndef VNKB_INDEXER_COMMANDS_LIST_H_
#define VNKB_INDEXER_COMMANDS_LIST_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "core/catalog.h"
#include "indexer/commands/common.h"

namespace kb {

struct ListArgs {
  CLI::App* command = nullptr;
  CatalogFilter filter;  // --status --type --network --topic --year
  std::string number;    // own number, any spelling
  bool failed = false;
  bool needs_ocr = false;
  // --low-confidence [THRESHOLD]: given (with or without a value) when the
  // command counts the option; empty for the default threshold.
  std::string low_confidence;
  bool json = false;
};

// Registers `list` on `app`.
void register_list_command(CLI::App& app, ListArgs& args);

// Validates the number and the threshold (kExitUsage), then prints one line
// (or one JSON object) per document. Reads the catalog only.
int run_list_command(const ListArgs& args, const GlobalOptions& global,
                     std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_LIST_H_
