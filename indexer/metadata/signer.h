// The person who signed a document, read from its signature block.
#ifndef VNKB_INDEXER_METADATA_SIGNER_H_
#define VNKB_INDEXER_METADATA_SIGNER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// A cell that opens a signature block: "KT. BỘ TRƯỞNG", "THỦ TƯỚNG" (in
// capitals; a signing mark or a role). `folded` is `text` folded.
bool is_authority(std::u32string_view text, std::u32string_view folded);

// The signer's name without a rank ("Vũ Hải Sản"): the first person's name
// after a signing authority at or below line `begin`; empty when none.
std::string find_signer(const std::vector<Line>& lines, size_t begin);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_SIGNER_H_
