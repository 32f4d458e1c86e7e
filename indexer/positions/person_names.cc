// People named by their title (person_names.h).
#include "indexer/positions/person_names.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "indexer/positions/mentions.h"
#include "indexer/positions/open_actors.h"

namespace kb {
namespace {

// Titles before a person's name, as analysed words; longest first so "phó
// thủ tướng" wins over "thủ tướng".
const std::vector<std::vector<std::string>>& titles() {
  static const std::vector<std::vector<std::string>> kTitles = [] {
    std::vector<std::string> raw = {"phó tổng thống",
                                    "tổng thống",
                                    "phó thủ tướng",
                                    "thủ tướng",
                                    "phó chủ tịch",
                                    "chủ tịch",
                                    "tổng bí thư",
                                    "bộ trưởng",
                                    "thứ trưởng",
                                    "ngoại trưởng",
                                    "đại sứ",
                                    "tổng thư ký",
                                    "phó tổng giám đốc",
                                    "tổng giám đốc",
                                    "phó giám đốc",
                                    "giám đốc",
                                    "phó cục trưởng",
                                    "cục trưởng",
                                    "phó tổng cục trưởng",
                                    "tổng cục trưởng",
                                    "phó chủ nhiệm",
                                    "chủ nhiệm",
                                    "phó vụ trưởng",
                                    "vụ trưởng",
                                    "viện trưởng",
                                    "phó trưởng ban",
                                    "trưởng ban",
                                    "trưởng đoàn",
                                    "trưởng đại diện",
                                    "người phát ngôn",
                                    "quốc vương",
                                    "nhà vua",
                                    "thượng nghị sĩ",
                                    "nghị sĩ",
                                    "chánh văn phòng",
                                    "đại biểu",
                                    "luật sư",
                                    "ông",
                                    "bà"};
    std::sort(raw.begin(), raw.end(), [](const auto& a, const auto& b) {
      return std::count(a.begin(), a.end(), ' ') >
             std::count(b.begin(), b.end(), ' ');
    });
    std::vector<std::vector<std::string>> out;
    for (const std::string& t : raw) {
      std::vector<std::string> words;
      AnalyzeOptions options;
      options.repair_legacy = false;
      for (const Token& tok : analyze(t, options).tokens)
        words.push_back(tok.exact);
      out.push_back(std::move(words));
    }
    return out;
  }();
  return kTitles;
}

// Words joining the capitalised words of an office ("UBND tỉnh Bình Định").
bool joins_office(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "tỉnh", "thành", "phố", "huyện", "xã", "quận", "phường", "thị"};
  return kWords.count(w) > 0;
}

// An office written with its second word in lower case after a title
// ("Bộ trưởng Ngoại giao Taro Kono", "Chủ tịch Thượng viện Campuchia Hun
// Sen"): the two words belong to the title, not to the person's name.
bool is_office_pair(const std::string& first, const std::string& second) {
  static const std::unordered_set<std::string> kPairs = [] {
    std::unordered_set<std::string> out;
    for (const char* raw :
         {"ngoại giao", "thượng viện", "hạ viện",     "quốc hội",
          "quốc phòng", "tài chính",   "công an",     "tư pháp",
          "nội vụ",     "thương mại",  "kinh tế",     "môi trường",
          "năng lượng", "nông nghiệp", "công nghiệp", "ngân hàng",
          "giao thông", "y tế",        "giáo dục",    "lao động",
          "xây dựng",   "kế hoạch",    "đầu tư",      "khoa học",
          "thông tin",  "văn hóa",     "tài nguyên",  "nội các"}) {
      AnalyzeOptions options;
      options.repair_legacy = false;
      std::string key;
      for (const Token& tok : analyze(raw, options).tokens)
        key += (key.empty() ? "" : " ") + tok.exact;
      out.insert(std::move(key));
    }
    return out;
  }();
  return kPairs.count(first + " " + second) > 0;
}

bool is_vietnamese_surname(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "nguyễn", "trần",  "lê",     "phạm", "hoàng", "huỳnh", "phan",  "vũ",
      "võ",     "đặng",  "bùi",    "đỗ",   "hồ",    "ngô",   "dương", "lý",
      "đào",    "đinh",  "lâm",    "mai",  "trịnh", "tô",    "vương", "hà",
      "tôn",    "lương", "trương", "cao",  "đoàn",  "thái",  "châu",  "chu",
      "tạ",     "la",    "quách",  "lưu",  "triệu", "kiều",  "khúc",  "văn"};
  return kWords.count(w) > 0;
}

