// Which files `add` reads: the documents under the folders it is given
// (minus hidden files, sidecars and what .vnkbignore names) and the files
// named, each once.
#ifndef VNKB_INDEXER_FOLDER_WALK_H_
#define VNKB_INDEXER_FOLDER_WALK_H_

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace kb {

// A path given to `add` that is neither a file nor a folder.
struct BadPath {
  std::string given;   // as the librarian typed it
  std::string reason;  // "no such file or folder", ...
};

// An entry of a folder walk left out for a reason the librarian should
// hear: a symbolic link, a named pipe or device, a folder that cannot be
// read. (Hidden and ignored names, and files that are no documents, are
// left out silently.)
struct SkippedPath {
  std::filesystem::path path;
  std::string reason;
};

struct WalkResult {
  std::vector<std::filesystem::path> files;    // absolute, sorted, unique
  std::vector<std::filesystem::path> folders;  // the folders given, absolute
  std::vector<BadPath> bad;                    // in the order given
  std::vector<SkippedPath> skipped;            // in walk order
  // The files named explicitly (absolute), as opposed to found in a folder.
  std::set<std::filesystem::path> named;
};

// Collects the files to read from `paths` (files and folders). A folder is
// walked recursively: names starting with '.' and those matching a pattern of
// the folder's .vnkbignore (fnmatch patterns, one a line, '#' comments,
// against the path relative to the folder and the file name) are skipped,
// and only files with a document extension are taken. A file named
// explicitly is always taken (and fails later when it is no document).
//
// Symbolic links: inside a folder they are never followed (each is
// reported as skipped), so a walk reads only what lies in the folders
// given, never a file twice, and cannot loop; a path named explicitly is
// read through its links, as the librarian named it. Errors of the file
// system (a folder that cannot be opened, a name too long) skip that entry
// and the walk goes on. Never throws for what it finds on disk.
WalkResult collect_files(const std::vector<std::filesystem::path>& paths);

}  // namespace kb

#endif  // VNKB_INDEXER_FOLDER_WALK_H_
