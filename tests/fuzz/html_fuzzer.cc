// Fuzzes the HTML extractor (indexer/read/html.h): extract_html on a page's
// raw bytes (charset detection, gumbo, our tree walk), and the stray-HTML
// cleanup of plain text files (strip_stray_html, a tag parser of our own).
// extract_text's other half, legacy decoding, is legacy_encoding_fuzzer's.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "indexer/read/html.h"
#include "indexer/read/stray_html.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const kb::Extracted e = kb::extract_html(bytes);
  if (e.status == kb::ExtractStatus::kFailed) {
    FUZZ_CHECK(e.reason != kb::FailureReason::kNone);
  } else {
    FUZZ_CHECK(kb::is_valid_utf8(e.title));
    for (const kb::ExtractedPage& p : e.pages) {
      FUZZ_CHECK(kb::is_valid_utf8(p.text));
    }
  }

  if (kb::is_valid_utf8(bytes) && kb::looks_like_stray_html(bytes)) {
    FUZZ_CHECK(kb::is_valid_utf8(kb::strip_stray_html(bytes)));
  }
  return 0;
}
