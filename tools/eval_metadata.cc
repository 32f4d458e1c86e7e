// Measures extract_metadata against a truth file (one JSON object per line,
// as ../shared/corpus/vbpl/truth.jsonl): per-field exact accuracy, values we
// invent where the truth has none, and recall/precision of cited numbers.
//
//   eval_metadata --truth FILE --dir DIR [--ext .html|.pdf] [--taxonomy DIR]
//                 [--json] [--show-errors] [--title-from-truth] [--dump]
//   eval_metadata --index DIR/INDEX.tsv [--taxonomy DIR] [--show-errors]
//
// --index measures the texts without a letterhead (news, bulletins) listed
// in an INDEX.tsv of ../shared/corpus/negotiation: the title against its
// `title` column, the date against its `date` column where it has one, how
// many titles are a file name, and the kinds found. Files whose number is
// 5 modulo 6 ("baomoi-0011") were kept out of tuning the rules: they are
// reported apart as held out.
//
// --dump prints what was extracted from each document, one JSON object a
// line, before the summary.
// --title-from-truth hands the truth's title to extract_metadata as the
// file's own title (as a saved web page's <title> would be), to measure the
// fallback for documents whose text carries no number. The headline figures
// are without it: the corpus files have no title.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/doc_number.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/read/title.h"
#include "tools/cli.h"
#include "tools/truth.h"

namespace {

struct Options {
  std::filesystem::path index;
  std::filesystem::path truth;
  std::filesystem::path dir;
  std::string ext = ".html";
  std::filesystem::path taxonomy;
  bool json = false;
  bool show_errors = false;
  bool title_from_truth = false;
  bool dump = false;
};

// Registers the options on `app`; `o` keeps the defaults of what is not
// given.
void add_options(CLI::App& app, Options& o) {
  app.add_option("--truth", o.truth, "Truth file, one JSON object a line")
      ->type_name("FILE");
  app.add_option("--dir", o.dir, "Folder of the documents the truth names")
      ->type_name("DIR");
  app.add_option("--index", o.index,
                 "INDEX.tsv of texts without a letterhead (titles, dates)")
      ->type_name("FILE");
  app.add_option("--ext", o.ext,
                 "Extension of the documents read (default .html)")
      ->type_name("EXT");
  app.add_option("--taxonomy", o.taxonomy,
                 "Taxonomy folder (without it issuers stay empty)")
      ->type_name("DIR");
  app.add_flag("--json", o.json, "Print one JSON object");
  app.add_flag("--show-errors", o.show_errors, "List every wrong field");
  app.add_flag("--title-from-truth", o.title_from_truth,
               "Give extract_metadata the truth's title as the file's own");
  app.add_flag("--dump", o.dump,
               "Print what was extracted, one JSON object a document");
}

struct FieldStats {
  int truth_non_null = 0;
  int correct = 0;
  int invented = 0;  // truth null, we output a value
};

struct CiteStats {
  int truth_total = 0;
  int found = 0;      // truth cites we output
  int output = 0;     // cites we output
  int output_ok = 0;  // of those, in the truth
};

struct Error {
  std::string file, field, expected, got;
};

constexpr const char* kFields[] = {"number", "doc_type", "issuer", "issue_date",
                                   "effective_date"};

double ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

// The scores of every document seen so far.
class Evaluation {
 public:
  void add(const std::string& file, const nlohmann::json& row,
           const kb::DocMetadata& meta);
  void count_failure() { ++failed_; }
  void print_text(bool show_errors) const;
  nlohmann::json to_json(bool show_errors) const;

 private:
  void add_cites(const std::string& file, const nlohmann::json& row,
                 const kb::DocMetadata& meta);

