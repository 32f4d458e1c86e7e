// Measures OCR against real ground truth: born-digital PDFs are turned into
// image-only PDFs (pdftoppm renders each page to a gray PNG, img2pdf puts the
// images back into a PDF), which the indexer's OCR then reads exactly as it
// reads a scan (extract_file, then read_scanned_pages: helpers, bounds,
// parallelism). The OCR text is compared with the original text layer after
// canonicalization (kb::canonical_string on both sides): character error rate
// over code points and word error rate over words, each a Levenshtein
// distance divided by the reference's length, page by page. The metadata
// kb::extract_metadata reads from the OCR text is scored against a truth
// file (number, type, issue date), next to what it reads from the text layer.
//
//   eval_ocr --truth FILE --dir DIR [--subset N] [--limit K] [--work DIR]
//            [--taxonomy DIR] [--jobs N] [--json] [--show-errors]
//            [--report FILE]
//
// --subset N takes every Nth PDF of DIR (sorted by name), starting with the
// first; --limit K stops after K files. The image-only PDFs are kept in
// --work (default /tmp/vnkb-eval-ocr) and reused by later runs; the OCR is
// timed alone (pages/s), without rendering the images. --report writes the
// JSON summary with every error to FILE as well.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"
#include "core/doc_number.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/read/ocr.h"
#include "tools/cli.h"
#include "tools/truth.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path truth;
  fs::path dir;
  fs::path work = fs::temp_directory_path() / "vnkb-eval-ocr";
  fs::path taxonomy;
  fs::path report;
  int subset = 1;
  int limit = -1;
  int jobs = 2;
  bool json = false;
  bool show_errors = false;
};

// Registers the options on `app`; `o` keeps the defaults of what is not
// given.
void add_options(CLI::App& app, Options& o) {
  const CLI::Validator at_least_1 =
      CLI::Range(1, std::numeric_limits<int>::max()).description("at least 1");
  app.add_option("--truth", o.truth, "Truth file, one JSON object a line")
      ->required()
      ->type_name("FILE");
  app.add_option("--dir", o.dir, "Folder of born-digital PDFs")
      ->required()
      ->type_name("DIR");
  app.add_option("--subset", o.subset,
                 "Take every Nth PDF, starting with the first (default 1)")
      ->check(at_least_1)
      ->type_name("N");
  app.add_option("--limit", o.limit, "Stop after K files (default all)")
      ->type_name("K");
  app.add_option("--work", o.work,
                 "Where the image-only PDFs are kept and reused (default "
                 "$TMPDIR/vnkb-eval-ocr)")
      ->type_name("DIR");
  app.add_option("--taxonomy", o.taxonomy, "Taxonomy folder")->type_name("DIR");
  app.add_option("--jobs", o.jobs, "OCR helpers run at once (default 2)")
      ->check(at_least_1)
      ->type_name("N");
  app.add_flag("--json", o.json, "Print one JSON object");
  app.add_flag("--show-errors", o.show_errors,
               "List wrong fields and the worst pages");
  app.add_option("--report", o.report,
                 "Also write the JSON summary with every error to FILE")
      ->type_name("FILE");
}

