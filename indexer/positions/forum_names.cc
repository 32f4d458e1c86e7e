// Meetings and statements named in a report (forum_names.h).
#include "indexer/positions/forum_names.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kb {
namespace {

const std::vector<std::vector<std::string>>& forum_heads() {
  static const std::vector<std::vector<std::string>> kHeads = {
      {"tuyên", "bố", "chung"},
      {"hội", "đàm"},
      {"diễn", "đàn"},
      {"hội", "nghị"},
      {"đối", "thoại"},
      {"phiên", "họp"},
      {"kỳ", "họp"},
      {"hội", "thảo"},
      {"tọa", "đàm"},
      {"bàn", "tròn"},
      {"hội", "chợ"},
      {"vòng", "đàm", "phán"}};
  return kHeads;
}

// Lower-case words that may stand inside a forum's name.
bool inside_name(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "cấp", "cao", "thượng", "đỉnh", "lần", "thứ", "về", "giữa", "hợp", "tác",
      "quốc", "tế", "bộ", "trưởng", "các", "quan", "chức", "thường", "niên",
      "kinh", "lãnh", "đạo", "doanh", "nghiệp", "năng", "lượng", "toàn", "diện",
      "tăng", "cường", "đối", "chiến", "lược", "song", "phương", "đa", "và",
      "chính", "phủ", "với", "địa", "ngành", "phát", "triển", "tư", "vấn",
      "đầu", "khu", "vực", "đông", "á", "mới", "nổi", "trực", "tuyến", "mở",
      "rộng", "đặc", "biệt",
      // "Phiên họp thứ năm Ủy ban Đàm phán …", "Ủy ban Thực thi chung":
      // ordinals and the lower-case syllables of committees' names.
      "nhất", "hai", "ba", "năm", "sáu", "bảy", "tám", "chín", "mười", "ban",
      "thi", "chung", "phán",
      // "Tuyên bố chung Hội nghị Tổng cục trưởng Hải quan ASEAN lần thứ 29":
      // a meeting named inside a statement's name, and "Tổng cục".
      "nghị", "cục"};
  return kWords.count(w) > 0;
}

// Words that end a trailing part of the name ("về", "và", "với" ...).
bool trailing(const std::string& w) {
  return w == "về" || w == "và" || w == "giữa" || w == "với" || w == "các";
}

}  // namespace

std::string named_forum(const PageMentions& page, size_t u0, size_t u1) {
  for (size_t u = u0; u < u1; ++u) {
    size_t h = 0;
    for (const std::vector<std::string>& head : forum_heads()) {
      if (u + head.size() > u1) continue;
      bool ok = true;
      for (size_t k = 0; k < head.size() && ok; ++k)
        ok = page.word(u + k) == head[k];
      if (ok) {
        h = head.size();
        break;
      }
    }
    // Capitalised: a name, not "các hội nghị".
    if (h == 0 || page.word(u) == page.unit_text(u)) continue;
    size_t end = u + h, last_named = u + h;
    while (end < u1 && end - u < 14) {
      const size_t gap_b = page.unit(end - 1).end, gap_e = page.unit(end).begin;
      if (page.between_has(gap_b, gap_e, ',') ||
          page.between_has(gap_b, gap_e, '.') ||
          page.between_has(gap_b, gap_e, ';') ||
          page.between_has(gap_b, gap_e, ':') ||
          page.between_has(gap_b, gap_e, '(') ||
          page.between_has(gap_b, gap_e, '\n')) {
        break;
      }
      const std::string& w = page.word(end);
      const bool capital = w != page.unit_text(end);
      const bool number = page.unit(end).kind == TokenKind::kNumber;
      if (!capital && !number && !inside_name(w)) break;
      ++end;
      if (!trailing(w)) last_named = end;
    }
    if (last_named == u + h) continue;  // the head alone names nothing
    const size_t b = page.unit(u).begin, e = page.unit(last_named - 1).end;
    return page.text().substr(b, e - b);
  }
  return {};
}

std::string talks_in_title(const PageMentions& page, size_t u0, size_t u1,
                           const std::vector<std::string>& parties) {
  std::string head;
  for (size_t u = u0; u < u1 && head.empty(); ++u) {
    // Lower case as written: a capitalised "Hội đàm ..." is named_forum's.
    if (page.word(u) != page.unit_text(u)) continue;
    if (u + 1 < u1 && page.word(u) == "hội" && page.word(u + 1) == "đàm")
      head = "Hội đàm";
    if (u + 2 < u1 && page.word(u) == "tuyên" && page.word(u + 1) == "bố" &&
        page.word(u + 2) == "chung")
      head = "Tuyên bố chung";
  }
  if (head.empty()) return {};
  // The sides by their taxonomy names ("Nga", not "Liên bang Nga"; "Việt
  // Nam", not "nước ta"): the countries the title names, then the page's.
  std::vector<const TaxonomyEntry*> sides;
  auto add_side = [&](const TaxonomyEntry* e) {
    if (e == nullptr || e->kind != "country") return;
    if (std::find(sides.begin(), sides.end(), e) == sides.end())
      sides.push_back(e);
  };
  for (const NameFound& f : page.names()) {
    if (f.u0 >= u0 && f.u0 < u1) add_side(f.entry);
  }
  for (const std::string& id : parties) {
    for (const NameFound& f : page.names()) {
      if (f.entry->id == id && sides.size() < 2) add_side(f.entry);
    }
  }
  if (sides.size() != 2) return {};
  if (sides[1]->id == "viet-nam") std::swap(sides[0], sides[1]);
  return head + " " + sides[0]->name + " - " + sides[1]->name;
}

}  // namespace kb
