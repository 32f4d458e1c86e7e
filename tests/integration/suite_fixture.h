// A fixture whose SetUpTestSuite can fail. gtest marks every test of a suite
// whose SetUpTestSuite asserted as skipped, and ctest counts a skipped test
// as no failure: a broken setup (an indexer that hung) went unseen in CI.
// Here the setup records what went wrong and every test fails with it.
#ifndef VNKB_TESTS_INTEGRATION_SUITE_FIXTURE_H_
#define VNKB_TESTS_INTEGRATION_SUITE_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>

namespace kb::test {

// CRTP: one setup error per suite.
template <typename Suite>
class SuiteFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!setup_error_.empty()) FAIL() << "suite setup: " << setup_error_;
  }
  // False, with `what` recorded for every test, unless `ok`.
  static bool require(bool ok, const std::string& what) {
    if (!ok && setup_error_.empty()) setup_error_ = what;
    return ok;
  }
  static inline std::string setup_error_;
};

}  // namespace kb::test

#endif  // VNKB_TESTS_INTEGRATION_SUITE_FIXTURE_H_
