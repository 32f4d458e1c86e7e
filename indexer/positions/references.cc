// Short references to actors named earlier (references.h).
#include "indexer/positions/references.h"

#include <string_view>
#include <unordered_set>
#include <utility>

#include "indexer/positions/mentions.h"
#include "indexer/positions/quoted_speech.h"

namespace kb {
namespace {

// Organisation head nouns, as analysed words.
const std::vector<std::vector<std::string>>& org_head_nouns() {
  static const std::vector<std::vector<std::string>> kHeads = {
      {"tổng", "công", "ty"}, {"tập", "đoàn"}, {"hiệp", "hội"},  {"công", "ty"},
      {"tổng", "cục"},        {"ủy", "ban"},   {"ngân", "hàng"}, {"bộ"}};
  return kHeads;
}

// Words for a company that "này" makes a reference ("doanh nghiệp này").
bool names_company(const std::vector<Unit>& units, size_t u, size_t& end) {
  const std::string& w = units[u].exact;
  if (w == "dn") {
    end = u + 1;
    return true;
  }
  if (u + 1 < units.size() &&
      ((w == "doanh" && units[u + 1].exact == "nghiệp") ||
       (w == "công" && units[u + 1].exact == "ty"))) {
    end = u + 2;
    return true;
  }
  return false;
}

bool is_company_head(const std::vector<std::string>& h) {
  return h == std::vector<std::string>{"công", "ty"} ||
         h == std::vector<std::string>{"tổng", "công", "ty"} ||
         h == std::vector<std::string>{"tập", "đoàn"};
}

class ReferenceFinder {
 public:
  ReferenceFinder(const std::string& text, const std::vector<Unit>& units,
                  const std::vector<NameFound>& names,
                  const std::vector<int>& unit_name)
      : text_(text),
        units_(units),
        names_(names),
        unit_name_(unit_name),
        quotations_(named_quotations(text, units, names, unit_name)) {}

  std::vector<NameFound> find() const {
    std::vector<NameFound> found;
    for (size_t u = 0; u < units_.size(); ++u) {
      NameFound f;
      if (local_government(u, f)) {
        found.push_back(f);
        u = f.u1 - 1;
        continue;
      }
      if (unit_name_[u] >= 0) continue;
      if (first_person(u, f) || head_alone(u, f) || this_company(u, f) ||
          leaders_of_group(u, f) || named_locality(u, f)) {
        found.push_back(f);
        u = f.u1 - 1;
      }
    }
    return found;
  }

 private:
  const std::string& word(size_t u) const { return units_[u].exact; }
  bool capitalised(size_t u) const {
    const std::string_view raw = std::string_view(text_).substr(
        units_[u].begin, units_[u].end - units_[u].begin);
    return raw != word(u);
  }
  bool free(size_t u0, size_t u1) const {
    for (size_t k = u0; k < u1; ++k) {
      if (k >= units_.size() || unit_name_[k] >= 0) return false;
    }
    return true;
  }
  // Whether the word before u makes the noun plural or generic.
  bool generic_before(size_t u) const {
    static const std::unordered_set<std::string> kGeneric = {
        "các", "những", "mỗi", "nhiều", "một", "hai",
        "cả",  "từng",  "mọi", "giữa",  "cấp", "liên"};
    return u > 0 && kGeneric.count(word(u - 1)) > 0;
  }
  // The head at u, if any (longest first in org_head_nouns()).
  const std::vector<std::string>* head_at(size_t u) const {
    for (const std::vector<std::string>& h : org_head_nouns()) {
      if (u + h.size() > units_.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < h.size() && ok; ++k) ok = word(u + k) == h[k];
      if (ok) return &h;
    }
    return nullptr;
  }
  // The last actor named before u whose name, as written, opens with `h`
  // (with `company`, with any company head).
  const TaxonomyEntry* last_with(size_t u, const std::vector<std::string>* h,
                                 bool company) const {
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 >= u || n.process || n.person) continue;
      const std::vector<std::string>* nh = head_at(n.u0);
      if (nh == nullptr) continue;
      if (company ? is_company_head(*nh) : nh == h) return n.entry;
    }
    return nullptr;
  }

  // Whether the person named at n speaks: "Theo ông X", or a speech verb
  // within the next words ("Ông X, Thứ trưởng Bộ Y, cho biết").
  bool speaks(const NameFound& n) const {
    if (n.u0 > 0 && word(n.u0 - 1) == "theo") return true;
    static const std::unordered_set<std::string> kSpeech = {
        "biết", "nói", "mạnh", "định", "sẻ", "biểu", "rằng", "rõ", "thông"};
    for (size_t k = n.u1; k < units_.size() && k < n.u1 + 15; ++k) {
      if (kSpeech.count(word(k)) && k > 0) {
        const std::string& prev = word(k - 1);
        if ((word(k) == "biết" && prev == "cho") ||
            (word(k) == "mạnh" && prev == "nhấn") ||
            (word(k) == "định" && prev == "khẳng") ||
            (word(k) == "sẻ" && prev == "chia") ||
            (word(k) == "biểu" && prev == "phát") ||
            (word(k) == "rằng" && prev == "cho") ||
            (word(k) == "rõ" && prev == "nêu") ||
            (word(k) == "thông" && prev == "cũng") || word(k) == "nói") {
          return true;
        }
      }
    }
    return false;
  }

