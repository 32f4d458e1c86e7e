// vnkb-index: add, update, remove and inspect documents (see cli.h).
#include <iostream>

#include "indexer/cli.h"

int main(int argc, char** argv) {
  return kb::run_index_cli(argc, argv, std::cout, std::cerr);
}
