// The document's own number, read from the letterhead's number line ("Số:
// 1407/QĐ-TTg") or the file's title, and every number cited in a text.
#ifndef VNKB_INDEXER_METADATA_NUMBER_H_
#define VNKB_INDEXER_METADATA_NUMBER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/doc_number.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// Where a letterhead's number line puts the number.
struct NumberSlot {
  size_t begin = 0;            // where the number should start
  size_t cell_end = 0;         // end of the cell that holds it
  const char* type = nullptr;  // the type word before "số", if any
};

// Recognizes the number line of a letterhead: "Số: 1407/QĐ-TTg", "Số
// 06/2026/TT-BTC", "Luật số: 80/2015/QH13", "Số: /2025/TT-BNNMT" (not yet
// numbered). The slot may be empty (begin == line.text.size()).
std::optional<NumberSlot> number_slot(const Line& line);

// The document's own number: the one in the slot of the number line
// `number_line` (or on the line after an empty slot), else the first one in
// `file_title`. `type` (a type name, or empty) helps repair a number without
// its type code.
std::optional<DocNumber> read_own_number(const std::vector<Line>& lines,
                                         std::optional<size_t> number_line,
                                         const NumberSlot& slot,
                                         const std::string& type,
                                         std::string_view file_title);

// Every number of `text` in order, including the Government's dotted
// serials ("Nghị quyết số 66.13/2026/NQ-CP"), which find_doc_numbers skips.
std::vector<DocNumber> numbers_in(std::u32string_view text);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_NUMBER_H_
