// The second thread of `vnkb-index add`: it derives file i (metadata, tags,
// positions, analysis, index entry) while the calling thread stores file
// i - 1 and reads file i + 1 (indexer/add_files.cc).
#ifndef VNKB_INDEXER_DERIVE_THREAD_H_
#define VNKB_INDEXER_DERIVE_THREAD_H_

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "indexer/read/fork_guard.h"

namespace kb {

// One thread that runs one piece of work at a time. One thread for the whole
// run, not one per file: the metadata extractor keeps a per-thread cache, and
// a thread that starts is a thread a fork could meet half started.
//
// It is the thread fork_quietly (read/fork_guard.h) waits for: a fork from
// this process happens only while it waits for work. Should another
// DeriveThread be set for forks in this process already, no thread starts and
// start() runs the work at once, in the caller's thread.
//
// Used by one thread (the caller's): start, wait and the destructor are not
// to be called from two threads, nor from the work.
class DeriveThread final : public QuietForFork {
 public:
  // Starts the thread and returns once it waits for work: construct it
  // before anything forks.
  DeriveThread();
  // Lets the work started finish, then ends the thread. An exception of that
  // work that wait() did not collect is dropped.
  ~DeriveThread();
  DeriveThread(const DeriveThread&) = delete;
  DeriveThread& operator=(const DeriveThread&) = delete;

  // Runs `work` on the thread and returns at once. `work` must not fork; an
  // exception it throws is kept for wait().
  // REQUIRES: wait() was called since the last start().
  void start(std::function<void()> work);
  // Returns once the work started last is done (at once when none is), and
  // throws the exception that work threw, if any.
  void wait();

  // QuietForFork: waits until the thread waits for work, and keeps it so.
  void begin_fork() override;
  void end_fork() override;

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;  // to the thread: work to do, or stop
  std::condition_variable idle_;  // from it: waiting for work
  std::function<void()> work_;    // given, not taken yet
  std::exception_ptr error_;      // of the last work, for wait()
  bool busy_ = false;             // work given and not done
  bool waiting_ = false;          // the thread reached its loop
  bool stop_ = false;
  bool threaded_ = false;  // else start() runs the work at once
  std::thread thread_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_DERIVE_THREAD_H_
