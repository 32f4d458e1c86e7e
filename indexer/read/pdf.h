// PDF text, page by page, with poppler-cpp; pages without a text layer but
// with ink are flagged for OCR (ocr.h).
#ifndef VNKB_INDEXER_READ_PDF_H_
#define VNKB_INDEXER_READ_PDF_H_

#include <filesystem>

#include "indexer/read/extracted.h"

namespace kb {

// In this process (no helper, no bounds): for extract_file's helper and for
// tests. kNeedsOcr when some page is a scan; kFailed (kDamaged, kEncrypted,
// kEmpty) with the reason otherwise. Poppler's own messages are silenced.
Extracted extract_pdf_in_process(const std::filesystem::path& path);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_PDF_H_
