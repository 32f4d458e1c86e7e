// Open actors: names of organisations the taxonomy does not list
// (open_actors.h).
#include "indexer/positions/open_actors.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "indexer/positions/cue_lexicon.h"
#include "indexer/positions/mentions.h"

namespace kb {
namespace {

// Organisation heads, as analysed words (canonical, lower case); longest
// first so "tổng công ty" wins over "công ty".
const std::vector<std::vector<std::string>>& organisation_heads() {
  static const std::vector<std::vector<std::string>> kHeads = [] {
    const char* raw[] = {"phòng thương mại và công nghiệp",
                         "tổng công ty",
                         "đại sứ quán",
                         "phòng thương mại",
                         "câu lạc bộ",
                         "ủy ban nhân dân",
                         "hiệp hội",
                         "tổng cục",
                         "công ty",
                         "tập đoàn",
                         "ngân hàng",
                         "tổ chức",
                         "trung tâm",
                         "liên minh",
                         "liên đoàn",
                         "mạng lưới",
                         "hội đồng",
                         "ủy ban",
                         "văn phòng",
                         "tổng hội",
                         "bộ",
                         "cục",
                         "sở",
                         "hội",
                         "viện",
                         "quỹ",
                         "ban",
                         "nhóm",
                         "ubnd",
                         "hđnd",
                         "ctcp"};
    std::vector<std::vector<std::string>> out;
    for (const char* h : raw) {
      std::vector<std::string> words;
      AnalyzeOptions options;
      options.repair_legacy = false;
      for (const Token& t : analyze(h, options).tokens)
        words.push_back(t.exact);
      out.push_back(std::move(words));
    }
    return out;
  }();
  return kHeads;
}

// Words that may join the capitalised words of a name.
bool is_connector(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "tỉnh",   "thành", "phố", "huyện", "xã", "quận",
      "phường", "thị",   "và",  "&",     "tp", "tại"};
  return kWords.count(w) > 0;
}

// Acronyms that name no actor.
bool is_common_acronym(std::string_view a) {
  static const std::unordered_set<std::string_view> kWords = {
      "USD",  "VND",   "VNĐ",  "EUR",   "GDP",   "FDI",   "ODA", "FIT",  "LNG",
      "CO2",  "TP",    "HCM",  "TPHCM", "DN",    "DNNVV", "PGS", "TS",   "THS",
      "CEO",  "MW",    "GW",   "KWH",   "TNHH",  "CP",    "NĐ",  "QĐ",   "TTG",
      "UBND", "HĐND",  "XK",   "NK",    "XNK",   "SP",    "VN",  "PV",   "ĐBQH",
      "QH",   "TW",    "CNTT", "AI",    "BOT",   "PPP",   "NQ",  "KH",   "CT",
      "TT",   "BC",    "CV",   "ATTP",  "VAT",   "HS",    "ISO", "SDG",  "GMO",
      "IT",   "BĐS",   "NXB",  "MTV",   "TTXVN", "VGP",   "VNA", "TNMT", "NN",
      "PTNT", "HDDTVN"};
  return kWords.count(a) > 0;
}

bool capitalised(std::string_view raw) {
  return u_isupper(static_cast<UChar32>(first_code_point(raw)));
}

// Particles that open a predicate ("X đã ...", "X sẽ ..."): never the last
// syllable of a name.
bool opens_predicate(const std::string& w) {
  static const std::unordered_set<std::string> kWords = {
      "đã",    "sẽ",   "đang", "cũng", "vừa",  "mới", "vẫn", "luôn",
      "đều",   "tiếp", "còn",  "lại",  "thì",  "có",  "là",  "và",
      "không", "chưa", "được", "bị",   "cho",  "của", "với", "tại",
      "về",    "theo", "để",   "cần",  "phải", "nên", "rất", "kính"};
  return kWords.count(w) > 0;
}

// Whether a stance cue of the lexicon starts at unit `u`.
bool cue_starts_at(const std::vector<Unit>& units, size_t u) {
  for (const StanceCue& c : stance_cues()) {
    if (c.terms.empty() || u + c.terms.size() > units.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < c.terms.size() && ok; ++k)
      ok = units[u + k].exact == c.terms[k];
    if (ok) return true;
  }
  return false;
}

// "VASEP", "KoCham", "EuroCham": letters only, at least two capitals,
// starting with one, three letters or more.
bool looks_like_acronym(std::string_view raw) {
  if (raw.size() < 3 || raw.size() > 12) return false;
  int upper = 0;
  for (char c : raw) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (!(c >= 'a' && c <= 'z')) {
      return false;
    }
  }
  if (!(raw[0] >= 'A' && raw[0] <= 'Z') || upper < 2) return false;
  if (raw.find_first_not_of("IVXLCDM") == std::string_view::npos) return false;
  return !is_common_acronym(raw);
}

