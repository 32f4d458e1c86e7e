// What reading a file yields: its pages' text, title and encoding, or why it
// failed. Every extractor returns an Extracted value; an unreadable file is a
// kFailed result with a reason, never an exception.
#ifndef VNKB_INDEXER_READ_EXTRACTED_H_
#define VNKB_INDEXER_READ_EXTRACTED_H_

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
  kUnreadable,   // the file cannot be opened or read (permissions, I/O)
};
const char* failure_reason_name(FailureReason reason);  // "encrypted", ...

struct ExtractedPage {
  std::string text;  // UTF-8 NFC, legacy encodings converted
  // false: a scanned PDF page (no text, but ink on the page), text empty
  // unless OCR read it. A blank page keeps true: there is nothing for OCR to
  // read.
  bool has_text_layer = true;
  // Set by read_scanned_pages (indexer/read/ocr.h) when OCR read this page:
  // the text is Tesseract's, with its mean word confidence (0..100).
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
  // The text went over ExtractLimits::max_text_bytes and was cut there (at
  // a line end or a space near the limit when there is one): the rest of
  // the file is not indexed.
  bool text_cut = false;

  static Extracted failure(std::string format, FailureReason reason,
                           std::string detail);
};

// An Extracted value as bytes, for a helper's answer through a pipe (the
// OCR fields are not sent: OCR runs after extraction, in the parent);
// deserialize_extracted is false on anything malformed or truncated.
std::string serialize_extracted(const Extracted& e);
bool deserialize_extracted(std::string_view data, Extracted& e);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_EXTRACTED_H_
