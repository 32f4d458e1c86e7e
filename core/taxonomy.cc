// Taxonomy loading and mention matching.
#include "core/taxonomy.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

const std::set<std::string> kKinds = {"agency",       "network", "topic",
                                      "organisation", "country", "process",
                                      "forum"};

std::vector<std::string> string_list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || j[key].is_null()) return out;
  for (const auto& v : j.at(key)) out.push_back(v.get<std::string>());
  return out;
}

std::string opt_string(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return {};
  return j.at(key).get<std::string>();
}

bool valid_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

TaxonomyEntry parse_entry(const nlohmann::json& j) {
  TaxonomyEntry e;
  e.id = j.at("id").get<std::string>();
  e.kind = j.at("kind").get<std::string>();
  e.name = j.at("name").get<std::string>();
  if (!valid_id(e.id))
    throw std::runtime_error("id must be lower-case a-z, 0-9 and '-'");
  if (!kKinds.count(e.kind))
    throw std::runtime_error("unknown kind '" + e.kind + "'");
  e.name_en = opt_string(j, "name_en");
  e.acronyms = string_list(j, "acronyms");
  e.aliases = string_list(j, "aliases");
  e.codes = string_list(j, "codes");
  e.keywords = string_list(j, "keywords");
  if (j.contains("member_of") && !j["member_of"].is_null()) {
    for (const auto& m : j.at("member_of")) {
      Membership ms;
      if (m.is_string()) {
        ms.id = m.get<std::string>();
      } else {
        ms.id = m.at("id").get<std::string>();
        ms.from = opt_string(m, "from");
        ms.to = opt_string(m, "to");
      }
      e.member_of.push_back(std::move(ms));
    }
  }
  e.successor = opt_string(j, "successor");
  e.valid_from = opt_string(j, "valid_from");
  e.valid_to = opt_string(j, "valid_to");
  return e;
}

std::string folded_key(std::string_view text) { return folded_string(text); }

// A Vietnamese syllable carrying diacritics ("ngô", "quặng"), as opposed to
// unaccented words and acronyms with đ ("bgdđt").
bool is_accented_syllable(const std::string& term) {
  const std::u32string t = utf8_to_u32(term);
  return has_diacritics(t) && is_vietnamese_syllable(t);
}

// Whether the `count` tokens from `first` spell `terms` in consecutive
// positions, comparing the exact or the folded term of each token.
bool spells(const std::vector<Token>& tokens, size_t first,
            const std::vector<std::string>& terms, bool folded) {
  if (first + terms.size() > tokens.size()) return false;
  for (size_t k = 0; k < terms.size(); ++k) {
    const Token& t = tokens[first + k];
    if ((folded ? t.folded : t.exact) != terms[k]) return false;
    if (k > 0 && t.position != tokens[first + k - 1].position + 1) return false;
  }
  return true;
}

// Whether no token of the span carries a diacritic.
bool unaccented(const std::vector<Token>& tokens, size_t first, size_t count) {
  for (size_t k = first; k < first + count; ++k) {
    if (tokens[k].exact != tokens[k].folded) return false;
  }
  return true;
}

// Whether the text was typed without diacritics: fewer than one word in ten
// carries any (Vietnamese written with them has most syllables marked). In
// such text an unaccented span may stand for an accented name; in accented
// text it is another word ("khi thai" is not "khí thải").
bool mostly_unaccented(const std::vector<Token>& tokens) {
  size_t words = 0, accented = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord) continue;
    ++words;
    if (t.exact != t.folded) ++accented;
  }
  return accented * 10 < words;
}

