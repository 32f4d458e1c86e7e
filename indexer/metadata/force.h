// When a document comes into force and, where it says so, when it ends:
// "… này có hiệu lực (thi hành) (kể) từ ngày 01 tháng 7 năm 2026", "… kể từ
// ngày ký (ban hành)", "… từ ngày thông qua", "… sau 45 ngày kể từ ngày ký",
// "… đến hết ngày 28 tháng 02 năm 2027".
#ifndef VNKB_INDEXER_METADATA_FORCE_H_
#define VNKB_INDEXER_METADATA_FORCE_H_

#include <string>
#include <vector>

#include "indexer/metadata/passages.h"

namespace kb::metadata {

struct Force {
  std::string effective_date;  // YYYY-MM-DD, "" when not found
  std::string expiry_date;     // YYYY-MM-DD, "" when not stated
  std::string sentence;        // the sentence both were read from
  int page = 0;
};

// The first sentence where this document ("<Loại> này") "có hiệu lực".
// `issue_date` (YYYY-MM-DD or "") resolves "kể từ ngày ký"; without it, a
// law's "thông qua ngày …" line does.
Force read_force(const std::vector<Sentence>& sentences,
                 const std::string& issue_date);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_FORCE_H_
