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
#include "core/language.h"
#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/metadata/agencies.h"
#include "indexer/metadata/dates_in_text.h"
#include "indexer/metadata/doc_type.h"
#include "indexer/metadata/english_number.h"
#include "indexer/metadata/force.h"
#include "indexer/metadata/heading.h"
#include "indexer/metadata/issuer.h"
#include "indexer/metadata/letterhead.h"
#include "indexer/metadata/number.h"
#include "indexer/metadata/passages.h"
#include "indexer/metadata/preamble.h"
#include "indexer/metadata/precedent.h"
#include "indexer/metadata/relations.h"
#include "indexer/metadata/signer.h"
#include "indexer/metadata/text_lines.h"
#include "indexer/metadata/title.h"
#include "indexer/read/title.h"

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
                                       std::string_view file_title,
                                       bool ocr) const {
  DocMetadata meta;
  std::string joined;
  for (const std::string& page : pages) {
    joined += page;
    joined += '\n';
  }
  // The first line of each page, for running headers (repairs below keep
  // the lines as they are).
  std::vector<size_t> page_starts;
  size_t line_no = 0;
  for (const std::string& page : pages) {
    page_starts.push_back(line_no);
    line_no +=
        static_cast<size_t>(std::count(page.begin(), page.end(), '\n')) + 1;
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
  meta.language = language_of_pages(pages);

  // PDF layout text separates paragraphs with blank lines; HTML text has one
  // paragraph per line and (almost) no blank lines.
  size_t blank = 0;
  const size_t sample = std::min<size_t>(lines.size(), 200);
  for (size_t i = 0; i < sample; ++i) blank += lines[i].blank() ? 1 : 0;
  const bool layout = sample > 0 && blank * 5 >= sample;

  const Letterhead letterhead = metadata::read_letterhead(lines);
  meta.issue_date = letterhead.date;
  if (!meta.issue_date.empty()) meta.rules["issue_date"] = "place-date line";

  // Type: the heading word; else the type word before "số"; else the type
  // code of the number.
  if (letterhead.heading != nullptr) {
    meta.type = letterhead.heading;
    meta.rules["type"] = "heading";
  } else if (letterhead.number_line && letterhead.slot.type != nullptr) {
    meta.type = letterhead.slot.type;
    meta.rules["type"] = "number line";
  }
  // A file title taken from the text (a PDF's largest text) names the
  // numbers the text mentions, not one of its own.
  const std::u32string file_title32 = utf8_to_u32(to_nfc(file_title));
  const std::string_view number_title =
      metadata::opening_contains(lines, file_title32) ? std::string_view()
                                                      : file_title;
  std::optional<DocNumber> number = metadata::read_own_number(
      lines, letterhead.number_line, letterhead.slot, meta.type, number_title);
  const bool english_number = !number && meta.language == "en";
  if (english_number) number = metadata::english_own_number(lines);
  if (number) {
    meta.number = number->display();
    meta.rules["number"] = english_number           ? "English heading"
                           : letterhead.number_line ? "number line"
                                                    : "text";
    if (meta.type.empty()) {
      meta.type = type_name_for_code(number->type_code());
      meta.rules["type"] = "number's type code";
    }
  }

  bool has_motto = false;
  const std::vector<const TaxonomyEntry*> issuers = metadata::read_issuers(
      lines, letterhead, number, *taxonomy_, forms_, has_motto);
  for (size_t k = 0; k < issuers.size(); ++k) {
    if (k > 0) meta.issuer += " - ";
    meta.issuer += issuers[k]->name;
  }
  if (!issuers.empty()) {
    meta.issuer_id = issuers.front()->id;
    meta.rules["issuer"] = "letterhead";
  }

  // Texts without any letterhead element: a court precedent, or their own
  // heading, the date of their opening lines and their kind.
  const bool official =
      letterhead.number_line || letterhead.heading_line || has_motto;
  metadata::Heading heading;
  std::optional<metadata::Precedent> precedent;
  if (!official) precedent = metadata::read_precedent(lines, forms_);
  if (precedent) {
    meta.type = "Án lệ";
    meta.rules["type"] = "precedent line";
    meta.number = precedent->number;
    meta.rules["number"] = "precedent line";
    meta.title = "Án lệ số " + meta.number;
    if (!precedent->subject.empty()) meta.title += " " + precedent->subject;
    meta.rules["title"] = "precedent line";
  } else if (!official) {
    heading = metadata::read_heading(lines, page_starts, forms_);
    // A translation's heading names its number ("Decision No. 40/QD-TTg"):
    // its type is the number's, not a kind of text.
    if (!(english_number && number && !meta.type.empty())) {
      meta.type = metadata::non_official_type(lines, heading.chrome);
      meta.rules["type"] = "kind of text";
    }
    if (meta.issue_date.empty()) {
      if (const auto d =
              metadata::opening_date(lines, heading.line.value_or(0))) {
        meta.issue_date = d->date;
        meta.rules["issue_date"] = d->rule;
      }
    }
    // A web page's date stamp at its end ("6/9/2023 12:32:28 PM").
    if (meta.issue_date.empty()) {
      meta.issue_date = metadata::closing_timestamp(lines);
      if (!meta.issue_date.empty()) meta.rules["issue_date"] = "closing stamp";
    }
  }

  // Laws, ordinances, resolutions and precedents are dated by the sentence
  // that passed them when the letterhead has no date.
  if (meta.issue_date.empty() &&
      (meta.type == "Luật" || meta.type == "Bộ luật" ||
       meta.type == "Pháp lệnh" || meta.type == "Nghị quyết" ||
       meta.type == "Nghị quyết liên tịch" || meta.type == "Án lệ")) {
    meta.issue_date = metadata::adoption_date(lines);
    if (!meta.issue_date.empty()) meta.rules["issue_date"] = "passed on";
  }

  if (precedent) {
    // Titled above.
  } else if (letterhead.heading != nullptr) {
    const std::u32string subject =
        metadata::read_subject(lines, letterhead, forms_, layout, ocr);
    meta.title = metadata::make_title(
        letterhead.heading, meta.type, meta.number,
        u32_to_utf8(metadata::sentence_case(subject, forms_)));
    meta.rules["title"] = "heading and subject";
  } else if (!official && !looks_like_file_name(file_title) &&
             metadata::shows_title(lines, file_title32)) {
    // The file's own title written as a line of the text (a PDF's largest
    // text on page 1, read/pdf_title.h; a page's <title> as its heading).
    meta.title = u32_to_utf8(metadata::sentence_case(file_title32, forms_));
    meta.rules["title"] = "file title shown as heading";
  } else if (!heading.title.empty() &&
             (std::string_view(heading.rule) != "opening words" ||
              looks_like_file_name(file_title))) {
    meta.title = heading.title;
    meta.rules["title"] = heading.chrome
                              ? std::string(heading.rule) + " after site chrome"
                              : heading.rule;
  } else if (!looks_like_file_name(file_title) &&
             !(official && metadata::opening_contains(lines, file_title32))) {
    // (A letterhead's own words taken as the file's title are no better
    // than its type and number.)
    meta.title = to_nfc(file_title);
    meta.rules["title"] = "file title";
  } else if (!meta.type.empty() && !meta.number.empty()) {
    meta.title = meta.type + " số " + meta.number;
    meta.rules["title"] = "type and number";
  } else {
    // A letterhead without a heading, and nothing better: the text's own
    // first heading before a file name.
    if (official) heading = metadata::read_heading(lines, page_starts, forms_);
    if (!heading.title.empty()) {
      meta.title = heading.title;
      meta.rules["title"] = heading.rule;
    } else if (!file_title.empty()) {
      meta.title = to_nfc(file_title);
      meta.rules["title"] = "file title";
    }
  }

  // A motto without a heading or number (a joint statement quoted in the
  // news) names no legal type: the text is read as one without a letterhead.
  if (meta.type.empty() && !precedent) {
    if (!heading.line)
      heading = metadata::read_heading(lines, page_starts, forms_);
    meta.type = metadata::non_official_type(lines, heading.chrome);
    meta.rules["type"] = "kind of text";
  }

  Preamble preamble = metadata::read_preamble(lines, number);
  meta.cites = std::move(preamble.cites);
  if (!meta.cites.empty()) meta.rules["cites"] = "preamble";
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
  if (!meta.signer.empty()) meta.rules["signer"] = "signature";
  return meta;
}

DocMetadata extract_metadata(const std::vector<std::string>& pages,
                             const Taxonomy& taxonomy,
                             std::string_view file_title, bool ocr) {
  // One extractor per thread for the last taxonomy seen: deriving the agency
  // forms for every document would cost more than reading it.
  thread_local uint64_t generation = 0;
  thread_local std::optional<MetadataExtractor> extractor;
  if (!extractor || &extractor->taxonomy() != &taxonomy ||
      generation != taxonomy.generation()) {
    extractor.emplace(taxonomy);
    generation = taxonomy.generation();
  }
  return extractor->extract(pages, file_title, ocr);
}

}  // namespace kb
