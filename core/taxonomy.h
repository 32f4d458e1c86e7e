// The curated taxonomy (corpus/taxonomy/*.json): agencies, networks and
// alliances, topics, and later actors and negotiation processes, each with its
// names, acronyms and aliases, so that any name of an entity finds the others.
//
// File format: each *.json file in the folder holds a JSON array of entries:
//   {
//     "id": "btnmt",                      // unique across files; [a-z0-9-]
//     "kind": "agency",                   // agency | network | topic |
//                                         // organisation | country | process
//     "name": "Bộ Tài nguyên và Môi trường",
//     "name_en": "Ministry of Natural Resources and Environment",
//     "acronyms": ["BTNMT", "MONRE", "Bộ TN&MT"],
//     "aliases": ["Bộ Tài nguyên Môi trường"],
//     "codes": ["BTNMT"],                 // agencies: issuer codes in numbers
//     "keywords": ["rác thải nhựa"],      // topics: phrases that signal it
//     "member_of": [{"id": "lmks", "from": "2013", "to": null}],
//     "successor": "bnnmt", "valid_to": "2025-03-01"
//   }
// Only id, kind and name are required. A librarian edits these files; the
// loader reports the file and entry of any mistake.
//
// Matching: every name, acronym, alias and keyword is analysed like document
// text. A form written with diacritics matches the exact (canonical) terms; a
// form without diacritics (acronyms, English) matches the folded terms, so
// "TN&MT" finds "tn mt" and "MONRE" finds "monre". Two refinements keep the
// tiers honest:
//   - a form without diacritics never matches a Vietnamese syllable written
//     with them: the acronym "NGO" does not find "ngô" (maize), while "BGDDT"
//     still finds "BGDĐT" (not a syllable);
//   - text typed without diacritics (fewer than one word in ten has any)
//     finds forms written with them ("lien minh khoang san" finds "Liên minh
//     Khoáng sản"), for forms of two or more words or whose one word is not a
//     syllable ("BGDĐT"): a single unaccented syllable is too often another
//     word ("quang" is not "quặng"). In accented text an unaccented span is
//     another word ("khi thai" is not "khí thải").
#ifndef VNKB_CORE_TAXONOMY_H_
#define VNKB_CORE_TAXONOMY_H_

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"

namespace kb {

struct Membership {
  std::string id;    // the network or group
  std::string from;  // "YYYY" or "YYYY-MM-DD", may be empty
  std::string to;
};

struct TaxonomyEntry {
  std::string id;
  std::string kind;
  std::string name;
  std::string name_en;
  std::vector<std::string> acronyms;
  std::vector<std::string> aliases;
  std::vector<std::string> codes;
  std::vector<std::string> keywords;
  std::vector<Membership> member_of;
  std::string successor;
  std::string valid_from;
  std::string valid_to;

  // Every surface form: name, name_en, acronyms, aliases, keywords.
  std::vector<std::string> forms() const;
};

// One place where an entity is named in an analysed text.
struct Mention {
  const TaxonomyEntry* entry = nullptr;
  size_t first_token = 0;  // index into Analysis::tokens
  size_t token_count = 0;
  bool by_keyword = false;  // matched a topic keyword, not a name
};

// The kinds of entry that take negotiation positions.
inline constexpr std::string_view kActorKinds[] = {"agency", "network",
                                                   "organisation", "country"};

class Taxonomy {
 public:
  Taxonomy();
  ~Taxonomy();
  Taxonomy(Taxonomy&&) noexcept;
  Taxonomy& operator=(Taxonomy&&) noexcept;

  // Loads every *.json file of `dir`. Returns nullopt and sets `error` (file,
  // entry and reason) when a file is unreadable or an entry is invalid.
  static std::optional<Taxonomy> load(const std::filesystem::path& dir,
                                      std::string* error);
  // From entries already in memory (tests).
  static Taxonomy from_entries(std::vector<TaxonomyEntry> entries);

  const std::vector<TaxonomyEntry>& entries() const { return entries_; }
  // Unique to this taxonomy's contents (never reused in the process), so
  // others can cache what they derive from it.
  uint64_t generation() const { return generation_; }
  const TaxonomyEntry* find(std::string_view id) const;
  // The process a forum is held under (its first member_of of kind
  // "process": INC-5 under the plastics treaty), or nullptr.
  const TaxonomyEntry* process_of_forum(const TaxonomyEntry& forum) const;
  // The agency whose issuer code is `code` ("TTg", "BTNMT"; case and
  // diacritics ignored), or nullptr.
  const TaxonomyEntry* agency_for_code(std::string_view code) const;
  // The entry of `kind` one of whose forms is exactly `text` (folded
  // comparison), e.g. the agency named "BỘ TÀI CHÍNH".
  const TaxonomyEntry* find_by_form(std::string_view kind,
                                    std::string_view text) const;

  // The entry of one of `kinds` that `value` names: its id, one of its
  // forms (as find_by_form compares them) or, for agencies, its issuer code.
  // Kinds are tried in order; nullptr when none.
  const TaxonomyEntry* resolve(std::string_view value,
                               std::span<const std::string_view> kinds) const;
  const TaxonomyEntry* resolve(
      std::string_view value,
      std::initializer_list<std::string_view> kinds) const {
    return resolve(
        value, std::span<const std::string_view>(kinds.begin(), kinds.size()));
  }

  // Every mention in `analysis`, left to right; at one position the longest
  // form wins.
  std::vector<Mention> find_mentions(const Analysis& analysis) const;

  // The exact-tier terms of each name and keyword of `entry` (one of this
  // taxonomy's), in every language, without repeats: what a snippet marks
  // for it. Analysed once, when the taxonomy is built.
  const std::vector<std::vector<std::string>>& exact_form_terms(
      const TaxonomyEntry& entry) const;

 private:
  struct Form {
    std::vector<std::string> terms;  // exact or folded terms, in order
    // Forms with diacritics that unaccented text may match: their folded
    // terms (empty otherwise).
    std::vector<std::string> unaccented_terms;
    bool folded = false;
    bool keyword = false;
    const TaxonomyEntry* entry = nullptr;
  };
  void build_index();

  std::vector<TaxonomyEntry> entries_;
  uint64_t generation_ = 0;
  std::unordered_map<std::string, size_t> by_id_;
  std::unordered_map<std::string, size_t> by_code_;
  std::vector<Form> forms_;
  // Per entry (entries_ order): exact_form_terms.
  std::vector<std::vector<std::vector<std::string>>> exact_form_terms_;
  // First term (exact for accented forms, folded otherwise; also the folded
  // first term of forms with unaccented_terms) -> forms_ indices, longest
  // first.
  std::unordered_map<std::string, std::vector<size_t>> by_first_term_;
};

// The id of an actor the taxonomy does not know, from its name as written:
// "x:" + its folded words joined by "-" ("Hiệp hội Nhựa Việt Nam" ->
// "x:hiep-hoi-nhua-viet-nam"). Taxonomy ids are [a-z0-9-], so it never
// collides with one. Empty when the name has no word.
std::string open_actor_id(std::string_view name);

// Whether `id` is such an id.
inline bool is_open_actor_id(std::string_view id) {
  return id.size() > 2 && id.substr(0, 2) == "x:";
}

}  // namespace kb

#endif  // VNKB_CORE_TAXONOMY_H_
