// The one analysis of Vietnamese text shared by the indexer and the server.
//
// Pipeline: legacy-encoding repair (TCVN3, VNI, VIQR) -> NFC -> tokens.
// Tokens are
//   - words: runs of letters, marks and digits ("hòa", "qh13"), each with an
//     exact term (canonical_word: case-folded, one tone placement, Đ unified)
//     and a folded term (no diacritics);
//   - numbers kept whole ("1.000.000", "3,5"); dates d/m/yyyy become
//     "yyyy-mm-dd" so 16/8/2021 and 16-08-2021 meet (core/dates.h: real
//     calendar dates only, so 31/02/2024 stays a number);
//   - official document numbers as one entity ("1407/qđ-ttg", folded
//     "1407/qd-ttg") followed by their parts (1407, qđ, ttg) so each part is
//     searchable too. The entity shares its position with its serial.
// Abbreviations joined by & - / ("TN&MT", "VPA-FLEGT", "JPC/JIC") become their
// parts at consecutive positions, so a phrase of the parts finds them.
#ifndef VNKB_CORE_ANALYZER_H_
#define VNKB_CORE_ANALYZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_number.h"
#include "core/legacy_encoding.h"

namespace kb {

enum class TokenKind : uint8_t { kWord, kNumber, kDocNumber, kDocNumberPart };

struct Token {
  std::string exact;   // canonical term (exact tier)
  std::string folded;  // folded term (folded tier)
  uint32_t position = 0;
  uint32_t begin = 0;  // byte offsets into Analysis::text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

struct Analysis {
  std::string text;  // the analysed text: legacy-repaired, NFC
  Encoding encoding = Encoding::kUnicode;
  std::vector<Token> tokens;
  std::vector<DocNumber> numbers;
  // Only with AnalyzeOptions::canonical_text: the whole text in canonical and
  // folded form (whitespace runs collapsed to one space).
  std::string canonical;
  std::string folded;
};

struct AnalyzeOptions {
  bool repair_legacy = true;
  bool canonical_text = false;
};

// Terms longer than this many bytes are not indexed (as Xapian's own
// TermGenerator does); they are almost always garbage.
constexpr size_t kMaxTermBytes = 64;

// Analyses `utf8` (any bytes; ill-formed UTF-8 becomes U+FFFD).
Analysis analyze(std::string_view utf8, const AnalyzeOptions& options = {});

// Canonical and folded form of a single word or short string, as analyze()
// would write them (for taxonomy aliases, facet keys and tests).
std::string canonical_string(std::string_view utf8);
std::string folded_string(std::string_view utf8);

}  // namespace kb

#endif  // VNKB_CORE_ANALYZER_H_
