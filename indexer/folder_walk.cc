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
  const std::string rel = path.lexically_relative(root).string();
  const std::string name = path.filename().string();
  for (const std::string& p : patterns) {
    if (fnmatch(p.c_str(), rel.c_str(), 0) == 0 ||
        fnmatch(p.c_str(), name.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

// What kind of entry `st` is, for a reason ("a named pipe").
std::string kind_of(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::fifo:
      return "a named pipe";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    case fs::file_type::symlink:
      return "a symbolic link";
    default:
      return "not a regular file";
  }
}

// Folders nested deeper than this are not walked (a bind mount of a folder
// inside itself would otherwise never end).
constexpr int kMaxDepth = 64;

class FolderWalk {
 public:
  FolderWalk(const fs::path& root, WalkResult& out)
      : root_(root), patterns_(ignore_patterns(root)), out_(out) {}

  void walk(const fs::path& dir, int depth) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) return skip(dir, "cannot open the folder: " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) return skip(dir, "cannot read the folder: " + ec.message());
      visit(it->path(), depth);
    }
    if (ec) skip(dir, "cannot read the folder: " + ec.message());
  }

 private:
  void visit(const fs::path& path, int depth) {
    const std::string name = path.filename().string();
    if ((!name.empty() && name[0] == '.') || ignored(path, root_, patterns_))
      return;
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (ec) return skip(path, ec.message());
    switch (st.type()) {
      case fs::file_type::directory:
        if (depth >= kMaxDepth) return skip(path, "folders nested too deep");
        return walk(path, depth + 1);
      case fs::file_type::regular:
        if (!is_sidecar(path) && has_document_extension(path))
          out_.files.push_back(path);
        return;
      case fs::file_type::symlink:
        return skip(path,
                    "a symbolic link, not followed inside a folder (name its "
                    "target to add it)");
      default:
        return skip(path, kind_of(st) + ", not a document file");
    }
  }

  void skip(const fs::path& path, std::string reason) {
    out_.skipped.push_back({path, std::move(reason)});
  }

  fs::path root_;
  std::vector<std::string> patterns_;
  WalkResult& out_;
};

}  // namespace

WalkResult collect_files(const std::vector<fs::path>& paths) {
  WalkResult r;
  for (const fs::path& given : paths) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(given, ec);
    const fs::path p = ec ? fs::path() : fs::weakly_canonical(absolute, ec);
    if (ec) {
      r.bad.push_back({given.string(), ec.message()});
      continue;
    }
    const fs::file_status st = fs::status(p, ec);
    if (fs::is_directory(st)) {
      r.folders.push_back(p);
      FolderWalk(p, r).walk(p, 0);
    } else if (fs::is_regular_file(st)) {
      r.files.push_back(p);
      r.named.insert(p);
    } else if (st.type() == fs::file_type::not_found) {
      r.bad.push_back({given.string(), fs::is_symlink(absolute, ec)
                                           ? "a symbolic link to a missing file"
                                           : "no such file or folder"});
    } else if (ec) {
      r.bad.push_back({given.string(), ec.message()});
    } else {
      r.bad.push_back(
          {given.string(), kind_of(st) + ", not a regular file or folder"});
    }
  }
  std::sort(r.files.begin(), r.files.end());
  r.files.erase(std::unique(r.files.begin(), r.files.end()), r.files.end());
  return r;
}

}  // namespace kb
