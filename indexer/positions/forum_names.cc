// Meetings and statements named in a report (forum_names.h).
#include "indexer/positions/forum_names.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/utf8.h"
#include "core/vietnamese.h"
#include "indexer/positions/open_actors.h"

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
// True when one of `marks` stands between unit `u` - 1 and unit `u`: a
// name does not run across it.
bool forum_name_breaks_at(const PageMentions& page, size_t u,
                          std::string_view marks) {
  const size_t gap_b = page.unit(u - 1).end, gap_e = page.unit(u).begin;
  for (const char c : marks) {
    if (page.between_has(gap_b, gap_e, c)) return true;
  }
  return false;
}

// The length of the first of `heads` whose words start at unit `u` and end
// by `u1`; 0 when none does.
size_t head_at(const PageMentions& page, size_t u, size_t u1,
               const std::vector<std::vector<std::string>>& heads) {
  for (const std::vector<std::string>& head : heads) {
    if (u + head.size() > u1) continue;
    bool ok = true;
    for (size_t k = 0; k < head.size() && ok; ++k)
      ok = page.word(u + k) == head[k];
    if (ok) return head.size();
  }
  return 0;
}

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
      "nghị", "cục",
      // "Diễn đàn Kinh tế Thế giới", "Hội nghị Tương lai châu Á".
      "giới", "lai", "châu"};
  return kWords.count(w) > 0;
}

// Words that end a trailing part of the name ("về", "và", "với" ...).
bool trailing(const std::string& w) {
  return w == "về" || w == "và" || w == "giữa" || w == "với" || w == "các";
}

// Lower-case words that end a draft law's name: verbs and function words
// that go on with the clause ("dự thảo Luật Du lịch trình Quốc hội ...").
bool draft_name_stop(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "trình", "quy",   "được",  "và",  "của",   "do",    "đã",    "đang",
      "sẽ",    "này",   "mà",    "với", "về",    "có",    "là",    "cho",
      "tại",   "lần",   "theo",  "nêu", "đưa",   "không", "cần",   "thì",
      "khi",   "như",   "vào",   "để",  "trong", "từ",    "đến",   "gồm",
      "các",   "những", "nhằm",  "nên", "phải",  "vẫn",   "cũng",  "đề",
      "kiến",  "góp",   "lấy",   "ra",  "bị",    "sau",   "trước", "năm",
      "đối",   "hiện",  "nhiều", "chỉ", "thuộc", "tới",   "vừa",   "mới"};
  return kWords.count(w) > 0;
}

// Whether units [u0, u1) are two words or more with no lower-case letter:
// a heading in capitals ("HỘI THẢO THAM VẤN").
bool in_capitals(const PageMentions& page, size_t u0, size_t u1) {
  size_t words = 0;
  for (size_t u = u0; u < u1; ++u) {
    if (page.unit(u).kind != TokenKind::kWord) continue;
    ++words;
    for (const char32_t c : utf8_to_u32(page.unit_text(u)))
      if (u_islower(static_cast<UChar32>(c))) return false;
  }
  return words >= 2;
}

// Units [u0, u1) as a sentence writes them when they are in capitals
// ("HỘI THẢO THAM VẤN" -> "Hội thảo tham vấn"): Vietnamese syllables in lower
// case but the first and those of a name the taxonomy knows ("VIỆT NAM" ->
// "Việt Nam"; not a name read from the capitals themselves); acronyms ("APEC")
// and numbers as written. Otherwise as written. (Titles have their own, by the
// agencies' names: metadata::sentence_case.)
std::string as_sentence_writes(const PageMentions& page, size_t u0, size_t u1) {
  const std::string& text = page.text();
  const size_t b = page.unit(u0).begin, e = page.unit(u1 - 1).end;
  if (!in_capitals(page, u0, u1)) return text.substr(b, e - b);
  std::string out;
  for (size_t u = u0; u < u1; ++u) {
    if (u > u0) {
      const size_t gap = page.unit(u - 1).end;
      out.append(text, gap, page.unit(u).begin - gap);
    }
    std::u32string lower;
    for (const char32_t c : utf8_to_u32(page.unit_text(u)))
      lower.push_back(
          static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    if (page.unit(u).kind != TokenKind::kWord ||
        !is_vietnamese_syllable(lower)) {
      out += page.unit_text(u);
      continue;
    }
    const int name = page.name_at(u);
    if (u == u0 ||
        (name >= 0 && page.names()[name].entry->kind != kOpenActorKind))
      lower[0] =
          static_cast<char32_t>(u_toupper(static_cast<UChar32>(lower[0])));
    out += u32_to_utf8(lower);
  }
  return out;
}

}  // namespace

std::string named_forum(const PageMentions& page, size_t u0, size_t u1) {
  for (size_t u = u0; u < u1; ++u) {
    const size_t h = head_at(page, u, u1, forum_heads());
    // Capitalised: a name, not "các hội nghị".
    if (h == 0 || page.word(u) == page.unit_text(u)) continue;
    size_t end = u + h, last_named = u + h;
    while (end < u1 && end - u < 14) {
      if (forum_name_breaks_at(page, end, ",.;:(\n")) break;
      const std::string& w = page.word(end);
      const bool capital = w != page.unit_text(end);
      const bool number = page.unit(end).kind == TokenKind::kNumber;
      if (!capital && !number && !inside_name(w)) break;
      ++end;
      if (!trailing(w)) last_named = end;
    }
    if (last_named == u + h) continue;  // the head alone names nothing
    return as_sentence_writes(page, u, last_named);
  }
  return {};
}

std::string named_draft(const PageMentions& page, size_t u0, size_t u1) {
  static const std::vector<std::vector<std::string>> kKinds = {
      {"luật"}, {"bộ", "luật"}, {"nghị", "định"}, {"thông", "tư"}};
  for (size_t u = u0; u + 3 < u1; ++u) {
    if (page.word(u) != "dự" || page.word(u + 1) != "thảo") continue;
    const size_t k = u + 2;
    // Capitalised: "Luật", not "luật" in "dự thảo luật quy định".
    if (page.word(k) == page.unit_text(k)) continue;
    const size_t h = head_at(page, k, u1, kKinds);
    if (h == 0) continue;
    size_t end = k + h, lower_n = 0;
    bool closed = false;
    while (end < u1 && end - u < 16) {
      if (forum_name_breaks_at(page, end, ",.;:(-\n")) break;
      const bool capital = page.word(end) != page.unit_text(end);
      const bool number = page.unit(end).kind != TokenKind::kWord;
      // A law's name is capitalised on its first syllable only ("Luật Du
      // lịch", "Luật Biên phòng Việt Nam"): lower-case syllables follow a
      // named start, up to four, until a word that begins the clause.
      // After a capital that follows them ("Luật Biên phòng Việt Nam"), no
      // more: "... Việt Nam phù hợp" goes on with the clause.
      const bool lower = !capital && !number && end > k + h && lower_n < 4 &&
                         !closed && !draft_name_stop(page.word(end));
      if (!capital && !number && !lower) break;
      closed = closed || ((capital || number) && lower_n > 0);
      lower_n += lower;
      ++end;
    }
    if (end == k + h) continue;  // "dự thảo Luật" alone names no law
    const size_t b = page.unit(u).begin, e = page.unit(end - 1).end;
    return page.text().substr(b, e - b);
  }
  return {};
}

bool is_draft_forum(const std::string& forum) {
  return forum.rfind("dự thảo ", 0) == 0 || forum.rfind("Dự thảo ", 0) == 0;
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
