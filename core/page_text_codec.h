// How the catalog stores page text: deflated, since page text is most of
// the catalog.
#pragma once

#include <string>
#include <string_view>

namespace kb {

// `text` as a stored blob: its size as 4 bytes, little-endian, then the
// zlib stream (compress2's output). Empty when the text is short or would
// not shrink: the catalog then keeps it as TEXT.
std::string deflate_page_text(std::string_view text);

// The text of a blob written by deflate_page_text. Throws
// std::runtime_error when the blob is damaged.
std::string inflate_page_text(std::string_view blob);

}  // namespace kb
