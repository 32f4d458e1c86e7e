// Page text compression for the catalog (core/page_text_codec.h).
#include "core/page_text_codec.h"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace kb {
namespace {

// Page text is most of the catalog: it is kept deflated, as a BLOB in
// pages.text (SQLite keeps a BLOB as it is in a TEXT column): the text's
// size as 4 bytes, little-endian, then the zlib stream. A text that would
// not shrink stays TEXT. Level 1: nearly the ratio of the default level at
// a third of its time, while indexing.
constexpr size_t kDeflateFrom = 64;

// Deflate streams kept per thread and reset for each text: compress2 would
// set up and zero a new one (a quarter of a megabyte) for every page, which
// cost more than deflating an article. Even a reset zeroes the stream's hash
// table (64 kB at zlib's default memLevel 8), which was 4 % of the
// instructions of indexing codification articles of 1-2 kB: a short text is
// deflated by a stream whose hash table has at least two entries a byte of
// text (memLevel 1-8, 512 entries to 32,768), so the hash finds the same
// matches for nearly nothing. Any zlib stream inflates with uncompress.
class PageDeflater {
 public:
  explicit PageDeflater(int mem_level) {
    ready_ = deflateInit2(&z_, 1, Z_DEFLATED, MAX_WBITS, mem_level,
                          Z_DEFAULT_STRATEGY) == Z_OK;
  }
  ~PageDeflater() {
    if (ready_) deflateEnd(&z_);
  }
  PageDeflater(const PageDeflater&) = delete;
  PageDeflater& operator=(const PageDeflater&) = delete;

  // Deflates `in` into `out` (room for compressBound bytes); false if not.
  bool deflate_into(std::string_view in, Bytef* out, uLongf* size) {
    if (!ready_ || *size > UINT32_MAX || deflateReset(&z_) != Z_OK)
      return false;
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    z_.next_out = out;
    z_.avail_out = static_cast<uInt>(*size);
    if (deflate(&z_, Z_FINISH) != Z_STREAM_END) return false;
    *size = z_.total_out;
    return true;
  }

 private:
  z_stream z_{};
  bool ready_ = false;
};

// The stream for a text of `size` bytes: the smallest memLevel whose hash
// table (2^(memLevel + 7) entries) holds two entries a byte, at most 8.
PageDeflater& page_deflater(size_t size) {
  int mem_level = 1;
  while (mem_level < 8 && (size_t{1} << (mem_level + 7)) < 2 * size)
    ++mem_level;
  thread_local std::array<std::unique_ptr<PageDeflater>, 9> deflaters;
  std::unique_ptr<PageDeflater>& d = deflaters[mem_level];
  if (!d) d = std::make_unique<PageDeflater>(mem_level);
  return *d;
}

}  // namespace

std::string deflate_page_text(std::string_view text) {
  if (text.size() < kDeflateFrom || text.size() > UINT32_MAX) return {};
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(4 + size, '\0');
  for (int i = 0; i < 4; ++i)
    out[i] = static_cast<char>((text.size() >> (8 * i)) & 0xFF);
  if (!page_deflater(text.size())
           .deflate_into(text, reinterpret_cast<Bytef*>(out.data() + 4),
                         &size) ||
      4 + size >= text.size()) {
    return {};
  }
  out.resize(4 + size);
  return out;
}

std::string inflate_page_text(std::string_view blob) {
  if (blob.size() < 4) throw std::runtime_error("damaged page text");
  uLongf size = 0;
  for (int i = 0; i < 4; ++i)
    size |= static_cast<uLongf>(static_cast<unsigned char>(blob[i])) << (8 * i);
  // zlib inflates at most about 1032 bytes from one: a larger size is damage,
  // and must not be allocated.
  if (size > (blob.size() - 4) * 1032 + 64)
    throw std::runtime_error("damaged page text");
  std::string text(size, '\0');
  if (uncompress(reinterpret_cast<Bytef*>(text.data()), &size,
                 reinterpret_cast<const Bytef*>(blob.data() + 4),
                 static_cast<uLong>(blob.size() - 4)) != Z_OK ||
      size != text.size()) {
    throw std::runtime_error("damaged page text");
  }
  return text;
}

}  // namespace kb
