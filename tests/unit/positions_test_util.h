// What the position tests share: the demo taxonomy, one extractor over it,
// and a one-line summary of what it found.
#ifndef VNKB_TESTS_UNIT_POSITIONS_TEST_UTIL_H_
#define VNKB_TESTS_UNIT_POSITIONS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/stances.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/positions/extractor.h"

namespace kb::test {

inline const Taxonomy& taxonomy() {
  static const Taxonomy t = [] {
    std::string error;
    std::optional<Taxonomy> loaded = Taxonomy::load(
        std::filesystem::path(VNKB_SOURCE_DIR) / "corpus" / "taxonomy", &error);
    EXPECT_TRUE(loaded.has_value()) << error;
    return loaded ? std::move(*loaded) : Taxonomy();
  }();
  return t;
}

inline const PositionExtractor& extractor() {
  static const PositionExtractor e(taxonomy());
  return e;
}

inline std::vector<ExtractedPosition> extract(const std::string& text,
                                              const PositionContext& ctx = {}) {
  return extractor().extract({text}, ctx);
}

// The Vietnamese news of the shared corpus (absent on a fresh clone).
inline std::filesystem::path news_dir() {
  return std::filesystem::path(VNKB_SOURCE_DIR) /
         "../shared/corpus/negotiation/vi";
}

// Skips a test when the shared corpus's news are absent (a fresh clone).
#define SKIP_WITHOUT_NEWS()                                                \
  if (!std::filesystem::exists(::kb::test::news_dir() / "labels-1.jsonl")) \
  GTEST_SKIP() << ::kb::test::news_dir()

// The line of `path` that holds `anchor` (NFC), or empty.
inline std::string line_with(const std::filesystem::path& path,
                             const std::string& anchor) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    line = to_nfc(line);
    if (line.find(anchor) != std::string::npos) return line;
  }
  return {};
}

// "actor stance" of each position, in order.
inline std::vector<std::string> summary(
    const std::vector<ExtractedPosition>& ps) {
  std::vector<std::string> out;
  for (const ExtractedPosition& p : ps)
    out.push_back(p.actor + " " + stance_id(p.stance));
  return out;
}

// Who took which stance in the positions whose quote starts with `opening`
// ("actor stance", or "actor_name stance" when `by_name`), sorted.
inline std::vector<std::string> stances_quoted_from(
    const std::vector<ExtractedPosition>& ps, std::string_view opening,
    bool by_name = false) {
  std::vector<std::string> out;
  for (const ExtractedPosition& p : ps) {
    if (std::string_view(p.quote).substr(0, opening.size()) == opening)
      out.push_back((by_name ? p.actor_name : p.actor) + " " +
                    stance_id(p.stance));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "actor stance" of the positions whose quote holds `anchor`, sorted.
inline std::vector<std::string> stances_quoting(
    const std::vector<ExtractedPosition>& ps, std::string_view anchor) {
  std::vector<std::string> out;
  for (const ExtractedPosition& p : ps) {
    if (p.quote.find(anchor) != std::string::npos)
      out.push_back(p.actor + " " + stance_id(p.stance));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Whether `stances` (as stances_quoting gives them) hold `want`.
inline bool has_stance(const std::vector<std::string>& stances,
                       std::string_view want) {
  return std::find(stances.begin(), stances.end(), want) != stances.end();
}

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_POSITIONS_TEST_UTIL_H_
