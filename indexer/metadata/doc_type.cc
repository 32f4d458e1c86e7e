// Document types: the names official documents use for themselves, and the
// clues of non-official texts.
#include "indexer/metadata/doc_type.h"

#include <algorithm>

namespace kb::metadata {
namespace {

struct TypeName {
  std::u32string_view folded;
  const char* name;
};

// Heading words of official documents (Law 80/2015/QH13 art. 4, Decree
// 30/2020/NĐ-CP app. III). Longer names first.
constexpr TypeName kTypeNames[] = {
    {U"thong tu lien tich", "Thông tư liên tịch"},
    {U"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {U"van ban hop nhat", "Văn bản hợp nhất"},
    {U"thong tu", "Thông tư"},
    {U"nghi dinh", "Nghị định"},
    {U"nghi quyet", "Nghị quyết"},
    {U"quyet dinh", "Quyết định"},
    {U"bo luat", "Bộ luật"},
    {U"luat", "Luật"},
    {U"phap lenh", "Pháp lệnh"},
    {U"hien phap", "Hiến pháp"},
    {U"lenh", "Lệnh"},
    {U"chi thi", "Chỉ thị"},
    {U"cong dien", "Công điện"},
    {U"thong bao", "Thông báo"},
    {U"thong cao", "Thông cáo"},
    {U"ke hoach", "Kế hoạch"},
    {U"huong dan", "Hướng dẫn"},
    {U"to trinh", "Tờ trình"},
    {U"bao cao", "Báo cáo"},
    {U"cong van", "Công văn"},
};

// Type words that may precede "số" on the number line ("Luật số:
// 80/2015/QH13").
constexpr TypeName kNumberPrefixes[] = {
    {U"nghi quyet lien tich", "Nghị quyết liên tịch"},
    {U"thong tu lien tich", "Thông tư liên tịch"},
    {U"nghi quyet", "Nghị quyết"},
    {U"bo luat", "Bộ luật"},
    {U"luat", "Luật"},
    {U"phap lenh", "Pháp lệnh"},
    {U"lenh", "Lệnh"},
    {U"nghi dinh", "Nghị định"},
    {U"quyet dinh", "Quyết định"},
    {U"thong tu", "Thông tư"},
    {U"chi thi", "Chỉ thị"},
};

// News: a dateline such as "(Chinhphu.vn) - " or "(TN&MT) – " opening a
// paragraph near the top.
bool has_news_dateline(const std::vector<Line>& lines, size_t limit) {
  for (size_t i = 0; i < std::min(limit, lines.size()); ++i) {
    const std::u32string& t = lines[i].text;
    if (t.empty() || t[0] != U'(') continue;
    const size_t close = t.find(U')');
    if (close == std::u32string::npos || close > 40 || close < 2) continue;
    const size_t k = skip_blanks(t, close + 1);
    if (k < t.size() && (t[k] == U'-' || t[k] == 0x2013 || t[k] == 0x2014))
      return true;
  }
  return false;
}

}  // namespace

const char* heading_type(const Line& line) {
  if (line.blank() || line.text.size() > 40 || !is_upper_line(line.text)) {
    return nullptr;
  }
  const std::u32string key = collapsed(line.folded);
  for (const TypeName& t : kTypeNames) {
    if (key == t.folded) return t.name;
  }
  return nullptr;
}

const char* type_before_number(std::u32string_view folded, size_t pos,
                               size_t* end) {
  for (const TypeName& p : kNumberPrefixes) {
    const size_t e = match_phrase(folded, pos, p.folded);
    if (e != std::u32string_view::npos) {
      *end = e;
      return p.name;
    }
  }
  return nullptr;
}

std::string non_official_type(const std::vector<Line>& lines) {
  constexpr size_t kTop = 30;
  std::u32string top;
  for (size_t i = 0; i < std::min(kTop, lines.size()); ++i) {
    top += collapsed(lines[i].folded);
    top += U'\n';
  }
  // The kind is named by a title line near the top ("CHƯƠNG TRÌNH",
  // "AGENDA", "BÁO CÁO ..."), and confirmed by the words around it.
  constexpr size_t kTitleLines = 10;
  bool agenda_title = false;
  bool report_title = false;
  for (size_t i = 0; i < std::min(kTitleLines, lines.size()); ++i) {
    const Line& l = lines[i];
    agenda_title =
        agenda_title ||
        (starts_with_phrase(l, U"chuong trinh") && is_upper_line(l.text)) ||
        starts_with_phrase(l, U"agenda");
    report_title = report_title || starts_with_phrase(l, U"bao cao") ||
                   contains(collapsed(l.folded), U"report");
  }
  if (agenda_title &&
      (contains(top, U"hoi thao") || contains(top, U"toa dam") ||
       contains(top, U"workshop") || contains(top, U"seminar"))) {
    return "Chương trình hội thảo";
  }
  if (report_title &&
      (contains(top, U"tu van") || contains(top, U"consultant") ||
       contains(top, U"consultancy"))) {
    return "Báo cáo tư vấn";
  }
  if (has_news_dateline(lines, kTop)) return "Tin bài";
  return {};
}

}  // namespace kb::metadata
