// Extraction for a run over many files.
//
// extract_file forks a bounded helper per file. Forked from the indexer, that
// costs in proportion to the indexer's memory: after each fork the kernel
// copies every page the indexer writes (copy-on-write), and an indexer with
// Xapian's pending changes in memory writes many. So an ExtractService forks
// one small process at the start of a run, and that process forks the
// per-file helpers (extract_file, with the same bounds and failures). It also
// works ahead, and on more than one core: it runs one such process per
// reader (two on a machine with two cores or more), each reading the files
// queued to it in turn, so while the indexer analyses and indexes one file
// the next two are being read side by side. Reading a PDF takes about twice
// the CPU of deriving and storing it (docs/bench/index.md), so two readers
// and the indexer keep two cores busy. Each reader is a process of its own,
// forked through helper::fork_quietly (fork_guard.h): the indexer's derive
// thread is idle at every fork.
#ifndef VNKB_INDEXER_READ_EXTRACT_SERVICE_H_
#define VNKB_INDEXER_READ_EXTRACT_SERVICE_H_

#include <sys/types.h>

#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "indexer/read/extract.h"
#include "indexer/read/helper.h"

namespace kb {

// The number of readers an ExtractService runs by default: two when the
// machine has two cores or more, else one.
int default_reader_count();

class ExtractService {
 public:
  // Nothing is forked until the first file is asked for. `readers` (at
  // least 1) processes read the queued files, each its share in turn.
  explicit ExtractService(const ExtractLimits& limits,
                          int readers = default_reader_count());
  ~ExtractService();
  ExtractService(const ExtractService&) = delete;
  ExtractService& operator=(const ExtractService&) = delete;

  // Starts reading `path` in the background, on the next reader in turn;
  // returns at once.
  void prefetch(const std::filesystem::path& path);

  // What extract_file(path, limits) returns. Waits for a prefetched file;
  // results of files prefetched before it on the same reader that nobody
  // asked for are dropped. Should a reader process fail, the file is read
  // by extract_file directly, and that reader's next file starts a new
  // process.
  Extracted extract(const std::filesystem::path& path);

  // How many readers there are: the caller queues at least as many files
  // ahead of the one it reads, to keep them all busy.
  size_t reader_count() const { return readers_.size(); }

  // The first reader's process, or 0 when none runs (for tests).
  pid_t pid() const;
  // Every reader's process, 0 for those not running (for tests).
  std::vector<pid_t> pids() const;

 private:
  // One reader process: the paths sent to it and not answered yet, in order.
  struct ReaderProcess {
    // To the process: the paths to read; from it: their Extracted values,
    // serialized, in the same order.
    helper::Fd socket;
    std::unique_ptr<helper::Child> process;
    std::deque<std::string> queued;  // asked for, answer not read yet
    bool running() const;
  };

  bool start(ReaderProcess& r);
  void stop(ReaderProcess& r);
  // r's next answer, in the order files were queued; false if the reader
  // failed (it is then stopped).
  bool read_answer(ReaderProcess& r, Extracted& e);

  ExtractLimits limits_;
  std::vector<ReaderProcess> readers_;
  size_t next_ = 0;  // the reader the next prefetch goes to
};

}  // namespace kb

#endif  // VNKB_INDEXER_READ_EXTRACT_SERVICE_H_
