// The floor of the indexing benchmark: every file of a folder through bare
// Xapian (TermGenerator with positions, no stemmer, the file's path as the
// document data, one commit at the end), as a minimal indexer would do it.
// No Vietnamese analysis, no metadata, no catalog. Prints the documents added.
//
//   bench_xapian_index --db DIR FOLDER
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "tools/cli.h"

int main(int argc, char** argv) {
  CLI::App app{"Bare Xapian indexing of every file in a folder",
               "bench_xapian_index"};
  std::string db_dir, folder;
  app.add_option("--db", db_dir, "Xapian database to create")->required();
  app.add_option("folder", folder, "Folder of text files")->required();
  if (const auto code = kb::parse_tool_args(app, argc, argv)) return *code;

  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(folder, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  if (ec) {
    std::cerr << "bench_xapian_index: cannot read " << folder << ": "
              << ec.message() << '\n';
    return 1;
  }
  std::sort(files.begin(), files.end());
  try {
    Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text.str());
      doc.set_data(path.string());
      db.add_document(doc);
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    std::cerr << "bench_xapian_index: " << e.get_description() << '\n';
    return 1;
  }
  std::cout << files.size() << '\n';
  return 0;
}