class PersonFinder {
 public:
  PersonFinder(const std::string& text, const std::vector<Unit>& units,
               const std::vector<NameFound>& names,
               const std::vector<int>& unit_name)
      : text_(text), units_(units), names_(names), unit_name_(unit_name) {}

  // A person found at unit u: [u, end) and the entry, or end == u.
  struct Found {
    size_t end = 0;
    const TaxonomyEntry* entry = nullptr;  // nullptr: the person alone
    std::string surname_key;  // the name's last word, for later mentions
    // The entity the title names ("Thủ tướng"), when nothing else is known.
    const TaxonomyEntry* base = nullptr;
    // An open name that ran on into the person's name ("Hiệp hội Gỗ Miền
    // Trung Lê Văn Hai"): the organisation is units [org_u0, org_u1).
    size_t org_u0 = 0, org_u1 = 0;
  };
  Found at(size_t u) const;
  // "các đại biểu", "một số đại biểu", "Toàn thể đại biểu": a title after
  // a plural word names many people, not one.
  bool after_plural(size_t u) const {
    if (u == 0) return false;
    const std::string& w = units_[u - 1].exact;
    return w == "các" || w == "những" || w == "nhiều" || w == "số" ||
           w == "vị" || w == "thể";
  }
  // A title standing alone at u, outside any name ("Thứ trưởng ủng hộ"):
  // its end and its words as a key; end == u when none.
  size_t bare_title(size_t u, std::string& key) const {
    const size_t te = title_end(u);
    if (te == u || units_[u].exact == "ông" || units_[u].exact == "bà")
      return u;
    if (after_plural(u)) return u;
    for (size_t k = u; k < te; ++k) {
      if (unit_name_[k] >= 0) return u;
      key += units_[k].exact + " ";
    }
    return te;
  }

 private:
  std::string_view raw(size_t u) const {
    return std::string_view(text_).substr(units_[u].begin,
                                          units_[u].end - units_[u].begin);
  }
  bool capitalised(size_t u) const {
    return u_isupper(static_cast<UChar32>(first_code_point(raw(u))));
  }
  // How units a and a+1 are joined: 1 by spaces, 2 by "." or "-" with no
  // space ("M.Ba-chê-lết"), 0 otherwise.
  int join(size_t a) const {
    const std::string_view gap = std::string_view(text_).substr(
        units_[a].end, units_[a + 1].begin - units_[a].end);
    if (gap.empty()) return 2;
    if (gap.find_first_not_of(' ') == std::string_view::npos)
      return gap.size() == 1 ? 1 : 0;
    return gap == "." || gap == "-" ? 2 : 0;
  }
  size_t title_end(size_t u) const;

  const std::string& text_;
  const std::vector<Unit>& units_;
  const std::vector<NameFound>& names_;
  const std::vector<int>& unit_name_;
};

size_t PersonFinder::title_end(size_t u) const {
  for (const std::vector<std::string>& t : titles()) {
    if (u + t.size() > units_.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < t.size() && ok; ++k)
      ok = units_[u + k].exact == t[k] && (k == 0 || join(u + k - 1) == 1);
    if (ok) return u + t.size();
  }
  return u;
}

