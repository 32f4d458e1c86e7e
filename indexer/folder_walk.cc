// The folder walk of `add`, with .vnkbignore.
#include "indexer/folder_walk.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

#include "indexer/overrides.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

// Extensions a folder walk picks up; other files in a folder are not
// documents (images, spreadsheets, JSON). A file named explicitly is always
// tried, and fails with "unsupported type" when it is none of these.
bool has_document_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  static const std::set<std::string> kExtensions = {
      ".pdf", ".html", ".htm", ".xhtml",   ".docx",
      ".txt", ".text", ".md",  ".markdown"};
  return kExtensions.count(ext) != 0;
}

// Patterns from a folder's .vnkbignore (one fnmatch pattern per line, '#'
// comments), matched against paths relative to that folder and file names.
std::vector<std::string> ignore_patterns(const fs::path& folder) {
  std::vector<std::string> out;
  std::ifstream in(folder / ".vnkbignore");
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() &&
           (line.back() == ' ' || line.back() == '\r' || line.back() == '/')) {
      line.pop_back();
    }
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

bool ignored(const fs::path& path, const fs::path& root,
             const std::vector<std::string>& patterns) {
  const std::string rel = fs::relative(path, root).string();
  const std::string name = path.filename().string();
  for (const std::string& p : patterns) {
    if (fnmatch(p.c_str(), rel.c_str(), 0) == 0 ||
        fnmatch(p.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

WalkResult collect_files(const std::vector<fs::path>& paths) {
  WalkResult r;
  for (const fs::path& given : paths) {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(given), ec);
    if (fs::is_directory(p)) {
      r.folders.push_back(p);
      const std::vector<std::string> patterns = ignore_patterns(p);
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if ((!name.empty() && name[0] == '.') ||
            ignored(it->path(), p, patterns)) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && !is_sidecar(it->path()) &&
            has_document_extension(it->path())) {
          r.files.push_back(it->path());
        }
      }
    } else if (fs::is_regular_file(p)) {
      r.files.push_back(p);
    } else {
      r.bad.push_back({given.string(), fs::exists(p)
                                           ? "not a regular file or folder"
                                           : "no such file or folder"});
    }
  }
  std::sort(r.files.begin(), r.files.end());
  r.files.erase(std::unique(r.files.begin(), r.files.end()), r.files.end());
  return r;
}

}  // namespace kb
