// The first page's largest text (see pdf_title.h).
#include "indexer/read/pdf_title.h"

#include <poppler-page.h>

#include <algorithm>
#include <cctype>

#include "indexer/read/title.h"

namespace kb {
namespace {

size_t letters_in(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += std::isalpha(c) || c >= 0xC0 ? 1 : 0;
  return n;
}

// The size under which half of the page's characters are set.
double body_size(const std::vector<SizedWord>& words) {
  std::vector<std::pair<double, size_t>> sizes;
  size_t total = 0;
  for (const SizedWord& w : words) {
    sizes.emplace_back(w.size, w.text.size());
    total += w.text.size();
  }
  std::sort(sizes.begin(), sizes.end());
  size_t seen = 0;
  for (const auto& [size, chars] : sizes) {
    seen += chars;
    if (seen * 2 >= total) return size;
  }
  return 0;
}

struct TextLine {
  double top, bottom;
  std::vector<const SizedWord*> words;
};

}  // namespace

std::string largest_text(const std::vector<SizedWord>& words) {
  std::vector<SizedWord> inked;
  for (const SizedWord& w : words) {
    const bool blank = w.text.find_first_not_of(" \t\n\r") == std::string::npos;
    if (w.size > 0 && w.bottom > w.top && !blank) inked.push_back(w);
  }
  if (inked.empty()) return {};
  const double body = body_size(inked);
  double largest = 0;
  for (const SizedWord& w : inked) largest = std::max(largest, w.size);
  if (largest < body * kLargeTextRatio) return {};
  // Sizes of one style differ in their last decimals.
  std::vector<const SizedWord*> big;
  for (const SizedWord& w : inked)
    if (w.size >= largest * 0.97) big.push_back(&w);
  std::sort(big.begin(), big.end(), [](const SizedWord* a, const SizedWord* b) {
    return a->top < b->top || (a->top == b->top && a->left < b->left);
  });
  std::vector<TextLine> lines;
  for (const SizedWord* w : big) {
    const double middle = (w->top + w->bottom) / 2;
    if (lines.empty() || middle > lines.back().bottom) {
      lines.push_back({w->top, w->bottom, {}});
    }
    lines.back().words.push_back(w);
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    TextLine& l = lines[i];
    if (i > 0) {
      const TextLine& prev = lines[i - 1];
      if (l.top - prev.bottom > 2 * (prev.bottom - prev.top)) break;
      out += ' ';
    }
    std::sort(l.words.begin(), l.words.end(),
              [](const SizedWord* a, const SizedWord* b) {
                return a->left < b->left;
              });
    for (size_t k = 0; k < l.words.size(); ++k) {
      out += l.words[k]->text;
      if (k + 1 < l.words.size() && l.words[k]->space_after) out += ' ';
    }
  }
  out = clean_title(out);
  if (letters_in(out) < 2 || out.size() > 300) return {};
  return out;
}

std::string largest_text_of_page(const poppler::page& page) {
  std::vector<SizedWord> words;
  for (const poppler::text_box& box :
       page.text_list(poppler::page::text_list_include_font)) {
    if (!box.has_font_info() || box.rotation() != 0 ||
        box.get_wmode() != poppler::text_box::horizontal_wmode) {
      continue;
    }
    const poppler::byte_array bytes = box.text().to_utf8();
    SizedWord w;
    w.text.assign(bytes.begin(), bytes.end());
    w.size = box.get_font_size();
    const poppler::rectf r = box.bbox();
    w.left = r.left();
    w.top = r.top();
    w.bottom = r.bottom();
    w.space_after = box.has_space_after();
    words.push_back(std::move(w));
  }
  // clean_title (in largest_text) converts legacy encodings and makes NFC.
  return largest_text(words);
}

}  // namespace kb
