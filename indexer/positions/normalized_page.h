// A page normalised to NFC, with the way back to the page's own byte
// offsets, so that positions found in the normalised text quote the page as
// it was given.
#ifndef VNKB_INDEXER_POSITIONS_NORMALIZED_PAGE_H_
#define VNKB_INDEXER_POSITIONS_NORMALIZED_PAGE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kb {

// NFC never composes across white space, so each run of non-space bytes is
// normalised on its own and mapped back as a unit.
// REQUIRES: `page` outlives this object.
class NormalizedPage {
 public:
  explicit NormalizedPage(const std::string& page);

  // The page in NFC.
  const std::string& text() const { return text_; }

  // The page offset of normalised offset `off`; `is_end` rounds a position
  // inside a changed run to the run's end rather than its start.
  uint32_t to_page(size_t off, bool is_end) const;

 private:
  struct Chunk {
    size_t norm_begin = 0, norm_end = 0, page_begin = 0, page_end = 0;
    bool same = true;
  };
  const std::string& page_;
  std::string text_;
  bool identity_ = false;
  std::vector<Chunk> chunks_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_NORMALIZED_PAGE_H_
