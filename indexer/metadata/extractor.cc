// The metadata extractor: runs the units of indexer/metadata/ over a
// document's lines.
//
// The same code reads HTML text (table cells joined by tabs, one paragraph a
// line) and PDF text in Poppler's physical layout (both letterhead columns on
// one line, sometimes a single space apart; paragraphs wrapped over several
// lines and separated by blank lines). So the letterhead's left cell is found
// by removing the national motto from the lines above the number rather than
// by column, and paragraphs end at punctuation or blank lines rather than at
// line ends. Columns are only a hint, for PDF cells far to the right.
#include "indexer/metadata/extractor.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "core/doc_number.h"
#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/metadata/agencies.h"
#include "indexer/metadata/doc_type.h"
#include "indexer/metadata/force.h"
#include "indexer/metadata/issuer.h"
#include "indexer/metadata/language.h"
#include "indexer/metadata/letterhead.h"
#include "indexer/metadata/number.h"
#include "indexer/metadata/passages.h"
#include "indexer/metadata/preamble.h"
#include "indexer/metadata/relations.h"
#include "indexer/metadata/signer.h"
#include "indexer/metadata/text_lines.h"
#include "indexer/metadata/title.h"

namespace kb {

using metadata::Letterhead;
using metadata::Line;
using metadata::Preamble;

MetadataExtractor::MetadataExtractor(const Taxonomy& taxonomy)
    : taxonomy_(&taxonomy), forms_(metadata::agency_forms(taxonomy)) {}
MetadataExtractor::~MetadataExtractor() = default;
MetadataExtractor::MetadataExtractor(MetadataExtractor&&) noexcept = default;
MetadataExtractor& MetadataExtractor::operator=(MetadataExtractor&&) noexcept =
    default;

DocMetadata MetadataExtractor::extract(const std::vector<std::string>& pages,
                                       std::string_view file_title) const {
  DocMetadata meta;
  std::string joined;
  for (const std::string& page : pages) {
    joined += page;
    joined += '\n';
  }
  // Extractors already repair legacy encodings and normalize; text handed in
  // by other callers may not be.
  std::string text = to_nfc(std::move(joined));
  DecodedText repaired;
  if (repair_legacy_lines(text, repaired)) {
    text = to_nfc(std::move(repaired.text));
  }
  const std::u32string all = utf8_to_u32(text);
  const std::vector<Line> lines = metadata::split_lines(all);
  meta.language = metadata::language_of(all);

  // PDF layout text separates paragraphs with blank lines; HTML text has one
  // paragraph per line and (almost) no blank lines.
  size_t blank = 0;
  const size_t sample = std::min<size_t>(lines.size(), 200);
  for (size_t i = 0; i < sample; ++i) blank += lines[i].blank() ? 1 : 0;
  const bool layout = sample > 0 && blank * 5 >= sample;

  const Letterhead letterhead = metadata::read_letterhead(lines);
  meta.issue_date = letterhead.date;

  // Type: the heading word; else the type word before "số"; else the type
  // code of the number.
  if (letterhead.heading != nullptr) {
    meta.type = letterhead.heading;
  } else if (letterhead.number_line && letterhead.slot.type != nullptr) {
    meta.type = letterhead.slot.type;
  }
  const std::optional<DocNumber> number = metadata::read_own_number(
      lines, letterhead.number_line, letterhead.slot, meta.type, file_title);
  if (number) {
    meta.number = number->display();
    if (meta.type.empty()) meta.type = type_name_for_code(number->type_code());
  }

  bool has_motto = false;
  const std::vector<const TaxonomyEntry*> issuers = metadata::read_issuers(
      lines, letterhead, number, *taxonomy_, forms_, has_motto);
  for (size_t k = 0; k < issuers.size(); ++k) {
    if (k > 0) meta.issuer += " - ";
    meta.issuer += issuers[k]->name;
  }
  if (!issuers.empty()) meta.issuer_id = issuers.front()->id;

  // Non-official texts: only without any letterhead element.
  if (!letterhead.number_line && !letterhead.heading_line && !has_motto) {
    std::string kind = metadata::non_official_type(lines);
    if (!kind.empty()) meta.type = std::move(kind);
  }

  if (letterhead.heading != nullptr) {
    const std::u32string subject =
        metadata::read_subject(lines, letterhead, forms_, layout);
    meta.title = metadata::make_title(
        letterhead.heading, meta.type, meta.number,
        u32_to_utf8(metadata::sentence_case(subject, forms_)));
  } else if (!file_title.empty()) {
    meta.title = to_nfc(file_title);
  } else if (!meta.type.empty() && !meta.number.empty()) {
    meta.title = meta.type + " số " + meta.number;
  }

  Preamble preamble = metadata::read_preamble(lines, number);
  meta.cites = std::move(preamble.cites);
  // The signature follows the articles; without "Điều 1" it is looked for
  // after the letterhead and heading.
  meta.signer =
      metadata::find_signer(lines, preamble.end.value_or(letterhead.after()));
  const std::vector<metadata::Sentence> sentences =
      metadata::sentences_of(pages);
  meta.relations = metadata::read_relations(sentences, number, meta.cites);
  const metadata::Force force =
      metadata::read_force(sentences, meta.issue_date);
  meta.effective_date = force.effective_date;
  meta.expiry_date = force.expiry_date;
  return meta;
}

DocMetadata extract_metadata(const std::vector<std::string>& pages,
                             const Taxonomy& taxonomy,
                             std::string_view file_title) {
  // One extractor per thread for the last taxonomy seen: deriving the agency
  // forms for every document would cost more than reading it.
  thread_local uint64_t generation = 0;
  thread_local std::optional<MetadataExtractor> extractor;
  if (!extractor || &extractor->taxonomy() != &taxonomy ||
      generation != taxonomy.generation()) {
    extractor.emplace(taxonomy);
    generation = taxonomy.generation();
  }
  return extractor->extract(pages, file_title);
}

}  // namespace kb
