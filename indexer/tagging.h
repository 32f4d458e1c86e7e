// Networks and topics of a document, from the taxonomy's names and keywords.
#ifndef VNKB_INDEXER_TAGGING_H_
#define VNKB_INDEXER_TAGGING_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/taxonomy.h"

namespace kb {

struct DocumentTags {
  std::vector<std::string> networks;  // taxonomy ids of kind "network"
  std::vector<std::string> topics;    // taxonomy ids of kind "topic"
};

// Tags a document from its title and the text of its pages (any of which may
// be empty), counting Taxonomy::find_mentions over each. A title mention
// weighs as three body mentions.
//   - A network is tagged when one of its names, acronyms or aliases is in the
//     title, or twice in the body, or once written out at length (four or
//     more words, or three Vietnamese syllables: "Liên minh Khoáng sản").
//   - A topic is tagged when one of its names or keywords is in the title, or
//     at least twice in the body and at least 1.5 times per 1,000 words, so
//     that a long legal text naming a keyword in passing is not tagged.
// Each list is ordered by strength (weighted mentions), strongest first; at
// most six topics are kept. Only reads `taxonomy`.
DocumentTags tag_document(std::string_view title,
                          const std::vector<std::string>& pages,
                          const Taxonomy& taxonomy);

// The same from the pages' analyses (analyze() of each page's text, default
// options), for a caller that analyses them anyway: the same tags. `found`,
// when given, receives each page's Taxonomy::find_mentions (every kind).
DocumentTags tag_analysed_document(
    std::string_view title, const std::vector<Analysis>& pages,
    const Taxonomy& taxonomy,
    std::vector<std::vector<Mention>>* found = nullptr);

}  // namespace kb

#endif  // VNKB_INDEXER_TAGGING_H_
