// The own number of an official English translation: its heading names the
// type and the number ("Decree No. 18/2021/ND-CP", "DECISION No.
// 1873/QD-TTg", "Circular No.: 25/2021/TT-BTC"), where a Vietnamese
// letterhead has "Số: ...". The number is the Vietnamese original's
// (core/doc_number.h reads ND as NĐ), so the two are one family
// (search-server/translations.h).
#ifndef VNKB_INDEXER_METADATA_ENGLISH_NUMBER_H_
#define VNKB_INDEXER_METADATA_ENGLISH_NUMBER_H_

#include <optional>
#include <vector>

#include "core/doc_number.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// The number after "No." (or "No:", "Number") on one of the first ten
// non-blank lines, when a document type word of English translations stands
// before it on that line; nullopt otherwise.
std::optional<DocNumber> english_own_number(const std::vector<Line>& lines);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_ENGLISH_NUMBER_H_
