// The words of a page and the actors, processes and topics named in them:
// which words belong to which name, which actors stand together ("Bộ Công
// an, Bộ Quốc phòng"), and whether a name is a subject, an object or a
// modifier where it stands.
#ifndef VNKB_INDEXER_POSITIONS_MENTIONS_H_
#define VNKB_INDEXER_POSITIONS_MENTIONS_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "core/taxonomy.h"
#include "indexer/positions/actor_index.h"

namespace kb {

// A word of the analysis (document-number parts left out), by its bytes in
// the page's NFC text.
struct Unit {
  uint32_t begin = 0, end = 0;
  std::string exact;
  TokenKind kind = TokenKind::kWord;
};

// An actor, process or forum named in the page.
struct NameFound {
  const TaxonomyEntry* entry = nullptr;
  size_t u0 = 0, u1 = 0;  // units [u0, u1)
  bool process = false;   // a process or forum, not an actor
  // A person's title and name ("Tổng thống Mỹ Donald Trump"), whose entry
  // is what the person speaks for (person_names.h).
  bool person = false;
};

// Names found by a later pass join `names`: those `absorbed` (indices into
// `names`) leave, `found` come in, all in text order, and `unit_name` (the
// index of the name covering each unit, -1 for none) is rebuilt.
void merge_names(std::vector<NameFound>& names,
                 const std::vector<bool>& absorbed,
                 std::vector<NameFound> found, std::vector<int>& unit_name);

// Actors standing together: joined by "," "/" "và" "hoặc" "cùng", or by one
// unknown acronym, or the same actor twice.
struct ActorGroup {
  std::vector<size_t> members;  // indices into names()
  size_t u0 = 0, u1 = 0;        // units [u0, u1)
};

// Immutable once built. REQUIRES: `text` and `index` outlive this object.
class PageMentions {
 public:
  // Analyses `text` (NFC). Ill-formed UTF-8 gives no units at all, since
  // offsets into the text would not hold.
  PageMentions(const std::string& text, const ActorIndex& index);

  const std::string& text() const { return text_; }
  size_t size() const { return units_.size(); }
  const Unit& unit(size_t u) const { return units_[u]; }
  // The unit's analysed form (lower case, NFC).
  const std::string& word(size_t u) const { return units_[u].exact; }
  // The unit as written in the text.
  std::string_view unit_text(size_t u) const;
  // The first unit that begins at or after `byte`.
  size_t first_unit_at_or_after(size_t byte) const;
  // The end of the units that begin at or after `u0` and end by `byte_end`.
  size_t units_end(size_t u0, size_t byte_end) const;
  // Whether the bytes [a_end, b_begin) between two units hold `c`.
  bool between_has(size_t a_end, size_t b_begin, char c) const;

  const std::vector<Unit>& units() const { return units_; }
  const std::vector<NameFound>& names() const { return names_; }
  // The index of the name covering each unit, -1 for none.
  const std::vector<int>& unit_names() const { return unit_name_; }
  const std::vector<ActorGroup>& groups() const { return groups_; }
  // The index of the name or group covering unit `u`, or -1.
  int name_at(size_t u) const { return unit_name_[u]; }
  int group_at(size_t u) const { return unit_group_[u]; }
  // Topics of the taxonomy named in the page: (first unit, entry).
  const std::vector<std::pair<size_t, const TaxonomyEntry*>>& topics() const {
    return topics_;
  }

  // The distinct actor ids of a group, leaving out countries that only
  // qualify the member before them.
  std::vector<std::string> group_ids(const ActorGroup& g) const;
  // Whether a country names what the word before it qualifies ("Đài
  // Truyền hình Việt Nam", "Chính phủ Việt Nam") rather than an actor.
  bool is_country_modifier(const NameFound& f, size_t clause_u0) const;
  // Whether the group is the object of what precedes it in the clause
  // ("phối hợp với X", "báo cáo Thủ tướng Chính phủ", "của Bộ trưởng Bộ X").
  bool group_is_object(const ActorGroup& g, size_t clause_u0) const;
  // The actors of the group that starts right at unit `u` (after up to two
  // title words "Bộ trưởng" when `allow_titles`), within the clause; empty
  // when none starts there.
  std::vector<std::string> actors_after(size_t u, size_t clause_u1,
                                        bool allow_titles) const;
  // The actor `id` as the page first writes it; empty when not named.
  std::string name_of(const std::string& id) const;

 private:
  void find_names(const Analysis& a, const ActorIndex& index);
  void build_groups();

  const std::string& text_;
  std::vector<Unit> units_;
  std::vector<NameFound> names_;
  std::vector<int> unit_name_;
  std::vector<ActorGroup> groups_;
  std::vector<int> unit_group_;
  std::vector<std::pair<size_t, const TaxonomyEntry*>> topics_;
  // Entries of the open actors named in the page (open_actors.h); a deque,
  // so names_ may point into it.
  std::deque<TaxonomyEntry> open_entries_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_MENTIONS_H_
