// The heading of a text without a letterhead (news, reports, saved web
// pages, bulletins): the line a reader takes for its title, found past the
// site chrome a saved page carries above it (banners, menus, link lists,
// breadcrumbs, a line repeated as a page header).
#ifndef VNKB_INDEXER_METADATA_HEADING_H_
#define VNKB_INDEXER_METADATA_HEADING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/metadata/agencies.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {

// Lines read from the top when looking for a heading.
constexpr size_t kHeadingWindow = 40;

struct Heading {
  std::string title;           // as shown; empty when the text has no line
  std::optional<size_t> line;  // its (first) line
  size_t after = 0;            // the line after the heading
  // Which rule found it: "repeated heading" (a line the page repeats, as
  // saved pages print their title twice), "capital heading" (a line in
  // capitals under a short banner), "first line", "opening words" (the
  // first words of a text that starts with a paragraph).
  const char* rule = nullptr;
  bool chrome = false;  // site chrome was skipped above it
};

// True when `line` is site chrome: a known menu or banner phrase ("Liên
// kết website", "Banner trang chủ", "Thống kê truy cập"), a menu whose
// entries were glued together ("Bản đồ hành chínhbac ho Cổng thông tin điện
// tửTỉnh Khánh Hòa"), or a breadcrumb ("Trang chủ > Tin tức").
bool is_chrome(const Line& line);

// The lines among the first five (or last two) of at least two pages, and
// of a third of the pages with text, as the same text (digits aside):
// a running page header or footer. `page_starts` holds the first line of
// each page (page 1 first).
std::vector<bool> running_lines(const std::vector<Line>& lines,
                                const std::vector<size_t>& page_starts);

// The heading of `lines` (see Heading). Capitals are put in sentence case
// with the agencies spelled as `forms` spell them; Markdown marks ("# ")
// and a trailing empty "– () –" are dropped.
Heading read_heading(const std::vector<Line>& lines,
                     const std::vector<size_t>& page_starts,
                     const std::vector<AgencyForm>& forms);

// True when `title` (a file's own title) is written among the first
// kHeadingWindow lines, alone on one to three consecutive lines or in a
// layout cell of its own (letters compared folded, blanks collapsed), on
// lines that are not chrome (is_chrome): the text shows it as its heading.
bool shows_title(const std::vector<Line>& lines, std::u32string_view title);

// True when `title` is part of the text of the first kHeadingWindow lines
// (folded, blanks and line ends as one space), wherever it starts and
// however it wraps: a title the file takes from its own text (a PDF's
// largest text) and so tells nothing the text does not.
bool opening_contains(const std::vector<Line>& lines,
                      std::u32string_view title);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_HEADING_H_
