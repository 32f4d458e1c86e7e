// vnkb-index list.
#include "indexer/commands/list.h"

#include <cstdlib>
#include <iomanip>
#include <map>
#include <optional>
#include <vector>

#include "core/doc_number.h"
#include "core/utf8.h"
#include "indexer/commands/document_output.h"

namespace kb {

using Json = nlohmann::json;

namespace {

// Tesseract's mean word confidence on clean 300 dpi decree pages is ~90;
// below this a page is worth a person's look (see docs/bench/ocr.md).
constexpr int kDefaultLowConfidence = 80;

}  // namespace

void register_list_command(CLI::App& app, ListArgs& args) {
  CLI::App* list = app.add_subcommand("list", "List documents");
  args.command = list;
  list->add_flag("--failed", args.failed,
                 "Only files that failed, with the reason");
  list->add_flag("--needs-ocr", args.needs_ocr,
                 "Only documents whose pages need OCR");
  list->add_option("--low-confidence", args.low_confidence,
                   "Only documents with OCR pages whose confidence is below "
                   "THRESHOLD (0-100, default " +
                       std::to_string(kDefaultLowConfidence) +
                       "): pages a person should check")
      ->expected(0, 1)
      ->type_name("[THRESHOLD]");
  list->add_option("--status", args.filter.status,
                   "indexed, needs-ocr or failed");
  list->add_option("--type", args.filter.type, "Document type");
  list->add_option("--network", args.filter.network, "Network id");
  list->add_option("--topic", args.filter.topic, "Topic id");
  list->add_option("--year", args.filter.year, "Year of the issue date");
  list->add_option("--number", args.number, "Own number (any spelling)");
  list->add_flag("--json", args.json, "Print a JSON array");
}

int run_list_command(const ListArgs& args, const GlobalOptions& global,
                     std::ostream& out, std::ostream& err) {
  const CLI::App* list = args.command;
  CatalogFilter filter = args.filter;
  if (!args.number.empty()) {
    const auto n = parse_doc_number(args.number);
    if (!n) {
      err << "vnkb-index: --number: '" << args.number
          << "' is not a document number\n";
      return kExitUsage;
    }
    filter.number = n->key();
  }
  const std::string& low_confidence = args.low_confidence;
  std::optional<double> threshold;
  if (list->count("--low-confidence") > 0) {
    threshold = kDefaultLowConfidence;
    if (!low_confidence.empty()) {
      char* end = nullptr;
      threshold = std::strtod(low_confidence.c_str(), &end);
      if (end == low_confidence.c_str() || *end != '\0' || *threshold < 0 ||
          *threshold > 100) {
        err << "vnkb-index: --low-confidence: '" << low_confidence
            << "' is not a confidence between 0 and 100\n";
        return kExitUsage;
      }
    }
  }
  const auto db = open_for_reading(global, err);
  if (!db) return kExitSomeFailed;
  Catalog* catalog = db->catalog.get();
  const Taxonomy* taxonomy = &db->taxonomy;
  const bool quiet = global.quiet;
  if (args.failed) filter.status = "failed";
  if (args.needs_ocr) filter.status = "needs-ocr";
  auto docs = catalog->list(filter);
  // Document id -> its OCR pages below the threshold.
  std::map<int64_t, std::vector<LowConfidencePage>> low;
  if (list->count("--low-confidence") > 0) {
    for (const auto& p : catalog->low_confidence_pages(*threshold))
      low[p.doc_id].push_back(p);
    std::erase_if(
        docs, [&](const CatalogDocument& d) { return low.count(d.id) == 0; });
  }
  if (args.json) {
    Json arr = Json::array();
    for (const auto& d : docs) {
      Json j = document_json(d, *taxonomy);
      if (list->count("--low-confidence") > 0) {
        Json pages = Json::array();
        for (const auto& p : low[d.id]) {
          pages.push_back(
              {{"page", p.page_no}, {"ocr_confidence", p.ocr_confidence}});
        }
        j["low_confidence_pages"] = pages;
      }
      arr.push_back(j);
    }
    out << dump_json(arr, 2) << '\n';
    return kExitOk;
  }
  for (const auto& d : docs) {
    out << std::right << std::setw(5) << d.id << "  " << std::left
        << std::setw(10) << d.status << ' ';
    if (d.status == "failed") {
      out << d.path << "  [" << d.failure_reason << ": " << d.failure_detail
          << "]\n";
      continue;
    }
    out << std::setw(12) << utf8_prefix(d.type, 24) << ' ' << std::setw(18)
        << d.number << ' ' << std::setw(10) << d.issue_date << ' '
        << utf8_prefix(d.title, 120);
    if (const auto it = low.find(d.id); it != low.end()) {
      out << "  [check OCR: page";
      if (it->second.size() > 1) out << 's';
      for (size_t i = 0; i < it->second.size(); ++i) {
        out << (i ? ", " : " ") << it->second[i].page_no << " ("
            << confidence_text(it->second[i].ocr_confidence) << ')';
      }
      out << ']';
    }
    out << '\n';
  }
  if (!quiet) err << docs.size() << " document(s)\n";
  return kExitOk;
}

}  // namespace kb
