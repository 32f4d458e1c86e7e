// Units, names and groups of a page (mentions.h).
#include "indexer/positions/mentions.h"

#include <algorithm>
#include <unordered_set>

#include "indexer/positions/open_actors.h"
#include "indexer/positions/person_names.h"
#include "indexer/positions/references.h"
#include "indexer/positions/word_lists.h"

namespace kb {
namespace {

// "Mỹ Latinh", "Mỹ La-tinh", "châu Mỹ", "Bắc Mỹ", "Nam Mỹ": a region that
// holds a country's one-word name (units [u0, u1)) is not that country
// ("... châu Phi và Mỹ Latinh ủng hộ" is no stance of the United States).
// "Trung Mỹ" is left alone: it is also "China-US".
bool region_holds_country_name(const std::vector<Unit>& units,
                               const std::vector<int>& unit_name, size_t u0,
                               size_t u1) {
  if (u1 != u0 + 1) return false;
  if (u1 < units.size() && units[u1].exact == "latinh") return true;
  if (u1 + 1 < units.size() && units[u1].exact == "la" &&
      units[u1 + 1].exact == "tinh")
    return true;
  if (u0 == 0 || unit_name[u0 - 1] >= 0) return false;  // "Việt Nam Mỹ"
  const std::string& before = units[u0 - 1].exact;
  return before == "châu" || before == "bắc" || before == "nam";
}

// "Bộ Ngoại giao Syria", "Bộ Nông nghiệp Mỹ": a ministry of the taxonomy
// (Vietnam's) right followed by a foreign country is that country's, and
// the country is the actor.
bool foreign_country_agency(const PageMentions& m, const NameFound& agency,
                            const NameFound& next) {
  if (agency.entry->kind != "agency" || agency.person || next.person ||
      next.u0 != agency.u1 || next.entry->kind != "country" ||
      next.entry->id == "viet-nam")
    return false;
  const size_t a = m.unit(agency.u1 - 1).end, b = m.unit(next.u0).begin;
  return std::string_view(m.text()).substr(a, b - a).find_first_not_of(' ') ==
         std::string_view::npos;  // "Bộ Ngoại giao, Syria" is two
}

}  // namespace

PageMentions::PageMentions(const std::string& text, const ActorIndex& index)
    : text_(text) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(text_, options);
  if (a.text != text_) return;  // ill-formed UTF-8: offsets would not hold
  find_names(a, index);
  if (units_.empty()) return;
  build_groups();
}

std::string_view PageMentions::unit_text(size_t u) const {
  return std::string_view(text_).substr(units_[u].begin,
                                        units_[u].end - units_[u].begin);
}

size_t PageMentions::first_unit_at_or_after(size_t byte) const {
  return std::lower_bound(units_.begin(), units_.end(), byte,
                          [](const Unit& u, size_t b) { return u.begin < b; }) -
         units_.begin();
}

size_t PageMentions::units_end(size_t u0, size_t byte_end) const {
  // Units do not overlap, so their ends ascend as their begins do.
  if (u0 >= units_.size()) return u0;
  return std::partition_point(
             units_.begin() + u0, units_.end(),
             [byte_end](const Unit& u) { return u.end <= byte_end; }) -
         units_.begin();
}

bool PageMentions::between_has(size_t a_end, size_t b_begin, char c) const {
  if (b_begin <= a_end) return false;
  return std::string_view(text_).substr(a_end, b_begin - a_end).find(c) !=
         std::string_view::npos;
}

