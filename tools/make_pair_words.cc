// Writes the list of frequent words whose pairs the index holds
// (core/data/pair_words.txt, core/word_pairs.h): the N folded words (Z
// terms) held by the most documents of a vnkb index, one per line, sorted.
// Made from the whole codification (67,106 articles):
//
//   VNKB_BENCH_ARTICLES=0 tools/bench_index.sh text ../shared /tmp/vnkb-bench
//   build/tools/make_pair_words /tmp/vnkb-bench/phapdien-db 100
//       > core/data/pair_words.txt
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "core/db_layout.h"
#include "core/schema.h"

int main(int argc, char** argv) {
  if (argc != 3 || std::atol(argv[2]) <= 0) {
    std::cerr << "usage: make_pair_words DB_DIR N\n";
    return 2;
  }
  const auto n = static_cast<size_t>(std::atol(argv[2]));
  try {
    const Xapian::Database db(kb::index_path(argv[1]).string());
    const std::string prefix(kb::schema::kFoldedPrefix);
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
         ++it) {
      words.emplace_back(it.get_termfreq(), (*it).substr(prefix.size()));
    }
    // Most documents first; ties by the word, so the list is reproducible.
    std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    words.resize(std::min(n, words.size()));
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(w.second);
    std::sort(out.begin(), out.end());
    for (const std::string& w : out) std::cout << w << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "make_pair_words: " << e.get_msg() << '\n';
    return 1;
  }
  return 0;
}
