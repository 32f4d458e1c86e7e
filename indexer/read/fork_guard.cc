// fork_quietly: forks once the process's other thread is quiet.
#include "indexer/read/fork_guard.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace kb {
namespace {

// The thread to quiet, and the process that set it: a forked child keeps a
// copy of both, which its own pid tells apart from one of its own.
std::atomic<QuietForFork*> quiet_for_fork{nullptr};
std::atomic<pid_t> quiet_for_fork_pid{0};

}  // namespace

bool set_quiet_for_fork(QuietForFork* quiet) {
  const pid_t self = ::getpid();
  if (quiet_for_fork.load() != nullptr && quiet_for_fork_pid.load() == self)
    return false;
  quiet_for_fork_pid.store(0);
  quiet_for_fork.store(quiet);
  quiet_for_fork_pid.store(self);
  return true;
}

void clear_quiet_for_fork(QuietForFork* quiet) {
  if (quiet_for_fork.load() != quiet || quiet_for_fork_pid.load() != ::getpid())
    return;
  quiet_for_fork_pid.store(0);
  quiet_for_fork.store(nullptr);
}

namespace helper {

pid_t fork_quietly() {
  QuietForFork* const quiet =
      quiet_for_fork_pid.load() == ::getpid() ? quiet_for_fork.load() : nullptr;
  if (quiet == nullptr) return ::fork();
  quiet->begin_fork();
  const pid_t pid = ::fork();
  // The child leaves the quiet thread's lock as it is: that thread is not in
  // this process, and nothing here waits for it.
  if (pid == 0) return 0;
  const int fork_errno = errno;
  quiet->end_fork();
  errno = fork_errno;
  return pid;
}

}  // namespace helper
}  // namespace kb
