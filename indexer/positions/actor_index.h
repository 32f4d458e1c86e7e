// What position extraction derives once from a taxonomy: the actors and
// processes it looks for in a page, the process each actor belongs to, and
// the process of each forum.
#ifndef VNKB_INDEXER_POSITIONS_ACTOR_INDEX_H_
#define VNKB_INDEXER_POSITIONS_ACTOR_INDEX_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/taxonomy.h"

namespace kb {

// Kinds of taxonomy entry that take stances: agency, network, organisation,
// country.
bool is_actor_kind(const std::string& kind);
// Kinds that a position concerns: process, forum.
bool is_process_kind(const std::string& kind);

// Built once per extractor; read-only afterwards, so thread-safe.
// REQUIRES: `taxonomy` outlives this object.
class ActorIndex {
 public:
  explicit ActorIndex(const Taxonomy& taxonomy);

  // The whole taxonomy (its topics are looked up in pages).
  const Taxonomy& taxonomy() const { return *taxonomy_; }
  // Agencies, networks, organisations, countries, processes and forums:
  // names only, no topic keywords.
  const Taxonomy& actors() const { return actors_; }

  // The process a forum belongs to; empty when none.
  std::string process_of_forum(const std::string& forum_id) const;
  // The process an actor belongs to (member_of, or named in its own name:
  // "Nhóm nòng cốt đa bên về Hiệp định VPA/FLEGT"); empty when none.
  std::string process_of_actor(const std::string& actor_id) const;
  // The first process named in `text` (a forum gives its process); empty
  // when none.
  std::string process_in(std::string_view text) const;

 private:
  const Taxonomy* taxonomy_;
  Taxonomy actors_;
  Taxonomy processes_;  // processes and forums alone
  std::unordered_map<std::string, std::string> affiliation_;  // actor->process
  std::unordered_map<std::string, std::string> forum_process_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_ACTOR_INDEX_H_
