// vnkb-index stats.
#include "indexer/commands/stats.h"

#include <map>

#include "indexer/commands/document_output.h"

namespace kb {
namespace fs = std::filesystem;

void register_stats_command(CLI::App& app, StatsArgs& args) {
  args.command = app.add_subcommand("stats", "Counts and sizes");
  args.command->add_flag("--json", args.json, "Print one JSON object");
}

int run_stats_command(const StatsArgs& args, const GlobalOptions& global,
                      std::ostream& out, std::ostream& err) {
  const auto opened = open_for_reading(global, err);
  if (!opened) return kExitSomeFailed;
  const Catalog* catalog = opened->catalog.get();
  const fs::path db = global.db;
  const auto by_status = catalog->count_by_status();
  std::map<std::string, int64_t> by_type, by_network, by_topic;
  for (const auto& d : catalog->list({})) {
    if (d.status == "failed") continue;
    ++by_type[d.type.empty() ? "(none)" : d.type];
    for (const auto& n : d.networks) ++by_network[n];
    for (const auto& t : d.topics) ++by_topic[t];
  }
  auto dir_size = [](const fs::path& p) {
    uintmax_t total = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(p, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file()) total += it->file_size();
    }
    return total;
  };
  std::error_code ec;
  const nlohmann::json j = {
      {"documents", by_status},
      {"pages", catalog->page_count()},
      {"page_sources", catalog->count_pages_by_source()},
      {"ocr_cache_pages", catalog->ocr_cache_size()},
      {"types", by_type},
      {"networks", by_network},
      {"topics", by_topic},
      {"catalog_bytes", fs::file_size(catalog_path(db), ec)},
      {"index_bytes", dir_size(index_path(db))}};
  if (args.json) {
    out << dump_json(j, 2) << '\n';
  } else {
    out << "documents:";
    for (const auto& [s, n] : by_status) out << ' ' << s << ' ' << n;
    out << "\npages: " << catalog->page_count();
    for (const auto& [source, n] : j["page_sources"].items())
      out << ", " << source_name(source) << ' ' << n.get<int64_t>();
    out << "\nOCR cache: " << j["ocr_cache_pages"].get<int64_t>()
        << " pages\ntypes:";
    for (const auto& [t, n] : by_type) out << "\n  " << t << ": " << n;
    out << "\nnetworks:";
    for (const auto& [t, n] : by_network) out << "\n  " << t << ": " << n;
    out << "\ntopics:";
    for (const auto& [t, n] : by_topic) out << "\n  " << t << ": " << n;
    out << "\ncatalog: " << (j["catalog_bytes"].get<uintmax_t>() >> 10)
        << " KiB, index: " << (j["index_bytes"].get<uintmax_t>() >> 10)
        << " KiB\n";
  }
  return kExitOk;
}

}  // namespace kb
