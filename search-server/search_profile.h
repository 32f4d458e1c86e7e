// Where a search request's time goes: per stage of each /api/search
// request, the CPU time of the thread (the wait for a turn: wall time), kept
// when VNKB_PROFILE is set and printed to stderr when vnkb-serve stops: the
// mean over every request, over the costliest 1%, and the costliest
// queries (what a p99 is made of; docs/bench/server.md). CPU time holds on a
// busy machine, where wall time is mostly other programs'. Off, a stage
// costs one branch.
#ifndef VNKB_SEARCH_SERVER_SEARCH_PROFILE_H_
#define VNKB_SEARCH_SERVER_SEARCH_PROFILE_H_

#include <array>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <ostream>
#include <string>

namespace kb {

enum class SearchStage {
  kQueue,    // waiting for a turn in the SearchPool
  kParse,    // filters, the query parse, number roles
  kCount,    // the counting pass over every match (total and facets)
  kRank,     // the ranked page (BM25 window and phrase rescoring)
  kFacets,   // selected facets counted without their filter, the lists
  kHits,     // document data and snippets of the page
  kSuggest,  // the spelling suggestion
  kJson,     // the answer as JSON
  kCount_
};

inline constexpr size_t kSearchStageCount =
    static_cast<size_t>(SearchStage::kCount_);

// Per thread: a request begins, its stages add up, it ends into the run's
// records. Thread-safe (records are taken under a lock).
class SearchProfile {
 public:
  static bool on();
  static void begin(const std::string& query);
  static void add(SearchStage stage, double ms);
  static void end();
  // The table of means (all requests, slowest 1%); nothing when off or no
  // request was recorded.
  static void report(std::ostream& out);
};

// Adds the time from construction (or to()) to the next to() or the end to
// the stage it was started for.
class SearchStageTimer {
 public:
  explicit SearchStageTimer(SearchStage stage) { to(stage); }
  ~SearchStageTimer() { stop(); }
  SearchStageTimer(const SearchStageTimer&) = delete;
  SearchStageTimer& operator=(const SearchStageTimer&) = delete;

  void to(SearchStage stage) {
    stop();
    if (!SearchProfile::on()) return;
    stage_ = stage;
    running_ = true;
    start_ = now(stage_);
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    SearchProfile::add(stage_, now(stage_) - start_);
  }

 private:
  // Milliseconds on the stage's clock: wall for the queue, else this
  // thread's CPU.
  static double now(SearchStage stage) {
    if (stage == SearchStage::kQueue) {
      return std::chrono::duration<double, std::milli>(
                 std::chrono::steady_clock::now().time_since_epoch())
          .count();
    }
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 +
           static_cast<double>(t.tv_nsec) / 1e6;
  }

  SearchStage stage_ = SearchStage::kQueue;
  bool running_ = false;
  double start_ = 0;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCH_PROFILE_H_
