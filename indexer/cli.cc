// vnkb-index commands: argument parsing and output; the work is in
// indexer.h, extract.h and the core.
#include "indexer/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/doc_number.h"
#include "indexer/indexer.h"
#include "indexer/positions_cli.h"
#include "indexer/read/extract.h"
#include "indexer/read/ocr.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Tesseract's mean word confidence on clean 300 dpi decree pages is ~90;
// below this a page is worth a person's look (see docs/bench/ocr.md).
constexpr int kDefaultLowConfidence = 80;

fs::path default_db() {
  if (const char* env = std::getenv("VNKB_DB"); env && *env) return env;
  return "var/db";
}

fs::path default_taxonomy() {
  if (const char* env = std::getenv("VNKB_TAXONOMY"); env && *env) return env;
  return fs::path(VNKB_SOURCE_DIR) / "corpus" / "taxonomy";
}

// --- analyze / extract -----------------------------------------------------

int cmd_analyze(const std::vector<std::string>& words, bool json,
                std::ostream& out) {
  std::string input;
  for (const std::string& w : words) {
    if (!input.empty()) input += ' ';
    input += w;
  }
  AnalyzeOptions options;
  options.canonical_text = true;
  const Analysis a = analyze(input, options);
  Json terms = Json::array(), folded_terms = Json::array(),
       numbers = Json::array();
  for (const Token& t : a.tokens) {
    terms.push_back(t.exact);
    folded_terms.push_back(t.folded);
  }
  for (const DocNumber& n : a.numbers) numbers.push_back(n.display());
  if (json) {
    out << dump({{"input", input},
                 {"text", a.text},
                 {"canonical", a.canonical},
                 {"folded", a.folded},
                 {"encoding", encoding_name(a.encoding)},
                 {"terms", terms},
                 {"folded_terms", folded_terms},
                 {"numbers", numbers}})
        << '\n';
    return kExitOk;
  }
  out << "encoding:  " << encoding_name(a.encoding) << '\n'
      << "text:      " << a.text << '\n'
      << "canonical: " << a.canonical << '\n'
      << "folded:    " << a.folded << '\n'
      << "terms:    ";
  for (const Token& t : a.tokens) {
    out << ' ' << t.exact;
    if (t.folded != t.exact) out << '|' << t.folded;
    out << '@' << t.position;
  }
  out << '\n' << "numbers:  ";
  for (const DocNumber& n : a.numbers) out << ' ' << n.display();
  out << '\n';
  return kExitOk;
}

int cmd_extract(const std::string& path, const OcrOptions& ocr, bool json,
                std::ostream& out, std::ostream& err) {
  Extracted e = extract_file(path, ExtractLimits{});
  const OcrReport report = read_scanned_pages(path, e, ocr, nullptr);
  if (json) {
    Json pages = Json::array();
    for (const ExtractedPage& p : e.pages) {
      Json page = {{"text", p.text}, {"has_text_layer", p.has_text_layer}};
      if (p.ocr) page["ocr_confidence"] = p.ocr_confidence;
      pages.push_back(page);
    }
    out << dump({{"format", e.format},
                 {"title", e.title},
                 {"encoding", e.encoding},
                 {"status", e.status == ExtractStatus::kOk         ? "ok"
                            : e.status == ExtractStatus::kNeedsOcr ? "needs-ocr"
                                                                   : "failed"},
                 {"reason", failure_reason_name(e.reason)},
                 {"error", e.error},
                 {"ocr_detail", report.detail},
                 {"pages", pages}})
        << '\n';
  } else if (e.status != ExtractStatus::kFailed) {
    for (size_t i = 0; i < e.pages.size(); ++i) {
      const ExtractedPage& p = e.pages[i];
      out << "=== page " << i + 1;
      if (p.ocr) {
        out << " (OCR, confidence " << std::fixed << std::setprecision(0)
            << p.ocr_confidence << std::defaultfloat << ")";
      } else if (!p.has_text_layer) {
        out << " (no text layer)";
      }
      out << " ===\n" << p.text << '\n';
    }
    if (!report.detail.empty()) err << "vnkb-index: " << report.detail << '\n';
  }
  if (e.status == ExtractStatus::kFailed) {
    err << "vnkb-index: " << path << ": " << failure_reason_name(e.reason)
        << ": " << e.error << '\n';
    return kExitSomeFailed;
  }
  return kExitOk;
}

