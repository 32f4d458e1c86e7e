// Text-core throughput: the full analysis (legacy repair, NFC, canonical and
// folded terms, document numbers) against ICU NFC normalization alone, over
// the same bytes in the same run, one core. Prints a Markdown section.
//
//   bench_text_core [--runs N] FILE...
#include <unicode/normalizer2.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "tools/cli.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Best (fastest) of `runs` timings of `fn` over every text.
template <typename Fn>
double best_seconds(int runs, const std::vector<std::string>& texts, Fn fn) {
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    for (const std::string& t : texts) fn(t);
    best = std::min(best, seconds_since(start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Text-core throughput against ICU NFC alone", "bench_text_core"};
  int runs = 3;
  std::vector<std::string> files;
  app.add_option("--runs", runs, "Timings taken, the best kept (default 3)")
      ->type_name("N");
  app.add_option("files", files, "Text files to analyse")
      ->required()
      ->type_name("FILE");
  if (const std::optional<int> code = kb::parse_tool_args(app, argc, argv))
    return *code;
  runs = std::max(1, runs);
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "bench_text_core: cannot read " << file << '\n';
      return 1;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    texts.push_back(buf.str());
    bytes += texts.back().size();
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  size_t sink_bytes = 0;
  const double nfc_s = best_seconds(runs, texts, [&](const std::string& t) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(t.size()));
    UErrorCode s = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, t, sink, nullptr, s);
    sink_bytes += out.size();
  });
  size_t tokens = 0;
  const double full_s = best_seconds(runs, texts, [&](const std::string& t) {
    tokens += kb::analyze(t).tokens.size();
  });
  // The indexer analyses a document page by page: the same bytes cut into
  // pieces of about 4 KB at line ends.
  std::vector<std::string> pages;
  for (const std::string& t : texts) {
    size_t pos = 0;
    while (pos < t.size()) {
      size_t end = std::min(t.size(), pos + 4096);
      const size_t nl = t.find('\n', end);
      end = nl == std::string::npos ? t.size() : nl + 1;
      pages.push_back(t.substr(pos, end - pos));
      pos = end;
    }
  }
  const double paged_s = best_seconds(runs, pages, [&](const std::string& t) {
    tokens += kb::analyze(t).tokens.size();
  });

  const double mb = static_cast<double>(bytes) / 1e6;
  std::cout << "| measure | MB/s | seconds |\n|---|---:|---:|\n";
  std::cout.setf(std::ios::fixed);
  std::cout.precision(1);
  std::cout << "| ICU NFC normalization alone | " << mb / nfc_s << " | ";
  std::cout.precision(2);
  std::cout << nfc_s << " |\n";
  std::cout.precision(1);
  std::cout << "| vnkb full analysis, page by page (~4 KB, as the indexer "
               "calls it) | "
            << mb / paged_s << " | ";
  std::cout.precision(2);
  std::cout << paged_s << " |\n";
  std::cout.precision(1);
  std::cout << "| vnkb full analysis, whole files (up to 4 MB at once) | "
            << mb / full_s << " | ";
  std::cout.precision(2);
  std::cout << full_s << " |\n\n";
  std::cout
      << "Input: " << texts.size() << " files, " << mb << " MB, "
      << tokens / static_cast<size_t>(2 * runs) << " tokens per run; best of "
      << runs
      << " runs, one thread. Full analysis (page by page) / NFC time ratio: "
      << paged_s / nfc_s
      << ". Target: at least 20 MB/s for the full analysis.\n";
  return sink_bytes == 0 ? 1 : 0;
}
