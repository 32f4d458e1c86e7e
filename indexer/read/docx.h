// DOCX text (word/document.xml through libzip and libxml2), split into pages
// at Word's own page breaks.
#ifndef VNKB_INDEXER_READ_DOCX_H_
#define VNKB_INDEXER_READ_DOCX_H_

#include <filesystem>

#include "indexer/read/extracted.h"

namespace kb {

// In this process (extract_file calls it in the helper; tests call it
// directly). A password-protected file (an OLE container holding an
// encrypted package, or a zip with encrypted members) fails as kEncrypted, a
// renamed .doc as kUnsupported, a broken file as kDamaged.
Extracted extract_docx(const std::filesystem::path& path);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_DOCX_H_
