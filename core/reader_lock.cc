// flock(2) on DIR/readers.lock: shared for readers, exclusive for a swap.
#include "core/reader_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "core/db_layout.h"

namespace kb {

ReaderLock ReaderLock::shared(const std::filesystem::path& dir) {
  // Read-only: the server never writes to the folder.
  const int fd =
      ::open(readers_lock_path(dir).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return ReaderLock(-1);
  while (::flock(fd, LOCK_SH) != 0) {
    if (errno != EINTR) {
      ::close(fd);
      return ReaderLock(-1);
    }
  }
  return ReaderLock(fd);
}

std::optional<ReaderLock> ReaderLock::exclusive_if_unread(
    const std::filesystem::path& dir) {
  const int fd = ::open(readers_lock_path(dir).c_str(),
                        O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return std::nullopt;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return ReaderLock(fd);
}

void ReaderLock::create_file(const std::filesystem::path& dir) {
  const int fd = ::open(readers_lock_path(dir).c_str(),
                        O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd >= 0) ::close(fd);
}

ReaderLock& ReaderLock::operator=(ReaderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

ReaderLock::~ReaderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace kb
