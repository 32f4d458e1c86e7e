// Running the real programs from tests: a command line in, exit code and
// output out.
#ifndef VNKB_TESTS_INTEGRATION_PROCESS_H_
#define VNKB_TESTS_INTEGRATION_PROCESS_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace kb::test {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr, interleaved
};

// Quotes one argument for /bin/sh.
inline std::string shell_quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

// Runs `argv` (argv[0] a path) and collects its output.
inline RunResult run(const std::vector<std::string>& argv,
                     bool merge_stderr = true) {
  std::string cmd;
  for (const std::string& a : argv) cmd += shell_quote(a) + " ";
  if (merge_stderr) cmd += "2>&1";
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline std::string index_binary() {
  return std::string(VNKB_BINARY_DIR) + "/indexer/vnkb-index";
}

}  // namespace kb::test

#endif  // VNKB_TESTS_INTEGRATION_PROCESS_H_
