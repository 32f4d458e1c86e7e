// The last step of the one-page readers (HTML, plain text, Markdown): their
// text made into an Extracted value.
#ifndef VNKB_INDEXER_READ_SINGLE_PAGE_H_
#define VNKB_INDEXER_READ_SINGLE_PAGE_H_

#include <string>
#include <string_view>

#include "indexer/read/extracted.h"

namespace kb {

// One page of `text` (UTF-8): blank lines around it trimmed, legacy
// encodings repaired (e.encoding names the one found), NFC, and `title`
// through clean_title. Fails as kEmpty when no letter or digit is left.
Extracted finish_single_page(std::string format, std::string_view text,
                             std::string_view title);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_SINGLE_PAGE_H_
