// The Xapian index schema: the one place that defines every term prefix and
// value slot, shared by the indexer (writes) and the server (reads).
//
// clang-format off
// Term prefixes (Omega conventions: Q unique id, Z normalized form; X... ours):
//
// | prefix  | holds                                         | kind        | example              |
// |---------|-----------------------------------------------|-------------|----------------------|
// | Q       | catalog id of the document                    | boolean     | Q42                  |
// | (none)  | exact tier: canonical words                   | positional  | hòa                  |
// | Z       | folded tier: words without diacritics         | wdf (pos.   | Zhoa                 |
// |         | (positions of numbers only: a word's are      | of numbers) |                      |
// |         | those of its spellings in the exact tier)     |             |                      |
// | XPAIR   | two frequent folded words at consecutive      | wdf 0       | XPAIRquy dinh        |
// |         | positions (core/word_pairs.h)                 |             |                      |
// | XNUM    | the document's own number, full key           | boolean     | XNUM1407/qd-ttg      |
// | XSER    | own number without issuer: serial,            | boolean     | XSER1407             |
// |         | serial/type, and serial/year/type for         |             | XSER1407/qd          |
// |         | normative ones                                |             | XSER30/2020/nd       |
// | XCITE   | a number the document cites, full key         | boolean     | XCITE1407/qd-ttg     |
// | XREL    | a number it amends, replaces, repeals, guides, | boolean     | XREL1407/qd-ttg      |
// |         | corrects or mentions (core/relation.h)        |             |                      |
// | XNET    | network or alliance (taxonomy id)             | boolean     | XNETlmks             |
// | XTOPIC  | topic (taxonomy id)                           | boolean     | XTOPICplastics       |
// | XTYPE   | document type key                             | boolean     | XTYPEquyet-dinh      |
// | XISSUER | issuer key (taxonomy id or folded name)       | boolean     | XISSUERttg           |
// | XYEAR   | year of the issue date                        | boolean     | XYEAR2021            |
// | XSTATUS | indexed / needs-ocr                           | boolean     | XSTATUSneeds-ocr     |
// | XFMT    | source format: pdf html docx text             | boolean     | XFMTpdf              |
// | XENT    | a taxonomy entity named in the text, under    | wdf = count | XENTbtnmt            |
// |         | any of its names or acronyms                  |             |                      |
// | XSTEM   | English tier: the English stem of a word of   | wdf = count | XSTEMnegoti          |
// |         | English text (wdf 0 on Vietnamese pages)       | (no pos.)   |                      |
// |         | (core/english_terms.h)                        |             |                      |
// | XLANG   | language: vi, en, mixed (core/language.h)     | boolean     | XLANGen              |
//
// XPAIR makes a two-word phrase one posting list, and narrows a longer one
// to the documents holding all its pairs before positions are checked; the
// server's counting pass and word-pair statistics use it
// (search-server/query_builder.h). Only pairs of frequent words are held:
// a phrase with a rarer word is as fast over positions.
//
// Keys after a prefix are lower case (folded for numbers and types), so a
// capital letter never follows a prefix.
//
// Value slots:
//
// | slot | holds                                        | encoding                              |
// |------|----------------------------------------------|---------------------------------------|
// | 0    | issue date                                   | "YYYYMMDD" (sortable)                 |
// | 1    | year                                         | "YYYY"                                |
// | 2    | type key                                     | as in XTYPE                           |
// | 3    | issuer key                                   | as in XISSUER                         |
// | 4    | own number key                               | as in XNUM                            |
// | 5    | network ids                                  | ids joined by '\x1f'                  |
// | 6    | topic ids                                    | ids joined by '\x1f'                  |
// | 7    | every facet, packed (facet counting)         | fields of PackedFacet joined by '\x1e' |
//
// The position index (a second database, see PositionData) uses the text
// prefixes (exact tier, Z with positions, XPAIR) for the quote, XTOPIC, XNET (the actor's
// networks), XYEAR and XENT as above, and:
//
// | prefix  | holds                                         | kind        | example              |
// |---------|-----------------------------------------------|-------------|----------------------|
// | XACTOR  | the actor (taxonomy id)                       | boolean     | XACTORbng            |
// | XPROC   | the process (taxonomy id)                     | boolean     | XPROCplastics-treaty |
// | XFORUM  | the forum (taxonomy id)                       | boolean     | XFORUMvpa-jpc        |
// | XSTANCE | the stance                                    | boolean     | XSTANCEleads         |
// | XDOC    | the document's catalog id                     | boolean     | XDOC42               |
//
// Its slot 0 holds the date as YYYYMMDD (a year alone as YYYY0101, a month as
// YYYYMM01: core/dates.h sortable_date) and slot 7 packs actor, stance, process, topics, year and
// networks (see pack_position_facets).
// clang-format on
//
// Document data: a JSON object (DocumentData) with what a search hit shows,
// so a hit needs no catalog lookup.
//
// Positions: the title first, then each page; every field and page starts
// kPositionGap after the previous one, so a phrase never spans two pages.
// DocumentData::page_starts gives the first position of each page.
#ifndef VNKB_CORE_SCHEMA_H_
#define VNKB_CORE_SCHEMA_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kb::schema {

inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kFoldedPrefix = "Z";
inline constexpr std::string_view kPairPrefix = "XPAIR";
inline constexpr std::string_view kNumberPrefix = "XNUM";
inline constexpr std::string_view kSerialPrefix = "XSER";
inline constexpr std::string_view kCitePrefix = "XCITE";
inline constexpr std::string_view kRelatedPrefix = "XREL";
inline constexpr std::string_view kNetworkPrefix = "XNET";
inline constexpr std::string_view kTopicPrefix = "XTOPIC";
inline constexpr std::string_view kTypePrefix = "XTYPE";
inline constexpr std::string_view kIssuerPrefix = "XISSUER";
inline constexpr std::string_view kYearPrefix = "XYEAR";
inline constexpr std::string_view kStatusPrefix = "XSTATUS";
inline constexpr std::string_view kFormatPrefix = "XFMT";
inline constexpr std::string_view kEntityPrefix = "XENT";
inline constexpr std::string_view kStemPrefix = "XSTEM";
inline constexpr std::string_view kLanguagePrefix = "XLANG";
inline constexpr std::string_view kActorPrefix = "XACTOR";
inline constexpr std::string_view kProcessPrefix = "XPROC";
inline constexpr std::string_view kForumPrefix = "XFORUM";
inline constexpr std::string_view kStancePrefix = "XSTANCE";
inline constexpr std::string_view kDocPrefix = "XDOC";

enum Slot : Xapian::valueno {
  kDateSlot = 0,
  kYearSlot = 1,
  kTypeSlot = 2,
  kIssuerSlot = 3,
  kNumberSlot = 4,
  kNetworksSlot = 5,
  kTopicsSlot = 6,
  kFacetsSlot = 7,
};

// The fields of a position's kFacetsSlot, in order.
enum PackedPositionFacet {
  kPackedActor,
  kPackedStance,
  kPackedProcess,  // the process and the forum, a list
  kPackedPositionTopics,
  kPackedPositionYear,
  kPackedActorNetworks
};

// The fields of kFacetsSlot, in order.
enum PackedFacet {
  kPackedType,
  kPackedIssuer,
  kPackedYear,
  kPackedNumber,
  kPackedNetworks,
  kPackedTopics,
  kPackedLanguage
};
inline constexpr char kFieldSeparator = '\x1e';

inline constexpr char kListSeparator = '\x1f';
inline constexpr Xapian::termpos kPositionGap = 100;
// Title words count this many times a body word (wdf). Tuned on the ALQAC
// 2023 train queries (tools/eval): 1 -> nDCG@10 0.881, 3 -> 0.909, 5 -> 0.912.
inline constexpr Xapian::termcount kTitleWeight = 5;

// Xapian refuses longer terms; a longer pair is not indexed (and not asked).
inline constexpr size_t kMaxTermBytes = 240;

// The folded-tier term of a folded word (a word typed without diacritics).
inline std::string folded_term(std::string_view folded) {
  std::string t(kFoldedPrefix);
  t.append(folded);
  return t;
}

// The XPAIR term of two folded words.
inline std::string pair_term(std::string_view first, std::string_view second) {
  std::string t(kPairPrefix);
  t.append(first).append(" ").append(second);
  return t;
}

// Whether the XPAIR term of these folded words fits in a Xapian term.
inline bool pair_term_fits(std::string_view first, std::string_view second) {
  return kPairPrefix.size() + first.size() + 1 + second.size() <= kMaxTermBytes;
}

// Metadata keys for the whole database.
inline constexpr std::string_view kSchemaVersionKey = "vnkb:schema";
// 5: XREL; 6: XSTEM, XLANG and the language in kFacetsSlot; 7: folded
// words without positions (a phrase of folded words is checked on the
// positions of their spellings, search-server/query_builder.h); 8: XPAIR
// only for pairs of frequent words (core/word_pairs.h); 9: a position's
// XLANG, XSTEM (English quotes) and XENT of its topics; 10: a position's
// XENT of its forum and process.
inline constexpr std::string_view kSchemaVersion = "10";

// What a search hit shows; stored as the Xapian document data (JSON).
struct DocumentData {
  int64_t id = 0;
  std::string title;
  std::string type;                   // display name: "Quyết định"
  std::string number;                 // display: "1407/QĐ-TTg"
  std::string issuer;                 // display name
  std::string issue_date;             // YYYY-MM-DD or empty
  std::vector<std::string> networks;  // taxonomy ids
  std::vector<std::string> topics;    // taxonomy ids
  std::string status;                 // "indexed" or "needs-ocr"
  std::string language;               // "vi", "en", "mixed" or empty
  int pages = 0;
  std::vector<Xapian::termpos> page_starts;  // first position of each page

  std::string to_json() const;
  // Throws std::runtime_error on malformed data.
  static DocumentData from_json(std::string_view json);
};

// "Q42".
std::string id_term(int64_t id);
// Boolean term for a key under `prefix`: prefix + key.
std::string term(std::string_view prefix, std::string_view key);
// Facet key for a display value: folded, lower case, spaces as '-':
// "Quyết định" -> "quyet-dinh".
std::string facet_key(std::string_view display);
// Joins ids for a list slot.
std::string join_list(const std::vector<std::string>& ids);
std::vector<std::string> split_list(std::string_view value);
// The kFacetsSlot value, and its fields back (views into `packed`). A
// position packs no language (the field stays out of its value).
std::string pack_facets(std::string_view type, std::string_view issuer,
                        std::string_view year, std::string_view number,
                        std::string_view networks, std::string_view topics,
                        std::string_view language = {});
std::vector<std::string_view> unpack_facets(std::string_view packed);
// Dates for kDateSlot: core/dates.h sortable_date.

}  // namespace kb::schema

#endif  // VNKB_CORE_SCHEMA_H_
