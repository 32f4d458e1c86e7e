// Line kinds, headings and the subjects in force (subject_state.h).
#include "indexer/positions/subject_state.h"

#include <unordered_set>
#include <utility>

#include "indexer/positions/sentences.h"
#include "indexer/positions/word_lists.h"

namespace kb {

LineKind classify_line(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_space_byte(line[i])) ++i;
  line.remove_prefix(i);
  if (line.empty()) return LineKind::kPara;
  auto starts = [&](std::string_view p) {
    return line.substr(0, p.size()) == p;
  };
  const std::string_view kArticleWord = "Điều ";
  if (starts(kArticleWord) && line.size() > kArticleWord.size() &&
      line[kArticleWord.size()] >= '0' && line[kArticleWord.size()] <= '9') {
    return LineKind::kArticle;
  }
  if (starts("Chương ") || starts("CHƯƠNG ") || starts("Mục ") ||
      starts("MỤC ") || starts("Phần ") || starts("PHẦN ")) {
    return LineKind::kSection;
  }
  size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')'))
    return LineKind::kClause;
  if (line.size() >= 2 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')')
    return LineKind::kPoint;
  if (starts("đ)")) return LineKind::kPoint;
  if (starts("•") || starts("- ") || starts("+ ") || starts("* ") ||
      starts("Ø") || starts("– ") || starts("▪") || starts("●") ||
      starts("◦")) {
    return LineKind::kBullet;
  }
  return LineKind::kPara;
}

bool may_name_subject(LineKind kind) {
  return kind == LineKind::kArticle || kind == LineKind::kClause ||
         kind == LineKind::kPoint || kind == LineKind::kPara;
}

std::vector<std::string> header_subject(const PageMentions& page, LineKind kind,
                                        size_t u0, size_t u1,
                                        size_t line_end_byte) {
  if (u0 >= u1) return {};
  auto word = [&](size_t u) -> const std::string& { return page.word(u); };
  // Skip a list marker ("1", "a", "II").
  size_t s = u0;
  if (kind == LineKind::kClause || kind == LineKind::kPoint ||
      kind == LineKind::kArticle) {
    if (kind == LineKind::kArticle) ++s;  // "điều"
    if (s < u1) ++s;                      // the number or letter
  }
  if (kind == LineKind::kArticle) {
    // "Trách nhiệm / Nhiệm vụ / Quyền ... của X"
    if (s >= u1) return {};
    const std::string& w = word(s);
    if (w != "trách" && w != "nhiệm" && w != "quyền" && w != "chức") return {};
    // Only heading words before "của": "Trách nhiệm tổ chức thực hiện ...
    // của Quốc hội" is not the Assembly's duty.
    static const std::unordered_set<std::string> kDutyWords = {
        "trách", "nhiệm", "vụ", "quyền", "hạn", "và", "nghĩa", "chức", "năng"};
    for (size_t u = s; u < u1; ++u) {
      if (word(u) == "của") return page.actors_after(u + 1, u1, true);
      if (!kDutyWords.count(word(u))) return {};
    }
    return {};
  }
  // The text up to a final colon, or the whole line when it is only names.
  std::string_view line =
      std::string_view(page.text())
          .substr(page.unit(u0).begin, line_end_byte - page.unit(u0).begin);
  const bool colon = ends_with_colon(line);
  const std::vector<ActorGroup>& groups = page.groups();
  auto try_from = [&](size_t from) -> std::vector<std::string> {
    if (from >= u1) return {};  // a line that is only its list marker
    const int g = page.group_at(from);
    if (g < 0 || groups[g].u0 != from || groups[g].u1 > u1) return {};
    size_t rest = 0;
    for (size_t u = groups[g].u1; u < u1; ++u) {
      if (!is_header_word(word(u))) ++rest;
    }
    if (colon ? rest > 2
              : (groups[g].u1 != u1 &&
                 !page.between_has(page.unit(groups[g].u1 - 1).end,
                                   page.unit(groups[g].u1).begin, '('))) {
      return {};
    }
    return page.group_ids(groups[g]);
  };
  std::vector<std::string> ids = try_from(s);
  if (!ids.empty() || !colon) return ids;
  // After a leading adverbial: the part after the last comma.
  for (size_t u = u1; u > s + 1; --u) {
    if (page.between_has(page.unit(u - 2).end, page.unit(u - 1).begin, ',')) {
      return try_from(u - 1);
    }
  }
  return {};
}

bool SubjectState::enter_line(LineKind kind, std::vector<std::string> header,
                              bool ends_with_colon) {
  line_kind_ = kind;
  switch (kind) {
    case LineKind::kArticle:
      seen_article_ = true;
      clause_blocked_ = point_blocked_ = false;
      article_subject_ = std::move(header);
      clause_subject_.clear();
      point_subject_.clear();
      para_subject_.clear();
      return true;
    case LineKind::kSection:
      clause_blocked_ = point_blocked_ = false;
      article_subject_.clear();
      clause_subject_.clear();
      point_subject_.clear();
      para_subject_.clear();
      return true;
    case LineKind::kClause:
      point_subject_.clear();
      para_subject_.clear();
      point_blocked_ = false;
      clause_subject_ = std::move(header);
      // "5. Thành viên của Hội đồng có trách nhiệm:" heads items whose
      // subject is no actor: they must not fall back on the article's.
      clause_blocked_ = clause_subject_.empty() && ends_with_colon;
      return !clause_subject_.empty();
    case LineKind::kPoint:
      para_subject_.clear();
      point_subject_ = std::move(header);
      point_blocked_ = point_subject_.empty() && ends_with_colon;
      return !point_subject_.empty();
    case LineKind::kPara:
      if (!header.empty() && ends_with_colon) {
        para_subject_ = std::move(header);
        return true;
      }
      para_subject_.clear();
      return false;
    case LineKind::kBullet:
      return false;
  }
  return false;
}

std::vector<std::string> SubjectState::context_subject() const {
  switch (line_kind_) {
    case LineKind::kArticle:
    case LineKind::kSection:
      return {};
    case LineKind::kClause:
      return article_subject_;
    case LineKind::kPoint:
      if (clause_blocked_) return {};
      return !clause_subject_.empty() ? clause_subject_ : article_subject_;
    case LineKind::kPara:
    case LineKind::kBullet:
      break;
  }
  if (point_blocked_ || clause_blocked_) return {};
  if (line_kind_ == LineKind::kBullet && !para_subject_.empty())
    return para_subject_;
  if (!point_subject_.empty()) return point_subject_;
  if (!clause_subject_.empty()) return clause_subject_;
  if (!article_subject_.empty()) return article_subject_;
  if (!seen_article_) return page_subject_;
  return {};
}

}  // namespace kb
