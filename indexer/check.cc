// Consistency checks of a database folder: catalog, index, position index.
#include "indexer/check.h"

#include <xapian.h>

#include <memory>
#include <set>
#include <string>

#include "core/catalog.h"
#include "core/position_store.h"
#include "core/schema.h"
#include "indexer/indexer.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

// The position index holds exactly the catalog's positions, each up to date.
void check_positions(const Catalog& catalog, const fs::path& db_dir,
                     CheckReport& r) {
  std::vector<PositionRecord> positions;
  std::vector<int64_t> dirty, deleted;
  try {
    const PositionStore store(catalog.handle(), /*writable=*/false);
    positions = store.all();
    dirty = store.dirty_ids();
    deleted = store.deleted_ids();
  } catch (const std::exception&) {
    return;  // a catalog from before positions: nothing to compare
  }
  std::set<Xapian::docid> indexed;
  if (fs::exists(positions_index_path(db_dir))) {
    try {
      const Xapian::Database index(positions_index_path(db_dir).string());
      for (auto it = index.postlist_begin(""); it != index.postlist_end("");
           ++it)
        indexed.insert(*it);
    } catch (const Xapian::Error& e) {
      r.problems.push_back("cannot open the position index: " +
                           e.get_description());
      return;
    }
  }
  if (!dirty.empty() || !deleted.empty()) {
    r.problems.push_back(std::to_string(dirty.size() + deleted.size()) +
                         " position(s) changed but not yet in the position "
                         "index; any vnkb-index command that writes finishes "
                         "it");
  }
  std::set<Xapian::docid> expected;
  for (const PositionRecord& p : positions) {
    const auto id = static_cast<Xapian::docid>(p.id);
    expected.insert(id);
    if (!indexed.count(id)) {
      r.problems.push_back("position " + std::to_string(p.id) +
                           " is missing from the position index");
    }
  }
  for (Xapian::docid id : indexed) {
    if (!expected.count(id)) {
      r.problems.push_back("position index holds position " +
                           std::to_string(id) +
                           " that the catalog does not have");
    }
  }
}

}  // namespace

CheckReport check_database(const fs::path& db_dir) {
  CheckReport r;
  std::string error;
  auto catalog = Catalog::open(catalog_path(db_dir), true, &error);
  if (!catalog) {
    r.problems.push_back(error);
    return r;
  }
  std::unique_ptr<Xapian::Database> index;
  try {
    index = std::make_unique<Xapian::Database>(index_path(db_dir).string());
  } catch (const Xapian::Error& e) {
    r.problems.push_back("cannot open the index: " + e.get_description());
    return r;
  }
  if (const std::string version =
          index->get_metadata(std::string(schema::kSchemaVersionKey));
      version != schema::kSchemaVersion) {
    r.problems.push_back(
        "the index was built by another version of vnkb (schema " +
        (version.empty() ? std::string("unknown") : version) + ", this one " +
        std::string(schema::kSchemaVersion) +
        "): `vnkb-index reindex`, or any command that adds or removes, "
        "rebuilds it from the catalog");
  }
  std::set<Xapian::docid> indexed;
  for (auto it = index->postlist_begin(""); it != index->postlist_end(""); ++it)
    indexed.insert(*it);
  r.index_documents = static_cast<int64_t>(indexed.size());
  std::set<Xapian::docid> expected;
  for (const CatalogDocument& d : catalog->list({})) {
    ++r.catalog_documents;
    const auto id = static_cast<Xapian::docid>(d.id);
    if (d.index_state != "clean") {
      r.problems.push_back("document " + std::to_string(d.id) + " (" + d.path +
                           ") is " + d.index_state +
                           ": a run was interrupted; any vnkb-index command "
                           "that writes finishes it");
    }
    if (d.status == "failed") {
      if (indexed.count(id)) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             " failed but is still in the index");
      }
      continue;
    }
    expected.insert(id);
    if (!indexed.count(id)) {
      r.problems.push_back("document " + std::to_string(d.id) + " (" + d.path +
                           ") is missing from the index");
      continue;
    }
    try {
      const schema::DocumentData data =
          schema::DocumentData::from_json(index->get_document(id).get_data());
      auto differs = [&](const char* field, const std::string& a,
                         const std::string& b) {
        if (a != b) {
          r.problems.push_back("document " + std::to_string(d.id) + ": " +
                               field + " differs (catalog \"" + a +
                               "\", index \"" + b + "\")");
        }
      };
      differs("title", d.title, data.title);
      differs("number", d.number, data.number);
      differs("type", d.type, data.type);
      differs("issue_date", d.issue_date, data.issue_date);
      differs("status", d.status, data.status);
      if (data.pages != d.pages) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             ": page count differs");
      }
      if (d.networks != data.networks || d.topics != data.topics) {
        r.problems.push_back("document " + std::to_string(d.id) +
                             ": tags differ");
      }
    } catch (const std::exception& e) {
      r.problems.push_back("document " + std::to_string(d.id) + ": " +
                           e.what());
    }
  }
  for (Xapian::docid id : indexed) {
    if (!expected.count(id)) {
      r.problems.push_back("index holds document " + std::to_string(id) +
                           " that the catalog does not list as indexed");
    }
  }
  check_positions(*catalog, db_dir, r);
  return r;
}

}  // namespace kb
