// Official document numbers ("số, ký hiệu"): recognition and canonical form.
//
// Forms (Decree 30/2020/NĐ-CP, Law 80/2015/QH13 art. 10):
//   administrative  <serial>/<type>-<issuer>          1407/QĐ-TTg, 538/QĐ-BTNMT
//   normative       <serial>/<year>/<type>-<issuer>   30/2020/NĐ-CP
//   laws            <serial>/<year>/<issuer+term>     80/2015/QH13
//   official letter <serial>/<issuer>-<unit>          123/BTNMT-TCMT
// Variants in the wild are accepted: 1407/QĐTTg (glued), 1407/QD-TTg (no
// diacritic), "1407 / QĐ - TTg" (spaces), TT-BCt (case), Cyrillic look-alikes
// (TT-BTС). Dates (16/8/2021), fractions (1/2) and phone numbers are not
// numbers: the part after the slash must be a code, i.e. a known type or
// issuer code or an all-capital abbreviation.
#ifndef VNKB_CORE_DOC_NUMBER_H_
#define VNKB_CORE_DOC_NUMBER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

struct DocNumber {
  std::string serial;              // digits as written: "01"
  std::string year;                // "2020", or empty
  std::vector<std::string> codes;  // canonical spelling: {"QĐ", "TTg"}

  // "1407/QĐ-TTg", "01/2011/TT-BNV": the canonical spelling, serial as written.
  std::string display() const;
  // "1407/qd-ttg", "1/2011/tt-bnv": what matches; serial without leading
  // zeros, codes folded to lower-case ASCII. Equal keys = same document.
  std::string key() const;
  // The first code when it is a document-type code ("QĐ", "NĐ", "TT"), else
  // empty (official letters and laws carry no type code).
  std::string type_code() const;
  // The issuer code: the code after the type (or the first code when there
  // is no type), without a National Assembly term suffix: "TTg", "QH".
  std::string issuer_code() const;
};

struct NumberMatch {
  size_t begin = 0;  // code-point offsets into the searched text
  size_t end = 0;
  DocNumber number;
};

// Every document number in `text` (NFC), left to right, non-overlapping.
std::vector<NumberMatch> find_doc_numbers(std::u32string_view text);

// Tries to match a document number starting exactly at `begin`.
std::optional<NumberMatch> match_doc_number(std::u32string_view text,
                                            size_t begin);

// Parses a string that is exactly one document number (surrounding spaces
// allowed): "1407/QD-TTg" -> {1407, "", {QĐ, TTg}}.
std::optional<DocNumber> parse_doc_number(std::string_view utf8);

// Canonical spelling of a known type or issuer code, matched ignoring case
// and diacritics ("qd" -> "QĐ", "bgddt" -> "BGDĐT"); empty when unknown.
std::string canonical_code(std::string_view utf8);

// The document type a type code stands for: "QĐ" -> "Quyết định"; empty
// when unknown.
std::string type_name_for_code(std::string_view canonical_code);
// The type code of a document type name, ignoring case and diacritics:
// "quyet dinh" -> "QĐ"; empty when unknown.
std::string type_code_for_name(std::string_view name);

}  // namespace kb

#endif  // VNKB_CORE_DOC_NUMBER_H_