// Runs a program (searched in PATH) with its output discarded unless it
// fails; true when it exits 0.
bool run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) !=
      0) {
    std::fprintf(stderr, "eval_ocr: cannot run %s\n", argv[0]);
    return false;
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The image-only twin of `pdf` in `work`, made once: 300 dpi gray PNGs,
// then one PDF whose pages are those images at their true size.
std::optional<fs::path> rasterize(const fs::path& pdf, const fs::path& work) {
  const fs::path out = work / pdf.filename();
  std::error_code ec;
  if (fs::exists(out, ec) &&
      fs::last_write_time(out, ec) >= fs::last_write_time(pdf, ec)) {
    return out;
  }
  const fs::path images = work / (pdf.stem().string() + ".pages");
  fs::remove_all(images, ec);
  fs::create_directories(images, ec);
  if (!run({"pdftoppm", "-r", "300", "-gray", "-png", pdf.string(),
            (images / "p").string()})) {
    return std::nullopt;
  }
  std::vector<std::string> pngs;
  for (const auto& e : fs::directory_iterator(images, ec))
    pngs.push_back(e.path().string());
  // pdftoppm pads page numbers to one width: names sort as pages do.
  std::sort(pngs.begin(), pngs.end());
  std::vector<std::string> args = {"img2pdf", "--imgsize", "300dpix300dpi",
                                   "-o", (out.string() + ".tmp")};
  args.insert(args.end(), pngs.begin(), pngs.end());
  const bool ok = !pngs.empty() && run(args);
  fs::remove_all(images, ec);
  if (!ok) return std::nullopt;
  fs::rename(out.string() + ".tmp", out, ec);
  return ec ? std::nullopt : std::optional<fs::path>(out);
}

// Levenshtein distance between two sequences, in O(min) memory.
template <typename Seq>
size_t levenshtein(const Seq& a, const Seq& b) {
  const Seq& s = a.size() < b.size() ? a : b;  // the shorter one: the row
  const Seq& t = a.size() < b.size() ? b : a;
  std::vector<uint32_t> row(s.size() + 1);
  for (size_t j = 0; j <= s.size(); ++j) row[j] = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= t.size(); ++i) {
    uint32_t diagonal = row[0];
    row[0] = static_cast<uint32_t>(i);
    for (size_t j = 1; j <= s.size(); ++j) {
      const uint32_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1,
                         diagonal + (t[i - 1] == s[j - 1] ? 0u : 1u)});
      diagonal = above;
    }
  }
  return row[s.size()];
}

// Words of a canonical text (one space between words) as ids, so the
// distance compares integers.
std::vector<uint32_t> word_ids(const std::string& canonical,
                               std::unordered_map<std::string, uint32_t>& ids) {
  std::vector<uint32_t> out;
  size_t i = 0;
  while (i < canonical.size()) {
    size_t j = canonical.find(' ', i);
    if (j == std::string::npos) j = canonical.size();
    if (j > i) {
      const auto [it, added] = ids.emplace(canonical.substr(i, j - i),
                                           static_cast<uint32_t>(ids.size()));
      out.push_back(it->second);
    }
    i = j + 1;
  }
  return out;
}

struct FieldScore {
  int truth = 0;    // documents whose truth has the field
  int ocr_ok = 0;   // read right from the OCR text
  int text_ok = 0;  // read right from the text layer
  int agree = 0;    // OCR and text layer read the same value (all docs)
};

double ratio(double a, double b) { return b == 0 ? 0.0 : a / b; }

std::string percent(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f %%", 100 * r);
  return buf;
}

struct Totals {
  int files = 0;
  int failed = 0;     // could not be rasterised, extracted or compared
  int pages = 0;      // pages compared (scans of a text layer)
  int ocr_pages = 0;  // pages OCR read or tried (for the speed)
  int ocr_failed_pages = 0;
  uint64_t ref_chars = 0, char_errors = 0, ref_words = 0, word_errors = 0;
  double ocr_seconds = 0;
  double confidence_sum = 0;  // over compared pages that OCR read
  int confidence_pages = 0;
  // Pages under the default low-confidence threshold, and their errors.
  int low_pages = 0;
  uint64_t low_ref_chars = 0, low_char_errors = 0;
  std::map<std::string, FieldScore> fields;
  std::vector<nlohmann::json> errors;
  std::vector<nlohmann::json> worst_pages;  // page CER over 5 %
};

constexpr const char* kFields[] = {"number", "doc_type", "issue_date"};
constexpr double kLowConfidence = 80;
constexpr double kTargetCer = 0.02;
constexpr double kTargetAccuracy = 0.95;

std::map<std::string, std::string> fields_of(const kb::DocMetadata& m) {
  return {
      {"number", m.number}, {"doc_type", m.type}, {"issue_date", m.issue_date}};
}

