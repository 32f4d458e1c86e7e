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

}  // namespace kb

#endif  // VNKB_INDEXER_READ_TITLE_H_
