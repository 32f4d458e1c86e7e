// HTML pages to text with gumbo (an HTML5 parser): scripts, styles and
// other chrome dropped, blocks on their own lines, table cells by tabs.
#ifndef VNKB_INDEXER_READ_HTML_H_
#define VNKB_INDEXER_READ_HTML_H_

#include <string>
#include <string_view>

#include "indexer/read/extracted.h"

namespace kb {

// One page from an HTML file's bytes, in any charset (html_charset.h), with
// its <title>. Fails as kEmpty when the page shows no text. In this process
// (extract_file runs it in the helper: gumbo takes minutes and gigabytes on
// some deeply nested pages). Never throws for bad input.
Extracted extract_html(std::string_view bytes);

// Text of an HTML fragment or page (UTF-8): tags dropped, scripts and
// styles removed, block elements and table rows on their own lines, cells
// separated by tabs (a cell's own paragraphs break lines only between them).
// With `title`, it receives the <title>'s text ("" when none).
std::string html_to_text(std::string_view html, std::string* title = nullptr);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_HTML_H_
