// The analysis over every file of ../shared/corpus/phapdien and vbpl: no
// legacy-encoding false positive (no good word changed), and analysing
// canonical text again is a no-op.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "core/analyzer.h"
#include "indexer/read/pdf.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Files that truth.jsonl marks as legacy TCVN3 (the only legacy ones).
std::set<std::string> legacy_files(const fs::path& vbpl) {
  std::set<std::string> out;
  std::ifstream in(vbpl / "truth.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("legacy TCVN3") == std::string::npos) continue;
    const size_t a = line.find("\"file\": \"") + 9;
    out.insert(line.substr(a, line.find('"', a) - a));
  }
  return out;
}

std::vector<std::string> split_ws(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// A legacy-encoding false positive is damage: a word that read as Vietnamese
// and was changed. Repairing a stray legacy fragment in a Unicode page is not
// one (vbpl pages carry a few TCVN3 "L\u00ADu" for "Lưu").
void expect_no_damage(const std::string& before, const std::string& after,
                      const std::string& name, int& repaired_words) {
  std::istringstream a(before), b(after);
  std::string la, lb;
  while (std::getline(a, la) && std::getline(b, lb)) {
    if (la == lb) continue;
    const auto wa = split_ws(la), wb = split_ws(lb);
    ASSERT_EQ(wa.size(), wb.size()) << name << ": " << la;
    for (size_t i = 0; i < wa.size(); ++i) {
      if (wa[i] == wb[i]) continue;
      EXPECT_FALSE(is_vietnamese_word(wa[i]))
          << name << ": changed the good word \"" << wa[i] << "\" into \""
          << wb[i] << '"';
      ++repaired_words;
    }
  }
}

void check_tree(const fs::path& root, const std::string& ext,
                const std::set<std::string>& legacy, int& files,
                int& repaired_words) {
  AnalyzeOptions o;
  o.canonical_text = true;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ext) continue;
    const std::string name = entry.path().filename().string();
    const std::string raw = read_file(entry.path());
    const Analysis a = analyze(raw, o);
    if (legacy.count(name)) {
      EXPECT_EQ(a.encoding, Encoding::kTcvn3) << name;
    } else if (a.encoding != Encoding::kUnicode) {
      expect_no_damage(raw, repair_legacy_text(raw).text, name, repaired_words);
    }
    const Analysis again = analyze(a.canonical, o);
    EXPECT_EQ(again.canonical, a.canonical) << "not idempotent: " << name;
    EXPECT_EQ(again.tokens.size(), a.tokens.size()) << name;
    ++files;
  }
}

// One text: no legacy false positive (or no damage where a repair
// happened), and idempotent analysis.
void check_text(const std::string& text, const std::string& name,
                int& repaired_words) {
  AnalyzeOptions o;
  o.canonical_text = true;
  const Analysis a = analyze(text, o);
  if (a.encoding != Encoding::kUnicode) {
    expect_no_damage(text, repair_legacy_text(text).text, name, repaired_words);
  }
  const Analysis again = analyze(a.canonical, o);
  EXPECT_EQ(again.canonical, a.canonical) << "not idempotent: " << name;
  EXPECT_EQ(again.tokens.size(), a.tokens.size()) << name;
}

// The text layers of the real PDFs (vbpl-pdf, pdf-real) as the indexer
// reads them, and the ALQAC law articles.
TEST(Corpus, PdfTextAndAlqacArticles) {
  const fs::path shared = test::shared_dir();
  if (shared.empty())
    GTEST_SKIP() << "../shared is absent: corpus test skipped";
  int pages = 0, articles = 0, repaired_words = 0;
  for (const char* folder : {"vbpl-pdf", "pdf-real"}) {
    for (const auto& entry :
         fs::directory_iterator(shared / "corpus" / folder)) {
      if (entry.path().extension() != ".pdf") continue;
      const Extracted e = extract_pdf_in_process(entry.path());
      ASSERT_NE(e.status, ExtractStatus::kFailed)
          << entry.path() << ": " << e.error;
      for (const ExtractedPage& p : e.pages) {
        check_text(p.text, entry.path().filename().string(), repaired_words);
        ++pages;
      }
    }
  }
  for (const char* file : {"law.json", "law-v1.1.json"}) {
    std::ifstream in(shared / "corpus" / "alqac2023" / file);
    const nlohmann::json laws = nlohmann::json::parse(in);
    for (const auto& law : laws) {
      for (const auto& a : law.at("articles")) {
        check_text(a.at("text").get<std::string>(),
                   law.at("id").get<std::string>(), repaired_words);
        ++articles;
      }
    }
  }
  EXPECT_GT(pages, 2000);
  EXPECT_GT(articles, 4000);
  std::cout << pages << " PDF pages and " << articles
            << " ALQAC articles analysed; " << repaired_words
            << " stray legacy words repaired\n";
}

TEST(Corpus, PhapdienAndVbpl) {
  const fs::path shared = test::shared_dir();
  if (shared.empty())
    GTEST_SKIP() << "../shared is absent: corpus test skipped";
  int files = 0, repaired_words = 0;
  check_tree(shared / "corpus" / "vbpl", ".html",
             legacy_files(shared / "corpus" / "vbpl"), files, repaired_words);
  check_tree(shared / "corpus" / "phapdien", ".md", {}, files, repaired_words);
  EXPECT_GT(files, 700);
  RecordProperty("files", files);
  RecordProperty("repaired_legacy_words_in_unicode_files", repaired_words);
  std::cout << files << " files analysed; " << repaired_words
            << " stray legacy words repaired in Unicode files\n";
}

}  // namespace
}  // namespace kb
