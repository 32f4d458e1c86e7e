// UTF-8 <-> UTF-32 conversion on top of ICU's macros, and NFC normalization.
#ifndef VNKB_CORE_UTF8_H_
#define VNKB_CORE_UTF8_H_

#include <string>
#include <string_view>

namespace kb {

// Decodes UTF-8 into code points. Ill-formed sequences become U+FFFD, so any
// byte string is accepted.
std::u32string utf8_to_u32(std::string_view utf8);

// Appends the UTF-8 encoding of `c` to `out`. Surrogates and out-of-range
// values are written as U+FFFD.
void append_utf8(char32_t c, std::string& out);
std::string u32_to_utf8(std::u32string_view text);

// Returns `utf8` in Unicode Normalization Form C. Ill-formed UTF-8 is repaired
// (U+FFFD) first. Cheap when the input is already NFC (the common case).
std::string to_nfc(std::string_view utf8);
std::string to_nfc(std::string&& utf8);  // no copy when already NFC
// REQUIRES: `utf8` is well-formed (is_valid_utf8). Skips the validation.
std::string valid_utf8_to_nfc(std::string&& utf8);

// True when `utf8` is well-formed UTF-8.
bool is_valid_utf8(std::string_view utf8);

// The longest prefix of `utf8` of at most `max_bytes` bytes that ends on a
// character boundary (for cutting text to a width without splitting a
// character).
std::string_view utf8_prefix(std::string_view utf8, size_t max_bytes);

// True for the ASCII digits '0'..'9' only, not other scripts' digits.
constexpr bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The first code point of `utf8` (0 when empty), decoded without checks: for
// a quick look at a word's first letter.
inline char32_t first_code_point(std::string_view utf8) {
  if (utf8.empty()) return 0;
  const unsigned char c = utf8[0];
  if (c < 0x80) return c;
  const int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> n);
  for (int i = 1; i <= n && i < static_cast<int>(utf8.size()); ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
  return cp;
}

}  // namespace kb

#endif  // VNKB_CORE_UTF8_H_
