// The ticket pool: tickets in arrival order, idle contexts reused.
#include "search-server/search_pool.h"

#include <algorithm>
#include <thread>

namespace kb {

SearchPool::SearchPool(const std::filesystem::path& db_dir, int max_active)
    : db_dir_(db_dir),
      max_active_(static_cast<uint64_t>(
          max_active > 0 ? max_active
                         : std::max(1u, std::thread::hardware_concurrency()))) {
  idle_.push_back(std::make_unique<SearchContext>(db_dir_));
}

SearchPool::~SearchPool() = default;

SearchPool::Lease SearchPool::acquire() const {
  std::unique_ptr<SearchContext> c;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const uint64_t ticket = next_ticket_++;
    turn_.wait(lock, [&] { return ticket < released_ + max_active_; });
    peak_active_ = std::max(peak_active_, ++active_);
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  try {
    if (!c) c = std::make_unique<SearchContext>(db_dir_);
    c->refresh();
  } catch (...) {
    release(nullptr);  // gives the turn back; a failing context is dropped
    throw;
  }
  return Lease(*this, std::move(c));
}

void SearchPool::release(std::unique_ptr<SearchContext> context) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (context) idle_.push_back(std::move(context));
    --active_;
    ++released_;
  }
  turn_.notify_all();
}

int SearchPool::peak_active() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_active_;
}

}  // namespace kb
