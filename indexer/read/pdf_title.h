// The title a PDF's first page shows: the text set clearly larger than the
// body (a report's cover, a web page printed to PDF), for files whose
// document information holds no usable Title.
#ifndef VNKB_INDEXER_READ_PDF_TITLE_H_
#define VNKB_INDEXER_READ_PDF_TITLE_H_

#include <string>
#include <vector>

namespace poppler {
class page;
}  // namespace poppler

namespace kb {

// A word of a page as Poppler lays it out, with its font size in points.
struct SizedWord {
  std::string text;  // UTF-8
  double size = 0;
  double left = 0, top = 0, bottom = 0;  // page units, top-down
  bool space_after = true;
};

// Words are "clearly larger" at this multiple of the body's size (the
// median size over characters) or more. Court precedents set their title
// in the body's size, and a gazette page its section banners 1.29 times it.
constexpr double kLargeTextRatio = 1.2;

// The words of the largest size on the page when that size is at least
// kLargeTextRatio times the body's: the topmost block of lines in that
// size (lines at most two line heights apart), in reading order, blanks
// collapsed. Empty when no text is clearly larger, when it holds fewer
// than two letters, or when it is longer than a title (300 bytes).
std::string largest_text(const std::vector<SizedWord>& words);

// largest_text of the words of `page` (horizontal text only), NFC, legacy
// encodings converted as for the page's text.
std::string largest_text_of_page(const poppler::page& page);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_PDF_TITLE_H_
