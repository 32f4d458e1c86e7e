// The OCR helper process's side: bound itself, render and recognise its
// pages, talk to the parent (ocr_protocol.h). Internal to indexer/read/.
#ifndef VNKB_INDEXER_READ_OCR_HELPER_H_
#define VNKB_INDEXER_READ_OCR_HELPER_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/read/ocr.h"

namespace kb::ocr {

// The CPU seconds a helper with `pages` pages may use: rendering and
// recognising each page, plus starting up.
int cpu_seconds_for(const OcrOptions& options, size_t pages);

// Runs in a freshly forked child: bounds itself (helper::bound_child, keeping
// `sock` and sending stderr to `err_fd`), reads `pages` of the PDF at `path`
// talking through `sock`, and _exits with 0, helper::kExitOutOfMemory or
// helper::kExitFailed. Never returns.
[[noreturn]] void run_helper(pid_t parent, const std::string& path,
                             const std::vector<int>& pages,
                             const OcrOptions& options, int sock, int err_fd);

}  // namespace kb::ocr

#endif  // VNKB_INDEXER_READ_OCR_HELPER_H_
