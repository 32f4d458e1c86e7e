// Every file and folder of a vnkb database folder (`--db DIR`), named once.
// The indexer creates them; the server and the tools only read them.
//
//   DIR/catalog.sqlite        the catalog and the position store (SQLite,
//                             core/catalog.h, core/position_store.h), with
//                             SQLite's own catalog.sqlite-wal and -shm
//                             beside it while it is open in WAL mode
//   DIR/xapian/               the text index (core/schema.h); Xapian keeps
//                             its writer lock inside (xapian/flintlock)
//   DIR/positions/            the position index, one document per position
//                             (core/schema.h); its own flintlock likewise
//   DIR/taxonomy/             a copy of the taxonomy the index was built with
//                             (core/taxonomy.h), which the server loads
//   DIR/readers.lock          empty; servers hold a shared flock on it while
//                             they read the folder (core/reader_lock.h)
//
// Only one indexer writes a folder at a time: the Xapian writer locks are
// the folder's lock.
#ifndef VNKB_CORE_DB_LAYOUT_H_
#define VNKB_CORE_DB_LAYOUT_H_

#include <filesystem>

namespace kb {

inline std::filesystem::path catalog_path(const std::filesystem::path& dir) {
  return dir / "catalog.sqlite";
}

// The text index: one Xapian document per catalog document.
inline std::filesystem::path index_path(const std::filesystem::path& dir) {
  return dir / "xapian";
}

// The position index: one Xapian document per position.
inline std::filesystem::path positions_index_path(
    const std::filesystem::path& dir) {
  return dir / "positions";
}

inline std::filesystem::path taxonomy_copy_path(
    const std::filesystem::path& dir) {
  return dir / "taxonomy";
}

inline std::filesystem::path readers_lock_path(
    const std::filesystem::path& dir) {
  return dir / "readers.lock";
}

// True when `dir` holds a database someone has indexed into (the catalog
// and the text index exist); the position index may still be missing.
inline bool is_database(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(catalog_path(dir), ec) &&
         std::filesystem::exists(index_path(dir), ec);
}

}  // namespace kb

#endif  // VNKB_CORE_DB_LAYOUT_H_
