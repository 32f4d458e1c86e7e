// Shared pieces of the vnkb-index subcommands.
#include "indexer/commands/common.h"

#include <unistd.h>

#include <cstdlib>
#include <iomanip>
#include <sstream>

namespace kb {
namespace fs = std::filesystem;

namespace {

fs::path default_db() {
  if (const char* env = std::getenv("VNKB_DB"); env && *env) return env;
  return "var/db";
}

fs::path default_taxonomy() {
  if (const char* env = std::getenv("VNKB_TAXONOMY"); env && *env) return env;
  return fs::path(VNKB_SOURCE_DIR) / "corpus" / "taxonomy";
}

}  // namespace

void register_global_options(CLI::App& app, GlobalOptions& options) {
  options.db = default_db().string();
  options.taxonomy_dir = default_taxonomy().string();
  app.add_option("--db", options.db,
                 "Database folder (default: $VNKB_DB, else ./var/db)");
  app.add_option("--taxonomy", options.taxonomy_dir,
                 "Taxonomy folder (default: $VNKB_TAXONOMY, else the source "
                 "tree's corpus/taxonomy)");
  app.add_flag("-q,--quiet", options.quiet, "Print only failures");
}

std::unique_ptr<Indexer> open_indexer(const GlobalOptions& global,
                                      std::ostream& err) {
  std::string error;
  auto indexer = Indexer::open(global.db, global.taxonomy_dir, &error);
  if (!indexer) {
    err << "vnkb-index: " << error << '\n';
    return nullptr;
  }
  if (indexer->schema_outdated()) {
    err << "vnkb-index: the index of " << global.db
        << " was built by another version of vnkb; rebuilding it from the "
           "catalog\n";
    reindex_with_progress(*indexer, global.quiet, err);
  }
  return indexer;
}

std::optional<ReadOnlyDatabase> open_for_reading(const GlobalOptions& global,
                                                 std::ostream& err) {
  const fs::path db = global.db;
  std::string error;
  auto catalog = Catalog::open(catalog_path(db), true, &error);
  if (!catalog) {
    err << "vnkb-index: " << error << " (has anything been added to "
        << global.db << "?)\n";
    return std::nullopt;
  }
  auto taxonomy = Taxonomy::load(fs::exists(taxonomy_copy_path(db))
                                     ? taxonomy_copy_path(db)
                                     : fs::path(global.taxonomy_dir),
                                 &error);
  if (!taxonomy) {
    err << "vnkb-index: " << error << '\n';
    return std::nullopt;
  }
  return ReadOnlyDatabase{std::move(catalog), std::move(*taxonomy)};
}

std::string dump_json(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Progress::Progress(std::ostream& err, bool quiet)
    : err_(err),
      quiet_(quiet),
      tty_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

void Progress::file(const FileOutcome& o, size_t done, size_t total) {
  if (o.action != "unchanged") pages_ += o.pages;
  if (o.action == "failed" || !o.detail.empty()) {
    clear_bar();
    if (o.action == "failed") {
      err_ << "failed   " << o.path << ": " << o.detail << '\n';
    } else if (o.action == "skipped") {
      if (!quiet_) err_ << "skipped  " << o.path << ": " << o.detail << '\n';
      return;
    } else if (!quiet_) {
      err_ << "warning  " << o.path << ": " << o.detail << '\n';
    }
  } else if (!quiet_ && !tty_ && o.action != "unchanged") {
    err_ << std::left << std::setw(9) << o.action << o.path << " (id " << o.id
         << ", " << o.pages << (o.pages == 1 ? " page" : " pages");
    if (o.ocr_recognized + o.ocr_cached > 0) {
      err_ << ", " << o.ocr_recognized + o.ocr_cached << " by OCR ("
           << o.ocr_cached << " from cache)";
    }
    err_ << (o.status == "needs-ocr" ? ", needs OCR" : "") << ")\n";
  }
  if (!quiet_ && tty_) bar(done, total, o.path);
}

void Progress::bar(size_t done, size_t total, const std::string& path) {
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
          .count();
  const double rate = secs > 0 ? static_cast<double>(pages_) / secs : 0;
  const double eta = done > 0 ? secs / static_cast<double>(done) *
                                    static_cast<double>(total - done)
                              : 0;
  const int width = 24;
  const int filled = total ? static_cast<int>(width * done / total) : width;
  std::ostringstream line;
  line << "\r[" << std::string(static_cast<size_t>(filled), '#')
       << std::string(static_cast<size_t>(width - filled), '.') << "] " << done
       << '/' << total << " files  " << std::fixed << std::setprecision(1)
       << rate << " pages/s  ETA " << static_cast<int>(eta) / 60 << ':'
       << std::setw(2) << std::setfill('0') << static_cast<int>(eta) % 60
       << "  ";
  std::string name = fs::path(path).filename().string();
  if (name.size() > 30) name = name.substr(0, 27) + "...";
  line << name;
  err_ << line.str() << "\033[K" << std::flush;
  drawn_ = true;
}

void Progress::clear_bar() {
  if (drawn_) err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

int64_t reindex_with_progress(Indexer& indexer, bool quiet, std::ostream& err) {
  Progress progress(err, quiet);
  const int64_t n = indexer.reindex([&](size_t done, size_t total) {
    FileOutcome o;
    o.action = "unchanged";
    progress.file(o, done, total);
  });
  progress.finish();
  return n;
}

}  // namespace kb