bool same(const std::string& field, const std::string& a,
          const std::string& b) {
  if (field == "number")
    return !a.empty() && kb::truth::number_key(a) == kb::truth::number_key(b);
  return a == b;
}

void score_metadata(const std::string& file, const nlohmann::json& row,
                    const kb::DocMetadata& ocr, const kb::DocMetadata& text,
                    Totals& t) {
  const auto got = fields_of(ocr);
  const auto base = fields_of(text);
  for (const char* field : kFields) {
    FieldScore& s = t.fields[field];
    const std::string& o = got.at(field);
    const std::string& b = base.at(field);
    if (o == b || (std::string(field) == "number" && same(field, o, b)))
      ++s.agree;
    const std::string expected = kb::truth::field(row, field);
    if (expected.empty()) continue;
    ++s.truth;
    if (same(field, expected, o)) {
      ++s.ocr_ok;
    } else {
      t.errors.push_back({{"file", file},
                          {"field", field},
                          {"expected", expected},
                          {"ocr", o},
                          {"text_layer", b}});
    }
    if (same(field, expected, b)) ++s.text_ok;
  }
}

void print_markdown(const Totals& t, const Options& o) {
  const double pages_per_s = ratio(t.ocr_pages, t.ocr_seconds);
  std::printf("| measure | value |\n|---|---:|\n");
  std::printf("| PDFs (pages) | %d (%d) |\n", t.files, t.pages);
  std::printf("| character error rate (CER) | %s |\n",
              percent(ratio(static_cast<double>(t.char_errors),
                            static_cast<double>(t.ref_chars)))
                  .c_str());
  std::printf("| word error rate (WER) | %s |\n",
              percent(ratio(static_cast<double>(t.word_errors),
                            static_cast<double>(t.ref_words)))
                  .c_str());
  std::printf("| mean Tesseract confidence | %.1f |\n",
              ratio(t.confidence_sum, t.confidence_pages));
  std::printf("| pages below confidence %.0f (their CER) | %d (%s) |\n",
              kLowConfidence, t.low_pages,
              percent(ratio(static_cast<double>(t.low_char_errors),
                            static_cast<double>(t.low_ref_chars)))
                  .c_str());
  std::printf("| pages OCR could not read | %d |\n", t.ocr_failed_pages);
  std::printf(
      "| OCR speed, %d helpers at most | %.2f pages/s (%.2f s/page) |\n",
      o.jobs, pages_per_s, ratio(t.ocr_seconds, t.ocr_pages));
  std::printf(
      "\nMetadata against the truth file (documents whose truth has "
      "the field), and how often OCR and text layer agree (all "
      "documents):\n\n| field | from OCR text | from the text layer | "
      "OCR = text layer |\n|---|---:|---:|---:|\n");
  for (const char* field : kFields) {
    const FieldScore s =
        t.fields.count(field) ? t.fields.at(field) : FieldScore();
    std::printf("| %s | %s (%d/%d) | %s (%d/%d) | %s (%d/%d) |\n", field,
                percent(ratio(s.ocr_ok, s.truth)).c_str(), s.ocr_ok, s.truth,
                percent(ratio(s.text_ok, s.truth)).c_str(), s.text_ok, s.truth,
                percent(ratio(s.agree, t.files)).c_str(), s.agree, t.files);
  }
  if (t.failed > 0) std::printf("\nFiles that failed: %d.\n", t.failed);
  const double cer = ratio(static_cast<double>(t.char_errors),
                           static_cast<double>(t.ref_chars));
  bool fields_met = true;
  for (const char* field : kFields) {
    const FieldScore s =
        t.fields.count(field) ? t.fields.at(field) : FieldScore();
    fields_met = fields_met && ratio(s.ocr_ok, s.truth) >= kTargetAccuracy;
  }
  std::printf(
      "\nTargets: CER at most %.0f %% (%s); number, type and issue date "
      "read right from the OCR text in at least %.0f %% of the documents "
      "(%s).\n",
      100 * kTargetCer, cer <= kTargetCer ? "met" : "not met",
      100 * kTargetAccuracy, fields_met ? "met" : "not met");
}

