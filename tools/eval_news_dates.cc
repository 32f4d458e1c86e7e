// The dates of the unlabelled negotiation-news articles (eval_news_dates.h).
#include "tools/eval_news_dates.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/dates.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/positions/passage_date.h"
#include "indexer/read/extract.h"

namespace fs = std::filesystem;

namespace kb {

std::set<std::string> labelled_files(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("labels", 0) != 0 || e.path().extension() != ".jsonl")
      continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("file") && j["file"].is_string())
        out.insert(j["file"].get<std::string>());
    }
  }
  return out;
}

namespace {

struct SourceCount {
  int files = 0, dateline = 0, day = 0, month = 0, year = 0, none = 0;
  std::map<int, int> years;
};

}  // namespace

int run_news_dates(const fs::path& dir, const Taxonomy& taxonomy, bool json,
                   bool list) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  if (ec) {
    std::fprintf(stderr, "eval_positions: cannot read %s\n",
                 dir.string().c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  const std::set<std::string> labelled = labelled_files(dir);
  std::map<std::string, SourceCount> by_source;
  nlohmann::json listed = nlohmann::json::array();
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    if (labelled.count(name)) continue;
    const Extracted ex = extract_file(f, ExtractLimits{});
    if (ex.status != ExtractStatus::kOk) continue;
    std::vector<std::string> pages;
    for (const ExtractedPage& p : ex.pages) pages.push_back(to_nfc(p.text));
    const DocMetadata meta = extract_metadata(pages, taxonomy, ex.title);
    const std::string date = report_date(pages, meta.issue_date);
    SourceCount& c = by_source[name.substr(0, name.find('-'))];
    ++c.files;
    c.dateline += !meta.issue_date.empty();
    const std::optional<Date> d = parse_iso_partial_date(date);
    if (!d) {
      ++c.none;
    } else {
      ++c.years[d->year];
      switch (d->precision()) {
        case DatePrecision::kDay:
          ++c.day;
          break;
        case DatePrecision::kMonth:
          ++c.month;
          break;
        case DatePrecision::kYear:
          ++c.year;
          break;
      }
    }
    if (list) {
      if (json) {
        listed.push_back(
            {{"file", name}, {"dateline", meta.issue_date}, {"date", date}});
      } else {
        std::printf("%-18s dateline %-10s date %s\n", name.c_str(),
                    meta.issue_date.c_str(), date.c_str());
      }
    }
  }
  if (json) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [source, c] : by_source) {
      nlohmann::json years = nlohmann::json::object();
      for (const auto& [y, n] : c.years) years[std::to_string(y)] = n;
      j[source] = {{"files", c.files}, {"dateline", c.dateline},
                   {"day", c.day},     {"month", c.month},
                   {"year", c.year},   {"none", c.none},
                   {"years", years}};
    }
    if (list) j["files"] = listed;
    std::printf("%s\n", j.dump(1).c_str());
    return 0;
  }
  std::printf("%-8s %5s %8s %5s %5s %5s %5s %5s  years\n", "source", "files",
              "dateline", "day", "month", "year", "none", "dated");
  for (const auto& [source, c] : by_source) {
    std::string years;
    for (const auto& [y, n] : c.years)
      years += " " + std::to_string(y) + ":" + std::to_string(n);
    std::printf("%-8s %5d %8d %5d %5d %5d %5d %5.2f %s\n", source.c_str(),
                c.files, c.dateline, c.day, c.month, c.year, c.none,
                c.files ? 1.0 * (c.files - c.none) / c.files : 0.0,
                years.c_str());
  }
  return 0;
}

}  // namespace kb
