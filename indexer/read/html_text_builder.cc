// TextBuilder: breaks are requested and written lazily, before the next
// character, so the strongest request wins.
#include "indexer/read/html_text_builder.h"

#include <algorithm>

namespace kb::html {

void TextBuilder::text(std::string_view s, bool preformatted) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (nbsp) ++i;
    if (preformatted && c == '\n') {
      newline();
    } else if (preformatted && (c == ' ' || c == '\t' || nbsp)) {
      put(nbsp ? ' ' : c);  // <pre> keeps its spacing
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
               nbsp) {
      request(kSpace);
    } else {
      put(c);
    }
  }
}

void TextBuilder::line_break() {
  // A paragraph at the start of a cell would break the row.
  if (cell_start_ && pending_ == kTab) return;
  request(kLine);
}

void TextBuilder::enter_cell() { cell_start_ = true; }

void TextBuilder::end_cell() {
  cell_start_ = false;
  // The tab replaces the break after the cell's last paragraph.
  if (!out_.empty()) pending_ = kTab;
}

std::string TextBuilder::finish() {
  // Spaces before a line end are noise (a cell's trailing space, "a <br>").
  std::string out;
  out.reserve(out_.size());
  for (char c : out_) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
    }
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n'))
    out.pop_back();
  return out;
}

void TextBuilder::request(Break b) { pending_ = std::max(pending_, b); }

void TextBuilder::put(char c) {
  if (!out_.empty() && pending_ != kNone) {
    const char last = out_.back();
    if (pending_ == kLine && last != '\n') {
      while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t'))
        out_.pop_back();
      if (!out_.empty()) out_ += '\n';
    } else if (pending_ == kTab && last != '\n' && last != '\t') {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      if (!out_.empty()) out_ += '\t';
    } else if (pending_ == kSpace && last != ' ' && last != '\n' &&
               last != '\t') {
      out_ += ' ';
    }
  }
  pending_ = kNone;
  cell_start_ = false;
  out_ += c;
}

void TextBuilder::newline() {
  pending_ = kNone;
  if (!out_.empty()) out_ += '\n';
}

}  // namespace kb::html
