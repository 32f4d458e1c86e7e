// Helpers shared by the unit tests.
#ifndef VNKB_TESTS_UNIT_TEST_UTIL_H_
#define VNKB_TESTS_UNIT_TEST_UTIL_H_

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace kb::test {

inline std::string nfd(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(out);
  return out;
}

inline std::string upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// ../shared next to the repository (or $VNKB_SHARED); empty when absent.
inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("VNKB_SHARED")) return env;
  const std::filesystem::path p =
      std::filesystem::path(VNKB_SOURCE_DIR) / ".." / "shared";
  return std::filesystem::exists(p / "corpus") ? p : std::filesystem::path();
}

inline std::filesystem::path test_data(const std::string& name) {
  return std::filesystem::path(VNKB_SOURCE_DIR) / "tests" / "data" / name;
}

// A path in the source tree ("corpus/seeds/...").
inline std::filesystem::path source(const std::string& rel) {
  return std::filesystem::path(VNKB_SOURCE_DIR) / rel;
}

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_TEST_UTIL_H_
