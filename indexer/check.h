// `vnkb-index check`: do the catalog, the index and the position index of a
// database agree? Read-only; needs no writable indexer.
#ifndef VNKB_INDEXER_CHECK_H_
#define VNKB_INDEXER_CHECK_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kb {

struct CheckReport {
  std::vector<std::string> problems;  // empty when catalog and index agree
  int64_t catalog_documents = 0;
  int64_t index_documents = 0;
};

// Compares the catalog of `db_dir` with its index (every document indexed
// exactly when it did not fail, with the same title, number, type, date,
// status, pages and tags; the schema version) and with its position index.
// Problems are sentences for the librarian; never throws for a damaged
// database (that is a problem too).
CheckReport check_database(const std::filesystem::path& db_dir);

}  // namespace kb

#endif  // VNKB_INDEXER_CHECK_H_
