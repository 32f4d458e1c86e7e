// NFC pages with offsets back into the page (normalized_page.h).
#include "indexer/positions/normalized_page.h"

#include <algorithm>
#include <string_view>

#include "core/utf8.h"
#include "indexer/positions/sentences.h"

namespace kb {

NormalizedPage::NormalizedPage(const std::string& page) : page_(page) {
  text_ = to_nfc(page);
  if (text_ == page) {
    identity_ = true;
    return;
  }
  text_.clear();
  size_t i = 0;
  while (i < page.size()) {
    size_t j = i;
    const bool space = is_space_byte(page[i]);
    while (j < page.size() && is_space_byte(page[j]) == space) ++j;
    Chunk c;
    c.norm_begin = text_.size();
    c.page_begin = i;
    c.page_end = j;
    const std::string_view piece(page.data() + i, j - i);
    const std::string n = space ? std::string(piece) : to_nfc(piece);
    c.same = n == piece;
    text_ += n;
    c.norm_end = text_.size();
    chunks_.push_back(c);
    i = j;
  }
}

uint32_t NormalizedPage::to_page(size_t off, bool is_end) const {
  if (identity_) return static_cast<uint32_t>(off);
  auto it = std::upper_bound(
      chunks_.begin(), chunks_.end(), off,
      [](size_t o, const Chunk& c) { return o < c.norm_begin; });
  if (it == chunks_.begin()) return 0;
  const Chunk& c = *(it - 1);
  if (off >= c.norm_end) return static_cast<uint32_t>(c.page_end);
  if (c.same) return static_cast<uint32_t>(c.page_begin + off - c.norm_begin);
  if (off == c.norm_begin) return static_cast<uint32_t>(c.page_begin);
  // Inside a word that normalisation changed: the page prefix whose NFC is
  // as long (words are short), else the word's edge.
  const std::string_view word(page_.data() + c.page_begin,
                              c.page_end - c.page_begin);
  for (size_t k = 1; k < word.size(); ++k) {
    if ((static_cast<unsigned char>(word[k]) & 0xC0) == 0x80) continue;
    if (to_nfc(word.substr(0, k)).size() == off - c.norm_begin)
      return static_cast<uint32_t>(c.page_begin + k);
  }
  return static_cast<uint32_t>(is_end ? c.page_end : c.page_begin);
}

}  // namespace kb
