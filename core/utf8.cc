// UTF-8 helpers and NFC normalization (ICU).
#include "core/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <cstring>
#include <stdexcept>

namespace kb {

std::u32string utf8_to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

void append_utf8(char32_t c, std::string& out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string u32_to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char32_t c : text) append_utf8(c, out);
  return out;
}

bool is_valid_utf8(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    // Skip ASCII eight bytes at a time.
    while (i + 8 <= length) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= length) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFC unavailable: ") +
                             u_errorName(status));
  }
  return *n;
}

}  // namespace

std::string to_nfc(std::string&& utf8) {
  if (!is_valid_utf8(utf8)) return to_nfc(std::string_view(utf8));
  return valid_utf8_to_nfc(std::move(utf8));
}

std::string valid_utf8_to_nfc(std::string&& utf8) {
  static const icu::Normalizer2& normalizer = nfc();
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer.isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) {
    return std::move(utf8);
  }
  return to_nfc(std::string_view(utf8));
}

std::string to_nfc(std::string_view utf8) {
  std::string valid;
  if (!is_valid_utf8(utf8)) {
    valid = u32_to_utf8(utf8_to_u32(utf8));
    utf8 = valid;
  }
  static const icu::Normalizer2& normalizer = nfc();
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer.isNormalizedUTF8(utf8, status) && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out,
                                        static_cast<int32_t>(utf8.size()));
  normalizer.normalizeUTF8(0, utf8, sink, nullptr, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFC failed: ") +
                             u_errorName(status));
  }
  return out;
}

std::string_view utf8_prefix(std::string_view utf8, size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
    --end;
  return utf8.substr(0, end);
}

}  // namespace kb
