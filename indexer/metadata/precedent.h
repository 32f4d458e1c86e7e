// Court precedents (án lệ): they carry no letterhead, only their own line
// "Án lệ số 27/2019/AL về …" ("ÁN LỆ SỐ 34/2020/AL1", the 1 a footnote
// mark) with the subject under it, and the date they were passed.
#ifndef VNKB_INDEXER_METADATA_PRECEDENT_H_
#define VNKB_INDEXER_METADATA_PRECEDENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "indexer/metadata/agencies.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

struct Precedent {
  size_t line = 0;      // the "Án lệ số" line
  std::string number;   // "34/2020/AL", footnote mark dropped
  std::string subject;  // "Về quyền lập di chúc …", in sentence case
};

// The precedent line among the first non-blank lines of `lines`, with its
// subject (the rest of the line and the lines under it, up to "Được Hội
// đồng Thẩm phán …"); nullopt when the text is no precedent.
std::optional<Precedent> read_precedent(const std::vector<Line>& lines,
                                        const std::vector<AgencyForm>& forms);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_PRECEDENT_H_
