// Which reader a file needs, from its first bytes and its name.
#ifndef VNKB_INDEXER_READ_FORMAT_H_
#define VNKB_INDEXER_READ_FORMAT_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace kb {

// The format of a file from its first bytes (`head`, up to 1 KB) and its
// name: "pdf", "html", "docx", "text", "markdown", or "" when unsupported.
// Magic bytes win over the name: a PNG saved as "scan.txt" is unsupported.
std::string detect_format(const std::filesystem::path& path,
                          std::string_view head);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_FORMAT_H_
