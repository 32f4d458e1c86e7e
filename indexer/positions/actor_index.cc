// Actors, processes and affiliations from the taxonomy (actor_index.h).
#include "indexer/positions/actor_index.h"

#include <utility>
#include <vector>

#include "core/analyzer.h"

namespace kb {

bool is_actor_kind(const std::string& kind) {
  return kind == "agency" || kind == "network" || kind == "organisation" ||
         kind == "country";
}

bool is_process_kind(const std::string& kind) {
  return kind == "process" || kind == "forum";
}

ActorIndex::ActorIndex(const Taxonomy& t) : taxonomy_(&t) {
  std::vector<TaxonomyEntry> actor_entries, process_entries;
  for (const TaxonomyEntry& e : t.entries()) {
    if (is_actor_kind(e.kind) || is_process_kind(e.kind)) {
      TaxonomyEntry copy = e;
      copy.keywords.clear();
      actor_entries.push_back(copy);
      if (is_process_kind(e.kind)) process_entries.push_back(std::move(copy));
    }
  }
  actors_ = Taxonomy::from_entries(std::move(actor_entries));
  processes_ = Taxonomy::from_entries(std::move(process_entries));
  for (const TaxonomyEntry& e : t.entries()) {
    if (const TaxonomyEntry* p = t.process_of_forum(e))
      forum_process_[e.id] = p->id;
  }
  for (const TaxonomyEntry& e : t.entries()) {
    if (!is_actor_kind(e.kind)) continue;
    std::string process;
    for (const Membership& m : e.member_of) {
      const TaxonomyEntry* p = t.find(m.id);
      if (p == nullptr) continue;
      if (p->kind == "process") process = p->id;
      if (p->kind == "forum") process = process_of_forum(p->id);
      if (!process.empty()) break;
    }
    if (process.empty()) {
      std::string names = e.name;
      for (const std::string& a : e.aliases) names += "\n" + a;
      if (!e.name_en.empty()) names += "\n" + e.name_en;
      process = process_in(names);
    }
    if (!process.empty()) affiliation_[e.id] = process;
  }
}

std::string ActorIndex::process_of_forum(const std::string& forum_id) const {
  auto it = forum_process_.find(forum_id);
  return it == forum_process_.end() ? std::string() : it->second;
}

std::string ActorIndex::process_of_actor(const std::string& actor_id) const {
  auto it = affiliation_.find(actor_id);
  return it == affiliation_.end() ? std::string() : it->second;
}

std::string ActorIndex::process_in(std::string_view text) const {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(text, options);
  for (const Mention& m : processes_.find_mentions(a)) {
    if (a.tokens[m.first_token].kind == TokenKind::kDocNumberPart) continue;
    if (m.entry->kind == "process") return m.entry->id;
    std::string p = process_of_forum(m.entry->id);
    if (!p.empty()) return p;
  }
  return {};
}

}  // namespace kb
