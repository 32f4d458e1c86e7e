// Encoding and decoding the OCR helper's messages.
#include "indexer/read/ocr_protocol.h"

#include <algorithm>
#include <cmath>

#include "indexer/read/helper.h"

namespace kb::ocr {

std::string encode_record(uint8_t type, int page, const OcrPageResult& r) {
  std::string body;
  body.push_back(static_cast<char>(type));
  helper::put_u32(body, static_cast<uint32_t>(page));
  helper::put_string(body, r.key);
  helper::put_u32(body, r.ok ? 1 : 0);
  helper::put_u32(body, static_cast<uint32_t>(
                            std::lround(std::max(r.confidence, 0.0) * 100)));
  helper::put_u32(body, static_cast<uint32_t>(std::lround(r.seconds * 1000)));
  helper::put_string(body, r.text);
  helper::put_string(body, r.error);
  std::string out;
  helper::put_u32(out, static_cast<uint32_t>(body.size()));
  return out + body;
}

bool decode_record(std::string_view body, Record& rec) {
  helper::Reader r(body);
  uint32_t ok = 0, confidence = 0, millis = 0;
  if (!r.u8(rec.type) || !r.u32(rec.page) || !r.string(rec.result.key) ||
      !r.u32(ok) || !r.u32(confidence) || !r.u32(millis) ||
      !r.string(rec.result.text) || !r.string(rec.result.error) ||
      !r.at_end()) {
    return false;
  }
  if ((rec.type != 'K' && rec.type != 'R') || confidence > 10000) return false;
  rec.result.page = static_cast<int>(rec.page);
  rec.result.ok = ok != 0;
  rec.result.confidence = rec.result.ok ? confidence / 100.0 : -1;
  rec.result.seconds = millis / 1000.0;
  return true;
}

}  // namespace kb::ocr
