// Format detection: magic bytes first, then the file name, then a sniff for
// HTML.
#include "indexer/read/format.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace kb {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return ext;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kZipMagic("PK\x03\x04", 4);
constexpr std::string_view kEmptyZipMagic("PK\x05\x06", 4);
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// Signatures of binary formats we never read as text, whatever their name
// (a PNG saved as "scan.txt" must not be indexed as mojibake).
bool is_known_binary(std::string_view head) {
  static constexpr std::string_view kMagics[] = {
      std::string_view("\x89PNG\r\n\x1A\n", 8),  // PNG
      std::string_view("\xFF\xD8\xFF", 3),       // JPEG
      "GIF87a",                                  // GIF
      "GIF89a",                                  //
      std::string_view("II*\0", 4),              // TIFF
      std::string_view("MM\0*", 4),              // TIFF
      std::string_view("\x1F\x8B", 2),           // gzip
      "BZh",                                     // bzip2
      std::string_view("\xFD"
                       "7zXZ\0",
                       6),                        // xz
      std::string_view("7z\xBC\xAF\x27\x1C", 6),  // 7-Zip
      "Rar!",                                     // RAR
      std::string_view("\x7F"
                       "ELF",
                       4),  // executables
      "RIFF",               // WebP, WAV, AVI
      kZipMagic,            // other zips (xlsx, odt)
      kEmptyZipMagic,       //
      kOleMagic,            // .doc, .xls, encrypted OOXML
  };
  return std::any_of(std::begin(kMagics), std::end(kMagics),
                     [&](std::string_view m) { return starts_with(head, m); });
}

// Text never holds NUL bytes unless it is UTF-16 (which has a BOM).
bool looks_binary(std::string_view head) {
  if (starts_with(head, "\xFF\xFE") || starts_with(head, "\xFE\xFF"))
    return false;
  return head.find('\0') != std::string_view::npos;
}

}  // namespace

std::string detect_format(const std::filesystem::path& path,
                          std::string_view head) {
  const std::string ext = lower_extension(path);
  // PDF readers accept the header anywhere in the first kilobyte.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos)
    return "pdf";
  if (starts_with(head, kZipMagic) || starts_with(head, kEmptyZipMagic)) {
    return ext == ".docx" ? "docx" : "";
  }
  // An encrypted .docx is an OLE container; extract_docx says so.
  if (starts_with(head, kOleMagic) && ext == ".docx") return "docx";
  if (is_known_binary(head)) return "";
  if (ext == ".pdf")
    return "pdf";  // junk, or a damaged header: let Poppler judge
  if (ext == ".docx") return "docx";
  if (looks_binary(head)) return "";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".md" || ext == ".markdown") return "markdown";
  if (ext == ".txt" || ext == ".text" || ext == ".csv") return "text";
  // No known extension: sniff for HTML, else refuse.
  std::string lower(head.substr(0, 512));
  std::transform(
      lower.begin(), lower.end(), lower.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("<!doctype html") != std::string::npos ||
      lower.find("<html") != std::string::npos) {
    return "html";
  }
  return "";
}

}  // namespace kb
