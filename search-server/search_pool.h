// The ticket pool: at most `max_active` searches work at once, first come
// first served, each on a SearchContext of its own.
#ifndef VNKB_SEARCH_SERVER_SEARCH_POOL_H_
#define VNKB_SEARCH_SERVER_SEARCH_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "search-server/search_context.h"

namespace kb {

// Searching is CPU-bound: with more at once than cores, every request shares
// the CPU with every other and a slow query takes several times its own
// time, while queued requests each still run at full speed. Thread-safe.
class SearchPool {
 public:
  // Opens a first context now, so that a missing or unreadable database
  // fails here (std::runtime_error), not on first use. `max_active` 0: one
  // per core.
  SearchPool(const std::filesystem::path& db_dir, int max_active);
  ~SearchPool();
  SearchPool(const SearchPool&) = delete;
  SearchPool& operator=(const SearchPool&) = delete;

  // A context, up to date with the indexer, for one caller until the lease
  // ends. Move-only.
  class Lease {
   public:
    Lease(const SearchPool& pool, std::unique_ptr<SearchContext> context)
        : pool_(pool), context_(std::move(context)) {}
    ~Lease() {
      if (context_) pool_.release(std::move(context_));
    }
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    SearchContext& operator*() { return *context_; }
    SearchContext* operator->() { return context_.get(); }

   private:
    const SearchPool& pool_;
    std::unique_ptr<SearchContext> context_;
  };

  // Waits for the caller's turn. Throws std::runtime_error when no context
  // can be opened (the turn is then given back).
  Lease acquire() const;

  // The most leases held at once so far (for tests).
  int peak_active() const;

 private:
  // Ends a turn; `context` (null for a failed one) goes back to the pool.
  void release(std::unique_ptr<SearchContext> context) const;

  std::filesystem::path db_dir_;
  const uint64_t max_active_;
  mutable std::mutex mutex_;
  mutable std::condition_variable turn_;
  // Tickets in arrival order; ticket t may work once t < released_ +
  // max_active_.
  mutable uint64_t next_ticket_ = 0;
  mutable uint64_t released_ = 0;
  mutable int active_ = 0;
  mutable int peak_active_ = 0;
  mutable std::vector<std::unique_ptr<SearchContext>> idle_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCH_POOL_H_
