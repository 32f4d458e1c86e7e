// Fuzzes the DOCX extractor (indexer/extract.h). An input that starts like
// a zip ("PK\3\4") is the whole .docx (the seeds from tests/data); any other
// input is word/document.xml, wrapped here in a valid stored zip so that the
// mutations reach our XML walk instead of dying on libzip's checksums.
// extract_docx reads a path: the bytes go to a memfd, read as /proc/self/fd/N.
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "indexer/read/docx.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A zip archive holding `body` as the stored (uncompressed) member `name`.
std::string stored_zip(std::string_view name, std::string_view body) {
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(body.data()),
            static_cast<uInt>(body.size())));
  const auto size = static_cast<uint32_t>(body.size());
  const auto name_size = static_cast<uint32_t>(name.size());
  std::string zip;
  put32(zip, 0x04034b50);  // local file header
  put16(zip, 20);          // version needed
  put16(zip, 0);           // flags
  put16(zip, 0);           // method: stored
  put32(zip, 0);           // time, date
  put32(zip, crc);
  put32(zip, size);
  put32(zip, size);
  put16(zip, name_size);
  put16(zip, 0);
  zip += name;
  zip += body;
  const auto directory = static_cast<uint32_t>(zip.size());
  put32(zip, 0x02014b50);  // central directory header
  put16(zip, 20);          // version made by
  put16(zip, 20);
  put16(zip, 0);
  put16(zip, 0);
  put32(zip, 0);
  put32(zip, crc);
  put32(zip, size);
  put32(zip, size);
  put16(zip, name_size);
  put16(zip, 0);  // extra
  put16(zip, 0);  // comment
  put16(zip, 0);  // disk
  put16(zip, 0);  // internal attributes
  put32(zip, 0);  // external attributes
  put32(zip, 0);  // offset of the local header
  zip += name;
  const auto directory_size = static_cast<uint32_t>(zip.size()) - directory;
  put32(zip, 0x06054b50);  // end of central directory
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, 1);
  put16(zip, 1);
  put32(zip, directory_size);
  put32(zip, directory);
  put16(zip, 0);
  return zip;
}

// The memfd every input is written to (one for the whole run).
int input_fd() {
  static const int fd = [] {
    const int f = memfd_create("docx_fuzzer", MFD_CLOEXEC);
    if (f < 0) {
      std::perror("docx_fuzzer: memfd_create");
      std::abort();
    }
    return f;
  }();
  return fd;
}

bool write_all(int fd, std::string_view bytes) {
  if (ftruncate(fd, 0) != 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = pwrite(fd, bytes.data() + done, bytes.size() - done,
                             static_cast<off_t>(done));
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const int fd = input_fd();
  const bool whole_zip = bytes.substr(0, 4) == std::string_view("PK\3\4", 4);
  if (!write_all(fd, whole_zip ? std::string(bytes)
                               : stored_zip("word/document.xml", bytes))) {
    std::perror("docx_fuzzer: write");
    std::abort();
  }
  const kb::Extracted e =
      kb::extract_docx("/proc/self/fd/" + std::to_string(fd));
  if (e.status == kb::ExtractStatus::kFailed) {
    FUZZ_CHECK(e.reason != kb::FailureReason::kNone);
  } else {
    FUZZ_CHECK(kb::is_valid_utf8(e.title));
    for (const kb::ExtractedPage& p : e.pages) {
      FUZZ_CHECK(kb::is_valid_utf8(p.text));
    }
  }
  return 0;
}
