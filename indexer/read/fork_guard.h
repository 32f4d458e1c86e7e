// Forking beside another thread: every fork of the readers (the extract
// service's processes, a parser helper, OCR) goes through fork_quietly, which
// first makes the process's other thread (add's derive thread) quiet.
//
// A forked child holds every lock as it was at the fork, and only the forking
// thread lives on in it to release them. A lock another thread held then
// stays held for good: the AddressSanitizer allocator's (GCC 12's libasan has
// no fork handlers), ICU's, stdio's. A child that needs one hangs; under ASan
// a reader forked while the derive thread was starting did (CI, 2026-12-06).
// A thread that waits for work in a condition variable holds none of them, so
// fork_quietly forks only while the other thread waits so, and keeps it
// waiting until the fork is done.
#ifndef VNKB_INDEXER_READ_FORK_GUARD_H_
#define VNKB_INDEXER_READ_FORK_GUARD_H_

#include <sys/types.h>

namespace kb {

// The other thread of a process, as fork_quietly sees it.
class QuietForFork {
 public:
  // Blocks until the thread waits for work holding no lock but its own
  // queue's (released while it waits), and keeps it waiting so until
  // end_fork(). Called by the thread that forks, never by the quiet one.
  virtual void begin_fork() = 0;
  virtual void end_fork() = 0;

 protected:
  ~QuietForFork() = default;
};

// Makes `quiet` the thread fork_quietly waits for, in this process only (a
// child forks as if none were set). One at a time: false, and nothing
// changes, when another is set already. `quiet` must be ready for
// begin_fork() from this call on.
bool set_quiet_for_fork(QuietForFork* quiet);
// Forgets `quiet` (when it is the one set). REQUIRES: no fork_quietly runs.
void clear_quiet_for_fork(QuietForFork* quiet);

namespace helper {

// fork(), once the thread set by set_quiet_for_fork (if any, and in this
// process) is quiet. The child returns at once: it neither waits for nor
// touches that thread, which does not exist in it. REQUIRES: not called by
// the quiet thread itself.
pid_t fork_quietly();

}  // namespace helper
}  // namespace kb

#endif  // VNKB_INDEXER_READ_FORK_GUARD_H_
