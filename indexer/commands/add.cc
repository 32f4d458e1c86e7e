// vnkb-index add.
#include "indexer/commands/add.h"

#include <map>
#include <nlohmann/json.hpp>

#include "indexer/overrides.h"
#include "indexer/read/ocr.h"

namespace kb {
namespace fs = std::filesystem;

void register_add_command(CLI::App& app, AddArgs& args) {
  CLI::App* add = app.add_subcommand(
      "add",
      "Add or update files and folders (recursively). Symbolic links inside "
      "a folder are not followed: each is reported as skipped, so a folder "
      "never brings in a file from outside it; a path named here is read "
      "through its links. Named pipes, devices and unreadable folders are "
      "skipped with their reason; a file that fails does not stop the "
      "others.");
  args.command = add;
  add->add_option("paths", args.paths, "Files and folders")->required();
  add->add_flag("--force", args.options.force,
                "Re-read files even when unchanged");
  add->add_flag(
      "--prune", args.options.prune,
      "Remove catalog entries under the given folders whose files are gone");
  add->add_option("--network", args.networks,
                  "Set the networks (taxonomy id or name; repeatable)");
  add->add_option("--topic", args.topics,
                  "Set the topics (taxonomy id or name; repeatable)");
  add->add_option("--type", args.type,
                  "Set the document type (e.g. \"Quyết định\")");
  add->add_option("--number", args.number,
                  "Set the document's own number (e.g. 1407/QĐ-TTg)");
  add->add_option("--title", args.title, "Set the title");
  add->add_option("--date", args.date,
                  "Set the issue date (YYYY-MM-DD, YYYY-MM, YYYY or d/m/yyyy)");
  add->add_option("--effective-date", args.effective_date,
                  "Set the date it comes into force (YYYY-MM-DD or d/m/yyyy)");
  add->add_option("--expiry-date", args.expiry_date,
                  "Set the date its force ends, when it says so");
  add->add_option("--validity", args.validity,
                  "Set its status: in_force, not_yet_in_force, "
                  "partly_expired or expired (\"\" computes it again)");
  add->add_option("--relation", args.relations,
                  "Add a relation \"KIND NUMBER [SCOPE]\" (amends, replaces, "
                  "repeals, guides, corrects, cites, mentions), or drop one "
                  "read from the text with \"-KIND NUMBER\" (repeatable)");
  add->add_option("--ocr", args.ocr_mode,
                  "OCR of scanned pages (no text layer): auto reads them, "
                  "from the cache when read before; never leaves them "
                  "\"needs-ocr\"; force reads them again (default: auto)")
      ->check(CLI::IsMember({"auto", "never", "force"}));
  add->add_option("--ocr-timeout", args.options.ocr.page_seconds,
                  "Most seconds OCR may spend rendering or reading one page "
                  "(default: 60)")
      ->check(CLI::PositiveNumber);
  add->add_option("--ocr-jobs", args.options.ocr.max_parallel,
                  "Pages read by OCR at once (default: 2; fewer when cores "
                  "or memory are short)")
      ->check(CLI::Range(1, 64));
  add->add_flag("--json", args.json,
                "Print every file's outcome (path, action, id, status, "
                "detail) as JSON on stdout");
}

int run_add_command(const AddArgs& args, const GlobalOptions& global,
                    std::ostream& out, std::ostream& err) {
  AddOptions options = args.options;
  options.ocr.mode = *parse_ocr_mode(args.ocr_mode);
  // Validate the librarian's values before touching anything.
  std::string error;
  auto taxonomy = Taxonomy::load(global.taxonomy_dir, &error);
  if (!taxonomy) {
    err << "vnkb-index: " << error << '\n';
    return kExitUsage;
  }
  auto set_field = [&](const std::string& field, std::string value) {
    if (!normalize_override(field, value, *taxonomy, &error)) return false;
    options.overrides.fields[field] = value;
    return true;
  };
  auto set_list = [&](const std::string& field,
                      std::vector<std::string> values) {
    for (std::string& v : values) {
      if (!normalize_override(field, v, *taxonomy, &error)) return false;
    }
    options.overrides.lists[field] = values;
    return true;
  };
  const bool ok =
      (args.type.empty() || set_field("type", args.type)) &&
      (args.number.empty() || set_field("number", args.number)) &&
      (args.title.empty() || set_field("title", args.title)) &&
      (args.date.empty() || set_field("issue_date", args.date)) &&
      (args.networks.empty() || set_list("networks", args.networks)) &&
      (args.topics.empty() || set_list("topics", args.topics)) &&
      (args.effective_date.empty() ||
       set_field("effective_date", args.effective_date)) &&
      (args.expiry_date.empty() ||
       set_field("expiry_date", args.expiry_date)) &&
      (args.validity.empty() || set_field("validity", args.validity)) &&
      (args.relations.empty() || set_list("relations", args.relations));
  if (!ok) {
    err << "vnkb-index: --" << error << '\n';
    return kExitUsage;
  }

  auto indexer = open_indexer(global, err);
  if (!indexer) return kExitSomeFailed;
  Progress progress(err, global.quiet);
  options.on_file = [&](const FileOutcome& o, size_t done, size_t total) {
    progress.file(o, done, total);
  };
  const std::vector<fs::path> paths(args.paths.begin(), args.paths.end());
  const AddSummary s = indexer->add(paths, options);
  progress.finish();
  std::map<std::string, int> counts;
  for (const auto& o : s.outcomes) ++counts[o.action];
  if (args.json) {
    nlohmann::json all = nlohmann::json::array();
    for (const FileOutcome& o : s.outcomes) {
      nlohmann::json j = {{"path", o.path}, {"action", o.action}};
      if (o.id) j["id"] = o.id;
      if (!o.status.empty()) j["status"] = o.status;
      if (!o.detail.empty()) j["detail"] = o.detail;
      if (o.pages) j["pages"] = o.pages;
      all.push_back(std::move(j));
    }
    out << dump_json(all, 2) << '\n';
  }
  if (!global.quiet) {
    err << "done:";
    for (const auto& [action, n] : counts) err << ' ' << n << ' ' << action;
    err << '\n';
  }
  return s.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace kb