// Whether some token of the span is an accented Vietnamese syllable, which an
// unaccented form (an acronym, an English word) must not match.
bool has_accented_syllable(const std::vector<Token>& tokens, size_t first,
                           size_t count) {
  for (size_t k = first; k < first + count; ++k) {
    if (tokens[k].exact != tokens[k].folded &&
        is_accented_syllable(tokens[k].exact))
      return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> TaxonomyEntry::forms() const {
  std::vector<std::string> out;
  out.push_back(name);
  if (!name_en.empty()) out.push_back(name_en);
  out.insert(out.end(), acronyms.begin(), acronyms.end());
  out.insert(out.end(), aliases.begin(), aliases.end());
  return out;
}

Taxonomy::Taxonomy() = default;
Taxonomy::~Taxonomy() = default;
Taxonomy::Taxonomy(Taxonomy&&) noexcept = default;
Taxonomy& Taxonomy::operator=(Taxonomy&&) noexcept = default;

std::optional<Taxonomy> Taxonomy::load(const std::filesystem::path& dir,
                                       std::string* error) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    if (error)
      *error =
          "cannot read taxonomy folder " + dir.string() + ": " + ec.message();
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  std::vector<TaxonomyEntry> entries;
  std::vector<std::string> origins;  // "file: entry i (id)" of each entry
  std::set<std::string> ids;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(buf.str());
    } catch (const nlohmann::json::exception& e) {
      if (error) *error = file.string() + ": not valid JSON: " + e.what();
      return std::nullopt;
    }
    if (!j.is_array()) {
      if (error) *error = file.string() + ": must hold a JSON array of entries";
      return std::nullopt;
    }
    for (size_t i = 0; i < j.size(); ++i) {
      try {
        TaxonomyEntry e = parse_entry(j[i]);
        if (!ids.insert(e.id).second)
          throw std::runtime_error("duplicate id '" + e.id + "'");
        origins.push_back(file.string() + ": entry " + std::to_string(i) +
                          " (" + e.id + ")");
        entries.push_back(std::move(e));
      } catch (const std::exception& e) {
        if (error) {
          *error = file.string() + ": entry " + std::to_string(i) +
                   (j[i].contains("id") && j[i]["id"].is_string()
                        ? " (" + j[i]["id"].get<std::string>() + ")"
                        : std::string()) +
                   ": " + e.what();
        }
        return std::nullopt;
      }
    }
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    for (const Membership& m : entries[i].member_of) {
      if (!ids.count(m.id)) {
        if (error)
          *error = origins[i] + ": member_of names unknown id '" + m.id + "'";
        return std::nullopt;
      }
    }
  }
  return from_entries(std::move(entries));
}

Taxonomy Taxonomy::from_entries(std::vector<TaxonomyEntry> entries) {
  Taxonomy t;
  t.entries_ = std::move(entries);
  t.build_index();
  return t;
}

void Taxonomy::build_index() {
  static std::atomic<uint64_t> generations{0};
  generation_ = ++generations;
  by_id_.clear();
  by_code_.clear();
  forms_.clear();
  by_first_term_.clear();
  exact_form_terms_.assign(entries_.size(), {});
  for (size_t i = 0; i < entries_.size(); ++i) {
    const TaxonomyEntry& e = entries_[i];
    by_id_[e.id] = i;
    for (const std::string& code : e.codes) by_code_[folded_key(code)] = i;
    auto add_form = [&](const std::string& text, bool keyword) {
      AnalyzeOptions options;
      options.repair_legacy = false;
      const Analysis a = analyze(text, options);
      Form f;
      f.folded = !has_diacritics(utf8_to_u32(a.text));
      f.keyword = keyword;
      f.entry = &e;
      std::vector<std::string> folded_terms;
      std::vector<std::string> exact_terms;
      for (const Token& tok : a.tokens) {
        if (tok.kind == TokenKind::kDocNumberPart) continue;
        f.terms.push_back(f.folded ? tok.folded : tok.exact);
        folded_terms.push_back(tok.folded);
        exact_terms.push_back(tok.exact);
      }
      if (f.terms.empty()) return;
      std::vector<std::vector<std::string>>& exact = exact_form_terms_[i];
      if (std::find(exact.begin(), exact.end(), exact_terms) == exact.end())
        exact.push_back(std::move(exact_terms));
      if (!f.folded &&
          (f.terms.size() > 1 || !is_accented_syllable(f.terms[0]))) {
        f.unaccented_terms = std::move(folded_terms);
      }
      forms_.push_back(std::move(f));
    };
    for (const std::string& form : e.forms()) add_form(form, false);
    for (const std::string& kw : e.keywords) add_form(kw, true);
  }
  for (size_t i = 0; i < forms_.size(); ++i) {
    const Form& f = forms_[i];
    by_first_term_[f.terms[0]].push_back(i);
    if (!f.unaccented_terms.empty() && f.unaccented_terms[0] != f.terms[0]) {
      by_first_term_[f.unaccented_terms[0]].push_back(i);
    }
  }
  for (auto& [first, list] : by_first_term_) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return forms_[a].terms.size() > forms_[b].terms.size();
    });
  }
}

