// Splits the legal codification (Bộ pháp điển, ../shared/corpus/phapdien,
// Markdown) into one text file per article, for the indexing and server
// benchmarks. An article starts at a line "Điều <n>.<n>.<code>.<n>. Title"
// and runs to the next one; its file starts with that heading.
//
//   split_phapdien OUT_DIR FILE.md...
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "core/utf8.h"

namespace {

// "Điều 26.2.LQ.1. ..." (NFC): returns the article code, or "".
std::string article_code(const std::string& line) {
  static const std::string kDieu = "Điều ";
  if (line.rfind(kDieu, 0) != 0) return {};
  size_t i = kDieu.size();
  const size_t start = i;
  int dots = 0;
  while (i < line.size() && line[i] != ' ') {
    if (line[i] == '.') ++dots;
    ++i;
  }
  if (dots < 3) return {};
  std::string code = line.substr(start, i - start);
  while (!code.empty() && code.back() == '.') code.pop_back();
  for (char& c : code) {
    if (c == '/' || c == '\\') c = '_';
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: split_phapdien OUT_DIR FILE.md...\n";
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  long articles = 0, bytes = 0;
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    if (!in) {
      std::cerr << "split_phapdien: cannot read " << argv[a] << '\n';
      return 1;
    }
    std::ofstream current;
    std::string line;
    while (std::getline(in, line)) {
      const std::string nfc = kb::to_nfc(line);
      const std::string code = article_code(nfc);
      if (!code.empty()) {
        current.close();
        // The same code can repeat across files: keep the first.
        const auto path = out / (code + ".txt");
        if (std::filesystem::exists(path)) continue;
        current.open(path, std::ios::binary);
        ++articles;
      }
      if (current.is_open()) {
        current << line << '\n';
        bytes += static_cast<long>(line.size()) + 1;
      }
    }
  }
  std::cout << articles << " articles, " << bytes << " bytes\n";
  return 0;
}
