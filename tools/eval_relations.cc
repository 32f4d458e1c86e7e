// Measures the typed relations and the validity computed from the dates of
// force against labelled data:
//
//   eval_relations --labels FILE --dir DIR [--truth FILE] [--as-of DATE|auto]
//                  [--taxonomy DIR] [--show-errors]
//
// Relations: FILE has one hand-labelled relation a line ({"file", "split":
// "tune"|"holdout", "kind", "target", "scope", "sentence"}); every typed
// relation (amends, replaces, repeals, guides, corrects) of each labelled
// file is labelled, so precision and recall are over (file, kind, number),
// reported per split. Cites are measured by eval_metadata; mentions are
// every other number.
//
// Validity (with --truth): every document of the truth is read, put in a
// temporary catalog with its relations, and its validity on the crawl date
// compared with the truth's status. "auto" takes the crawl date from the
// truth itself: the latest effective date among documents it says are in
// force (documents not yet in force start after it).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/doc_number.h"
#include "core/taxonomy.h"
#include "core/validity.h"
#include "indexer/metadata/extractor.h"
#include "indexer/read/extract.h"
#include "tools/cli.h"
#include "tools/truth.h"

namespace {

namespace fs = std::filesystem;

const std::set<std::string> kTyped = {"amends", "replaces", "repeals", "guides",
                                      "corrects"};

struct Options {
  fs::path labels, dir, truth, taxonomy;
  std::string as_of = "auto";
  bool show_errors = false;
};

std::optional<kb::DocMetadata> read_doc(const fs::path& path,
                                        const kb::Taxonomy& taxonomy) {
  const kb::Extracted ex = kb::extract_file(path, kb::ExtractLimits{});
  if (ex.status == kb::ExtractStatus::kFailed) return std::nullopt;
  std::vector<std::string> pages;
  for (const kb::ExtractedPage& p : ex.pages) pages.push_back(p.text);
  return kb::extract_metadata(pages, taxonomy, ex.title);
}

std::vector<nlohmann::json> read_lines(const fs::path& file) {
  std::vector<nlohmann::json> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

struct Score {
  int labelled = 0, found = 0, output = 0, output_ok = 0;
};

double pct(int a, int b) { return b == 0 ? 0.0 : 100.0 * a / b; }

int eval_relations(const Options& o, const kb::Taxonomy& taxonomy) {
  // file -> split, and the labelled (kind, key) of each file.
  std::map<std::string, std::string> split_of;
  std::map<std::string, std::set<std::pair<std::string, std::string>>> truth;
  for (const nlohmann::json& row : read_lines(o.labels)) {
    const std::string file = row.at("file").get<std::string>();
    split_of[file] = row.value("split", std::string("tune"));
    truth[file].insert(
        {row.at("kind").get<std::string>(),
         kb::truth::number_key(row.at("target").get<std::string>())});
  }
  std::map<std::string, Score> scores;
  std::map<std::string, Score> by_kind;
  for (const auto& [file, split] : split_of) {
    const auto meta = read_doc(o.dir / file, taxonomy);
    if (!meta) {
      std::fprintf(stderr, "eval_relations: cannot read %s\n", file.c_str());
      return 1;
    }
    std::set<std::pair<std::string, std::string>> ours;
    for (const kb::Relation& r : meta->relations)
      if (kTyped.count(r.kind))
        ours.insert({r.kind, kb::truth::number_key(r.target)});
    const auto& want = truth[file];
    for (Score* s : {&scores[split], &scores["all"]}) {
      s->labelled += static_cast<int>(want.size());
      s->output += static_cast<int>(ours.size());
    }
    for (const auto& w : want) {
      ++by_kind[w.first].labelled;
      if (ours.count(w)) {
        ++scores[split].found, ++scores["all"].found, ++by_kind[w.first].found;
      } else if (o.show_errors) {
        std::printf("%s\tmissed\t%s %s\n", file.c_str(), w.first.c_str(),
                    w.second.c_str());
      }
    }
    for (const auto& g : ours) {
      ++by_kind[g.first].output;
      if (want.count(g)) {
        ++scores[split].output_ok, ++scores["all"].output_ok,
            ++by_kind[g.first].output_ok;
      } else if (o.show_errors) {
        std::printf("%s\twrong\t%s %s\n", file.c_str(), g.first.c_str(),
                    g.second.c_str());
      }
    }
  }
  std::printf(
      "typed relations (amends, replaces, repeals, guides, corrects)\n");
  for (const auto& [name, s] : scores) {
    std::set<std::string> files;
    for (const auto& [f, sp] : split_of)
      if (sp == name || name == "all") files.insert(f);
    std::printf(
        "  %-8s %3zu documents  %3d labelled  precision %6.2f %% (%d/%d)  "
        "recall %6.2f %% (%d/%d)\n",
        name.c_str(), files.size(), s.labelled, pct(s.output_ok, s.output),
        s.output_ok, s.output, pct(s.found, s.labelled), s.found, s.labelled);
  }
  for (const auto& [kind, s] : by_kind) {
    std::printf("    %-9s labelled %3d  precision %6.2f %%  recall %6.2f %%\n",
                kind.c_str(), s.labelled, pct(s.output_ok, s.output),
                pct(s.found, s.labelled));
  }
  return 0;
}

std::string state_of_truth(const std::string& status) {
  if (status == "Còn hiệu lực") return "in_force";
  if (status == "Chưa có hiệu lực") return "not_yet_in_force";
  if (status == "Hết hiệu lực một phần") return "partly_expired";
  if (status == "Hết hiệu lực toàn bộ") return "expired";
  return "";
}

int eval_validity(const Options& o, const kb::Taxonomy& taxonomy) {
  const std::vector<nlohmann::json> rows = read_lines(o.truth);
  std::string as_of = o.as_of;
  if (as_of == "auto") {
    std::string latest_in, next_not_yet = "9999";
    for (const nlohmann::json& row : rows) {
      const std::string eff = kb::truth::field(row, "effective_date");
      if (!eff.empty() && kb::truth::field(row, "status") == "Còn hiệu lực")
        latest_in = std::max(latest_in, eff);
    }
    int earlier = 0;  // "not yet" although their date had come
    for (const nlohmann::json& row : rows) {
      const std::string eff = kb::truth::field(row, "effective_date");
      if (eff.empty() || kb::truth::field(row, "status") != "Chưa có hiệu lực")
        continue;
      if (eff > latest_in) {
        next_not_yet = std::min(next_not_yet, eff);
      } else {
        ++earlier;
      }
    }
    as_of = latest_in;
    std::printf(
        "crawl date: %s (the latest effective date of a document the truth "
        "says is in force; the next one it says is not yet in force starts "
        "%s; %d 'not yet' documents have an earlier date)\n",
        as_of.c_str(), next_not_yet.c_str(), earlier);
  }
  const fs::path tmp =
      fs::temp_directory_path() /
      ("eval_relations_" + std::to_string(::getpid()) + ".sqlite");
  std::string error;
  auto catalog = kb::Catalog::open(tmp, false, &error);
  if (!catalog) {
    std::fprintf(stderr, "eval_relations: %s\n", error.c_str());
    return 1;
  }
  std::vector<std::pair<int64_t, std::string>> docs;  // id, truth state
  catalog->begin();
  for (const nlohmann::json& row : rows) {
    const fs::path path = o.dir / kb::truth::field(row, "file");
    const auto meta = read_doc(path, taxonomy);
    if (!meta) continue;
    kb::CatalogDocument d;
    d.path = path.string();
    d.status = "indexed";
    d.title = meta->title;
    d.type = meta->type;
    d.number = meta->number;
    d.issue_date = meta->issue_date;
    d.effective_date = meta->effective_date;
    d.expiry_date = meta->expiry_date;
    d.relations = meta->relations;
    catalog->put(d, nullptr);
    docs.push_back({d.id, state_of_truth(kb::truth::field(row, "status"))});
  }
  catalog->commit();
  std::map<std::pair<std::string, std::string>, int> confusion;
  int agree = 0;
  for (const auto& [id, want] : docs) {
    const auto d = catalog->get(id);
    const kb::Validity v = kb::validity_of(*catalog, *d, as_of);
    ++confusion[{want, v.state}];
    if (v.state == want) {
      ++agree;
    } else if (o.show_errors) {
      std::printf("%s\tstatus\texpected %s\tgot %s (%s)\n",
                  fs::path(d->path).filename().c_str(), want.c_str(),
                  v.state.c_str(), v.reason.c_str());
    }
  }
  catalog.reset();
  for (const char* suffix : {"", "-wal", "-shm"})
    fs::remove(tmp.string() + suffix);
  std::printf("validity on %s: agrees with truth status for %.2f %% (%d/%zu)\n",
              as_of.c_str(), pct(agree, static_cast<int>(docs.size())), agree,
              docs.size());
  for (const auto& [k, n] : confusion)
    std::printf("  truth %-17s ours %-17s %d\n", k.first.c_str(),
                k.second.empty() ? "(none)" : k.second.c_str(), n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures typed relations and validity against labels",
               "eval_relations"};
  Options o;
  app.add_option("--labels", o.labels, "Hand-labelled relations (JSON lines)")
      ->type_name("FILE");
  app.add_option("--dir", o.dir, "Folder of the labelled documents")
      ->required()
      ->type_name("DIR");
  app.add_option("--truth", o.truth, "truth.jsonl, to measure validity")
      ->type_name("FILE");
  app.add_option("--as-of", o.as_of,
                 "Date validity is computed on (YYYY-MM-DD, or auto: the "
                 "truth's crawl date)");
  app.add_option("--taxonomy", o.taxonomy, "Taxonomy folder")->type_name("DIR");
  app.add_flag("--show-errors", o.show_errors, "List every error");
  if (const std::optional<int> code = kb::parse_tool_args(app, argc, argv))
    return *code;
  if (o.as_of != "auto" && !kb::parse_iso_date(o.as_of)) {
    std::fprintf(stderr,
                 "eval_relations: --as-of must be YYYY-MM-DD or auto\n");
    return 2;
  }
  kb::Taxonomy taxonomy;
  if (!o.taxonomy.empty()) {
    std::string error;
    auto loaded = kb::Taxonomy::load(o.taxonomy, &error);
    if (!loaded) {
      std::fprintf(stderr, "eval_relations: %s\n", error.c_str());
      return 1;
    }
    taxonomy = std::move(*loaded);
  }
  int rc = 0;
  if (!o.labels.empty()) rc |= eval_relations(o, taxonomy);
  if (!o.truth.empty()) rc |= eval_validity(o, taxonomy);
  return rc;
}
