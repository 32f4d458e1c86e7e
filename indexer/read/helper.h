// Forked helper processes, shared by the extractors (extract.cc,
// extract_service.cc) and OCR (ocr_run.cc, ocr_helper.cc): the bounds a
// helper puts on itself, the pipes and descriptors it talks through, reaping
// it, and the little binary encoding of its answers. Internal to
// indexer/read/.
#ifndef VNKB_INDEXER_READ_HELPER_H_
#define VNKB_INDEXER_READ_HELPER_H_

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// AddressSanitizer reserves terabytes of shadow address space at start-up, so
// an RLIMIT_AS in a helper would make every later mapping fail; and its
// reports must reach the terminal rather than a helper's captured stderr.
#if defined(__SANITIZE_ADDRESS__)
#define VNKB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VNKB_ASAN 1
#endif
#endif
#ifndef VNKB_ASAN
#define VNKB_ASAN 0
#endif

namespace kb::helper {

// Exit codes of a helper besides 0 (done): the work ran out of memory
// (std::bad_alloc), or failed some other way.
constexpr int kExitOutOfMemory = 3;
constexpr int kExitFailed = 4;

// Owns a file descriptor; closes it once. Move-only.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset(int fd = -1);
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

// A pipe whose ends are close-on-exec. False (errno set) on failure.
bool make_pipe(Fd& read_end, Fd& write_end);

// Writes all of `data`, retrying short writes and EINTR. False on errors.
bool write_all(int fd, std::string_view data);

// Reads exactly `n` bytes, retrying short reads and EINTR. False at end of
// file or on errors.
bool read_exact(int fd, char* buf, size_t n);

// What a helper may use.
struct Bounds {
  // Address space it may add to what it inherits (not applied in
  // AddressSanitizer builds).
  uint64_t max_memory_bytes = 0;
  int cpu_seconds = 1;  // CPU time; SIGXCPU ends it
};

// Closes every descriptor above stderr except those in `keep`.
void close_other_fds(std::vector<int> keep);

// Asks the kernel to kill this (forked) process when the thread that forked
// it ends, so a helper never outlives an indexer killed with SIGKILL.
// `parent` is the pid the child expects as its parent: if that one is gone
// already, the child exits at once.
void die_with_parent(pid_t parent);

// Called first in a freshly forked child: stderr goes to `err_fd` (when >= 0,
// and not under AddressSanitizer, whose reports must reach the terminal),
// every descriptor above stderr except those in `keep` is closed, SIGXCPU and
// SIGPIPE get their default actions, core dumps are off, the child dies with
// its parent, and `bounds` apply.
// `parent` is the pid of the process that forked it (from before the fork).
void bound_child(pid_t parent, const std::vector<int>& keep, int err_fd,
                 const Bounds& bounds);

// Reaps a helper on every path out of its owner, killing it if it still runs
// (an exception in the parent must not leave a zombie or a runaway child).
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child();
  // Collects the exit status; with `block` false returns false while the
  // child still runs.
  bool wait(bool block);
  // Kills it and waits for it (bounded: SIGKILL cannot be ignored).
  void kill_and_wait();
  void kill();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int status() const { return status_; }
  double cpu_seconds() const;

 private:
  pid_t pid_;
  int status_ = 0;
  struct rusage usage_ = {};
};

// --- A little binary encoding for answers through a pipe --------------------

void put_u32(std::string& out, uint32_t v);
void put_string(std::string& out, std::string_view s);

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool u8(uint8_t& v);
  bool u32(uint32_t& v);
  bool string(std::string& s);
  bool at_end() const { return pos_ == data_.size(); }
  size_t consumed() const { return pos_; }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace kb::helper

#endif  // VNKB_INDEXER_READ_HELPER_H_
