// The letterhead's anchors (see letterhead.h).
#include "indexer/metadata/letterhead.h"

#include <utility>

#include "indexer/metadata/dates_in_text.h"
#include "indexer/metadata/doc_type.h"
#include "indexer/metadata/preamble.h"

namespace kb::metadata {
namespace {

// The letterhead, heading and preamble sit in the first lines; a document
// whose first "Căn cứ" or "Điều 1" is further down has no usual header.
constexpr size_t kMaxHeaderLines = 80;

}  // namespace

Letterhead read_letterhead(const std::vector<Line>& lines) {
  Letterhead h;
  // The header ends where the preamble or the articles start.
  h.body = std::min(lines.size(), kMaxHeaderLines);
  for (size_t i = 0; i < h.body; ++i) {
    const Line& l = lines[i];
    if (starts_with_phrase(l, U"can cu") ||
        starts_with_phrase(l, U"theo de nghi") ||
        starts_with_phrase(l, U"xet de nghi") ||
        ends_preamble(l.text, l.folded)) {
      h.body = i;
      break;
    }
  }
  size_t nonblank = 0;
  for (size_t i = 0; i < h.body; ++i) {
    // Lines under the heading are the title, which may cite other numbers
    // and dates; the letterhead is at the top.
    if (h.heading_line || nonblank >= kMaxLetterheadLines * 2) break;
    if (!lines[i].blank()) ++nonblank;
    if (!h.number_line) {
      if (auto s = number_slot(lines[i])) {
        h.number_line = i;
        h.slot = *s;
      }
    }
    if (const char* type = heading_type(lines[i])) {
      h.heading_line = i;
      h.heading = type;
    }
    if (!h.date_line) {
      std::string d = place_date(lines[i]);
      if (d.empty()) d = wrapped_place_date(lines, i);
      if (!d.empty()) {
        h.date_line = i;
        h.date = std::move(d);
      }
    }
  }
  return h;
}

}  // namespace kb::metadata
