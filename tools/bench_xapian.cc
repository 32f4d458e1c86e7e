// The baseline of the server benchmark: the same query mix through bare
// Xapian::Enquire in this process (the queries built by vnkb's QueryBuilder,
// top 10, no facets, no snippets, no HTTP), with as many threads as asked.
// Prints queries per second.
//
//   bench_xapian --db DIR --queries FILE [--threads N] [--seconds S]
// FILE holds one URL query string per line (as sent to /api/search); only
// its q= part is used, filters are applied as boolean terms.
#include <httplib.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "core/db_layout.h"
#include "core/taxonomy.h"
#include "search-server/query_builder.h"
#include "tools/cli.h"

int main(int argc, char** argv) {
  CLI::App app{"Bare Xapian throughput over the server benchmark's query mix",
               "bench_xapian"};
  std::string db_dir, queries_file;
  int threads = 1;
  double seconds = 10;
  app.add_option("--db", db_dir, "vnkb database folder")->required();
  app.add_option("--queries", queries_file, "Query strings, one per line")
      ->required();
  app.add_option("--threads", threads, "Threads");
  app.add_option("--seconds", seconds, "How long to run");
  if (const auto code = kb::parse_tool_args(app, argc, argv)) return *code;

  std::string error;
  auto taxonomy =
      kb::Taxonomy::load(std::filesystem::path(db_dir) / "taxonomy", &error);
  if (!taxonomy) {
    std::cerr << "bench_xapian: " << error << '\n';
    return 1;
  }
  std::vector<std::string> lines;
  {
    std::ifstream in(queries_file);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line[0] != '#') lines.push_back(line);
    }
  }
  const std::string index = kb::index_path(db_dir).string();
  std::atomic<long> done{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Xapian::Database db(index);  // one Database per thread
      kb::QueryBuilder builder(db, *taxonomy);
      kb::FacetResolver facets(*taxonomy);
      std::vector<Xapian::Query> queries;
      for (const std::string& line : lines) {
        httplib::Params params;
        httplib::detail::parse_query_text(line, params);
        Xapian::Query q;
        auto it = params.find("q");
        if (it != params.end() && !it->second.empty()) {
          try {
            q = builder.parse(it->second, kb::QueryMode::kAllWords).query;
          } catch (const std::exception&) {
          }
        }
        if (q.empty()) q = Xapian::Query::MatchAll;
        for (const auto& [k, v] : params) {
          std::optional<kb::FacetTerm> term;
          if (k == "type") term = facets.type(v);
          if (k == "year") term = facets.year(v);
          if (k == "issuer") term = facets.issuer(v);
          if (term)
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(term->term));
        }
        queries.push_back(q);
      }
      Xapian::Enquire enquire(db);
      size_t i = static_cast<size_t>(t) * 37;
      while (!stop) {
        enquire.set_query(queries[i++ % queries.size()]);
        enquire.get_mset(0, 10);
        ++done;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& w : workers) w.join();
  std::cout << static_cast<double>(done) / seconds << '\n';
  return 0;
}
