// vnkb-serve: the search API and web UI (see server.h).
#include <iostream>

#include "search-server/server.h"

int main(int argc, char** argv) {
  return kb::run_serve_cli(argc, argv, std::cout, std::cerr);
}
