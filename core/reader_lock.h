// Readers of a database folder announce themselves with a shared lock on
// DIR/readers.lock (core/db_layout.h), so that the indexer can tell whether
// anyone holds the index open before it swaps the index folder for a
// rewritten one: a Xapian reader holding the old folder open would read the
// new revision through the old files.
#ifndef VNKB_CORE_READER_LOCK_H_
#define VNKB_CORE_READER_LOCK_H_

#include <filesystem>
#include <optional>

namespace kb {

class ReaderLock {
 public:
  // A shared lock for a reader (the server), held until destruction. Waits
  // while the indexer holds the exclusive one (a swap takes seconds). Holds
  // nothing when the folder has no lock file (an older folder; the indexer
  // creates it): never fails.
  static ReaderLock shared(const std::filesystem::path& dir);
  // The exclusive lock, when no reader holds the folder; nullopt otherwise
  // or when the lock file cannot be created. Never waits.
  static std::optional<ReaderLock> exclusive_if_unread(
      const std::filesystem::path& dir);
  // Creates the lock file if it is missing (the indexer, on opening).
  static void create_file(const std::filesystem::path& dir);

  ReaderLock(ReaderLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ReaderLock& operator=(ReaderLock&& other) noexcept;
  ReaderLock(const ReaderLock&) = delete;
  ReaderLock& operator=(const ReaderLock&) = delete;
  ~ReaderLock();

  bool held() const { return fd_ >= 0; }

 private:
  explicit ReaderLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace kb

#endif  // VNKB_CORE_READER_LOCK_H_
