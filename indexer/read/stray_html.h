// Stray HTML tags in plain text (scraped pages that kept "<i>", "<ul ...>"):
// recognising them, and removing them without touching the text's lines.
#ifndef VNKB_INDEXER_READ_STRAY_HTML_H_
#define VNKB_INDEXER_READ_STRAY_HTML_H_

#include <string>
#include <string_view>

namespace kb {

// True when plain text carries stray HTML tags (as some scraped pages do:
// "<i>Điều hành</i>", "<ul style=...>"), which extract_text then removes
// with strip_stray_html.
bool looks_like_stray_html(std::string_view text);

// Plain text with the HTML tags of known elements removed (a block tag
// leaves one space, an inline tag nothing), comments, scripts and styles
// dropped and entities decoded. Unlike html_to_text it keeps the text's own
// lines and tabs: a tab-separated table stays one row per line. Anything
// else in angle brackets ("<Điều 5>", "a < b") is text and stays.
std::string strip_stray_html(std::string_view text);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_STRAY_HTML_H_
