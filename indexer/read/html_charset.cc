// HTML charsets: the <meta> declaration, ICU's converters, and the legacy
// repair as a last resort.
#include "indexer/read/html_charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/legacy_encoding.h"
#include "core/utf8.h"

namespace kb::html {
namespace {

// The charset a page declares in <meta>, lower case, or "".
std::string declared_charset(std::string_view html) {
  std::string head(html.substr(0, std::min<size_t>(html.size(), 4096)));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  size_t i = at + 8;
  while (i < head.size() &&
         (head[i] == '"' || head[i] == '\'' || head[i] == ' '))
    ++i;
  size_t j = i;
  while (j < head.size() &&
         (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' ||
          head[j] == '_' || head[j] == '.' || head[j] == ':')) {
    ++j;
  }
  return head.substr(i, j - i);
}

// Converts `bytes` from `charset` to UTF-8 with ICU; false when ICU does not
// know the charset.
bool convert_charset(std::string_view bytes, const std::string& charset,
                     std::string& out) {
  // One input byte is at most one BMP code point: 3 UTF-8 bytes. ICU counts
  // in int32_t.
  if (bytes.size() > (INT32_MAX - 16) / 3) return false;
  UErrorCode status = U_ZERO_ERROR;
  out.assign(bytes.size() * 3 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(),
                                 static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<size_t>(n));
  return true;
}

}  // namespace

std::string page_to_utf8(std::string_view bytes) {
  std::string utf8;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) {
    utf8.assign(bytes);
  } else {
    const std::string charset = declared_charset(bytes);
    if (charset.empty() || charset == "utf-8" || charset == "utf8" ||
        !convert_charset(bytes, charset, utf8)) {
      // Legacy bytes read as Latin-1, repaired line by line.
      utf8 = decode_text_file(bytes).text;
    }
  }
  return utf8;
}

}  // namespace kb::html
