// FUZZ_CHECK: a contract check inside a fuzz target. A violated contract is a
// finding like a crash: it prints what broke and aborts, so libFuzzer keeps
// the input.
#ifndef VNKB_TESTS_FUZZ_FUZZ_CHECK_H_
#define VNKB_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, \
                   #cond);                                                     \
      std::abort();                                                            \
    }                                                                          \
  } while (false)

#endif  // VNKB_TESTS_FUZZ_FUZZ_CHECK_H_