// --- documents as text and JSON ----------------------------------------------

Json labels(const std::vector<std::string>& ids, const Taxonomy& taxonomy) {
  Json out = Json::array();
  for (const std::string& id : ids) {
    const TaxonomyEntry* e = taxonomy.find(id);
    out.push_back(e ? e->name : id);
  }
  return out;
}

Json document_json(const CatalogDocument& d, const Taxonomy& taxonomy) {
  Json j = {{"id", d.id},
            {"path", d.path},
            {"title", d.title},
            {"type", d.type},
            {"number", d.number},
            {"issuer", d.issuer},
            {"issuer_id", d.issuer_id},
            {"issue_date", d.issue_date},
            {"signer", d.signer},
            {"cites", d.cites},
            {"networks", labels(d.networks, taxonomy)},
            {"network_ids", d.networks},
            {"topics", labels(d.topics, taxonomy)},
            {"topic_ids", d.topics},
            {"pages", d.pages},
            {"language", d.language},
            {"encoding", d.encoding},
            {"format", d.format},
            {"sha256", d.sha256},
            {"indexed_at", d.indexed_at},
            {"status", d.status},
            {"source", d.source}};
  if (d.status == "failed") {
    j["failure"] = {{"reason", d.failure_reason}, {"detail", d.failure_detail}};
  } else if (d.status == "needs-ocr") {
    j["needs_ocr"] = {{"reason", d.failure_reason},
                      {"detail", d.failure_detail}};
  }
  return j;
}

// Per page: where its text came from, and OCR's confidence.
Json page_info_json(const std::vector<CatalogPage>& pages) {
  Json out = Json::array();
  for (const CatalogPage& p : pages) {
    Json page = {{"page", p.page_no}, {"source", p.source}};
    if (p.source == "ocr") page["ocr_confidence"] = p.ocr_confidence;
    out.push_back(page);
  }
  return out;
}

std::string source_name(const std::string& source) {
  if (source == "text") return "text layer";
  if (source == "ocr") return "OCR";
  if (source == "none") return "scan, not read";
  return source;
}

// "text layer: 1-2, 5; OCR: 3-4" (pages in order, runs of one source).
std::string page_sources_summary(const std::vector<CatalogPage>& pages) {
  std::map<std::string, std::string> ranges;
  std::vector<std::string> order;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1].source == pages[i].source &&
           pages[j + 1].page_no == pages[j].page_no + 1) {
      ++j;
    }
    std::string& r = ranges[pages[i].source];
    if (r.empty()) order.push_back(pages[i].source);
    r += (r.empty() ? "" : ", ") + std::to_string(pages[i].page_no);
    if (j > i) r += "-" + std::to_string(pages[j].page_no);
    i = j + 1;
  }
  std::string out;
  for (const std::string& source : order) {
    out +=
        (out.empty() ? "" : "; ") + source_name(source) + ": " + ranges[source];
  }
  return out;
}

std::string confidence_text(double c) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(0) << c;
  return s.str();
}