  int documents_ = 0;
  int failed_ = 0;
  std::map<std::string, FieldStats> stats_;
  // The number by where the truth took it from (truth.jsonl's
  // number_source): "header" is the letterhead's "Số:" line, in the file;
  // "breadcrumb" is the vbpl.vn page around the file, for documents whose
  // letterhead has no usable number (the number may be nowhere in the file).
  std::map<std::string, FieldStats> number_by_source_;
  CiteStats cites_;
  std::vector<Error> errors_;  // "(null)" fields: values the truth lacks
  std::map<std::string, int> languages_;  // informative: no truth for these
  int signed_ = 0;
};

void Evaluation::add(const std::string& file, const nlohmann::json& row,
                     const kb::DocMetadata& meta) {
  ++documents_;
  ++languages_[meta.language.empty() ? "none" : meta.language];
  if (!meta.signer.empty()) ++signed_;
  const std::map<std::string, std::string> got = {
      {"number", meta.number},
      {"doc_type", meta.type},
      {"issuer", meta.issuer},
      {"issue_date", meta.issue_date},
      {"effective_date", meta.effective_date}};
  for (const char* field : kFields) {
    const std::string expected = kb::truth::field(row, field);
    const std::string& value = got.at(field);
    FieldStats& s = stats_[field];
    if (expected.empty()) {
      if (!value.empty()) {
        ++s.invented;
        errors_.push_back({file, std::string(field) + " (null)", "", value});
      }
      continue;
    }
    ++s.truth_non_null;
    const bool ok = std::string(field) == "number"
                        ? !value.empty() && kb::truth::number_key(expected) ==
                                                kb::truth::number_key(value)
                        : expected == value;
    if (ok) {
      ++s.correct;
    } else {
      errors_.push_back({file, field, expected, value});
    }
    if (std::string(field) == "number") {
      const std::string source = kb::truth::field(row, "number_source");
      FieldStats& by = number_by_source_[source.empty() ? "unknown" : source];
      ++by.truth_non_null;
      if (ok) ++by.correct;
    }
  }
  add_cites(file, row, meta);
}

void Evaluation::add_cites(const std::string& file, const nlohmann::json& row,
                           const kb::DocMetadata& meta) {
  std::set<std::string> truth;
  if (row.contains("cites") && row["cites"].is_array()) {
    for (const auto& c : row["cites"]) {
      if (c.is_string())
        truth.insert(kb::truth::number_key(c.get<std::string>()));
    }
  }
  std::set<std::string> ours;
  for (const std::string& c : meta.cites) ours.insert(kb::truth::number_key(c));
  cites_.truth_total += static_cast<int>(truth.size());
  cites_.output += static_cast<int>(ours.size());
  std::string missing;
  std::string extra;
  for (const std::string& k : truth) {
    if (ours.count(k)) {
      ++cites_.found;
    } else {
      missing += (missing.empty() ? "" : " ") + k;
    }
  }
  for (const std::string& k : ours) {
    if (truth.count(k)) {
      ++cites_.output_ok;
    } else {
      extra += (extra.empty() ? "" : " ") + k;
    }
  }
  if (!missing.empty() || !extra.empty()) {
    errors_.push_back(
        {file, "cites", "missing: " + missing, "extra: " + extra});
  }
}

void Evaluation::print_text(bool show_errors) const {
  if (show_errors) {
    for (const Error& e : errors_) {
      std::printf("%s\t%s\texpected: %s\tgot: %s\n", e.file.c_str(),
                  e.field.c_str(), e.expected.c_str(), e.got.c_str());
    }
    std::printf("\n");
  }
  std::printf("documents: %d (failed to extract: %d)\n", documents_, failed_);
  for (const char* field : kFields) {
    const FieldStats& s = stats_.count(field) ? stats_.at(field) : FieldStats();
    std::printf("%-11s accuracy %6.2f %%  (%d/%d)  null but output: %d\n",
                field, 100 * ratio(s.correct, s.truth_non_null), s.correct,
                s.truth_non_null, s.invented);
    if (std::string(field) != "number") continue;
    for (const auto& [source, by] : number_by_source_) {
      const char* where = source == "header" ? "letterhead (in the file)"
                          : source == "breadcrumb"
                              ? "web page's breadcrumb (not in the file)"
                              : source.c_str();
      std::printf("  number taken from the %s: %.2f %% (%d/%d)\n", where,
                  100 * ratio(by.correct, by.truth_non_null), by.correct,
                  by.truth_non_null);
    }
  }
  std::printf("%-11s recall   %6.2f %%  (%d/%d)  precision %6.2f %% (%d/%d)\n",
              "cites", 100 * ratio(cites_.found, cites_.truth_total),
              cites_.found, cites_.truth_total,
              100 * ratio(cites_.output_ok, cites_.output), cites_.output_ok,
              cites_.output);
  std::printf("language   ");
  for (const auto& [lang, n] : languages_) {
    std::printf(" %s %d", lang.c_str(), n);
  }
  std::printf("\nsigner      found in %d of %d documents\n", signed_,
              documents_);
}

nlohmann::json Evaluation::to_json(bool show_errors) const {
  nlohmann::json out;
  out["documents"] = documents_;
  out["failed"] = failed_;
  for (const char* field : kFields) {
    const FieldStats& s = stats_.count(field) ? stats_.at(field) : FieldStats();
    out[field] = {{"accuracy", ratio(s.correct, s.truth_non_null)},
                  {"correct", s.correct},
                  {"truth_non_null", s.truth_non_null},
                  {"null_but_output", s.invented}};
  }
  for (const auto& [source, by] : number_by_source_) {
    out["number"]["by_source"][source] = {
        {"accuracy", ratio(by.correct, by.truth_non_null)},
        {"correct", by.correct},
        {"truth_non_null", by.truth_non_null}};
  }
  out["cites"] = {{"recall", ratio(cites_.found, cites_.truth_total)},
                  {"precision", ratio(cites_.output_ok, cites_.output)},
                  {"truth", cites_.truth_total},
                  {"output", cites_.output},
                  {"found", cites_.found}};
  out["languages"] = languages_;
  out["with_signer"] = signed_;
  if (show_errors) {
    out["errors"] = nlohmann::json::array();
    for (const Error& e : errors_) {
      out["errors"].push_back({{"file", e.file},
                               {"field", e.field},
                               {"expected", e.expected},
                               {"got", e.got}});
    }
  }
  return out;
}

nlohmann::json dump_of(const std::string& file, const kb::DocMetadata& m) {
  return {{"file", file},
          {"title", m.title},
          {"type", m.type},
          {"number", m.number},
          {"issuer", m.issuer},
          {"issuer_id", m.issuer_id},
          {"issue_date", m.issue_date},
          {"signer", m.signer},
          {"cites", m.cites},
          {"effective_date", m.effective_date},
          {"expiry_date", m.expiry_date},
          {"language", m.language}};
}

// A title as compared: blank runs as one space, without the empty tail
// ("… No. 603 –  () – ") or a Markdown mark, NFC.
std::string comparable_title(std::string s) {
  s = kb::to_nfc(s);
  std::string out;
  // No-break spaces read as spaces.
  for (size_t at; (at = s.find("\xC2\xA0")) != std::string::npos;)
    s.replace(at, 2, " ");
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view tail :
         {" ", "-", "\xE2\x80\x93", "\xE2\x80\x94", "()", ":", "|"}) {
      if (out.size() >= tail.size() &&
          out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
        out.resize(out.size() - tail.size());
        changed = true;
      }
    }
  }
  while (!out.empty() && (out[0] == '#' || out[0] == ' ')) out.erase(0, 1);
  return out;
}

