// Extraction for a run over many files.
//
// extract_file forks a bounded helper per file. Forked from the indexer, that
// costs in proportion to the indexer's memory: after each fork the kernel
// copies every page the indexer writes (copy-on-write), and an indexer with
// Xapian's pending changes in memory writes many. So an ExtractService forks
// one small process at the start of a run, and that process forks the
// per-file helpers (extract_file, with the same bounds and failures). It also
// works ahead: while the indexer analyses and indexes one file, the next one
// is being read on the other core.
#ifndef VNKB_INDEXER_READ_EXTRACT_SERVICE_H_
#define VNKB_INDEXER_READ_EXTRACT_SERVICE_H_

#include <sys/types.h>

#include <deque>
#include <filesystem>
#include <memory>
#include <string>

#include "indexer/read/extract.h"
#include "indexer/read/helper.h"

namespace kb {

class ExtractService {
 public:
  // Nothing is forked until the first file is asked for.
  explicit ExtractService(const ExtractLimits& limits);
  ~ExtractService();
  ExtractService(const ExtractService&) = delete;
  ExtractService& operator=(const ExtractService&) = delete;

  // Starts reading `path` in the background; returns at once.
  void prefetch(const std::filesystem::path& path);

  // What extract_file(path, limits) returns. Waits for a prefetched file;
  // results of files prefetched before it that nobody asked for are dropped.
  // Should the service process itself fail, the file is read by
  // extract_file directly, and the next call starts a new service.
  Extracted extract(const std::filesystem::path& path);

  // The service process, or 0 when none runs (for tests).
  pid_t pid() const;

 private:
  bool running() const;
  bool start();
  void stop();
  // The next answer, in the order files were queued; false if the service
  // failed (it is then stopped).
  bool read_answer(Extracted& e);

  ExtractLimits limits_;
  // To the service: the paths to read; from it: their Extracted values,
  // serialized, in the same order.
  helper::Fd socket_;
  std::unique_ptr<helper::Child> process_;
  std::deque<std::string> queued_;  // asked for, answer not read yet
};

}  // namespace kb

#endif  // VNKB_INDEXER_READ_EXTRACT_SERVICE_H_
