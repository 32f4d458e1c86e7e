// Extracted values: failures, reason names, and their bytes on a pipe.
#include "indexer/read/extracted.h"

#include <cstdint>
#include <utility>

#include "indexer/read/helper.h"

namespace kb {

using helper::put_string;
using helper::put_u32;

Extracted Extracted::failure(std::string format, FailureReason reason,
                             std::string detail) {
  Extracted e;
  e.format = std::move(format);
  e.status = ExtractStatus::kFailed;
  e.reason = reason;
  e.error = std::move(detail);
  return e;
}

const char* failure_reason_name(FailureReason reason) {
  switch (reason) {
    case FailureReason::kEncrypted:
      return "encrypted";
    case FailureReason::kDamaged:
      return "damaged";
    case FailureReason::kEmpty:
      return "empty";
    case FailureReason::kUnsupported:
      return "unsupported type";
    case FailureReason::kTooLarge:
      return "too large";
    case FailureReason::kTimeout:
      return "timeout";
    case FailureReason::kUnreadable:
      return "unreadable";
    case FailureReason::kNone:
      break;
  }
  return "";
}

std::string serialize_extracted(const Extracted& e) {
  std::string out;
  put_string(out, e.format);
  put_string(out, e.title);
  put_string(out, e.encoding);
  put_u32(out, static_cast<uint32_t>(e.status));
  put_u32(out, static_cast<uint32_t>(e.reason));
  put_string(out, e.error);
  put_u32(out, e.text_cut ? 1 : 0);
  put_u32(out, static_cast<uint32_t>(e.pages.size()));
  for (const ExtractedPage& p : e.pages) {
    put_u32(out, p.has_text_layer ? 1 : 0);
    put_string(out, p.text);
  }
  return out;
}

bool deserialize_extracted(std::string_view data, Extracted& e) {
  helper::Reader r(data);
  uint32_t status, reason, text_cut, pages;
  if (!r.string(e.format) || !r.string(e.title) || !r.string(e.encoding) ||
      !r.u32(status) || !r.u32(reason) || !r.string(e.error) ||
      !r.u32(text_cut) || !r.u32(pages)) {
    return false;
  }
  if (status > static_cast<uint32_t>(ExtractStatus::kFailed) ||
      reason > static_cast<uint32_t>(FailureReason::kUnreadable)) {
    return false;
  }
  e.status = static_cast<ExtractStatus>(status);
  e.reason = static_cast<FailureReason>(reason);
  e.text_cut = text_cut != 0;
  for (uint32_t i = 0; i < pages; ++i) {
    uint32_t layer;
    ExtractedPage p;
    if (!r.u32(layer) || !r.string(p.text)) return false;
    p.has_text_layer = layer != 0;
    e.pages.push_back(std::move(p));
  }
  return r.at_end();
}

}  // namespace kb