struct IndexPart {
  int documents = 0, titles_right = 0, file_name_titles = 0;
  int dated = 0, dates_right = 0, dates_found = 0;
  std::map<std::string, int> kinds;
};

// True when `file` ("baomoi-0011.txt") was kept out of tuning.
bool held_out(const std::string& file) {
  const size_t dash = file.rfind('-');
  if (dash == std::string::npos) return false;
  return std::atoi(file.c_str() + dash + 1) % 6 == 5;
}

int run_index(const Options& o, const kb::Taxonomy& taxonomy) {
  std::ifstream in(o.index);
  std::string line;
  if (!in || !std::getline(in, line)) {
    std::fprintf(stderr, "eval_metadata: cannot read %s\n", o.index.c_str());
    return 1;
  }
  auto split = [](std::string l) {
    if (!l.empty() && l.back() == '\r') l.pop_back();  // CRLF files
    std::vector<std::string> cells;
    size_t b = 0;
    for (size_t e; (e = l.find('\t', b)) != std::string::npos; b = e + 1)
      cells.push_back(l.substr(b, e - b));
    cells.push_back(l.substr(b));
    return cells;
  };
  const std::vector<std::string> head = split(line);
  auto column = [&](const char* name) {
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int file_col = column("file"), title_col = column("title"),
            date_col = column("date");
  if (file_col < 0 || title_col < 0) {
    std::fprintf(stderr, "eval_metadata: %s has no file or title column\n",
                 o.index.c_str());
    return 1;
  }
  IndexPart parts[2];  // tuned on, held out
  while (std::getline(in, line)) {
    const std::vector<std::string> row = split(line);
    if (static_cast<int>(row.size()) <= std::max(file_col, title_col)) continue;
    const std::string& file = row[file_col];
    const std::filesystem::path path = o.index.parent_path() / file;
    const kb::Extracted ex = kb::extract_file(path, kb::ExtractLimits{});
    if (ex.status == kb::ExtractStatus::kFailed) continue;
    std::vector<std::string> pages;
    for (const kb::ExtractedPage& p : ex.pages) pages.push_back(p.text);
    const kb::DocMetadata m = kb::extract_metadata(pages, taxonomy, ex.title);
    if (o.dump) {
      nlohmann::json d = dump_of(file, m);
      d["held_out"] = held_out(file);
      std::cout << d.dump() << "\n";
    }
    IndexPart& part = parts[held_out(file) ? 1 : 0];
    ++part.documents;
    ++part.kinds[m.type.empty() ? "(none)" : m.type];
    const std::string want = comparable_title(row[title_col]);
    const std::string got = comparable_title(m.title);
    if (got == want) {
      ++part.titles_right;
    } else if (o.show_errors) {
      std::printf("%s\ttitle\texpected: %s\tgot: %s\n", file.c_str(),
                  want.c_str(), got.c_str());
    }
    if (kb::looks_like_file_name(m.title) ||
        m.title == std::filesystem::path(file).stem().string()) {
      ++part.file_name_titles;
    }
    const std::string date =
        date_col >= 0 && date_col < static_cast<int>(row.size()) ? row[date_col]
                                                                 : "";
    if (!date.empty()) {
      ++part.dated;
      if (m.issue_date == date) {
        ++part.dates_right;
      } else if (o.show_errors) {
        std::printf("%s\tdate\texpected: %s\tgot: %s\n", file.c_str(),
                    date.c_str(), m.issue_date.c_str());
      }
    }
    if (!m.issue_date.empty()) ++part.dates_found;
  }
  const char* names[] = {"tuned on", "held out"};
  for (int k = 0; k < 2; ++k) {
    const IndexPart& p = parts[k];
    std::printf("%s: documents %d\n", names[k], p.documents);
    std::printf("  title      exact %6.2f %%  (%d/%d)  a file name: %d\n",
                100 * ratio(p.titles_right, p.documents), p.titles_right,
                p.documents, p.file_name_titles);
    if (p.dated > 0) {
      std::printf("  date       exact %6.2f %%  (%d/%d)\n",
                  100 * ratio(p.dates_right, p.dated), p.dates_right, p.dated);
    }
    std::printf("  dated      %d of %d\n  kinds     ", p.dates_found,
                p.documents);
    for (const auto& [kind, n] : p.kinds)
      std::printf(" %s %d;", kind.c_str(), n);
    std::printf("\n");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures extract_metadata against a truth file",
               "eval_metadata"};
  Options o;
  add_options(app, o);
  if (const std::optional<int> code = kb::parse_tool_args(app, argc, argv))
    return *code;
  if (!o.ext.empty() && o.ext[0] != '.') o.ext = "." + o.ext;
  kb::Taxonomy taxonomy;
  if (o.taxonomy.empty()) {
    std::fprintf(stderr,
                 "eval_metadata: no --taxonomy: issuers can only be empty\n");
  } else {
    std::string error;
    auto loaded = kb::Taxonomy::load(o.taxonomy, &error);
    if (!loaded) {
      std::fprintf(stderr, "eval_metadata: %s\n", error.c_str());
      return 1;
    }
    taxonomy = std::move(*loaded);
  }
  if (!o.index.empty()) return run_index(o, taxonomy);
  if (o.truth.empty() || o.dir.empty()) {
    std::fprintf(stderr, "eval_metadata: --truth and --dir are needed\n");
    return 2;
  }
  std::ifstream in(o.truth);
  if (!in) {
    std::fprintf(stderr, "eval_metadata: cannot read %s\n", o.truth.c_str());
    return 1;
  }

  Evaluation eval;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json row;
    try {
      row = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      std::fprintf(stderr, "eval_metadata: bad truth line: %s\n", e.what());
      return 1;
    }
    const std::filesystem::path path =
        o.dir /
        std::filesystem::path(row.value("file", "")).replace_extension(o.ext);
    if (!std::filesystem::exists(path)) continue;
    const kb::Extracted ex = kb::extract_file(path, kb::ExtractLimits{});
    if (ex.status == kb::ExtractStatus::kFailed) {
      std::fprintf(stderr, "eval_metadata: %s: %s\n", path.c_str(),
                   ex.error.c_str());
      eval.count_failure();
      continue;
    }
    std::vector<std::string> pages;
    for (const kb::ExtractedPage& p : ex.pages) pages.push_back(p.text);
    const std::string title =
        o.title_from_truth ? kb::truth::field(row, "title") : ex.title;
    const kb::DocMetadata meta = kb::extract_metadata(pages, taxonomy, title);
    const std::string file = path.filename().string();
    if (o.dump) std::cout << dump_of(file, meta).dump() << "\n";
    eval.add(file, row, meta);
  }

  if (o.json) {
    std::cout << eval.to_json(o.show_errors).dump(2) << "\n";
  } else {
    eval.print_text(o.show_errors);
  }
  return 0;
}
