// Writes the common-syllable list that legacy-encoding detection scores with
// (core/data/common_syllables.txt): every canonical Vietnamese syllable seen at
// least --min times in the given files, one per line, sorted.
//
//   build/tools/make_syllable_list --min 20
//     $(find ../shared/corpus/phapdien -name '*.md' | sort)
//     ../shared/corpus/vbpl/*.html > core/data/common_syllables.txt
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

int main(int argc, char** argv) {
  long min_count = 20;
  std::map<std::string, long> counts;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--min" && i + 1 < argc) {
      min_count = std::atol(argv[++i]);
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::cerr << "make_syllable_list: cannot read " << arg << '\n';
      return 1;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    kb::AnalyzeOptions options;
    options.repair_legacy = false;
    for (const kb::Token& t : kb::analyze(buf.str(), options).tokens) {
      if (t.kind == kb::TokenKind::kWord &&
          kb::is_vietnamese_syllable(kb::utf8_to_u32(t.exact))) {
        ++counts[t.exact];
      }
    }
  }
  for (const auto& [syllable, n] : counts) {
    if (n >= min_count) std::cout << syllable << '\n';
  }
  return 0;
}
