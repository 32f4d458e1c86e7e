// `vnkb-index add PATH…`: files and folders into the knowledge base, with
// the librarian's corrections (--title, --type, --number, --date, --network,
// --topic) and OCR options.
#ifndef VNKB_INDEXER_COMMANDS_ADD_H_
#define VNKB_INDEXER_COMMANDS_ADD_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "indexer/commands/common.h"
#include "indexer/indexer.h"

namespace kb {

struct AddArgs {
  CLI::App* command = nullptr;
  std::vector<std::string> paths;
  AddOptions options;             // --force, --prune, --ocr-timeout, --ocr-jobs
  std::string ocr_mode = "auto";  // --ocr: auto, never or force
  // Corrections; empty when not given.
  std::string type, number, title, date;
  std::vector<std::string> networks, topics;
  // Force and relations: --effective-date, --expiry-date, --validity,
  // --relation "KIND NUMBER [SCOPE]" (repeatable; "-KIND NUMBER" drops one).
  std::string effective_date, expiry_date, validity;
  std::vector<std::string> relations;
  bool json = false;  // --json: every outcome on stdout
};

// Registers `add` on `app`.
void register_add_command(CLI::App& app, AddArgs& args);

// Validates the corrections against the taxonomy before touching anything
// (kExitUsage), then adds. kExitSomeFailed when a file failed, also when it
// failed before and is unchanged.
int run_add_command(const AddArgs& args, const GlobalOptions& global,
                    std::ostream& out, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_ADD_H_
