// Fuzzes the document-number parser (core/doc_number.h): parse_doc_number on
// the raw bytes, find_doc_numbers on their code points, the code tables, and
// their contracts (matches ordered and inside the text; a parsed number's
// canonical spelling parses back to the same key).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/doc_number.h"
#include "core/utf8.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  if (const std::optional<kb::DocNumber> n = kb::parse_doc_number(bytes)) {
    const std::string key = n->key();
    (void)n->type_code();
    (void)n->issuer_code();
    const std::optional<kb::DocNumber> again =
        kb::parse_doc_number(n->display());
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->key() == key);
  }

  const std::u32string text = kb::utf8_to_u32(kb::to_nfc(bytes));
  size_t end = 0;
  for (const kb::NumberMatch& m : kb::find_doc_numbers(text)) {
    FUZZ_CHECK(m.begin >= end);
    FUZZ_CHECK(m.begin < m.end);
    FUZZ_CHECK(m.end <= text.size());
    end = m.end;
    (void)m.number.display();
    (void)m.number.key();
  }

  const std::string code = kb::canonical_code(bytes);
  if (!code.empty()) (void)kb::type_name_for_code(code);
  (void)kb::type_code_for_name(bytes);
  return 0;
}