void PageMentions::find_names(const Analysis& a, const ActorIndex& index) {
  std::vector<int> unit_of_token(a.tokens.size(), -1);
  // Exactly, as a page can be a whole file: doubling would hold up to twice.
  units_.reserve(static_cast<size_t>(std::count_if(
      a.tokens.begin(), a.tokens.end(),
      [](const Token& t) { return t.kind != TokenKind::kDocNumberPart; })));
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    if (t.kind == TokenKind::kDocNumberPart) continue;
    unit_of_token[i] = static_cast<int>(units_.size());
    units_.push_back({t.begin, t.end, t.exact, t.kind});
  }
  unit_name_.assign(units_.size(), -1);
  // Mentions at one span: a process or forum wins over a network of the
  // same name (EITI); among actors the first listed wins.
  const std::vector<Mention> mentions = index.actors().find_mentions(a);
  for (size_t i = 0; i < mentions.size();) {
    size_t j = i;
    const Mention* best = &mentions[i];
    while (j < mentions.size() &&
           mentions[j].first_token == mentions[i].first_token) {
      if (is_process_kind(mentions[j].entry->kind) &&
          !is_process_kind(best->entry->kind)) {
        best = &mentions[j];
      }
      ++j;
    }
    i = j;
    const int u0 = unit_of_token[best->first_token];
    if (u0 < 0) continue;  // an issuer code inside a document number
    // "tổ chức phi chính phủ" names no government.
    if (u0 > 0 && joins_common_noun(units_[u0 - 1].exact)) continue;
    int u1 = u0;
    for (size_t k = best->first_token;
         k < best->first_token + best->token_count; ++k) {
      if (unit_of_token[k] >= 0) u1 = unit_of_token[k] + 1;
    }
    if (best->entry->kind == "country" &&
        region_holds_country_name(units_, unit_name_, u0, u1))
      continue;
    NameFound f{best->entry, static_cast<size_t>(u0), static_cast<size_t>(u1),
                is_process_kind(best->entry->kind)};
    for (size_t u = f.u0; u < f.u1; ++u)
      unit_name_[u] = static_cast<int>(names_.size());
    names_.push_back(f);
  }
  add_open_names(text_, units_, names_, unit_name_, open_entries_);
  add_person_names(text_, units_, names_, unit_name_, open_entries_);
  add_short_references(text_, units_, names_, unit_name_);
  for (const Mention& m : index.taxonomy().find_mentions(a)) {
    if (m.entry->kind != "topic") continue;
    const int u = unit_of_token[m.first_token];
    if (u >= 0) topics_.push_back({static_cast<size_t>(u), m.entry});
  }
}

// Consecutive actors joined by "," "/" "và" "hoặc" "cùng", or by one
// unknown acronym ("ADB, Đại sứ quán Hà Lan và DWRM/ Bộ TN&MT"), or the
// same actor twice ("Trung tâm Con người và Thiên nhiên (PanNature)").
void PageMentions::build_groups() {
  unit_group_.assign(units_.size(), -1);
  for (size_t i = 0; i < names_.size(); ++i) {
    const NameFound& f = names_[i];
    if (f.process) continue;
    bool joined = false;
    if (!groups_.empty()) {
      ActorGroup& g = groups_.back();
      const NameFound& last = names_[g.members.back()];
      const size_t gap = f.u0 - last.u1;
      bool ok = false;
      if (between_has(units_[last.u1 - 1].end, units_[f.u0].begin, '\n') ||
          between_has(units_[last.u1 - 1].end, units_[f.u0].begin, ';') ||
          between_has(units_[last.u1 - 1].end, units_[f.u0].begin, ':') ||
          between_has(units_[last.u1 - 1].end, units_[f.u0].begin, '.')) {
        ok = false;
      } else if (gap == 0) {
        // People are listed with "và"; "Gặp Tổng thống X, Chủ tịch nước Y
        // đề nghị": X is whom Y met.
        ok = !((f.person || last.person) &&
               between_has(units_[last.u1 - 1].end, units_[f.u0].begin, ','));
      } else if (gap == 1) {
        const std::string& w = word(last.u1);
        const std::string_view raw = unit_text(last.u1);
        const bool acronym =
            raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char c) {
              return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
        ok = w == "và" || w == "hoặc" || w == "cùng" || acronym;
      } else if (gap == 2) {
        ok = word(last.u1) == "và" && unit_text(last.u1 + 1).size() >= 2 &&
             std::all_of(unit_text(last.u1 + 1).begin(),
                         unit_text(last.u1 + 1).end(),
                         [](char c) { return c >= 'A' && c <= 'Z'; });
      }
      if (ok) {
        g.members.push_back(i);
        g.u1 = f.u1;
        joined = true;
      }
    }
    if (!joined) groups_.push_back({{i}, f.u0, f.u1});
  }
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    for (size_t m : groups_[gi].members) {
      for (size_t u = names_[m].u0; u < names_[m].u1; ++u)
        unit_group_[u] = static_cast<int>(gi);
    }
  }
}

std::vector<std::string> PageMentions::group_ids(const ActorGroup& g) const {
  std::vector<std::string> ids;
  bool foreign = false;  // the member before is this country's ministry
  for (size_t k = 0; k < g.members.size(); ++k) {
    const size_t m = g.members[k];
    const NameFound& f = names_[m];
    if (k + 1 < g.members.size() &&
        foreign_country_agency(*this, f, names_[g.members[k + 1]])) {
      foreign = true;
      continue;
    }
    if (foreign) {
      foreign = false;
      if (std::find(ids.begin(), ids.end(), f.entry->id) == ids.end())
        ids.push_back(f.entry->id);
      continue;
    }
    if (is_country_modifier(f, 0) && m != g.members.front()) continue;
    // "Hiệp hội Chế biến và Xuất khẩu thủy sản Việt Nam (VASEP)": the
    // bracketed acronym is the same actor.
    if (m != g.members.front() && f.u0 > 0 &&
        between_has(units_[f.u0 - 1].end, units_[f.u0].begin, '(')) {
      continue;
    }
    if (std::find(ids.begin(), ids.end(), f.entry->id) == ids.end())
      ids.push_back(f.entry->id);
  }
  return ids;
}

