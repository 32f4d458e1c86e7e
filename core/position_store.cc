// Positions and their overrides in SQLite.
#include "core/position_store.h"

#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/sqlite.h"

namespace kb {
namespace {

using Json = nlohmann::json;

constexpr const char* kPositionsSchemaSql = R"SQL(
CREATE TABLE IF NOT EXISTS positions(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  stance TEXT NOT NULL,
  process TEXT NOT NULL DEFAULT '',
  forum TEXT NOT NULL DEFAULT '',
  topics TEXT NOT NULL DEFAULT '[]',
  forum_name TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  quote TEXT NOT NULL DEFAULT '',
  page INTEGER NOT NULL DEFAULT 0,
  begin_offset INTEGER NOT NULL DEFAULT 0,
  end_offset INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT 'extracted',
  override_id INTEGER,
  indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS positions_doc ON positions(doc_id, key);
CREATE INDEX IF NOT EXISTS positions_indexed ON positions(indexed);
CREATE TABLE IF NOT EXISTS position_overrides(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS position_overrides_doc ON position_overrides(doc_id);
-- Actors the taxonomy does not know, and the librarian's decisions on them.
CREATE TABLE IF NOT EXISTS open_actors(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  action TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT ''
);
-- Positions whose index entry must go: every deletion, also by cascade.
CREATE TABLE IF NOT EXISTS positions_deleted(id INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS positions_track_delete AFTER DELETE ON positions
BEGIN INSERT OR IGNORE INTO positions_deleted(id) VALUES (old.id); END;
)SQL";

// Version 2: the forum as written and the target of each position. Rows
// of version 1 keep them empty until their document is read again
// (`vnkb-index reindex`).
constexpr const char* kUpgrade1To2 =
    "ALTER TABLE positions ADD COLUMN forum_name TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE positions ADD COLUMN target TEXT NOT NULL DEFAULT '';";

const sqlite::Schema kPositionsSchema = {
    "positions", "positions_schema_version",
    2,           kPositionsSchemaSql,
    "positions", {kUpgrade1To2}};

constexpr const char* kColumns =
    "id, doc_id, key, actor, stance, process, forum, topics, date, quote, "
    "page, begin_offset, "
    "end_offset, source, forum_name, target";

using Stmt = sqlite::Statement;

PositionRecord read(const Stmt& s) {
  PositionRecord p;
  p.id = s.integer(0);
  p.doc_id = s.integer(1);
  p.key = s.text(2);
  p.actor = s.text(3);
  p.stance = s.text(4);
  p.process = s.text(5);
  p.forum = s.text(6);
  try {
    p.topics = Json::parse(s.text(7)).get<std::vector<std::string>>();
  } catch (const Json::exception&) {
  }
  p.date = s.text(8);
  p.quote = s.text(9);
  p.page = static_cast<int>(s.integer(10));
  p.begin = static_cast<uint32_t>(s.integer(11));
  p.end = static_cast<uint32_t>(s.integer(12));
  p.source = s.text(13);
  p.forum_name = s.text(14);
  p.target = s.text(15);
  return p;
}

// Writes every field of `p` into row p.id (which must exist), unindexed.
void update_row(sqlite3* db, const PositionRecord& p) {
  Stmt s(db,
         "UPDATE positions SET key=?, actor=?, stance=?, process=?, forum=?, "
         "topics=?, date=?, "
         "quote=?, page=?, begin_offset=?, end_offset=?, source=?, "
         "forum_name=?, target=?, indexed=0 WHERE id=?");
  s.bind(1, p.key)
      .bind(2, p.actor)
      .bind(3, p.stance)
      .bind(4, p.process)
      .bind(5, p.forum);
  s.bind(6, Json(p.topics).dump()).bind(7, p.date).bind(8, p.quote);
  s.bind(9, static_cast<int64_t>(p.page))
      .bind(10, static_cast<int64_t>(p.begin));
  s.bind(11, static_cast<int64_t>(p.end))
      .bind(12, p.source)
      .bind(13, p.forum_name)
      .bind(14, p.target)
      .bind(15, p.id)
      .run();
}

int64_t insert_row(sqlite3* db, const PositionRecord& p, int64_t override_id) {
  Stmt s(db,
         "INSERT INTO positions(doc_id, actor, stance, override_id) VALUES(?, "
         "?, ?, ?)");
  s.bind(1, p.doc_id).bind(2, p.actor).bind(3, p.stance);
  if (override_id > 0) {
    s.bind(4, override_id);
  }
  s.run();
  PositionRecord copy = p;
  copy.id = sqlite::last_insert_rowid(db);
  update_row(db, copy);
  return copy.id;
}

Json edit_to_json(const PositionEdit& e) {
  Json j = Json::object();
  if (e.actor) j["actor"] = *e.actor;
  if (e.stance) j["stance"] = *e.stance;
  if (e.process) j["process"] = *e.process;
  if (e.forum) j["forum"] = *e.forum;
  if (e.forum_name) j["forum_name"] = *e.forum_name;
  if (e.target) j["target"] = *e.target;
  if (e.date) j["date"] = *e.date;
  if (e.quote) j["quote"] = *e.quote;
  if (e.topics) j["topics"] = *e.topics;
  if (e.page) j["page"] = *e.page;
  return j;
}

void apply_fields(PositionRecord& p, const Json& j) {
  if (j.contains("actor")) p.actor = j["actor"].get<std::string>();
  if (j.contains("stance")) p.stance = j["stance"].get<std::string>();
  if (j.contains("process")) p.process = j["process"].get<std::string>();
  if (j.contains("forum")) p.forum = j["forum"].get<std::string>();
  if (j.contains("forum_name"))
    p.forum_name = j["forum_name"].get<std::string>();
  if (j.contains("target")) p.target = j["target"].get<std::string>();
  if (j.contains("date")) p.date = j["date"].get<std::string>();
  if (j.contains("quote")) p.quote = j["quote"].get<std::string>();
  if (j.contains("topics"))
    p.topics = j["topics"].get<std::vector<std::string>>();
  if (j.contains("page")) p.page = j["page"].get<int>();
}

Json record_to_json(const PositionRecord& p) {
  return {
      {"actor", p.actor},   {"stance", p.stance}, {"process", p.process},
      {"forum", p.forum},   {"date", p.date},     {"quote", p.quote},
      {"topics", p.topics}, {"page", p.page},     {"forum_name", p.forum_name},
      {"target", p.target}};
}

int64_t add_override(sqlite3* db, int64_t doc_id, const std::string& key,
                     const char* action, const Json& fields) {
  Stmt s(
      db,
      "INSERT INTO position_overrides(doc_id, key, action, fields, created_at) "
      "VALUES(?, ?, ?, ?, ?)");
  s.bind(1, doc_id)
      .bind(2, key)
      .bind(3, std::string(action))
      .bind(4, fields.dump());
  s.bind(5, utc_now_iso8601()).run();
  return sqlite::last_insert_rowid(db);
}

}  // namespace

PositionStore::PositionStore(sqlite3* db, bool writable) : db_(db) {
  if (writable) sqlite::migrate(db_, kPositionsSchema);
}

void PositionStore::replace_extracted(
    int64_t doc_id, const std::vector<PositionRecord>& extracted) {
  std::map<std::string, int64_t> existing;
  {
    Stmt s(db_,
           "SELECT key, id FROM positions WHERE doc_id=? AND source != "
           "'librarian'");
    s.bind(1, doc_id);
    while (s.step()) existing[s.text(0)] = s.integer(1);
  }
  std::set<std::string> kept;
  for (PositionRecord p : extracted) {
    p.doc_id = doc_id;
    if (p.actor.rfind("x:", 0) == 0) {
      note_open_actor(p.actor, p.actor_name);
      const std::optional<OpenActor> a = open_actor(p.actor);
      if (a && !a->target.empty()) p.actor = a->target;
    }
    p.source = "extracted";
    if (!kept.insert(p.key).second) continue;  // the same clause twice
    auto it = existing.find(p.key);
    if (it != existing.end()) {
      p.id = it->second;
      update_row(db_, p);
    } else {
      insert_row(db_, p, 0);
    }
  }
  for (const auto& [key, id] : existing) {
    if (!kept.count(key))
      Stmt(db_, "DELETE FROM positions WHERE id=?").bind(1, id).run();
  }
  apply_overrides(doc_id);
}

void PositionStore::apply_overrides(int64_t doc_id) {
  Stmt s(db_,
         "SELECT id, key, action, fields FROM position_overrides WHERE "
         "doc_id=? ORDER BY id");
  s.bind(1, doc_id);
  while (s.step()) {
    const int64_t override_id = s.integer(0);
    const std::string key = s.text(1), action = s.text(2);
    Json fields = Json::parse(s.text(3), nullptr, false);
    if (!fields.is_object()) fields = Json::object();
    if (action == "add") {
      Stmt has(db_, "SELECT id FROM positions WHERE override_id=?");
      has.bind(1, override_id);
      if (has.step()) continue;
      PositionRecord p;
      p.doc_id = doc_id;
      p.source = "librarian";
      apply_fields(p, fields);
      insert_row(db_, p, override_id);
      continue;
    }
    Stmt find(
        db_,
        (std::string("SELECT ") + kColumns +
         " FROM positions WHERE doc_id=? AND key=? AND source != 'librarian'")
            .c_str());
    find.bind(1, doc_id).bind(2, key);
    if (!find.step()) continue;  // the text no longer has that passage
    PositionRecord p = read(find);
    if (action == "delete") {
      Stmt(db_, "DELETE FROM positions WHERE id=?").bind(1, p.id).run();
    } else if (action == "edit") {
      apply_fields(p, fields);
      p.source = "corrected";
      update_row(db_, p);
    }
  }
}

std::vector<PositionRecord> PositionStore::of_document(int64_t doc_id) const {
  std::vector<PositionRecord> out;
  Stmt s(db_,
         std::string("SELECT ") + kColumns +
             " FROM positions WHERE doc_id=? ORDER BY page, begin_offset, id");
  s.bind(1, doc_id);
  while (s.step()) out.push_back(read(s));
  return out;
}

std::vector<PositionRecord> PositionStore::all() const {
  std::vector<PositionRecord> out;
  Stmt s(db_,
         std::string("SELECT ") + kColumns + " FROM positions ORDER BY id");
  while (s.step()) out.push_back(read(s));
  return out;
}

std::optional<PositionRecord> PositionStore::get(int64_t id) const {
  Stmt s(db_, std::string("SELECT ") + kColumns + " FROM positions WHERE id=?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read(s);
}

int64_t PositionStore::add(const PositionRecord& position) {
  PositionRecord p = position;
  p.key.clear();
  p.source = "librarian";
  const int64_t override_id =
      add_override(db_, p.doc_id, "", "add", record_to_json(p));
  return insert_row(db_, p, override_id);
}

bool PositionStore::edit(int64_t id, const PositionEdit& edit) {
  auto p = get(id);
  if (!p) return false;
  const Json fields = edit_to_json(edit);
  if (p->source == "librarian") {
    // The librarian's own position: its "add" override holds its fields.
    Stmt o(db_, "SELECT override_id FROM positions WHERE id=?");
    o.bind(1, id);
    o.step();
    const int64_t override_id = o.integer(0);
    apply_fields(*p, fields);
    Stmt(db_, "UPDATE position_overrides SET fields=? WHERE id=?")
        .bind(1, record_to_json(*p).dump())
        .bind(2, override_id)
        .run();
    update_row(db_, *p);
    return true;
  }
  add_override(db_, p->doc_id, p->key, "edit", fields);
  apply_fields(*p, fields);
  p->source = "corrected";
  update_row(db_, *p);
  return true;
}

bool PositionStore::remove(int64_t id) {
  auto p = get(id);
  if (!p) return false;
  if (p->source == "librarian") {
    Stmt(db_,
         "DELETE FROM position_overrides WHERE id=(SELECT override_id FROM "
         "positions WHERE id=?)")
        .bind(1, id)
        .run();
  } else {
    add_override(db_, p->doc_id, p->key, "delete", Json::object());
  }
  Stmt(db_, "DELETE FROM positions WHERE id=?").bind(1, id).run();
  return true;
}

std::vector<OpenActor> PositionStore::open_actors(bool only_new) const {
  std::vector<OpenActor> out;
  Stmt s(db_,
         "SELECT a.id, a.name, a.action, a.target, a.kind, (SELECT count(*) "
         "FROM positions p WHERE p.actor = a.id OR (a.target != '' AND "
         "p.actor = a.target)) FROM open_actors a ORDER BY a.id");
  while (s.step()) {
    OpenActor a{s.text(0), s.text(1), static_cast<int>(s.integer(5)),
                s.text(2), s.text(3), s.text(4)};
    if (only_new && !a.action.empty()) continue;
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<OpenActor> PositionStore::open_actor(
    const std::string& id) const {
  Stmt s(db_,
         "SELECT id, name, action, target, kind, (SELECT count(*) FROM "
         "positions WHERE actor = open_actors.id) FROM open_actors WHERE "
         "id=?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return OpenActor{s.text(0), s.text(1), static_cast<int>(s.integer(5)),
                   s.text(2), s.text(3), s.text(4)};
}

void PositionStore::note_open_actor(const std::string& id,
                                    const std::string& name) {
  Stmt(db_, "INSERT OR IGNORE INTO open_actors(id, name) VALUES(?, ?)")
      .bind(1, id)
      .bind(2, name.empty() ? id : name)
      .run();
}

bool PositionStore::resolve_open_actor(const std::string& id,
                                       const std::string& action,
                                       const std::string& target,
                                       const std::string& kind) {
  if (!open_actor(id)) return false;
  Stmt(db_, "UPDATE open_actors SET action=?, target=?, kind=? WHERE id=?")
      .bind(1, action)
      .bind(2, target)
      .bind(3, kind)
      .bind(4, id)
      .run();
  Stmt(db_, "UPDATE positions SET actor=?, indexed=0 WHERE actor=?")
      .bind(1, target)
      .bind(2, id)
      .run();
  return true;
}

std::vector<int64_t> PositionStore::dirty_ids() const {
  std::vector<int64_t> out;
  Stmt s(db_, "SELECT id FROM positions WHERE indexed=0 ORDER BY id");
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

void PositionStore::mark_clean(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    Stmt(db_, "UPDATE positions SET indexed=1 WHERE id=?").bind(1, id).run();
  }
}

void PositionStore::mark_all_dirty() {
  Stmt(db_, "UPDATE positions SET indexed=0").run();
}

std::vector<int64_t> PositionStore::deleted_ids() const {
  std::vector<int64_t> out;
  Stmt s(db_, "SELECT id FROM positions_deleted ORDER BY id");
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

void PositionStore::forget_deleted(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    Stmt(db_, "DELETE FROM positions_deleted WHERE id=?").bind(1, id).run();
  }
}

}  // namespace kb