  // "tôi", "chúng tôi": inside a quotation, its speaker ("“... tôi đề nghị
  // ...”, ông Hoàng nói"); else the person last named as speaking.
  bool first_person(size_t u, NameFound& f) const {
    size_t end = u;
    if (word(u) == "tôi") end = u + 1;
    if (word(u) == "chúng" && u + 1 < units_.size() && word(u + 1) == "tôi")
      end = u + 2;
    if (end == u || !free(u, end)) return false;
    for (const NamedQuotation& q : quotations_) {
      if (units_[u].begin < q.begin || units_[u].begin >= q.end) continue;
      f = {names_[q.speaker].entry, u, end, false};
      return true;
    }
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 >= u || !n.person || !speaks(n)) continue;
      f = {n.entry, u, end, false};
      return true;
    }
    return false;
  }

  // "Tập đoàn kiến nghị", "Bộ sẽ tiếp tục": a capitalised head alone.
  bool head_alone(size_t u, NameFound& f) const {
    const std::vector<std::string>* h = head_at(u);
    if (h == nullptr || !capitalised(u) || generic_before(u)) return false;
    const size_t end = u + h->size();
    if (!free(u, end) || end >= units_.size()) return false;
    // Followed by a name or a qualifier, it is another organisation.
    if (capitalised(end) || unit_name_[end] >= 0 || word(end) == "ngành" ||
        units_[end].kind != TokenKind::kWord) {
      return false;
    }
    const TaxonomyEntry* e = last_with(u, h, false);
    if (e == nullptr) return false;
    f = {e, u, end, false};
    return true;
  }

  // "doanh nghiệp này", "DN này", "công ty này", "Hiệp hội này".
  bool this_company(size_t u, NameFound& f) const {
    size_t end = u;
    const std::vector<std::string>* h = head_at(u);
    const bool company = names_company(units_, u, end);
    if (!company) {
      if (h == nullptr) return false;
      end = u + h->size();
    }
    if (end >= units_.size() || word(end) != "này" || !free(u, end + 1))
      return false;
    const TaxonomyEntry* e =
        company ? last_with(u, nullptr, true) : last_with(u, h, false);
    if (e == nullptr) return false;
    f = {e, u, end + 1, false};
    return true;
  }

  // "UBND xã sẽ phối hợp ...", "UBND tỉnh sẽ yêu cầu ...": the generic
  // committee of a locality with no name after it is the local government
  // of that level named last ("UBND xã Cát Sơn" before).
  bool local_government(size_t u, NameFound& f) const {
    if (unit_name_[u] < 0) return false;
    const NameFound& g = names_[unit_name_[u]];
    if (g.u0 != u || g.entry->id != "ubnd" || g.u1 + 1 >= units_.size())
      return false;
    static const std::unordered_set<std::string> kLevels = {
        "tỉnh", "huyện", "xã", "quận", "phường"};
    const std::string& level = word(g.u1);
    if (!kLevels.count(level) || unit_name_[g.u1] >= 0) return false;
    const size_t next = g.u1 + 1;
    if (unit_name_[next] >= 0 || capitalised(next)) return false;
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 >= u || n.entry->kind != "open") continue;
      const std::string& name = n.entry->name;
      if (name.rfind("UBND " + level + " ", 0) == 0 ||
          name.rfind("Ủy ban nhân dân " + level + " ", 0) == 0) {
        f = {n.entry, u, next, false};
        return true;
      }
    }
    return false;
  }

  // "Lãnh đạo tỉnh Bình Định yêu cầu ...", "đề xuất của tỉnh Bình Định":
  // a locality named as a people's committee the page names ("UBND tỉnh
  // Bình Định", before or after: a lead comes before the body names it) is
  // that committee, the locality's government. Not inside another name
  // ("Công an tỉnh Bình Định").
  bool named_locality(size_t u, NameFound& f) const {
    static const std::unordered_set<std::string> kLevels = {
        "tỉnh", "huyện", "xã", "quận", "phường"};
    if (!kLevels.count(word(u)) || u + 1 >= units_.size() ||
        !capitalised(u + 1))
      return false;
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 == u || n.entry->kind != "open") continue;
      std::string_view rest = n.entry->name;
      for (std::string_view head : {"UBND ", "Ủy ban nhân dân "}) {
        if (rest.substr(0, head.size()) == head)
          rest.remove_prefix(head.size());
      }
      if (rest.size() == n.entry->name.size()) continue;
      // The locality's words, as written, one unit each.
      size_t k = u, pos = 0;
      while (pos < rest.size() && k < units_.size()) {
        const std::string_view raw = std::string_view(text_).substr(
            units_[k].begin, units_[k].end - units_[k].begin);
        if (rest.substr(pos, raw.size()) != raw) break;
        pos += raw.size();
        ++k;
        if (pos < rest.size() && rest[pos] == ' ') ++pos;
      }
      if (pos != rest.size() || !free(u, k)) continue;
      if (k < units_.size() && capitalised(k) && unit_name_[k] < 0)
        continue;  // "tỉnh Bình Định Mới": a longer name
      f = {n.entry, u, k, false};
      return true;
    }
    return false;
  }

  // "các lãnh đạo", "các nhà lãnh đạo", "lãnh đạo các nước", "các Bộ
  // trưởng" after a group of countries was named ("Nhóm G20", as "G20"):
  // the group's members acting together, so the group ("các lãnh đạo đồng
  // ý rằng thị trường phải được mở" at a G20 summit). Not when a name or a
  // qualifier follows ("các lãnh đạo doanh nghiệp", "các Bộ trưởng Việt
  // Nam"), nor "này" (the leaders just listed).
  bool leaders_of_group(size_t u, NameFound& f) const {
    static const std::vector<std::vector<std::string>> kLeaders = {
        {"các", "nhà", "lãnh", "đạo"},
        {"lãnh", "đạo", "các", "nước"},
        {"các", "lãnh", "đạo"},
        {"các", "bộ", "trưởng"}};
    size_t end = u;
    for (const std::vector<std::string>& l : kLeaders) {
      if (u + l.size() >= units_.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < l.size() && ok; ++k) ok = word(u + k) == l[k];
      if (ok) {
        end = u + l.size();
        break;
      }
    }
    if (end == u || !free(u, end)) return false;
    static const std::unordered_set<std::string> kQualifiers = {
        "này",  "doanh", "của",   "tỉnh",  "địa", "bộ", "ngành", "cấp",
        "hai",  "nhà",   "đảng",  "các",   "cơ",  "tổ", "công",  "tập",
        "ngân", "hiệp",  "thành", "trung", "chủ", "đó", "ấy"};
    if (unit_name_[end] >= 0 || capitalised(end) ||
        units_[end].kind != TokenKind::kWord || kQualifiers.count(word(end)))
      return false;
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 >= u || n.process || n.person) continue;
      if (n.entry->name.rfind("Nhóm ", 0) != 0) continue;
      f = {n.entry, u, end, false};
      return true;
    }
    // "các Bộ trưởng thương mại TPP ... Các Bộ trưởng nhất trí ...": the
    // ministers of an agreement's members, named so before, act as its
    // bloc (LABELS.md's actor_type "bloc"; baomoi-0074 labels them "TPP").
    for (size_t i = names_.size(); i > 0; --i) {
      const NameFound& n = names_[i - 1];
      if (n.u0 >= u || !n.process || n.u0 < 2) continue;
      if (!ministers_before(n.u0)) continue;
      f = {n.entry, u, end, false};
      return true;
    }
    return false;
  }

  // Whether "Bộ trưởng" or "Bộ trưởng thương mại" stands right before unit
  // `u` ("các Bộ trưởng thương mại TPP").
  bool ministers_before(size_t u) const {
    if (u >= 2 && word(u - 2) == "bộ" && word(u - 1) == "trưởng") return true;
    return u >= 4 && word(u - 4) == "bộ" && word(u - 3) == "trưởng" &&
           word(u - 2) == "thương" && word(u - 1) == "mại";
  }

  const std::string& text_;
  const std::vector<Unit>& units_;
  const std::vector<NameFound>& names_;
  const std::vector<int>& unit_name_;
  const std::vector<NamedQuotation> quotations_;
};

}  // namespace

void add_short_references(const std::string& text,
                          const std::vector<Unit>& units,
                          std::vector<NameFound>& names,
                          std::vector<int>& unit_name) {
  std::vector<NameFound> found =
      ReferenceFinder(text, units, names, unit_name).find();
  // A reference may take the place of a generic name ("UBND" of "UBND xã").
  std::vector<bool> absorbed(names.size(), false);
  for (const NameFound& f : found) {
    for (size_t k = f.u0; k < f.u1; ++k) {
      if (unit_name[k] >= 0) absorbed[unit_name[k]] = true;
    }
  }
  merge_names(names, absorbed, std::move(found), unit_name);
}

}  // namespace kb
