// Counts, folder by folder, the documents of an index whose title is no
// title a reader would give: empty, the file's own name, an identifier such
// as a file name ("vbpl-000100", "QD 1407.doc"), or a run of hex digits
// ("608b69289030cac0"). It reads the catalog `vnkb-index add` wrote, so it
// measures what every list and page shows.
//
//   eval_titles --db DIR [--show]
//
// --show lists each such document with its title and the rule that gave it.
#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "indexer/read/title.h"
#include "tools/cli.h"

namespace {

// Why `doc`'s title is not a reader's title, or nullptr when it is one.
const char* bad_title(const kb::CatalogDocument& doc) {
  const std::string& t = doc.title;
  if (t.empty()) return "empty";
  if (t == std::filesystem::path(doc.path).stem().string()) {
    return "file name";
  }
  size_t run = 0;
  for (const char c : t) {
    run = std::isxdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run >= 12) return "hex";
  }
  if (kb::looks_like_file_name(t)) return "like a file name";
  return nullptr;
}

struct Counts {
  int documents = 0;
  int needs_ocr = 0;  // scans not read: no text to title them by
  std::map<std::string, int> bad;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Counts documents whose title is a file name, hex or empty",
               "eval_titles"};
  std::filesystem::path db;
  bool show = false;
  app.add_option("--db", db, "Database folder written by vnkb-index")
      ->required();
  app.add_flag("--show", show, "List each document with such a title");
  if (const auto code = kb::parse_tool_args(app, argc, argv)) return *code;

  std::string error;
  const auto catalog = kb::Catalog::open(kb::catalog_path(db), true, &error);
  if (!catalog) {
    std::fprintf(stderr, "eval_titles: %s\n", error.c_str());
    return 1;
  }
  const std::filesystem::path here = std::filesystem::current_path();
  std::map<std::string, Counts> folders;
  Counts all;
  for (const kb::CatalogDocument& doc : catalog->list(kb::CatalogFilter{})) {
    if (doc.status == "failed") continue;
    // Folders under the current one are shown relative to it.
    const std::filesystem::path folder =
        std::filesystem::path(doc.path).parent_path().lexically_proximate(here);
    Counts& c = folders[folder.string()];
    const bool unread = doc.status == "needs-ocr";
    for (Counts* k : {&c, &all}) {
      ++k->documents;
      k->needs_ocr += unread ? 1 : 0;
    }
    const char* why = bad_title(doc);
    if (why == nullptr) continue;
    ++c.bad[why];
    ++all.bad[why];
    if (show) {
      const auto source = doc.source.find("title");
      std::printf("%s: %s \"%s\" (%s)%s\n", why, doc.path.c_str(),
                  doc.title.c_str(),
                  source == doc.source.end() ? "" : source->second.c_str(),
                  unread ? " [needs OCR]" : "");
    }
  }
  const auto print = [](const std::string& folder, const Counts& c) {
    int bad = 0;
    std::string kinds;
    for (const auto& [why, n] : c.bad) {
      bad += n;
      kinds += "; " + why + " " + std::to_string(n);
    }
    std::printf("%-48s documents %4d  needs OCR %2d  no real title %3d%s\n",
                folder.c_str(), c.documents, c.needs_ocr, bad, kinds.c_str());
  };
  for (const auto& [folder, c] : folders) print(folder, c);
  print("all", all);
  return 0;
}
