// Titles as files declare them (PDF Title, <title>, DOCX core.xml,
// Markdown), made fit to show.
#ifndef VNKB_INDEXER_READ_TITLE_H_
#define VNKB_INDEXER_READ_TITLE_H_

#include <string>
#include <string_view>

namespace kb {

// A title as a file declares it, made fit to show: legacy encodings
// converted, NFC, whitespace collapsed, byte-order marks dropped; empty when
// it holds no letter (producers write "ÿþ2" or "1").
std::string clean_title(std::string_view raw);

// True when `title` is no title a reader would give: empty, a file name
// ("QD 1407.doc", "Microsoft Word - bao cao.docx"), or an identifier
// without blanks that holds digits ("000_608b69289030cac0", "vbpl-000100").
bool looks_like_file_name(std::string_view title);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_TITLE_H_
