// Plain text and Markdown files: decoded (legacy encodings too), stray
// HTML removed, and the Markdown title found.
#ifndef VNKB_INDEXER_READ_PLAIN_TEXT_H_
#define VNKB_INDEXER_READ_PLAIN_TEXT_H_

#include <string_view>

#include "indexer/read/extracted.h"

namespace kb {

// One page of text from a file's bytes (UTF-8, UTF-16 with a BOM, or a
// legacy Vietnamese encoding, named in e.encoding), with "\n" line ends and
// stray HTML tags removed (stray_html.h). With `markdown`, the title is the
// front matter's "title:" or else the first "# " heading. Fails as kEmpty
// on a file without letters or digits. In this process; never throws for
// bad input.
Extracted extract_text(std::string_view bytes, bool markdown);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_PLAIN_TEXT_H_
