// What snippets read of a page, kept per revision (snippet_texts.h).
#include "search-server/snippet_texts.h"

namespace kb {
namespace {

size_t snippet_string_bytes(const std::string& s) {
  return sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
}

size_t snippet_analysis_bytes(const SnippetAnalysis& a) {
  size_t n = sizeof(SnippetAnalysis) + a.analysis.text.capacity() +
             a.analysis.numbers.size() * sizeof(DocNumber);
  for (const Token& t : a.analysis.tokens) {
    n += sizeof(Token) - 2 * sizeof(std::string) +
         snippet_string_bytes(t.exact) + snippet_string_bytes(t.folded);
  }
  return n;
}

}  // namespace

SnippetTextCache::Page SnippetTextCache::page(int64_t id, int page_no) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = pages_.find(Key{id, page_no, 0});
  return it == pages_.end() ? nullptr : it->second;
}

void SnippetTextCache::add_page(int64_t id, int page_no, Page page) {
  if (!page) return;
  const size_t n = sizeof(SnippetPageText) + page->text.capacity() +
                   page->anchors.size() * sizeof(SnippetAnchor);
  std::lock_guard<std::mutex> lock(mutex_);
  make_room(n);
  if (pages_.emplace(Key{id, page_no, 0}, std::move(page)).second) bytes_ += n;
}

SnippetTextCache::Text SnippetTextCache::analysis(int64_t id, int page_no,
                                                  uint32_t anchor_byte) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = analyses_.find(Key{id, page_no, anchor_byte});
  return it == analyses_.end() ? nullptr : it->second.first;
}

void SnippetTextCache::add_analysis(int64_t id, int page_no,
                                    uint32_t anchor_byte, Text text) {
  if (!text) return;
  const size_t n = snippet_analysis_bytes(*text);
  std::lock_guard<std::mutex> lock(mutex_);
  make_room(n);
  auto& held = analyses_[Key{id, page_no, anchor_byte}];
  bytes_ -= held.second;
  held = {std::move(text), n};
  bytes_ += n;
}

size_t SnippetTextCache::pages() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pages_.size();
}

size_t SnippetTextCache::analyses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return analyses_.size();
}

size_t SnippetTextCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

void SnippetTextCache::make_room(size_t more) {
  if (bytes_ + more <= kMaxBytes) return;
  pages_.clear();
  analyses_.clear();
  bytes_ = 0;
}

}  // namespace kb
