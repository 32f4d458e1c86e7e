// Reading any file librarians add (PDF page by page, HTML, DOCX, plain text
// and Markdown) into an Extracted value, with the parsers in a bounded helper
// process. The parsers themselves: pdf.h, docx.h, html.h, plain_text.h.
#ifndef VNKB_INDEXER_READ_EXTRACT_H_
#define VNKB_INDEXER_READ_EXTRACT_H_

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "indexer/read/extracted.h"
#include "indexer/read/format.h"

namespace kb {

struct ExtractLimits {
  uint64_t max_file_bytes = 200ull << 20;  // larger files fail as "too large"
  // Address space the helper may add to what it inherits (not applied in
  // AddressSanitizer builds), and the most text it may send back.
  uint64_t max_memory_bytes = 2048ull << 20;
  int max_seconds = 120;  // per file, in the helper: CPU and wall time
  // The most text kept of one file; the rest is cut (Extracted::text_cut).
  // Indexing takes about 40 times a page's text in memory, and a plain
  // text file is one page: 16 MB keeps the indexer under 1 GB, at four
  // times the longest text of the collection (a 3.9 MB codification topic).
  uint64_t max_text_bytes = 16ull << 20;
};

// Where to cut `text` to keep at most `max` bytes: after the last line end
// in the final 64 KB before the limit, else after the last space there,
// else at a character boundary. text.size() when it fits.
size_t text_cut_point(std::string_view text, uint64_t max);

// Cuts the pages' text of `e` after `max` bytes in all (text_cut_point);
// pages after the cut keep no text. Sets e.text_cut when it cut.
void cut_text(Extracted& e, uint64_t max);

// Extracts any supported file. The parsers run in a forked helper process
// bounded by `limits`, so a damaged or hostile file cannot crash, hang or
// exhaust the caller; the helper is always reaped and closes every inherited
// descriptor. An empty file fails as kEmpty whatever its name. Plain text
// and Markdown without stray HTML are read in this process (no parser).
// Thread-safe, with the caveat of fork() in a threaded process: a lock that
// another thread held at the fork (glibc's malloc locks excepted, they are
// reset) stays held in the helper, which then fails as kTimeout. The
// AddressSanitizer allocator is such a lock: the helper is forked through
// helper::fork_quietly (fork_guard.h), which waits for add's derive thread.
Extracted extract_file(const std::filesystem::path& path,
                       const ExtractLimits& limits);

}  // namespace kb

#endif  // VNKB_INDEXER_READ_EXTRACT_H_
