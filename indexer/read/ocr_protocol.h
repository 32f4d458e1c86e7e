// The messages between an OCR helper and its parent (ocr_helper.cc,
// ocr_run.cc). Internal to indexer/read/.
//
// A helper gets a list of pages. For each it renders the page and sends its
// key ('K'); the parent answers one byte, 'y' (recognise it) or 'n' (the
// cache has it); after recognising, the helper sends the result ('R'). So a
// page is rendered once, the cache stays in the parent, and the parent sees
// every step of every page and can bound it.
#ifndef VNKB_INDEXER_READ_OCR_PROTOCOL_H_
#define VNKB_INDEXER_READ_OCR_PROTOCOL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/read/ocr.h"

namespace kb::ocr {

// A helper's message larger than this is garbage (a page's text is KBs).
constexpr uint32_t kMaxRecordBytes = 64u << 20;

// A decoded message.
struct Record {
  uint8_t type = 0;
  uint32_t page = 0;
  OcrPageResult result;
};

// A message is a u32 length and then: type ('K' rendered, waiting for an
// answer; 'R' result), page index, key, ok, confidence x 100, milliseconds,
// text, error.
// Returns the whole message, length included.
std::string encode_record(uint8_t type, int page, const OcrPageResult& r);

// Decodes a message's body (after its length); false on anything malformed
// (unknown type, confidence over 100, trailing bytes).
bool decode_record(std::string_view body, Record& rec);

}  // namespace kb::ocr

#endif  // VNKB_INDEXER_READ_OCR_PROTOCOL_H_