nlohmann::json to_json(const Totals& t, const Options& o) {
  nlohmann::json j;
  j["files"] = t.files;
  j["failed"] = t.failed;
  j["pages"] = t.pages;
  j["ocr_failed_pages"] = t.ocr_failed_pages;
  j["cer"] = ratio(static_cast<double>(t.char_errors),
                   static_cast<double>(t.ref_chars));
  j["wer"] = ratio(static_cast<double>(t.word_errors),
                   static_cast<double>(t.ref_words));
  j["reference_chars"] = t.ref_chars;
  j["reference_words"] = t.ref_words;
  j["ocr_seconds"] = t.ocr_seconds;
  j["ocr_pages"] = t.ocr_pages;
  j["pages_per_second"] = ratio(t.ocr_pages, t.ocr_seconds);
  j["jobs"] = o.jobs;
  j["mean_confidence"] = ratio(t.confidence_sum, t.confidence_pages);
  j["low_confidence_pages"] = t.low_pages;
  j["low_confidence_cer"] = ratio(static_cast<double>(t.low_char_errors),
                                  static_cast<double>(t.low_ref_chars));
  for (const char* field : kFields) {
    const FieldScore s =
        t.fields.count(field) ? t.fields.at(field) : FieldScore();
    j["fields"][field] = {{"truth_non_null", s.truth},
                          {"ocr_correct", s.ocr_ok},
                          {"ocr_accuracy", ratio(s.ocr_ok, s.truth)},
                          {"text_layer_correct", s.text_ok},
                          {"text_layer_accuracy", ratio(s.text_ok, s.truth)},
                          {"agree_with_text_layer", s.agree}};
  }
  if (o.show_errors) {
    j["errors"] = t.errors;
    j["worst_pages"] = t.worst_pages;
  }
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures OCR on image-only twins of born-digital PDFs",
               "eval_ocr"};
  Options o;
  add_options(app, o);
  if (const std::optional<int> code = kb::parse_tool_args(app, argc, argv))
    return *code;
  kb::Taxonomy taxonomy;
  if (!o.taxonomy.empty()) {
    std::string error;
    auto loaded = kb::Taxonomy::load(o.taxonomy, &error);
    if (!loaded) {
      std::fprintf(stderr, "eval_ocr: %s\n", error.c_str());
      return 1;
    }
    taxonomy = std::move(*loaded);
  }
  std::map<std::string, nlohmann::json> truth;  // by file stem
  {
    std::ifstream in(o.truth);
    if (!in) {
      std::fprintf(stderr, "eval_ocr: cannot read %s\n", o.truth.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      try {
        const nlohmann::json row = nlohmann::json::parse(line);
        truth[fs::path(row.value("file", "")).stem().string()] = row;
      } catch (const nlohmann::json::exception& e) {
        std::fprintf(stderr, "eval_ocr: bad truth line: %s\n", e.what());
        return 1;
      }
    }
  }
  std::vector<fs::path> pdfs;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(o.dir, ec)) {
    if (e.path().extension() == ".pdf" &&
        truth.count(e.path().stem().string())) {
      pdfs.push_back(e.path());
    }
  }
  if (ec) {
    std::fprintf(stderr, "eval_ocr: cannot list %s: %s\n", o.dir.c_str(),
                 ec.message().c_str());
    return 1;
  }
  std::sort(pdfs.begin(), pdfs.end());
  fs::create_directories(o.work, ec);

  kb::OcrOptions ocr;
  ocr.max_parallel = o.jobs;
  Totals t;
  std::unordered_map<std::string, uint32_t> word_dictionary;
  for (size_t i = 0; i < pdfs.size(); i += static_cast<size_t>(o.subset)) {
    if (o.limit >= 0 && t.files + t.failed >= o.limit) break;
    const fs::path& pdf = pdfs[i];
    const std::string file = pdf.filename().string();
    const auto image_pdf = rasterize(pdf, o.work);
    if (!image_pdf) {
      std::fprintf(stderr, "eval_ocr: %s: cannot make the image-only PDF\n",
                   file.c_str());
      ++t.failed;
      continue;
    }
    const kb::Extracted original = kb::extract_file(pdf, kb::ExtractLimits{});
    kb::Extracted scanned = kb::extract_file(*image_pdf, kb::ExtractLimits{});
    if (original.status == kb::ExtractStatus::kFailed ||
        scanned.status != kb::ExtractStatus::kNeedsOcr ||
        original.pages.size() != scanned.pages.size()) {
      std::fprintf(stderr, "eval_ocr: %s: not comparable (%s / %s)\n",
                   file.c_str(), original.error.c_str(), scanned.error.c_str());
      ++t.failed;
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    const kb::OcrReport report =
        kb::read_scanned_pages(*image_pdf, scanned, ocr, nullptr);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    ++t.files;
    t.ocr_seconds += seconds;
    t.ocr_failed_pages += report.failed;
    t.ocr_pages += report.scanned;
    std::vector<std::string> text_pages, ocr_pages;
    for (size_t p = 0; p < original.pages.size(); ++p) {
      const kb::ExtractedPage& ref = original.pages[p];
      const kb::ExtractedPage& hyp = scanned.pages[p];
      text_pages.push_back(ref.text);
      ocr_pages.push_back(hyp.text);
      // A blank page is no OCR job (extract_file keeps its empty text
      // layer), and a page that was a scan already has no reference: both
      // count nowhere.
      if (hyp.has_text_layer || !ref.has_text_layer) continue;
      ++t.pages;
      if (hyp.ocr) {
        t.confidence_sum += hyp.ocr_confidence;
        ++t.confidence_pages;
      }
      const std::string a = kb::canonical_string(ref.text);
      const std::string b = kb::canonical_string(hyp.text);
      const std::u32string ca = kb::utf8_to_u32(a), cb = kb::utf8_to_u32(b);
      const size_t char_errors = levenshtein(ca, cb);
      const size_t word_errors = levenshtein(word_ids(a, word_dictionary),
                                             word_ids(b, word_dictionary));
      t.ref_chars += ca.size();
      t.char_errors += char_errors;
      const size_t words = word_ids(a, word_dictionary).size();
      t.ref_words += words;
      t.word_errors += word_errors;
      if (hyp.ocr && hyp.ocr_confidence < kLowConfidence) {
        ++t.low_pages;
        t.low_ref_chars += ca.size();
        t.low_char_errors += char_errors;
      }
      const double cer = ratio(static_cast<double>(char_errors),
                               static_cast<double>(ca.size()));
      if (cer > 0.05) {
        t.worst_pages.push_back({{"file", file},
                                 {"page", p + 1},
                                 {"cer", cer},
                                 {"confidence", hyp.ocr_confidence}});
      }
    }
    const kb::DocMetadata from_ocr =
        kb::extract_metadata(ocr_pages, taxonomy, {}, /*ocr=*/true);
    const kb::DocMetadata from_text =
        kb::extract_metadata(text_pages, taxonomy);
    score_metadata(file, truth[pdf.stem().string()], from_ocr, from_text, t);
    std::fprintf(stderr, "eval_ocr: %s: %zu pages, %.1f s\n", file.c_str(),
                 scanned.pages.size(), seconds);
  }

  if (!o.report.empty()) {
    Options all = o;
    all.show_errors = true;
    std::ofstream(o.report) << to_json(t, all).dump(2) << "\n";
  }
  if (o.json) {
    std::cout << to_json(t, o).dump(2) << "\n";
  } else {
    print_markdown(t, o);
    if (o.show_errors) {
      std::printf("\n");
      for (const auto& e : t.errors) std::printf("%s\n", e.dump().c_str());
      for (const auto& e : t.worst_pages) std::printf("%s\n", e.dump().c_str());
    }
  }
  return t.files > 0 ? 0 : 1;
}