class OpenNameFinder {
 public:
  OpenNameFinder(const std::string& text, const std::vector<Unit>& units,
                 const std::vector<NameFound>& names,
                 const std::vector<int>& unit_name)
      : text_(text), units_(units), names_(names), unit_name_(unit_name) {}

  // The end of an open organisation name starting at `u`, or `u`.
  size_t org_end(size_t u) const;
  bool acronym_at(size_t u) const {
    return unit_name_[u] < 0 && units_[u].kind == TokenKind::kWord &&
           looks_like_acronym(raw(u)) && !credited(u);
  }

 private:
  std::string_view raw(size_t u) const {
    return std::string_view(text_).substr(units_[u].begin,
                                          units_[u].end - units_[u].begin);
  }
  // Whether the text between units a and a+1 is only spaces.
  bool joined(size_t a) const {
    for (size_t i = units_[a].end; i < units_[a + 1].begin; ++i) {
      if (text_[i] != ' ' && text_[i] != '\t') return false;
    }
    return true;
  }
  // "Hiệp hội Bia - Rượu - Nước giải khát Việt Nam": a spaced dash between
  // two capitalised words of a name (unit k-1 already in it) joins them, when
  // the word after it is neither a known name nor an organisation head (not
  // "Bộ Công Thương - Bộ Tài chính", "Việt Nam - Lào").
  bool dash_joins(size_t k) const {
    std::string_view gap = std::string_view(text_).substr(
        units_[k - 1].end, units_[k].begin - units_[k - 1].end);
    const size_t b = gap.find_first_not_of(' ');
    const size_t e = gap.find_last_not_of(' ');
    if (b == std::string_view::npos || b == 0 || e + 1 == gap.size())
      return false;
    gap = gap.substr(b, e + 1 - b);
    if (gap != "-" && gap != "–") return false;
    return unit_name_[k] < 0 && units_[k].kind == TokenKind::kWord &&
           capitalised(raw(k)) && capitalised(raw(k - 1)) && head_end(k) == k;
  }
  size_t head_end(size_t u) const;
  size_t local_government_end(size_t u) const;
  // "Ảnh: AFP", "(Nguồn: AFP/TTXVN)": unit u credits a photo or a source
  // (the word before it, then a colon); the agency takes no stance there.
  bool credited(size_t u) const {
    if (u == 0) return false;
    const std::string_view gap = std::string_view(text_).substr(
        units_[u - 1].end, units_[u].begin - units_[u - 1].end);
    if (gap.find(':') == std::string_view::npos) return false;
    const std::string_view w = raw(u - 1);
    return w == "Ảnh" || w == "ảnh" || w == "Nguồn" || w == "nguồn";
  }

  const std::string& text_;
  const std::vector<Unit>& units_;
  const std::vector<NameFound>& names_;
  const std::vector<int>& unit_name_;
};

size_t OpenNameFinder::head_end(size_t u) const {
  if (!capitalised(raw(u))) return u;
  if (unit_name_[u] >= 0) return local_government_end(u);
  for (const std::vector<std::string>& h : organisation_heads()) {
    if (u + h.size() > units_.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < h.size() && ok; ++k) {
      ok = units_[u + k].exact == h[k] && unit_name_[u + k] < 0 &&
           (k == 0 || joined(u + k - 1));
    }
    if (ok) return u + h.size();
  }
  return u;
}

// "UBND xã Cát Sơn", "Ủy ban nhân dân tỉnh Hà Tĩnh": the taxonomy's generic
// committee or council ("UBND" names no one) followed by a locality and its
// capitalised name heads the local government's own name, so that "UBND xã
// Cát Sơn sẽ phối hợp ..." has its actor right before "sẽ". Returns the end
// of the generic name at u, or u.
size_t OpenNameFinder::local_government_end(size_t u) const {
  static const std::unordered_set<std::string> kGeneric = {"ubnd", "hdnd"};
  static const std::unordered_set<std::string> kLocality = {
      "tỉnh", "huyện", "xã", "quận", "phường", "thành", "thị", "tp"};
  const NameFound& f = names_[unit_name_[u]];
  if (f.u0 != u || f.process || f.person || !kGeneric.count(f.entry->id))
    return u;
  const size_t after = f.u1;
  if (after + 1 >= units_.size() || !joined(after - 1) ||
      !kLocality.count(units_[after].exact))
    return u;
  // The locality's name: capitalised within the next two words.
  for (size_t k = after + 1; k < units_.size() && k <= after + 2; ++k) {
    if (!joined(k - 1)) return u;
    if (units_[k].kind == TokenKind::kWord && capitalised(raw(k))) return after;
  }
  return u;
}

