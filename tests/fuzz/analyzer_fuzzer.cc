// Fuzzes the text analysis (core/analyzer.h): any bytes, both options, and
// the token contract (offsets inside the analysed text, positions in order).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/analyzer.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the options, the rest is the text.
  kb::AnalyzeOptions options;
  options.repair_legacy = (data[0] & 1) != 0;
  options.canonical_text = (data[0] & 2) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1,
                              size - 1);

  const kb::Analysis a = kb::analyze(text, options);
  uint32_t last_position = 0;
  for (const kb::Token& t : a.tokens) {
    FUZZ_CHECK(t.begin <= t.end);
    FUZZ_CHECK(t.end <= a.text.size());
    FUZZ_CHECK(t.position >= last_position);
    last_position = t.position;
  }
  if (!options.canonical_text) {
    FUZZ_CHECK(a.canonical.empty() && a.folded.empty());
  }

  (void)kb::canonical_string(text);
  (void)kb::folded_string(text);
  return 0;
}