PersonFinder::Found PersonFinder::at(size_t u) const {
  Found f;
  f.end = u;
  const size_t te = title_end(u);
  if (te == u || after_plural(u)) return f;
  // A title inside a taxonomy name ("Thủ tướng", "Chủ tịch nước"): the run
  // starts after that name, which the person speaks for unless the run
  // names another actor.
  size_t run = te;
  const TaxonomyEntry* base = nullptr;
  if (unit_name_[u] >= 0) {
    const NameFound& n = names_[unit_name_[u]];
    if (n.u0 != u || n.process || n.u1 < te) return f;
    base = n.entry;
    run = n.u1;
  } else {
    for (size_t k = u; k < te; ++k) {
      if (unit_name_[k] >= 0) return f;
    }
  }
  const TaxonomyEntry* country = nullptr;
  const TaxonomyEntry* actor = nullptr;
  const NameFound* last_open = nullptr;
  size_t k = run, person_begin = run;
  bool person_words = false;
  while (k < units_.size() && k - run < 12 && k > 0 && join(k - 1) != 0) {
    const int n = unit_name_[k];
    if (n >= 0) {
      const NameFound& nf = names_[n];
      if (nf.u0 != k || nf.process || join(k - 1) != 1) break;
      if (nf.entry->kind == "country" && country == nullptr) country = nf.entry;
      if (actor == nullptr) actor = nf.entry;
      last_open = nf.entry->kind == kOpenActorKind ? &nf : nullptr;
      k = nf.u1;
      person_begin = k;
      person_words = false;
      continue;
    }
    if (units_[k].kind != TokenKind::kWord) break;
    if (k == person_begin && !person_words && capitalised(k) &&
        k + 1 < units_.size() && join(k) == 1 && !capitalised(k + 1) &&
        unit_name_[k + 1] < 0 &&
        is_office_pair(units_[k].exact, units_[k + 1].exact)) {
      k += 2;
      person_begin = k;
      continue;
    }
    if (capitalised(k) || (join(k - 1) == 2 && k > run)) {
      person_words = true;
      ++k;
      continue;
    }
    if (joins_office(units_[k].exact) && k + 1 < units_.size() &&
        join(k) == 1 && capitalised(k + 1) && k > run) {
      ++k;
      continue;
    }
    break;
  }
  if (k == run) return f;
  // "ông", "bà" name a person only before a name of their own.
  if (!person_words && base == nullptr &&
      (units_[u].exact == "ông" || units_[u].exact == "bà")) {
    return f;
  }
  f.end = k;
  f.entry = country != nullptr ? country : actor;
  if (last_open != nullptr && last_open->u1 == k && actor == last_open->entry) {
    // A surname two to four words before the end of the open name, each
    // of them capitalised: the person's name.
    for (size_t p = std::max(last_open->u0 + 2, k - std::min<size_t>(k, 4));
         p + 1 < k; ++p) {
      if (!is_vietnamese_surname(units_[p].exact) || !capitalised(p)) continue;
      bool name = true;
      for (size_t q = p + 1; q < k && name; ++q) name = capitalised(q);
      if (!name) continue;
      f.org_u0 = last_open->u0;
      f.org_u1 = p;
      f.surname_key = units_[k - 1].exact;
      return f;
    }
  }
  if (person_words && k > person_begin) f.surname_key = units_[k - 1].exact;
  // "Thủ tướng Nguyễn Xuân Phúc" is the Prime Minister the taxonomy means;
  // "Thủ tướng Shinzo Abe" is not.
  if (f.entry == nullptr && base != nullptr &&
      (!person_words || is_vietnamese_surname(units_[person_begin].exact))) {
    f.base = base;
  }
  return f;
}

// "..., ông Nam cho biết" after "ông Nguyễn Hữu Nam, Chủ tịch UBND xã Cát
// Sơn": a person on their own whose name ends with the same word as one
// named earlier with the body they speak for is that person, when only one
// such body was named. `keys` are the last words of the names of `found`,
// `plain` whether each is named by "ông" or "bà" alone.
void link_short_names(const std::vector<std::string>& keys,
                      const std::vector<bool>& plain,
                      const std::unordered_set<const TaxonomyEntry*>& lone,
                      std::vector<NameFound>& found) {
  std::unordered_map<std::string, const TaxonomyEntry*> body;
  for (size_t i = 0; i < found.size(); ++i) {
    if (keys[i].empty()) continue;
    auto it = body.find(keys[i]);
    if (!lone.count(found[i].entry)) {
      if (it == body.end()) {
        body[keys[i]] = found[i].entry;
      } else if (it->second != found[i].entry) {
        it->second = nullptr;  // two bodies: unsure
      }
    } else if (it != body.end() && it->second != nullptr && plain[i]) {
      found[i].entry = it->second;
    }
  }
}

}  // namespace

