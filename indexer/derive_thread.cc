// DeriveThread: add's second thread, quiet whenever the process forks.
#include "indexer/derive_thread.h"

#include <system_error>
#include <utility>

namespace kb {

DeriveThread::DeriveThread() {
  if (!set_quiet_for_fork(this)) return;
  try {
    thread_ = std::thread([this] { loop(); });
  } catch (const std::system_error&) {
    clear_quiet_for_fork(this);  // no thread: the work runs in the caller's
    return;
  }
  threaded_ = true;
  // Starting, a thread takes locks a fork must not meet held (ASan's thread
  // registry and allocator): nothing forks before it is in its loop.
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return waiting_; });
}

DeriveThread::~DeriveThread() {
  if (!threaded_) return;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  clear_quiet_for_fork(this);
}

void DeriveThread::start(std::function<void()> work) {
  if (!threaded_) {
    try {
      work();
    } catch (...) {
      error_ = std::current_exception();
    }
    return;
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    work_ = std::move(work);
    busy_ = true;
  }
  wake_.notify_one();
}

void DeriveThread::wait() {
  std::exception_ptr error;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return !busy_; });
    error = std::exchange(error_, nullptr);
  }
  if (error) std::rethrow_exception(error);
}

void DeriveThread::begin_fork() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return waiting_ && !busy_; });
  // Held through the fork: the thread cannot leave its wait for work.
  lock.release();
}

void DeriveThread::end_fork() { mutex_.unlock(); }

void DeriveThread::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  waiting_ = true;
  idle_.notify_all();
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || work_ != nullptr; });
    if (work_ == nullptr) return;
    std::function<void()> work = std::exchange(work_, nullptr);
    lock.unlock();
    std::exception_ptr error;
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
    work = nullptr;  // what it holds is freed here, before the thread is idle
    lock.lock();
    error_ = std::move(error);
    busy_ = false;
    idle_.notify_all();
  }
}

}  // namespace kb
