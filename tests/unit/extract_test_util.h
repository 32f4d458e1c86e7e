// Helpers shared by the extractor tests (extract_*_test.cc): the fixtures in
// tests/data/extract/ (made by make_fixtures.sh there) and checks on text.
#ifndef VNKB_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
#define VNKB_TESTS_UNIT_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "indexer/read/extract.h"
#include "tests/unit/test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define VNKB_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VNKB_TEST_ASAN 1
#endif
#endif
#ifndef VNKB_TEST_ASAN
#define VNKB_TEST_ASAN 0
#endif

namespace kb::extract_test {

namespace fs = std::filesystem;

inline fs::path fixture(const std::string& name) {
  return test::test_data("extract/" + name);
}

inline std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// Generous bounds: the tests that need tight ones set their own.
inline ExtractLimits limits() {
  ExtractLimits l;
  l.max_seconds = 60;
  return l;
}

inline Extracted extract(const std::string& name) {
  return extract_file(fixture(name), limits());
}

inline bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// The line of `text` that holds `needle`, or "".
inline std::string line_with(const std::string& text, std::string_view needle) {
  for (const std::string& line : lines_of(text)) {
    if (contains(line, needle)) return line;
  }
  return {};
}

inline std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

inline bool has_combining_mark(const std::string& s) {
  for (char32_t c : utf8_to_u32(s)) {
    if (c >= 0x300 && c <= 0x36F) return true;
  }
  return false;
}

inline void expect_same(const Extracted& a, const Extracted& b) {
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.encoding, b.encoding);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.reason, b.reason);
  ASSERT_EQ(a.pages.size(), b.pages.size());
  for (size_t i = 0; i < a.pages.size(); ++i) {
    EXPECT_EQ(a.pages[i].text, b.pages[i].text) << "page " << i + 1;
    EXPECT_EQ(a.pages[i].has_text_layer, b.pages[i].has_text_layer)
        << "page " << i + 1;
  }
}

inline int open_fd_count() {
  int n = 0;
  for ([[maybe_unused]] const auto& entry :
       fs::directory_iterator("/proc/self/fd"))
    ++n;
  return n;
}

}  // namespace kb::extract_test

#endif  // VNKB_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
