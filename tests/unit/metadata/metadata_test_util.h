// Shared by the metadata tests: the agency table, one extractor built on it,
// and the row type of the table-driven cases.
#ifndef VNKB_TESTS_UNIT_METADATA_METADATA_TEST_UTIL_H_
#define VNKB_TESTS_UNIT_METADATA_METADATA_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/taxonomy.h"
#include "indexer/metadata/extractor.h"

namespace kb::test {

// The agency table alone, copied to a folder of its own: the other taxonomy
// files are not this test's subject.
inline const Taxonomy& agencies() {
  static const Taxonomy taxonomy = [] {
    const std::filesystem::path src = std::filesystem::path(VNKB_SOURCE_DIR) /
                                      "corpus" / "taxonomy" / "agencies.json";
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("vnkb-metadata-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(
        src, dir / "agencies.json",
        std::filesystem::copy_options::overwrite_existing);
    std::string error;
    std::optional<Taxonomy> loaded = Taxonomy::load(dir, &error);
    std::filesystem::remove_all(dir);
    if (!loaded) {
      ADD_FAILURE() << error;
      return Taxonomy();
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

// One extractor on agencies(), built once for all the tests.
inline const MetadataExtractor& extractor() {
  static const MetadataExtractor e(agencies());
  return e;
}

inline DocMetadata meta_of(const std::string& text,
                           std::string_view file_title = {}) {
  return extractor().extract({text}, file_title);
}

// A row of a table-driven test: a text and the value one field should have.
struct Case {
  const char* name;
  const char* text;
  const char* expected;
};

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_METADATA_METADATA_TEST_UTIL_H_
