// Document types: the names official documents use for themselves, and the
// clues of non-official texts.
#include "indexer/metadata/doc_type.h"

#include <algorithm>

#include "core/facets.h"

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

// News without a dateline: a photo caption ("Ảnh: …", "(Ảnh minh họa …)")
// or a news agency's credit near the top; a lead that dates its event by
// the day of the month ("Sáng 21/5, …", "Ngày 15-5, …", "sáng nay 1/12");
// or a short heading over paragraphs of reported speech ("… cho biết",
// "phát biểu tại …").
bool reads_as_news(const std::vector<Line>& lines, size_t limit) {
  int paragraphs = 0;
  int reported = 0;
  for (size_t i = 0; i < std::min(limit, lines.size()); ++i) {
    const std::u32string f = collapsed(lines[i].folded);
    if (f.empty()) continue;
    if (contains(f, U"anh:") || contains(f, U"anh :") || contains(f, U"(anh") ||
        contains(f, U"ttxvn") || contains(f, U"vietnamplus") ||
        contains(f, U"(vov") || contains(f, U"(hddtvn)")) {
      return true;
    }
    // Prose: lines of 25 words or more.
    const size_t words =
        1 + static_cast<size_t>(std::count(f.begin(), f.end(), U' '));
    if (words < 25) continue;
    ++paragraphs;
    for (std::u32string_view verb :
         {U"cho biet", U"phat bieu", U"nhan manh", U"khang dinh", U"chia se",
          U"bay to", U"theo ong", U"theo ba"}) {
      if (contains(f, verb)) {
        ++reported;
        break;
      }
    }
    if (paragraphs > 3) continue;
    for (std::u32string_view w :
         {U"sang", U"chieu", U"toi", U"trua", U"ngay", U"hom nay"}) {
      for (size_t at = f.find(w); at != std::u32string::npos;
           at = f.find(w, at + 1)) {
        if (at > 0 && is_alnum(f[at - 1])) continue;
        size_t k = skip_blanks(f, at + w.size());
        for (std::u32string_view when : {U"nay", U"qua"}) {
          if (f.compare(k, when.size(), when) == 0)
            k = skip_blanks(f, k + when.size());
        }
        if (k < f.size() && f[k] == U'(') ++k;
        size_t d = k;
        while (d < f.size() && is_digit(f[d])) ++d;
        if (d == k || d - k > 2 || d + 1 >= f.size()) continue;
        if ((f[d] == U'/' || f[d] == U'-' || f[d] == U'.') &&
            is_digit(f[d + 1])) {
          return true;
        }
      }
    }
  }
  return paragraphs >= 3 && reported >= 2;
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

std::string non_official_type(const std::vector<Line>& lines, bool web_chrome) {
  constexpr size_t kTop = 30;
  std::u32string top;
  for (size_t i = 0; i < std::min(kTop, lines.size()); ++i) {
    top += collapsed(lines[i].folded);
    top += U'\n';
  }
  // The kind is named by a title line near the top ("CHƯƠNG TRÌNH",
  // "AGENDA", "BÁO CÁO ...", "BIÊN BẢN"), and confirmed by the words
  // around it.
  constexpr size_t kTitleLines = 10;
  bool agenda_title = false;
  bool report_title = false;
  bool minutes_title = false;
  bool consultant = false;
  for (size_t i = 0; i < std::min(kTitleLines, lines.size()); ++i) {
    const Line& l = lines[i];
    if (contains(collapsed(l.folded), U"earth negotiations bulletin"))
      return kind_label("bulletin");
    agenda_title =
        agenda_title ||
        (starts_with_phrase(l, U"chuong trinh") && is_upper_line(l.text)) ||
        starts_with_phrase(l, U"agenda");
    const bool names_report = starts_with_phrase(l, U"bao cao") ||
                              contains(collapsed(l.folded), U"report");
    report_title = report_title || names_report;
    // A consultants' report says so on its title line or the next ones
    // (a report that mentions a consultant in its text is not one).
    for (size_t k = i; names_report && k < std::min(i + 3, lines.size()); ++k) {
      const std::u32string f = collapsed(lines[k].folded);
      consultant = consultant || contains(f, U"tu van") ||
                   contains(f, U"consultant") || contains(f, U"consultancy");
    }
    minutes_title = minutes_title || starts_with_phrase(l, U"bien ban") ||
                    starts_with_phrase(l, U"minutes of") ||
                    starts_with_phrase(l, U"meeting minutes");
  }
  if (agenda_title &&
      (contains(top, U"hoi thao") || contains(top, U"toa dam") ||
       contains(top, U"workshop") || contains(top, U"seminar"))) {
    return kind_label("agenda");
  }
  if (consultant) return kind_label("consultant-report");
  if (minutes_title) return kind_label("minutes");
  if (report_title) return kind_label("report");
  if (has_news_dateline(lines, kTop) || reads_as_news(lines, kTop))
    return kind_label("news");
  if (web_chrome) return kind_label("web-page");
  return kind_label("other");
}

}  // namespace kb::metadata
