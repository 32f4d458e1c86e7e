// vnkb-serve: the search API and web UI (see server.h).
#include <malloc.h>

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "search-server/server.h"

int main(int argc, char** argv) {
  // Memory kept, not leaked (issue 19's soak: 92 MB after 30 s, 130 at 5
  // minutes, all of it anonymous, while heaptrack saw a heap under 14 MB
  // and no growing leak): glibc gives up to 8 malloc arenas a core to the
  // 64 workers, and each keeps the pages it freed. Two arenas (searches
  // run one per core anyway) and a trim every 30 s give them back.
  mallopt(M_ARENA_MAX, 2);
  std::mutex mutex;
  std::condition_variable stop;
  bool done = false;
  std::thread trimmer([&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stop.wait_for(lock, std::chrono::seconds(30), [&] { return done; }))
      malloc_trim(0);
  });
  const int code = kb::run_serve_cli(argc, argv, std::cout, std::cerr);
  {
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
  }
  stop.notify_all();
  trimmer.join();
  return code;
}
