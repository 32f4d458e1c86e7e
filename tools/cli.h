// The command-line contract of the tools/ programs, as vnkb-index and
// vnkb-serve keep it: --help to stdout, a usage error to stderr with exit 2.
#ifndef VNKB_TOOLS_CLI_H_
#define VNKB_TOOLS_CLI_H_

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>

namespace kb {

// What a tools/ program returns when its arguments are wrong.
inline constexpr int kToolExitUsage = 2;

// Parses argv into the options registered on `app`. Returns nullopt when the
// program should go on; otherwise the code main() returns: 0 once --help has
// printed the usage to stdout, kToolExitUsage once a usage error has printed
// "NAME: WHAT" and a hint to run NAME --help to stderr.
// REQUIRES: `app` was constructed with the program's name (CLI::App{desc,
// name}), so messages and the usage line do not carry argv[0]'s path.
inline std::optional<int> parse_tool_args(CLI::App& app, int argc,
                                          const char* const* argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\n(run "
              << app.get_name() << " --help for usage)\n";
    return kToolExitUsage;
  }
  return std::nullopt;
}

}  // namespace kb

#endif  // VNKB_TOOLS_CLI_H_
