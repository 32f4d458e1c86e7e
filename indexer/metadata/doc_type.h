// The type of a document: the heading word of an official document
// ("NGHỊ ĐỊNH"), the type word before "số" on its number line ("Luật số:"),
// or the kind of a text without a letterhead (news, consultants' reports,
// workshop agendas).
#ifndef VNKB_INDEXER_METADATA_DOC_TYPE_H_
#define VNKB_INDEXER_METADATA_DOC_TYPE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// The type named by a whole heading line ("NGHỊ ĐỊNH" -> "Nghị định"), or
// nullptr. The line must be in capitals and short.
const char* heading_type(const Line& line);

// The type named by the words at `pos` of the folded number line (the
// "Luật" of "Luật số: 80/2015/QH13"), setting `*end` past them; nullptr
// (and `*end` untouched) when none.
const char* type_before_number(std::u32string_view folded, size_t pos,
                               size_t* end);

// The kind of a text without an official letterhead, as the Vietnamese
// label of core/facets.h kDocumentKinds: a negotiation bulletin (ENB), a
// workshop agenda, a consultants' report, minutes, a report, a news
// article, a web page (`web_chrome`: site chrome was found above its
// heading), else "Tài liệu khác". Never empty.
std::string non_official_type(const std::vector<Line>& lines, bool web_chrome);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_DOC_TYPE_H_
