// Legacy Vietnamese encodings: detection and conversion to Unicode.
//
// Old documents were typed in TCVN3 (ABC, ".VnTime" fonts), VNI-Windows or
// VIQR. They reach us either as raw bytes (a text file) or as mojibake inside
// Unicode text (an HTML page or a PDF whose extractor read the legacy bytes as
// Latin-1: "Bé Tµi nguyªn vµ M«i tr­êng"). Poppler also turns TCVN3's ư (byte
// 0xAD) into a plain hyphen: "M«i tr-êng".
//
// Detection works line by line, so a page that mixes Unicode headings with a
// TCVN3 body is repaired where needed: a line is converted only when it shows
// the encoding's signature characters AND converting it turns clearly more of
// its words into valid Vietnamese syllables. Proper Unicode text is never
// changed.
#ifndef VNKB_CORE_LEGACY_ENCODING_H_
#define VNKB_CORE_LEGACY_ENCODING_H_

#include <string>
#include <string_view>

namespace kb {

enum class Encoding { kUnicode, kTcvn3, kVni, kViqr };

// "unicode", "tcvn3", "vni" or "viqr".
const char* encoding_name(Encoding encoding);

struct DecodedText {
  std::string text;  // UTF-8
  // The legacy encoding that was converted (the one that converted the most
  // lines), or kUnicode when nothing was.
  Encoding encoding = Encoding::kUnicode;
  int converted_lines = 0;
};

// Repairs legacy-encoded lines inside UTF-8 text. Ill-formed UTF-8 is treated
// as U+FFFD.
DecodedText repair_legacy_text(std::string_view utf8);

// Same for well-formed UTF-8, but without copying: returns false and leaves
// `out` untouched when no line needed converting.
bool repair_legacy_lines(std::string_view valid_utf8, DecodedText& out);

// Decodes the raw bytes of a text file: UTF-8 (with or without BOM), UTF-16
// with a BOM, or a single-byte legacy file (TCVN3, VNI-Windows; anything else
// is read as Windows-1252), then repairs legacy lines as above.
DecodedText decode_text_file(std::string_view bytes);

// Converts TCVN3 text read as Latin-1 unconditionally (for tests and for PDF
// spans whose font name says ".Vn..."). `hyphen_is_u_horn` also reads a '-'
// between letters as ư, as Poppler produces it.
std::string convert_tcvn3(std::string_view latin1_as_utf8,
                          bool hyphen_is_u_horn);

// True when every letter run of the word is a valid Vietnamese syllable or a
// capital abbreviation (QĐ, TTg). The detector's notion of a good word.
bool is_vietnamese_word(std::string_view utf8);

}  // namespace kb

#endif  // VNKB_CORE_LEGACY_ENCODING_H_
