// Text extraction from the files librarians add: PDF (page by page), HTML,
// DOCX, plain text and Markdown. Every extractor returns an Extracted value;
// an unreadable file is a kFailed result with a reason, never an exception.
#ifndef VNKB_INDEXER_EXTRACT_H_
#define VNKB_INDEXER_EXTRACT_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

enum class ExtractStatus {
  kOk,        // text extracted
  kNeedsOcr,  // a PDF with scanned pages (no text layer) that OCR has not
              // read (all of them); the other pages have text
  kFailed,    // see Extracted::error
};

// Why a file failed; the catalog keeps the reason's name.
enum class FailureReason {
  kNone,
  kEncrypted,    // a user password (PDF), a protected .docx
  kDamaged,      // the parser refused it, or crashed on it
  kEmpty,        // an empty file, or one without any text
  kUnsupported,  // not a format we read (images, .doc, other archives)
  kTooLarge,     // over max_file_bytes, or reading needed more memory
  kTimeout,      // reading took longer than max_seconds
};
const char* failure_reason_name(FailureReason reason);  // "encrypted", ...

struct ExtractedPage {
  std::string text;  // UTF-8 NFC, legacy encodings converted
  // false: a scanned PDF page (no text, but ink on the page), text empty
  // unless OCR read it. A blank page keeps true: there is nothing for OCR to
  // read.
  bool has_text_layer = true;
  // Set by read_scanned_pages (ocr.h) when OCR read this page: the text is
  // Tesseract's, with its mean word confidence (0..100).
  bool ocr = false;
  double ocr_confidence = -1;
};

struct Extracted {
  std::string format;  // "pdf", "html", "docx", "text", "markdown"
  std::vector<ExtractedPage> pages;
  // From the file itself (PDF Title, <title>, DOCX core.xml, Markdown front
  // matter or first heading), cleaned by clean_title.
  std::string title;
  std::string encoding;  // "unicode" or the legacy encoding that was converted
  ExtractStatus status = ExtractStatus::kOk;
  FailureReason reason = FailureReason::kNone;
  std::string error;  // human-readable detail for kFailed

  static Extracted failure(std::string format, FailureReason reason,
                           std::string detail);
};

struct ExtractLimits {
  uint64_t max_file_bytes = 200ull << 20;  // larger files fail as "too large"
  // Address space the helper may add to what it inherits (not applied in
  // AddressSanitizer builds), and the most text it may send back.
  uint64_t max_memory_bytes = 2048ull << 20;
  int max_seconds = 120;  // per file, in the helper: CPU and wall time
};

// The format of a file from its first bytes and its name: "pdf", "html",
// "docx", "text", "markdown", or "" when unsupported.
std::string detect_format(const std::filesystem::path& path,
                          std::string_view head);

// Extracts any supported file. The parsers run in a forked helper process
// bounded by `limits`, so a damaged or hostile file cannot crash, hang or
// exhaust the caller; the helper is always reaped and closes every inherited
// descriptor. An empty file fails as kEmpty whatever its name.
// Thread-safe, with the caveat of fork() in a threaded process: a lock that
// another thread held at the fork (glibc's malloc locks excepted, they are
// reset) stays held in the helper, which then fails as kTimeout. The
// AddressSanitizer allocator is such a lock.
Extracted extract_file(const std::filesystem::path& path,
                       const ExtractLimits& limits);

// An Extracted value as bytes, for a helper's answer through a pipe;
// deserialize_extracted is false on anything malformed or truncated.
std::string serialize_extracted(const Extracted& e);
bool deserialize_extracted(std::string_view data, Extracted& e);

// The individual extractors, in this process (extract_file calls them in the
// helper; tests call them directly).
Extracted extract_html(std::string_view bytes);
Extracted extract_text(std::string_view bytes, bool markdown);
Extracted extract_docx(const std::filesystem::path& path);
// In this process (no helper): for the helper itself and for tests.
Extracted extract_pdf_in_process(const std::filesystem::path& path);

// Text of an HTML fragment or page: tags dropped, scripts and styles removed,
// block elements and table rows on their own lines, cells separated by tabs
// (a cell's own paragraphs break lines only between them).
std::string html_to_text(std::string_view html, std::string* title = nullptr);

// True when plain text carries stray HTML tags (as some scraped pages do:
// "<i>Điều hành</i>", "<ul style=...>"), which extract_text then removes
// with strip_stray_html.
bool looks_like_stray_html(std::string_view text);

// Plain text with the HTML tags of known elements removed (a block tag
// leaves one space, an inline tag nothing), comments, scripts and styles
// dropped and entities decoded. Unlike html_to_text it keeps the text's own
// lines and tabs: a tab-separated table stays one row per line.
std::string strip_stray_html(std::string_view text);

// A title as a file declares it, made fit to show: legacy encodings
// converted, NFC, whitespace collapsed, byte-order marks dropped; empty when
// it holds no letter (producers write "ÿþ2" or "1").
std::string clean_title(std::string_view raw);

}  // namespace kb

#endif  // VNKB_INDEXER_EXTRACT_H_
