// Fuzzes legacy-encoding detection and conversion (core/legacy_encoding.h):
// a text file's raw bytes, legacy lines inside UTF-8, the unconditional
// TCVN3 conversion and the word test. Every output must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const kb::DecodedText file = kb::decode_text_file(bytes);
  FUZZ_CHECK(kb::is_valid_utf8(file.text));
  FUZZ_CHECK(file.converted_lines >= 0);
  FUZZ_CHECK(kb::encoding_name(file.encoding) != nullptr);

  const kb::DecodedText repaired = kb::repair_legacy_text(bytes);
  FUZZ_CHECK(kb::is_valid_utf8(repaired.text));

  if (kb::is_valid_utf8(bytes)) {
    kb::DecodedText lines;
    lines.text = "untouched";
    if (kb::repair_legacy_lines(bytes, lines)) {
      FUZZ_CHECK(kb::is_valid_utf8(lines.text));
      FUZZ_CHECK(lines.converted_lines > 0);
    } else {
      FUZZ_CHECK(lines.text == "untouched");
    }
    for (const bool hyphen : {false, true}) {
      FUZZ_CHECK(kb::is_valid_utf8(kb::convert_tcvn3(bytes, hyphen)));
    }
  }

  // Word by word, as the detector asks.
  size_t start = 0;
  while (start < bytes.size()) {
    size_t stop = bytes.find(' ', start);
    if (stop == std::string_view::npos) stop = bytes.size();
    (void)kb::is_vietnamese_word(bytes.substr(start, stop - start));
    start = stop + 1;
  }
  return 0;
}
