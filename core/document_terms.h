// Turning a catalog document into a Xapian document (schema.h), and the
// snippet anchors that let the server find a position in a page's text
// without analysing the whole page.
#ifndef VNKB_CORE_DOCUMENT_TERMS_H_
#define VNKB_CORE_DOCUMENT_TERMS_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/analyzer.h"
#include "core/catalog.h"
#include "core/schema.h"
#include "core/taxonomy.h"

namespace kb {

// Adds the terms of `analysis` in both tiers, token positions shifted by
// `start`, each occurrence counting `wdf_inc`. The exact tier is positional;
// the folded tier is too when `folded_positions`, else a word's folded term
// holds wdf alone (its positions are those of its spellings: schema.h); and
// the XPAIR terms of adjacent frequent words (core/word_pairs.h). Returns
// the last position used (start - 1 when there were no tokens).
Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis,
                               Xapian::termpos start, Xapian::termcount wdf_inc,
                               bool folded_positions = true);

// A snippet anchor: the token position (relative to the page) of the first
// token of a line, and the byte offset of that line in the page text.
// Analysing the page text from `byte` yields the same tokens, numbered from
// `position`, as the whole page did.
struct SnippetAnchor {
  uint32_t position = 0;
  uint32_t byte = 0;
};
// Anchors about every `every` tokens, at line starts; serialized for the
// catalog (CatalogPage::anchors).
std::string make_anchors(const Analysis& page, uint32_t every = 256);
std::vector<SnippetAnchor> parse_anchors(const std::string& blob);

// The Xapian document for `doc`: positional text of the title and pages
// (`pages[i]` is the analysis of page i + 1), boolean facet terms, entity
// mentions, value slots and the document data. `data` receives the data.
Xapian::Document build_document(const CatalogDocument& doc,
                                const std::vector<Analysis>& pages,
                                const Taxonomy& taxonomy,
                                schema::DocumentData* data = nullptr);
// The same, asking `analysis_of(i)` for the analysis of page i + 1 when it
// is needed (i from 0 to page_count - 1, once each, in order), so that only
// one page's analysis is held at a time.
// `page_mentions`, when given, holds taxonomy.find_mentions of each page's
// analysis (found already by the caller), so they are not looked for again.
Xapian::Document build_document(
    const CatalogDocument& doc, size_t page_count,
    const std::function<Analysis(size_t)>& analysis_of,
    const Taxonomy& taxonomy, schema::DocumentData* data = nullptr,
    const std::vector<std::vector<Mention>>* page_mentions = nullptr);

// The position index's document for one position: the quote's text in both
// tiers, the actor's names as entity terms, facet terms and values, and
// PositionData as its data.
struct PositionData {
  int64_t id = 0;
  int64_t doc_id = 0;
  std::string actor, stance, process, forum, date, quote, source;
  // The forum as written and what the stance is about (PositionRecord).
  std::string forum_name, target;
  // The actor's name when the taxonomy does not know it (an open actor,
  // "x:..."): the API's label; empty otherwise.
  std::string actor_label;
  std::vector<std::string> topics;
  int page = 0;
  std::string doc_title, doc_number;

  std::string to_json() const;
  static PositionData from_json(
      std::string_view json);  // throws std::runtime_error
};
Xapian::Document build_position_document(const PositionData& position,
                                         const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_CORE_DOCUMENT_TERMS_H_
