// Which files `add` reads: the documents under the folders it is given
// (minus hidden files, sidecars and what .vnkbignore names) and the files
// named, each once.
#ifndef VNKB_INDEXER_FOLDER_WALK_H_
#define VNKB_INDEXER_FOLDER_WALK_H_

#include <filesystem>
#include <string>
#include <vector>

namespace kb {

// A path given to `add` that is neither a file nor a folder.
struct BadPath {
  std::string given;   // as the librarian typed it
  std::string reason;  // "no such file or folder", ...
};

struct WalkResult {
  std::vector<std::filesystem::path> files;    // absolute, sorted, unique
  std::vector<std::filesystem::path> folders;  // the folders given, absolute
  std::vector<BadPath> bad;                    // in the order given
};

// Collects the files to read from `paths` (files and folders). A folder is
// walked recursively: names starting with '.' and those matching a pattern of
// the folder's .vnkbignore (fnmatch patterns, one a line, '#' comments,
// against the path relative to the folder and the file name) are skipped,
// and only files with a document extension are taken. A file named
// explicitly is always taken (and fails later when it is no document).
WalkResult collect_files(const std::vector<std::filesystem::path>& paths);

}  // namespace kb

#endif  // VNKB_INDEXER_FOLDER_WALK_H_
