// Negotiation positions in the catalog database, and the librarian's
// corrections to them, which survive re-indexing.
//
// Tables (created next to the catalog's own, see core/catalog.h):
//   positions          every position of every document: extracted ones
//                      (source "extracted", or "corrected" after an edit)
//                      and the librarian's own (source "librarian")
//   position_overrides the librarian's actions: "delete" or "edit" of an
//                      extracted position, named by its document and key
//                      (indexer/positions.h: position_key), or "add"
// When a document is re-read, its extracted positions are replaced and the
// overrides applied again: a deleted position stays deleted, an edited one
// keeps its edits, an added one stays. A position keeps its id while its
// document's text keeps it (same key), so links to it stay valid.
#ifndef VNKB_CORE_POSITION_STORE_H_
#define VNKB_CORE_POSITION_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sqlite.h"

namespace kb {

struct PositionRecord {
  int64_t id = 0;
  int64_t doc_id = 0;
  std::string key;    // extraction key; "" for the librarian's own
  std::string actor;  // taxonomy id, or an open actor's id (x:...)
  // An open actor's name as the text writes it (not stored with the
  // position: replace_extracted and add record it in the actors table).
  std::string actor_name;
  std::string stance;   // supports, opposes, proposes, requests, commits,
                        // leads, concerned
  std::string process;  // taxonomy id or ""
  std::string forum;    // taxonomy id or ""
  // The forum or process as the text names it ("Hội đàm Việt Nam - Nhật
  // Bản"), set with or without `forum`; "" when none is named.
  std::string forum_name;
  // What the stance is about, as written after the cue ("" when unknown).
  std::string target;
  std::vector<std::string> topics;
  std::string date;  // YYYY-MM-DD, YYYY-MM or YYYY, or ""
  std::string quote;
  int page = 0;                      // 1-based; 0 when unknown
  uint32_t begin = 0, end = 0;       // byte offsets of the quote in the page
  std::string source = "extracted";  // extracted, corrected, librarian
};

// Fields a librarian may set: actor, stance, process, forum, forum_name,
// target, topics, date, quote, page.
struct PositionEdit {
  std::optional<std::string> actor, stance, process, forum, forum_name, target,
      date, quote;
  std::optional<std::vector<std::string>> topics;
  std::optional<int> page;
};

// An actor the taxonomy does not know (id "x:..."; core/taxonomy.h), as
// the extraction or a librarian named it, and what the librarian decided.
struct OpenActor {
  std::string id;     // open_actor_id(name)
  std::string name;   // as first written
  int positions = 0;  // positions that name it (before any merge)
  // "": new; "merge": it is `target` (a taxonomy id); "alias": the same,
  // and `name` is one of `target`'s names; "entity": a new entity `target`
  // of kind `kind`, named `name`.
  std::string action, target, kind;
};

class PositionStore {
 public:
  // `db` is the catalog's connection (Catalog::handle()), borrowed; with
  // `writable` the tables are created or upgraded (sqlite::migrate). Every
  // method throws sqlite::Error on SQLite errors (core/sqlite.h).
  PositionStore(sqlite3* db, bool writable);

  // Replaces the extracted positions of a document and applies its
  // overrides. REQUIRES: inside the catalog's transaction.
  void replace_extracted(int64_t doc_id,
                         const std::vector<PositionRecord>& extracted);

  std::vector<PositionRecord> of_document(int64_t doc_id) const;
  std::vector<PositionRecord> all() const;
  std::optional<PositionRecord> get(int64_t id) const;

  // The librarian's actions; each is recorded as an override first.
  // add: returns the new position's id. edit/remove: false for an unknown id.
  int64_t add(const PositionRecord& position);
  bool edit(int64_t id, const PositionEdit& edit);
  bool remove(int64_t id);

  // Open actors, by id; `only_new`: those no librarian has decided on.
  std::vector<OpenActor> open_actors(bool only_new) const;
  std::optional<OpenActor> open_actor(const std::string& id) const;
  // Records `id` (open_actor_id of `name`) unless known.
  void note_open_actor(const std::string& id, const std::string& name);
  // The librarian's decision on an open actor (action and target as in
  // OpenActor); its positions, now and after every re-read, take `target`
  // as their actor. False for an unknown id.
  bool resolve_open_actor(const std::string& id, const std::string& action,
                          const std::string& target, const std::string& kind);

  // Ids of positions changed since the index last took them (written by
  // the indexer: it marks them clean after its commit).
  std::vector<int64_t> dirty_ids() const;
  void mark_clean(const std::vector<int64_t>& ids);
  // Marks every position changed (the index is rebuilt).
  void mark_all_dirty();
  // Ids whose position is gone but whose index entry may remain.
  std::vector<int64_t> deleted_ids() const;
  void forget_deleted(const std::vector<int64_t>& ids);

 private:
  void apply_overrides(int64_t doc_id);
  sqlite3* db_;
};

}  // namespace kb

#endif  // VNKB_CORE_POSITION_STORE_H_