size_t OpenNameFinder::org_end(size_t u) const {
  if (unit_name_[u] >= 0 && local_government_end(u) == u) return u;
  // A local government's name ends with its locality's ("UBND tỉnh Bình
  // Định kiến nghị Bộ ...": not "kiến nghị").
  const bool local = unit_name_[u] >= 0;
  const size_t h = head_end(u);
  if (h == u) return u;
  size_t end = h, k = h;
  while (k < units_.size() && k - h < 12 &&
         (joined(k - 1) || (end == k && k > h && dash_joins(k)))) {
    const int n = unit_name_[k];
    if (n >= 0) {  // a taxonomy name inside: absorbed when it starts here
      const NameFound& f = names_[n];
      if (f.u0 != k || f.process) break;
      k = end = f.u1;
      continue;
    }
    if (units_[k].kind == TokenKind::kWord && capitalised(raw(k)) &&
        !(units_[k].exact == "và")) {
      end = ++k;
      continue;
    }
    // "Cục Hàng hải Việt Nam": up to two lower-case syllables inside a name,
    // when a capitalised word or a country follows them.
    if (!local && end == k && end > h && units_[k].kind == TokenKind::kWord &&
        !is_connector(units_[k].exact)) {
      size_t m = k;
      while (m < units_.size() && m - k < 2 && unit_name_[m] < 0 &&
             units_[m].kind == TokenKind::kWord && !capitalised(raw(m)) &&
             joined(m - 1)) {
        ++m;
      }
      if (m > k && m < units_.size() && joined(m - 1) &&
          (capitalised(raw(m)) || unit_name_[m] >= 0)) {
        k = m;
        continue;
      }
    }
    // A connector is kept only when a capitalised word follows; "và" does
    // not join two names ("Bộ Công Thương và Bộ Tài chính").
    if (is_connector(units_[k].exact) && k + 1 < units_.size()) {
      const bool next_name = unit_name_[k + 1] >= 0;
      if (units_[k].exact == "tại" ? !next_name
                                   : next_name || head_end(k + 1) > k + 1) {
        break;
      }
      ++k;
      continue;
    }
    break;
  }
  // "Tổng cục Hải quan yêu cầu": only the first syllable of a name's last
  // word is capitalised, so one lower-case syllable after it still belongs
  // to the name when a predicate (a cue or its particle) follows it.
  if (end > h && end + 1 < units_.size() && unit_name_[end] < 0 &&
      unit_name_[end + 1] < 0 && units_[end].kind == TokenKind::kWord &&
      units_[end - 1].kind == TokenKind::kWord && joined(end - 1) &&
      joined(end) && capitalised(raw(end - 1)) &&
      !looks_like_acronym(raw(end - 1)) && !capitalised(raw(end)) &&
      !is_connector(units_[end].exact) && !opens_predicate(units_[end].exact) &&
      !cue_starts_at(units_, end) &&
      (opens_predicate(units_[end + 1].exact) ||
       cue_starts_at(units_, end + 1))) {
    ++end;
  }
  return end > h ? end : u;
}

}  // namespace

bool joins_common_noun(const std::string& word_before) {
  return word_before == "phi";
}

void add_open_names(const std::string& text, const std::vector<Unit>& units,
                    std::vector<NameFound>& names, std::vector<int>& unit_name,
                    std::deque<TaxonomyEntry>& store) {
  std::vector<NameFound> found;
  std::vector<bool> absorbed(names.size(), false);
  {
    const OpenNameFinder finder(text, units, names, unit_name);
    for (size_t u = 0; u < units.size();) {
      size_t end = finder.org_end(u);
      if (end == u && finder.acronym_at(u)) end = u + 1;
      if (end == u) {
        ++u;
        continue;
      }
      std::string name(std::string_view(text).substr(
          units[u].begin, units[end - 1].end - units[u].begin));
      TaxonomyEntry e;
      e.id = open_actor_id(name);
      e.kind = std::string(kOpenActorKind);
      e.name = std::move(name);
      store.push_back(std::move(e));
      found.push_back({&store.back(), u, end, false});
      for (size_t k = u; k < end; ++k) {
        if (unit_name[k] >= 0) absorbed[unit_name[k]] = true;
      }
      u = end;
    }
  }
  merge_names(names, absorbed, std::move(found), unit_name);
}

}  // namespace kb