void print_document(const CatalogDocument& d,
                    const std::vector<CatalogPage>& pages,
                    const Taxonomy& taxonomy, std::ostream& out) {
  auto line = [&](const std::string& name, const std::string& value,
                  const std::string& field) {
    out << std::left << std::setw(12) << name << value;
    auto it = d.source.find(field);
    if (it != d.source.end() && it->second == "librarian")
      out << "  (set by librarian)";
    out << '\n';
  };
  auto join = [](const Json& list) {
    std::string s;
    for (const auto& v : list)
      s += (s.empty() ? "" : "; ") + v.get<std::string>();
    return s;
  };
  line("id", std::to_string(d.id), "");
  line("path", d.path, "");
  line("status",
       d.status + (d.status == "failed" || (d.status == "needs-ocr" &&
                                            !d.failure_detail.empty())
                       ? " (" + d.failure_reason + ": " + d.failure_detail + ")"
                       : ""),
       "");
  line("title", d.title, "title");
  line("type", d.type, "type");
  line("number", d.number, "number");
  line("issuer", d.issuer, "issuer");
  line("issue date", d.issue_date, "issue_date");
  line("signer", d.signer, "signer");
  line("cites", join(Json(d.cites)), "cites");
  line("networks", join(labels(d.networks, taxonomy)), "networks");
  line("topics", join(labels(d.topics, taxonomy)), "topics");
  line("pages", std::to_string(d.pages), "");
  if (!pages.empty()) line("sources", page_sources_summary(pages), "");
  // Each page that was a scan, so a librarian sees what to check.
  for (const CatalogPage& p : pages) {
    if (p.source == "text") continue;
    out << "  page " << std::left << std::setw(6) << p.page_no
        << source_name(p.source);
    if (p.source == "ocr")
      out << ", confidence " << confidence_text(p.ocr_confidence);
    out << '\n';
  }
  line("language", d.language, "");
  line("format",
       d.format + (d.encoding.empty() || d.encoding == "unicode"
                       ? ""
                       : " (converted from " + d.encoding + ")"),
       "");
  line("sha256", d.sha256, "");
  line("indexed at", d.indexed_at, "");
}

// --- progress ----------------------------------------------------------------

class Progress {
 public:
  Progress(std::ostream& err, bool quiet)
      : err_(err),
        quiet_(quiet),
        tty_(::isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()) {}

