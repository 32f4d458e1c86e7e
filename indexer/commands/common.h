// What every vnkb-index subcommand shares: exit codes, the global options,
// opening the database (to write, or to read only), JSON output and the
// progress display.
#ifndef VNKB_INDEXER_COMMANDS_COMMON_H_
#define VNKB_INDEXER_COMMANDS_COMMON_H_

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "core/catalog.h"
#include "core/taxonomy.h"
#include "indexer/indexer.h"

namespace kb {

// Exit codes: 0 all went well, 1 some files failed (the rest were indexed),
// 2 usage error.
constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

// The options of vnkb-index itself (given before or after the subcommand).
struct GlobalOptions {
  std::string db;            // database folder
  std::string taxonomy_dir;  // taxonomy the indexer loads
  bool quiet = false;        // print only failures
};

// Registers --db, --taxonomy and --quiet on `app`, with their defaults
// ($VNKB_DB, else var/db; $VNKB_TAXONOMY, else the source tree's
// corpus/taxonomy).
void register_global_options(CLI::App& app, GlobalOptions& options);

// Opens the database for writing, as every command that writes does: when
// the index was built under an older schema it is rebuilt from the catalog
// first (with a notice on `err`). nullptr after printing why on `err`.
std::unique_ptr<Indexer> open_indexer(const GlobalOptions& global,
                                      std::ostream& err);

// A database opened to read: its catalog, and the taxonomy it was built
// with (the copy in the database folder, else the --taxonomy folder).
struct ReadOnlyDatabase {
  std::unique_ptr<Catalog> catalog;
  Taxonomy taxonomy;
};

// Opens the database of `global` to read. nullopt after printing why on
// `err` (for a missing catalog, with a hint that nothing was added yet).
std::optional<ReadOnlyDatabase> open_for_reading(const GlobalOptions& global,
                                                 std::ostream& err);

// `j` as text; invalid UTF-8 in strings is replaced, never thrown on.
// indent -1: one line.
std::string dump_json(const nlohmann::json& j, int indent = -1);

// Per-file lines (or, on a terminal, a progress bar) on the error stream
// while files are added or the index is rebuilt. Failures are always
// printed; the rest only when not quiet.
class Progress {
 public:
  Progress(std::ostream& err, bool quiet);

  // Reports one file done of `total`.
  void file(const FileOutcome& o, size_t done, size_t total);
  // Clears the bar; call before printing a summary.
  void finish() { clear_bar(); }

 private:
  void bar(size_t done, size_t total, const std::string& path);
  void clear_bar();

  std::ostream& err_;
  bool quiet_;
  bool tty_;
  bool drawn_ = false;
  int64_t pages_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// Indexer::reindex with the progress display. Returns the documents
// rewritten.
int64_t reindex_with_progress(Indexer& indexer, bool quiet, std::ostream& err);

}  // namespace kb

#endif  // VNKB_INDEXER_COMMANDS_COMMON_H_
