// Relations and dates of force in the catalog (see catalog_relations.h).
#include "core/catalog_relations.h"

#include "core/doc_number.h"

namespace kb {
namespace {

std::string key_of(const std::string& display) {
  const auto n = parse_doc_number(display);
  return n ? n->key() : std::string();
}

Relation read_relation(const sqlite::Statement& s, int col) {
  Relation r;
  r.kind = s.text(col);
  r.target = s.text(col + 1);
  r.scope = s.text(col + 2);
  r.sentence = s.text(col + 3);
  r.page = static_cast<int>(s.integer(col + 4));
  r.source = s.text(col + 5);
  return r;
}

}  // namespace

namespace catalog_relations {

void put(const sqlite::Database& db, const CatalogDocument& d) {
  sqlite::Statement(db, "DELETE FROM relations WHERE doc_id=?")
      .bind(1, d.id)
      .run();
  sqlite::Statement insert(
      db,
      "INSERT INTO relations(doc_id, ord, kind, target, target_key, scope, "
      "sentence, page, source) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (size_t i = 0; i < d.relations.size(); ++i) {
    const Relation& r = d.relations[i];
    insert.reset();
    insert.bind(1, d.id).bind(2, static_cast<int64_t>(i)).bind(3, r.kind);
    insert.bind(4, r.target).bind(5, key_of(r.target)).bind(6, r.scope);
    insert.bind(7, r.sentence).bind(8, static_cast<int64_t>(r.page));
    insert.bind(9, r.source).run();
  }
  sqlite::Statement(db,
                    "INSERT OR REPLACE INTO force(doc_id, effective_date, "
                    "expiry_date, validity) VALUES(?, ?, ?, ?)")
      .bind(1, d.id)
      .bind(2, d.effective_date)
      .bind(3, d.expiry_date)
      .bind(4, d.validity)
      .run();
}

void read(const sqlite::Database& db, CatalogDocument& d) {
  if (!sqlite::has_table(db.handle(), "relations")) return;
  sqlite::Statement s(db,
                      "SELECT kind, target, scope, sentence, page, source "
                      "FROM relations WHERE doc_id=? ORDER BY ord");
  s.bind(1, d.id);
  while (s.step()) d.relations.push_back(read_relation(s, 0));
  sqlite::Statement f(db,
                      "SELECT effective_date, expiry_date, validity FROM "
                      "force WHERE doc_id=?");
  f.bind(1, d.id);
  if (f.step()) {
    d.effective_date = f.text(0);
    d.expiry_date = f.text(1);
    d.validity = f.text(2);
  }
}

}  // namespace catalog_relations

std::vector<IncomingRelation> Catalog::relations_to(
    const std::string& number_key) const {
  std::vector<IncomingRelation> out;
  if (!has_table("relations")) return out;
  sqlite::Statement s(db_,
                      "SELECT doc_id, kind, target, scope, sentence, page, "
                      "source FROM relations WHERE target_key=? "
                      "ORDER BY doc_id, ord");
  s.bind(1, number_key);
  while (s.step()) out.push_back({s.integer(0), read_relation(s, 1)});
  return out;
}

std::vector<CatalogDocument> Catalog::force_rows() const {
  std::vector<CatalogDocument> out;
  const bool force = has_table("force");
  sqlite::Statement s(
      db_, force ? "SELECT d.id, d.number, d.type, d.status, d.issue_date, "
                   "f.effective_date, f.expiry_date, f.validity FROM documents "
                   "d LEFT JOIN force f ON f.doc_id = d.id WHERE d.status != "
                   "'failed'"
                 : "SELECT id, number, type, status, issue_date, '', '', '' "
                   "FROM documents WHERE status != 'failed'");
  while (s.step()) {
    CatalogDocument d;
    d.id = s.integer(0);
    d.number = s.text(1);
    d.type = s.text(2);
    d.status = s.text(3);
    d.issue_date = s.text(4);
    d.effective_date = s.text(5);
    d.expiry_date = s.text(6);
    d.validity = s.text(7);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<IncomingRelation> Catalog::ending_relations() const {
  std::vector<IncomingRelation> out;
  if (!has_table("relations")) return out;
  sqlite::Statement s(db_,
                      "SELECT doc_id, kind, target, scope, '', page, source "
                      "FROM relations WHERE kind IN ('replaces', 'repeals') "
                      "ORDER BY doc_id, ord");
  while (s.step()) out.push_back({s.integer(0), read_relation(s, 1)});
  return out;
}

}  // namespace kb
