// Metadata of a document read from its text: its own number, type, issuer,
// issue date, signer, the numbers it cites and its title. (Networks and
// topics come from tagging.h.) The one entry point of indexer/metadata/.
#ifndef VNKB_INDEXER_METADATA_EXTRACTOR_H_
#define VNKB_INDEXER_METADATA_EXTRACTOR_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/relation.h"
#include "core/taxonomy.h"

namespace kb {

namespace metadata {
struct AgencyForm;
}  // namespace metadata

struct DocMetadata {
  // "<Type> số <number> <subject>" from the heading ("Luật <subject> số
  // <number>" for laws); a text without a letterhead: its own heading
  // (metadata/heading.h); else the file's own title.
  std::string title;
  // Document type name: "Quyết định", "Nghị định", "Thông tư", "Luật",
  // "Thông tư liên tịch", ...; non-official texts: "Tin bài", "Báo cáo tư
  // vấn", "Chương trình hội thảo" (only when the text clearly is one).
  std::string type;
  // The document's own number, canonical display ("1407/QĐ-TTg"), as
  // DocNumber::display() prints it; a dotted serial stays ("66.12/2026/NQ-CP").
  std::string number;
  // Official mixed-case name: "Thủ tướng Chính phủ"; joint documents: the
  // names joined by " - ".
  std::string issuer;
  std::string issuer_id;  // taxonomy id of the (lead) issuer when known
  // From the "<place>, ngày ..." line: YYYY-MM-DD. A text without a
  // letterhead: the date of its opening lines, of its precision (YYYY-MM-DD,
  // YYYY-MM or YYYY).
  std::string issue_date;
  // Person who signed, when the text names one: the first signature after
  // the articles, without a rank ("Vũ Hải Sản").
  std::string signer;
  // Numbers cited (display form) in the "Căn cứ" paragraphs before Điều 1,
  // Chương I or Phần; first appearance order, own number excluded.
  std::vector<std::string> cites;
  // "vi", "en" or "mixed" (core/language.h); empty when the text has no words
  std::string language;
  // Typed relations with their sentences (metadata/relations.h): cites
  // (the numbers above, first), amends, replaces, repeals, guides,
  // corrects, and every other number as "mentions".
  std::vector<Relation> relations;
  // Dates of force (metadata/force.h), YYYY-MM-DD or "".
  std::string effective_date, expiry_date;
  // The rule each field found (non-empty) was read by, by field name of
  // core/catalog.h kMetadataFields ("title" -> "repeated heading",
  // "issue_date" -> "dateline", "title" -> "file title", ...).
  std::map<std::string, std::string> rules;
};

// Reads documents' metadata. Build one per run (or per taxonomy): it derives
// the agencies' name forms from the taxonomy once.
//
// Thread safety: extract() is const and may be called from several threads
// at once.
class MetadataExtractor {
 public:
  // The issuer names come from the agencies of `taxonomy` (kind "agency").
  // REQUIRES: `taxonomy` outlives the extractor and is not assigned to.
  explicit MetadataExtractor(const Taxonomy& taxonomy);
  ~MetadataExtractor();
  MetadataExtractor(MetadataExtractor&&) noexcept;
  MetadataExtractor& operator=(MetadataExtractor&&) noexcept;
  MetadataExtractor(const MetadataExtractor&) = delete;
  MetadataExtractor& operator=(const MetadataExtractor&) = delete;

  // Reads the metadata of a document from the text of its pages (page 1
  // first): HTML text (table cells tab-separated) or PDF text in physical
  // layout. `file_title` is the title the file itself declares (PDF Title,
  // or a PDF's largest text on page 1 when it has none; HTML <title>): the
  // title of a text without a letterhead that writes it as a line of its
  // opening, else used only when the text yields none, and for the number
  // when the text has no letterhead number. `ocr`: page 1 was recognised
  // from a scan, so the title leaves OCR noise out. Fields that are not
  // found stay empty.
  DocMetadata extract(const std::vector<std::string>& pages,
                      std::string_view file_title = {}, bool ocr = false) const;

  // The taxonomy the extractor reads agencies from.
  const Taxonomy& taxonomy() const { return *taxonomy_; }

 private:
  const Taxonomy* taxonomy_;
  std::vector<metadata::AgencyForm> forms_;  // longest first
};

// The same as MetadataExtractor(taxonomy).extract(pages, file_title, ocr), with
// the extractor kept per thread while `taxonomy` (same object, same
// generation) is the same. For callers that have no extractor of their own;
// new code should hold a MetadataExtractor.
DocMetadata extract_metadata(const std::vector<std::string>& pages,
                             const Taxonomy& taxonomy,
                             std::string_view file_title = {},
                             bool ocr = false);

}  // namespace kb

#endif  // VNKB_INDEXER_METADATA_EXTRACTOR_H_
