// The bytes of an HTML page as UTF-8: a declared <meta> charset converted
// with ICU, else legacy bytes repaired as in a text file.
#ifndef VNKB_INDEXER_READ_HTML_CHARSET_H_
#define VNKB_INDEXER_READ_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace kb::html {

// A page's bytes as UTF-8, without a UTF-8 byte-order mark. Valid UTF-8 is
// kept as it is; otherwise the charset the page declares in its first 4 KB
// is converted with ICU, and bytes without a charset ICU knows are read as
// Latin-1 and repaired line by line (legacy Vietnamese encodings).
std::string page_to_utf8(std::string_view bytes);

}  // namespace kb::html

#endif  // VNKB_INDEXER_READ_HTML_CHARSET_H_
