// Typed relations read from a document's sentences: what it amends,
// replaces, repeals, guides or corrects (a verb this document speaks: at the
// start of a title, article or item — "Sửa đổi, bổ sung một số điều của Nghị
// định số …", "Bãi bỏ Điều 5 của …" — or after "<Loại> này" — "Quyết định
// này thay thế Quyết định số …"; or "Thông tư số … hết hiệu lực kể từ ngày
// …"), what it cites (the "Căn cứ" paragraphs; "Pursuant to" in an English
// translation) and every other number it
// mentions. Numbers inside quotations (text inserted into another document)
// are only mentioned.
#ifndef VNKB_INDEXER_METADATA_RELATIONS_H_
#define VNKB_INDEXER_METADATA_RELATIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/doc_number.h"
#include "core/relation.h"
#include "indexer/metadata/passages.h"

namespace kb::metadata {

// The relations of a document from its sentences: one per (kind, number,
// scope), the first sentence kept; a number with a typed relation or a
// citation is not also "mentioned". `own` (the document's own number) is
// never a target. `cites` are the numbers the preamble cites (their
// sentences are looked up in the "Căn cứ" paragraphs).
std::vector<Relation> read_relations(const std::vector<Sentence>& sentences,
                                     const std::optional<DocNumber>& own,
                                     const std::vector<std::string>& cites);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_RELATIONS_H_