void add_person_names(const std::string& text, const std::vector<Unit>& units,
                      std::vector<NameFound>& names,
                      std::vector<int>& unit_name,
                      std::deque<TaxonomyEntry>& store) {
  std::vector<NameFound> found;
  std::vector<bool> absorbed(names.size(), false);
  std::unordered_set<const TaxonomyEntry*> lone;  // people on their own
  std::vector<std::string> keys;  // the last word of each found's name
  std::vector<bool> plain;        // whether it is "ông/bà <name>"
  {
    const PersonFinder finder(text, units, names, unit_name);
    // Whom a person was said to speak for, by the last word of the name.
    std::unordered_map<std::string, const TaxonomyEntry*> speaks_for;
    // Whom the last person named with a title spoke for, by the title.
    std::unordered_map<std::string, const TaxonomyEntry*> by_title;
    for (size_t u = 0; u < units.size();) {
      PersonFinder::Found p = finder.at(u);
      if (p.end == u) {
        // "Thứ trưởng ủng hộ ...": the person last named with this title.
        std::string key;
        const size_t te = finder.bare_title(u, key);
        auto it = te > u ? by_title.find(key) : by_title.end();
        if (it != by_title.end()) {
          NameFound f{it->second, u, te, false};
          f.person = true;
          found.push_back(f);
          keys.emplace_back();
          plain.push_back(false);
          u = te;
          continue;
        }
        ++u;
        continue;
      }
      const TaxonomyEntry* entry = p.entry;
      if (p.org_u1 > p.org_u0) {
        TaxonomyEntry e;
        e.name = std::string(std::string_view(text).substr(
            units[p.org_u0].begin,
            units[p.org_u1 - 1].end - units[p.org_u0].begin));
        e.id = open_actor_id(e.name);
        e.kind = std::string(kOpenActorKind);
        store.push_back(std::move(e));
        entry = &store.back();
      }
      if (!p.surname_key.empty()) {
        auto it = speaks_for.find(p.surname_key);
        if (entry == nullptr && it != speaks_for.end()) entry = it->second;
        if (entry != nullptr && it == speaks_for.end())
          speaks_for[p.surname_key] = entry;
      }
      if (entry == nullptr) entry = p.base;
      if (entry == nullptr) {
        TaxonomyEntry e;
        e.name = std::string(std::string_view(text).substr(
            units[u].begin, units[p.end - 1].end - units[u].begin));
        e.id = open_actor_id(e.name);
        e.kind = std::string(kOpenActorKind);
        store.push_back(std::move(e));
        entry = &store.back();
        lone.insert(entry);
      }
      {
        std::string key;
        if (finder.bare_title(u, key) > u) by_title[key] = entry;
      }
      NameFound f{entry, u, p.end, false};
      f.person = true;
      found.push_back(f);
      keys.push_back(p.surname_key);
      plain.push_back(units[u].exact == "ông" || units[u].exact == "bà");
      for (size_t k = u; k < p.end; ++k) {
        if (unit_name[k] >= 0) absorbed[unit_name[k]] = true;
      }
      u = p.end;
    }
  }
  // "Ông Tôn Văn A, Giám đốc Công ty B": the person speaks for B.
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    NameFound& a = found[i];
    const NameFound& b = found[i + 1];
    if (!lone.count(a.entry) || lone.count(b.entry)) continue;
    const std::string_view gap = std::string_view(text).substr(
        units[a.u1 - 1].end, units[b.u0].begin - units[a.u1 - 1].end);
    if (gap == ", ") a.entry = b.entry;
  }
  link_short_names(keys, plain, lone, found);
  merge_names(names, absorbed, std::move(found), unit_name);
}

}  // namespace kb
