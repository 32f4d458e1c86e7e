// Where indexing time goes: wall time and this thread's CPU time per stage of
// `add` and `reindex`, summed over the run and printed to stderr at exit when
// VNKB_PROFILE is set (docs/bench/index.md). CPU time is the figure that
// holds on a busy machine. Off, a stage costs one branch.
#ifndef VNKB_INDEXER_STAGE_TIMES_H_
#define VNKB_INDEXER_STAGE_TIMES_H_

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace kb {

enum class Stage {
  kRead,        // waiting for the extract service's answer
  kAnalyse,     // analyze() of every page, anchors
  kMetadata,    // extract_metadata and overrides
  kTags,        // tag_document
  kPositions,   // the negotiation position extractor
  kCatalog,     // SQLite: the document, pages, tags, positions rows
  kIndexBuild,  // build_document: terms, word pairs, mentions, values
  kIndexWrite,  // Xapian replace_document (in memory until a commit)
  kCommit,      // Xapian commits and the catalog's clean marks
  kCompact,     // compacting the index after a first load
  kCount
};

class StageTimes {
 public:
  static StageTimes& get() {
    static StageTimes times;
    return times;
  }
  bool on() const { return on_; }
  void add(Stage s, double wall, double cpu) {
    const std::lock_guard<std::mutex> lock(mutex_);  // two threads add
    wall_[static_cast<size_t>(s)] += wall;
    cpu_[static_cast<size_t>(s)] += cpu;
  }
  ~StageTimes() {
    if (!on_) return;
    static const char* const kNames[] = {
        "read",    "analyse",     "metadata",    "tags",   "positions",
        "catalog", "index build", "index write", "commit", "compact"};
    double total = 0;
    for (double s : cpu_) total += s;
    std::fprintf(stderr, "stage         wall (s)  CPU (s)  CPU share\n");
    for (size_t i = 0; i < cpu_.size(); ++i) {
      std::fprintf(stderr, "%-12s %9.2f %8.2f %9.1f%%\n", kNames[i], wall_[i],
                   cpu_[i], total > 0 ? 100 * cpu_[i] / total : 0.0);
    }
  }

 private:
  StageTimes() : on_(std::getenv("VNKB_PROFILE") != nullptr) {}
  bool on_;
  std::mutex mutex_;
  std::array<double, static_cast<size_t>(Stage::kCount)> wall_{};
  std::array<double, static_cast<size_t>(Stage::kCount)> cpu_{};
};

// Adds the time from construction (or to()) to stop() (or destruction) to
// the stage it was started for.
class StageTimer {
 public:
  explicit StageTimer(Stage stage) { to(stage); }
  ~StageTimer() { stop(); }
  StageTimer(const StageTimer&) = delete;
  StageTimer& operator=(const StageTimer&) = delete;

  // Ends the current stage (if any) and starts `stage`.
  void to(Stage stage) {
    stop();
    if (!StageTimes::get().on()) return;
    stage_ = stage;
    running_ = true;
    start_ = std::chrono::steady_clock::now();
    cpu_start_ = thread_cpu();
  }
  void stop() {
    if (!running_) return;
    running_ = false;
    StageTimes::get().add(
        stage_,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_)
            .count(),
        thread_cpu() - cpu_start_);
  }

 private:
  static double thread_cpu() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) +
           1e-9 * static_cast<double>(t.tv_nsec);
  }
  Stage stage_ = Stage::kRead;
  bool running_ = false;
  std::chrono::steady_clock::time_point start_{};
  double cpu_start_ = 0;
};

}  // namespace kb

#endif  // VNKB_INDEXER_STAGE_TIMES_H_