const TaxonomyEntry* Taxonomy::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

const TaxonomyEntry* Taxonomy::process_of_forum(
    const TaxonomyEntry& forum) const {
  if (forum.kind != "forum") return nullptr;
  for (const Membership& m : forum.member_of) {
    const TaxonomyEntry* p = find(m.id);
    if (p != nullptr && p->kind == "process") return p;
  }
  return nullptr;
}

const std::vector<std::vector<std::string>>& Taxonomy::exact_form_terms(
    const TaxonomyEntry& entry) const {
  static const std::vector<std::vector<std::string>> none;
  const auto it = by_id_.find(entry.id);
  if (it == by_id_.end() || &entries_[it->second] != &entry) return none;
  return exact_form_terms_[it->second];
}

const TaxonomyEntry* Taxonomy::agency_for_code(std::string_view code) const {
  auto it = by_code_.find(folded_key(code));
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

const TaxonomyEntry* Taxonomy::resolve(
    std::string_view value, std::span<const std::string_view> kinds) const {
  const TaxonomyEntry* e = find(value);
  for (std::string_view kind : kinds) {
    if (e != nullptr && e->kind == kind) return e;
  }
  for (std::string_view kind : kinds) {
    if (const TaxonomyEntry* f = find_by_form(kind, value)) return f;
  }
  if (const TaxonomyEntry* a = agency_for_code(value)) {
    for (std::string_view kind : kinds) {
      if (a->kind == kind) return a;
    }
  }
  return nullptr;
}

const TaxonomyEntry* Taxonomy::find_by_form(std::string_view kind,
                                            std::string_view text) const {
  const std::string key = folded_key(text);
  for (const TaxonomyEntry& e : entries_) {
    if (e.kind != kind) continue;
    for (const std::string& form : e.forms()) {
      if (folded_key(form) == key) return &e;
    }
  }
  return nullptr;
}

std::vector<Mention> Taxonomy::find_mentions(const Analysis& analysis) const {
  std::vector<Mention> out;
  const std::vector<Token>& tokens = analysis.tokens;
  std::vector<Mention> here;  // the longest matches starting at token i
  const bool unaccented_text = mostly_unaccented(tokens);
  size_t i = 0;
  while (i < tokens.size()) {
    here.clear();
    size_t best = 0;
    for (const std::string* first : {&tokens[i].exact, &tokens[i].folded}) {
      auto it = by_first_term_.find(*first);
      if (it == by_first_term_.end()) continue;
      for (size_t fi : it->second) {  // longest forms first
        const Form& f = forms_[fi];
        if (f.terms.size() < best) break;
        const size_t n = f.terms.size();
        const bool ok =
            f.folded ? spells(tokens, i, f.terms, true) &&
                           !has_accented_syllable(tokens, i, n)
                     : spells(tokens, i, f.terms, false) ||
                           (unaccented_text && !f.unaccented_terms.empty() &&
                            spells(tokens, i, f.unaccented_terms, true) &&
                            unaccented(tokens, i, n));
        if (!ok) continue;
        if (f.terms.size() > best) {
          here.clear();
          best = f.terms.size();
        }
        const bool seen =
            std::any_of(here.begin(), here.end(),
                        [&](const Mention& m) { return m.entry == f.entry; });
        if (!seen) here.push_back({f.entry, i, f.terms.size(), f.keyword});
      }
    }
    out.insert(out.end(), here.begin(), here.end());
    i += best > 0 ? best : 1;
  }
  return out;
}

std::string open_actor_id(std::string_view name) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  std::string slug;
  for (const Token& t : analyze(name, options).tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    for (char c : t.folded) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (ok) {
        slug += c;
      } else if (!slug.empty() && slug.back() != '-') {
        slug += '-';
      }
    }
    if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? std::string() : "x:" + slug;
}

}  // namespace kb
