// The subject a clause without its own takes from the structure above it:
// the kind of each line (article, section, clause, point, bullet,
// paragraph), the actors a heading names ("1. Bộ Ngoại giao:", "Điều 13.
// Trách nhiệm của Bộ Tài chính", "Bộ Công an có trách nhiệm:"), and what
// is in force while a page is read line by line.
#ifndef VNKB_INDEXER_POSITIONS_SUBJECT_STATE_H_
#define VNKB_INDEXER_POSITIONS_SUBJECT_STATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// "Điều 5." article, "Chương/Mục/Phần" section, "1." clause, "a)" point,
// "•"/"-" bullet, anything else a paragraph.
enum class LineKind { kArticle, kSection, kClause, kPoint, kBullet, kPara };

LineKind classify_line(std::string_view line);

// The actors a heading line names, for a line of kind `kind` spanning units
// [u0, u1) of `page` and ending at byte `line_end_byte`: "1. Bộ Ngoại
// giao:", "Bộ Công an có trách nhiệm:", "Định kỳ hằng năm ..., Bộ Công an
// có trách nhiệm:", "Điều 13. Trách nhiệm của Bộ Tài chính", "1. Bộ Tài
// chính (Cục Thống kê)". Empty when the line is no such heading.
std::vector<std::string> header_subject(const PageMentions& page, LineKind kind,
                                        size_t u0, size_t u1,
                                        size_t line_end_byte);

// Whether a line of this kind may be a heading that names a subject
// (header_subject is worth calling).
bool may_name_subject(LineKind kind);

// The subjects in force while one page is read, line by line.
class SubjectState {
 public:
  // The page is about these actors (its first line is one actor's name).
  void set_page_subject(std::vector<std::string> ids) {
    page_subject_ = std::move(ids);
  }

  // Enters a line of `kind` whose heading names `header` (header_subject;
  // empty for none) and which ends with a colon when `ends_with_colon`.
  // Returns true when the line is only a heading: it sets a subject and
  // holds no positions.
  bool enter_line(LineKind kind, std::vector<std::string> header,
                  bool ends_with_colon);

  // The kind of the line entered last.
  LineKind line_kind() const { return line_kind_; }

  // The subject a clause that starts with its cue takes from the headings
  // above it; empty when none applies.
  std::vector<std::string> context_subject() const;

 private:
  LineKind line_kind_ = LineKind::kPara;
  bool seen_article_ = false;
  std::vector<std::string> page_subject_, article_subject_, clause_subject_,
      point_subject_, para_subject_;
  // A heading that names no actor ("5. Thành viên của Hội đồng có trách
  // nhiệm:") blocks the subjects above it for its items.
  bool clause_blocked_ = false, point_blocked_ = false;
};

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_SUBJECT_STATE_H_
