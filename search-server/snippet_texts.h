// What snippets read of a page, kept per revision of the index: the page's
// text and anchors from the catalog, and the analysis of its text from an
// anchor. Neither depends on the query, and analysing the text before the
// window was two thirds of a snippet's instructions (0.85 of 1.28 G over the
// 200 benchmark queries).
#ifndef VNKB_SEARCH_SERVER_SNIPPET_TEXTS_H_
#define VNKB_SEARCH_SERVER_SNIPPET_TEXTS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"
#include "core/document_terms.h"

namespace kb {

// A page's text and its snippet anchors, as the catalog holds them.
struct SnippetPageText {
  std::string text;
  std::vector<SnippetAnchor> anchors;
};

// The analysis of a page's text from an anchor: of whole lines up to some
// point (a prefix, as much as a snippet needed), or of the whole text.
struct SnippetAnalysis {
  Analysis analysis;
  // Its first tokens that read as in the whole text (every token when
  // `whole`; a prefix's last line may end in a word or number cut short).
  size_t complete = 0;
  bool whole = false;
};

// The pages and analyses of one revision (RevisionData holds one), shared
// by every search on it. A later window of a page may need a longer prefix:
// its analysis replaces the shorter one. Thread-safe; it forgets everything
// when it holds about kMaxBytes.
class SnippetTextCache {
 public:
  using Page = std::shared_ptr<const SnippetPageText>;
  using Text = std::shared_ptr<const SnippetAnalysis>;
  static constexpr size_t kMaxBytes = size_t{48} << 20;

  // Null when not kept.
  Page page(int64_t id, int page_no) const;
  void add_page(int64_t id, int page_no, Page page);
  Text analysis(int64_t id, int page_no, uint32_t anchor_byte) const;
  void add_analysis(int64_t id, int page_no, uint32_t anchor_byte, Text text);

  // How many pages and analyses are kept, and roughly their bytes.
  size_t pages() const;
  size_t analyses() const;
  size_t bytes() const;

 private:
  struct Key {
    int64_t id = 0;
    int page_no = 0;
    uint32_t byte = 0;
    bool operator==(const Key& o) const {
      return id == o.id && page_no == o.page_no && byte == o.byte;
    }
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<int64_t>()(k.id) * 1000003u ^
             std::hash<uint64_t>()(
                 (uint64_t{static_cast<uint32_t>(k.page_no)} << 32) | k.byte);
    }
  };
  void make_room(size_t more);  // with mutex_ held

  mutable std::mutex mutex_;
  std::unordered_map<Key, Page, KeyHash> pages_;
  std::unordered_map<Key, std::pair<Text, size_t>, KeyHash> analyses_;
  size_t bytes_ = 0;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SNIPPET_TEXTS_H_