  void file(const FileOutcome& o, size_t done, size_t total) {
    if (o.action != "unchanged") pages_ += o.pages;
    if (o.action == "failed" || !o.detail.empty()) {
      clear_bar();
      if (o.action == "failed") {
        err_ << "failed   " << o.path << ": " << o.detail << '\n';
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
  void finish() { clear_bar(); }

 private:
  void bar(size_t done, size_t total, const std::string& path) {
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
         << std::string(static_cast<size_t>(width - filled), '.') << "] "
         << done << '/' << total << " files  " << std::fixed
         << std::setprecision(1) << rate << " pages/s  ETA "
         << static_cast<int>(eta) / 60 << ':' << std::setw(2)
         << std::setfill('0') << static_cast<int>(eta) % 60 << "  ";
    std::string name = fs::path(path).filename().string();
    if (name.size() > 30) name = name.substr(0, 27) + "...";
    line << name;
    err_ << line.str() << "\033[K" << std::flush;
    drawn_ = true;
  }
  void clear_bar() {
    if (drawn_) err_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }

  std::ostream& err_;
  bool quiet_;
  bool tty_;
  bool drawn_ = false;
  int64_t pages_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

std::unique_ptr<Indexer> open_indexer(const fs::path& db,
                                      const fs::path& taxonomy_dir, bool quiet,
                                      std::ostream& err) {
  std::string error;
  auto indexer = Indexer::open(db, taxonomy_dir, &error);
  if (!indexer) {
    err << "vnkb-index: " << error << '\n';
    return nullptr;
  }
  if (indexer->schema_outdated()) {
    err << "vnkb-index: the index of " << db.string()
        << " was built by another version of vnkb; rebuilding it from the "
           "catalog\n";
    Progress progress(err, quiet);
    indexer->reindex([&](size_t done, size_t total) {
      FileOutcome o;
      o.action = "unchanged";
      progress.file(o, done, total);
    });
    progress.finish();
  }
  return indexer;
}

int run_index_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err) {
  CLI::App app{
      "vnkb-index: add, update, remove and inspect the documents of a vnkb "
      "knowledge base"};
  app.require_subcommand(1);
  app.fallthrough();
  std::string db = default_db().string();
  std::string taxonomy_dir = default_taxonomy().string();
  bool quiet = false;
  app.add_option("--db", db,
                 "Database folder (default: $VNKB_DB, else ./var/db)");
  app.add_option("--taxonomy", taxonomy_dir,
                 "Taxonomy folder (default: $VNKB_TAXONOMY, else the source "
                 "tree's corpus/taxonomy)");
  app.add_flag("-q,--quiet", quiet, "Print only failures");

  // add
  std::vector<std::string> add_paths;
  AddOptions add_options;
  std::vector<std::string> set_networks, set_topics;
  std::string set_type, set_number, set_title, set_date;
  CLI::App* add = app.add_subcommand(
      "add", "Add or update files and folders (recursively)");
  add->add_option("paths", add_paths, "Files and folders")->required();
  add->add_flag("--force", add_options.force,
                "Re-read files even when unchanged");
  add->add_flag(
      "--prune", add_options.prune,
      "Remove catalog entries under the given folders whose files are gone");
  add->add_option("--network", set_networks,
                  "Set the networks (taxonomy id or name; repeatable)");
  add->add_option("--topic", set_topics,
                  "Set the topics (taxonomy id or name; repeatable)");
  add->add_option("--type", set_type,
                  "Set the document type (e.g. \"Quyết định\")");
  add->add_option("--number", set_number,
                  "Set the document's own number (e.g. 1407/QĐ-TTg)");
  add->add_option("--title", set_title, "Set the title");
  add->add_option("--date", set_date,
                  "Set the issue date (YYYY-MM-DD or d/m/yyyy)");
  std::string ocr_mode = "auto";
  const auto ocr_modes = CLI::IsMember({"auto", "never", "force"});
  add->add_option("--ocr", ocr_mode,
                  "OCR of scanned pages (no text layer): auto reads them, "
                  "from the cache when read before; never leaves them "
                  "\"needs-ocr\"; force reads them again (default: auto)")
      ->check(ocr_modes);
  add->add_option("--ocr-timeout", add_options.ocr.page_seconds,
                  "Most seconds OCR may spend rendering or reading one page "
                  "(default: 60)")
      ->check(CLI::PositiveNumber);
  add->add_option("--ocr-jobs", add_options.ocr.max_parallel,
                  "Pages read by OCR at once (default: 2; fewer when cores "
                  "or memory are short)")
      ->check(CLI::Range(1, 64));

  std::vector<std::string> remove_args;
  CLI::App* remove = app.add_subcommand(
      "remove", "Remove documents by id or path (folder: all under it)");
  remove->add_option("ids_or_paths", remove_args, "Ids or paths")->required();

  CatalogFilter filter;
  bool list_failed = false, list_needs_ocr = false, list_json = false;
  CLI::App* list = app.add_subcommand("list", "List documents");
  list->add_flag("--failed", list_failed,
                 "Only files that failed, with the reason");
  list->add_flag("--needs-ocr", list_needs_ocr,
                 "Only documents whose pages need OCR");
  std::string low_confidence;
  list->add_option("--low-confidence", low_confidence,
                   "Only documents with OCR pages whose confidence is below "
                   "THRESHOLD (0-100, default " +
                       std::to_string(kDefaultLowConfidence) +
                       "): pages a person should check")
      ->expected(0, 1)
      ->type_name("[THRESHOLD]");
  list->add_option("--status", filter.status, "indexed, needs-ocr or failed");
  list->add_option("--type", filter.type, "Document type");
  list->add_option("--network", filter.network, "Network id");
  list->add_option("--topic", filter.topic, "Topic id");
  list->add_option("--year", filter.year, "Year of the issue date");
  std::string list_number;
  list->add_option("--number", list_number, "Own number (any spelling)");
  list->add_flag("--json", list_json, "Print a JSON array");

  std::string show_arg;
  bool show_json = false;
  CLI::App* show = app.add_subcommand("show", "Show one document's metadata");
  show->add_option("id_or_path", show_arg, "Id or path")->required();
  show->add_flag("--json", show_json, "Print one JSON object");

  bool stats_json = false;
  CLI::App* stats = app.add_subcommand("stats", "Counts and sizes");
  stats->add_flag("--json", stats_json, "Print one JSON object");
  CLI::App* check =
      app.add_subcommand("check", "Check that the catalog and the index agree");
  CLI::App* reindex = app.add_subcommand(
      "reindex", "Rebuild the index from the catalog (no files are read)");

  std::vector<std::string> analyze_words;
  bool analyze_json = false;
  CLI::App* analyze_cmd =
      app.add_subcommand("analyze",
                         "Show how the text core analyses TEXT (canonical, "
                         "folded, terms, numbers)");
  analyze_cmd->add_option("text", analyze_words, "Text to analyse")->required();
  analyze_cmd->add_flag("--json", analyze_json, "Print one JSON object");

  std::string extract_path;
  bool extract_json = false;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Show the text the indexer reads from FILE, page by page");
  extract_cmd
      ->add_option("file", extract_path,
                   "A PDF, HTML, DOCX, text or Markdown file")
      ->required();
  extract_cmd->add_flag("--json", extract_json, "Print one JSON object");
  std::string extract_ocr = "auto";
  extract_cmd
      ->add_option("--ocr", extract_ocr,
                   "OCR of scanned pages: auto or force reads them (without "
                   "a cache), never leaves them empty (default: auto)")
      ->check(ocr_modes);

  PositionsArgs positions_args;
  add_positions_command(app, positions_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "vnkb-index: " << e.what()
        << "\n(run vnkb-index --help for usage)\n";
    return kExitUsage;
  }

  try {
    if (*analyze_cmd) return cmd_analyze(analyze_words, analyze_json, out);
    if (*extract_cmd) {
      OcrOptions ocr;
      ocr.mode = *parse_ocr_mode(extract_ocr);
      return cmd_extract(extract_path, ocr, extract_json, out, err);
    }
    if (*positions_args.command) {
      return run_positions_command(positions_args, db, taxonomy_dir, quiet, out,
                                   err);
    }
    add_options.ocr.mode = *parse_ocr_mode(ocr_mode);

    if (*check) {
      const CheckReport r = check_database(db);
      for (const std::string& p : r.problems) out << p << '\n';
      if (r.problems.empty()) {
        out << "ok: catalog and index agree (" << r.catalog_documents
            << " documents in the catalog, " << r.index_documents
            << " in the index)\n";
        return kExitOk;
      }
      out << r.problems.size() << " problem(s)\n";
      return kExitSomeFailed;
    }

    if (*list && !list_number.empty()) {
      const auto n = parse_doc_number(list_number);
      if (!n) {
        err << "vnkb-index: --number: '" << list_number
            << "' is not a document number\n";
        return kExitUsage;
      }
      filter.number = n->key();
    }
    std::optional<double> threshold;
    if (*list && list->count("--low-confidence") > 0) {
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
    if (*list || *show || *stats) {
      std::string error;
      auto catalog = Catalog::open(catalog_path(db), true, &error);
      if (!catalog) {
        err << "vnkb-index: " << error << " (has anything been added to " << db
            << "?)\n";
        return kExitSomeFailed;
      }
      auto taxonomy = Taxonomy::load(fs::exists(taxonomy_copy_path(db))
                                         ? taxonomy_copy_path(db)
                                         : fs::path(taxonomy_dir),
                                     &error);
      if (!taxonomy) {
        err << "vnkb-index: " << error << '\n';
        return kExitSomeFailed;
      }
      if (*show) {
        const auto d = find_document(*catalog, show_arg);
        if (!d) {
          err << "vnkb-index: no document with id or path '" << show_arg
              << "'\n";
          return kExitSomeFailed;
        }
        const std::vector<CatalogPage> pages = catalog->pages(d->id);
        if (show_json) {
          Json j = document_json(*d, *taxonomy);
          j["page_info"] = page_info_json(pages);
          out << dump(j, 2) << '\n';
        } else {
          print_document(*d, pages, *taxonomy, out);
        }
        return kExitOk;
      }
      if (*list) {
        if (list_failed) filter.status = "failed";
        if (list_needs_ocr) filter.status = "needs-ocr";
        auto docs = catalog->list(filter);
        // Document id -> its OCR pages below the threshold.
        std::map<int64_t, std::vector<LowConfidencePage>> low;
        if (list->count("--low-confidence") > 0) {
          for (const auto& p : catalog->low_confidence_pages(*threshold))
            low[p.doc_id].push_back(p);
          std::erase_if(docs, [&](const CatalogDocument& d) {
            return low.count(d.id) == 0;
          });
        }
        if (list_json) {
          Json arr = Json::array();
          for (const auto& d : docs) {
            Json j = document_json(d, *taxonomy);
            if (list->count("--low-confidence") > 0) {
              Json pages = Json::array();
              for (const auto& p : low[d.id]) {
                pages.push_back({{"page", p.page_no},
                                 {"ocr_confidence", p.ocr_confidence}});
              }
              j["low_confidence_pages"] = pages;
            }
            arr.push_back(j);
          }
          out << dump(arr, 2) << '\n';
          return kExitOk;
        }
        for (const auto& d : docs) {
          out << std::right << std::setw(5) << d.id << "  " << std::left
              << std::setw(10) << d.status << ' ';
          if (d.status == "failed") {
            out << d.path << "  [" << d.failure_reason << ": "
                << d.failure_detail << "]\n";
            continue;
          }
          out << std::setw(12) << d.type.substr(0, 24) << ' ' << std::setw(18)
              << d.number << ' ' << std::setw(10) << d.issue_date << ' '
              << d.title.substr(0, 120);
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
      // stats
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
      const Json j = {{"documents", by_status},
                      {"pages", catalog->page_count()},
                      {"page_sources", catalog->count_pages_by_source()},
                      {"ocr_cache_pages", catalog->ocr_cache_size()},
                      {"types", by_type},
                      {"networks", by_network},
                      {"topics", by_topic},
                      {"catalog_bytes", fs::file_size(catalog_path(db), ec)},
                      {"index_bytes", dir_size(index_path(db))}};
      if (stats_json) {
        out << dump(j, 2) << '\n';
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

    // Commands that write.
    std::string error;
    if (*add) {
      // Validate the librarian's values before touching anything.
      auto taxonomy = Taxonomy::load(taxonomy_dir, &error);
      if (!taxonomy) {
        err << "vnkb-index: " << error << '\n';
        return kExitUsage;
      }
      auto set_field = [&](const std::string& field, std::string value) {
        if (!normalize_override(field, value, *taxonomy, &error)) return false;
        add_options.overrides.fields[field] = value;
        return true;
      };
      auto set_list = [&](const std::string& field,
                          std::vector<std::string> values) {
        for (std::string& v : values) {
          if (!normalize_override(field, v, *taxonomy, &error)) return false;
        }
        add_options.overrides.lists[field] = values;
        return true;
      };
      const bool ok =
          (set_type.empty() || set_field("type", set_type)) &&
          (set_number.empty() || set_field("number", set_number)) &&
          (set_title.empty() || set_field("title", set_title)) &&
          (set_date.empty() || set_field("issue_date", set_date)) &&
          (set_networks.empty() || set_list("networks", set_networks)) &&
          (set_topics.empty() || set_list("topics", set_topics));
      if (!ok) {
        err << "vnkb-index: --" << error << '\n';
        return kExitUsage;
      }
    }
    auto indexer = open_indexer(db, taxonomy_dir, quiet, err);
    if (!indexer) return kExitSomeFailed;
    if (*add) {
      Progress progress(err, quiet);
      add_options.on_file = [&](const FileOutcome& o, size_t done,
                                size_t total) {
        progress.file(o, done, total);
      };
      std::vector<fs::path> paths(add_paths.begin(), add_paths.end());
      const AddSummary s = indexer->add(paths, add_options);
      progress.finish();
      std::map<std::string, int> counts;
      for (const auto& o : s.outcomes) ++counts[o.action];
      if (!quiet) {
        err << "done:";
        for (const auto& [action, n] : counts) err << ' ' << n << ' ' << action;
        err << '\n';
      }
      return s.failed > 0 ? kExitSomeFailed : kExitOk;
    }
    if (*remove) {
      std::vector<std::string> not_found;
      const auto removed = indexer->remove(remove_args, &not_found);
      for (const auto& o : removed) {
        if (!quiet) err << "removed  " << o.path << " (id " << o.id << ")\n";
      }
      for (const auto& a : not_found)
        err << "vnkb-index: no document with id or path '" << a << "'\n";
      return not_found.empty() ? kExitOk : kExitSomeFailed;
    }
    if (*reindex) {
      Progress progress(err, quiet);
      const int64_t n = indexer->reindex([&](size_t done, size_t total) {
        FileOutcome o;
        o.action = "unchanged";
        progress.file(o, done, total);
      });
      progress.finish();
      if (!quiet) err << "reindexed " << n << " document(s)\n";
      return kExitOk;
    }
  } catch (const std::exception& e) {
    err << "vnkb-index: " << e.what() << '\n';
    return kExitSomeFailed;
  }
  return kExitUsage;
}

}  // namespace kb
