// The text of an HTML page as it is walked: whitespace collapsed, and the
// line breaks and cell tabs that block elements and table cells ask for.
#ifndef VNKB_INDEXER_READ_HTML_TEXT_BUILDER_H_
#define VNKB_INDEXER_READ_HTML_TEXT_BUILDER_H_

#include <string>
#include <string_view>

namespace kb::html {

// Accumulates text, collapsing whitespace. Breaks are requested, not
// written: the strongest request since the last character wins and is written
// before the next one, so no page starts or ends with a break and a table
// row stays on one line even when its cells hold paragraphs.
// Not thread-safe; one per page.
class TextBuilder {
 public:
  // Appends a text node's UTF-8. Outside `preformatted` (<pre>, <textarea>)
  // runs of whitespace and no-break spaces become one space.
  void text(std::string_view s, bool preformatted);
  // A block element begins or ends (or a <br>): a line break.
  void line_break();
  // A table cell begins, or ends: cells are separated by tabs.
  void enter_cell();
  void end_cell();
  // The text so far, without spaces at line ends or a trailing break.
  std::string finish();

 private:
  enum Break { kNone, kSpace, kTab, kLine };
  void request(Break b);
  void put(char c);
  void newline();

  std::string out_;
  Break pending_ = kNone;
  bool cell_start_ = false;
};

}  // namespace kb::html

#endif  // VNKB_INDEXER_READ_HTML_TEXT_BUILDER_H_