bool PageMentions::is_country_modifier(const NameFound& f,
                                       size_t clause_u0) const {
  if (f.entry->kind != "country" || f.person || f.u0 == 0 || f.u0 <= clause_u0)
    return false;
  const size_t p = f.u0 - 1;
  if (between_has(units_[p].end, units_[f.u0].begin, ',') ||
      between_has(units_[p].end, units_[f.u0].begin, '(') ||
      between_has(units_[p].end, units_[f.u0].begin, '\n') ||
      between_has(units_[p].end, units_[f.u0].begin, ':')) {
    return false;
  }
  // "Đoàn Việt Nam", "phái đoàn Brazil", "lãnh đạo Trung Quốc", "chính
  // quyền Mỹ", "nhà chức trách Nhật Bản": who speaks for the country.
  static const std::unordered_set<std::string> kFree = {
      "và",  "hoặc", "là",   "do",   "được", "bởi", "giao",  "cả",   "cùng",
      "của", "với",  "giữa", "phía", "đoàn", "đạo", "quyền", "trách"};
  return !kFree.count(word(p));
}

bool PageMentions::group_is_object(const ActorGroup& g,
                                   size_t clause_u0) const {
  size_t p = g.u0;
  while (p >= clause_u0 + 2 && p >= 2 && is_title(word(p - 2), word(p - 1))) {
    p -= 2;
  }
  if (p == 0 || p <= clause_u0) return false;
  if (between_has(units_[p - 1].end, units_[p].begin, ',') ||
      between_has(units_[p - 1].end, units_[p].begin, '(')) {
    return false;
  }
  // "Phía EC đề nghị": "phía" opening the clause, or after a comma or a
  // list marker ("6. Phía Nga bày tỏ ..."), names the subject's side; "về
  // phía X", "từ phía X" are no subject.
  if (word(p - 1) == "phía" &&
      (p - 1 <= clause_u0 ||
       between_has(units_[p - 2].end, units_[p - 1].begin, ',') ||
       (between_has(units_[p - 2].end, units_[p - 1].begin, '.') &&
        units_[p - 2].kind == TokenKind::kNumber))) {
    return false;
  }
  return marks_object(word(p - 1));
}

std::vector<std::string> PageMentions::actors_after(size_t u, size_t clause_u1,
                                                    bool allow_titles) const {
  size_t p = u;
  if (allow_titles) {
    for (int k = 0;
         k < 2 && p + 1 < clause_u1 && is_title(word(p), word(p + 1)); ++k) {
      p += 2;
    }
  }
  if (p >= clause_u1) return {};
  const int g = group_at(p);
  if (g < 0 || groups_[g].u0 != p) return {};
  return group_ids(groups_[g]);
}

std::string PageMentions::name_of(const std::string& id) const {
  // The organisation or country as written, not the person speaking for it.
  for (const NameFound& f : names_) {
    if (f.entry->id != id) continue;
    if (f.person && f.entry->kind != kOpenActorKind) continue;
    if (f.entry->kind == kOpenActorKind) return f.entry->name;
    std::string out;
    for (size_t u = f.u0; u < f.u1; ++u) {
      if (!out.empty()) out += ' ';
      out += unit_text(u);
    }
    return out;
  }
  for (const NameFound& f : names_) {
    if (f.entry->id == id) return f.entry->name;
  }
  return {};
}

void merge_names(std::vector<NameFound>& names,
                 const std::vector<bool>& absorbed,
                 std::vector<NameFound> found, std::vector<int>& unit_name) {
  if (found.empty()) return;
  std::vector<NameFound> merged;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!absorbed[i]) merged.push_back(names[i]);
  }
  merged.insert(merged.end(), found.begin(), found.end());
  std::sort(merged.begin(), merged.end(),
            [](const NameFound& a, const NameFound& b) { return a.u0 < b.u0; });
  names = std::move(merged);
  std::fill(unit_name.begin(), unit_name.end(), -1);
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t k = names[i].u0; k < names[i].u1; ++k)
      unit_name[k] = static_cast<int>(i);
  }
}

}  // namespace kb
