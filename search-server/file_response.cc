// Serving a document's original file (see file_response.h).
#include "search-server/file_response.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

namespace kb {
namespace {

namespace fs = std::filesystem;

// The byte ranges of the request this thread serves, kept by
// take_byte_range: none, or the one range (httplib's form: first, last; -1
// where absent), or more than one (refused).
thread_local std::optional<httplib::Range> requested_range;
thread_local bool several_ranges = false;

// An open descriptor shared by the content provider's calls; closed when the
// last copy goes.
using SharedFd = std::shared_ptr<int>;

SharedFd share_fd(int fd) {
  return SharedFd(new int(fd), [](int* p) {
    ::close(*p);
    delete p;
  });
}

// Opens `path` only if every component of it is what it says: the file is
// not a link (O_NOFOLLOW), and resolving the path changes nothing (no folder
// on the way is a link). The open descriptor is then checked to be the file
// the resolved path names, so a swap between the two steps is caught.
int open_without_links(const fs::path& path, struct stat* st) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  std::error_code ec;
  const fs::path resolved = fs::canonical(path, ec);
  struct stat by_name;
  if (ec || resolved != path || ::fstat(fd, st) != 0 ||
      ::stat(resolved.c_str(), &by_name) != 0 || !S_ISREG(st->st_mode) ||
      st->st_dev != by_name.st_dev || st->st_ino != by_name.st_ino) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// The file name for Content-Disposition, in RFC 5987 form.
std::string encoded_file_name(const std::string& name) {
  std::string encoded;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  return encoded;
}

}  // namespace

void take_byte_range(const httplib::Request& req) {
  requested_range.reset();
  several_ranges = req.ranges.size() > 1;
  if (req.ranges.empty()) return;
  if (req.ranges.size() == 1) requested_range = req.ranges.front();
  // httplib's request object is ours to change here (it is not const in
  // httplib; only the handler's view of it is): without this, httplib would
  // apply the ranges to whatever response the request gets.
  const_cast<httplib::Request&>(req).ranges.clear();
}

FileResponseError send_original_file(httplib::Response& res,
                                     const fs::path& path,
                                     const std::string& content_type,
                                     const std::string& name) {
  if (several_ranges) {
    return {416, "one byte range at most per request"};
  }
  struct stat st;
  const int raw_fd = open_without_links(path, &st);
  if (raw_fd < 0) return {404, "the file is no longer readable"};
  SharedFd fd = share_fd(raw_fd);
  const uint64_t size = static_cast<uint64_t>(st.st_size);

  uint64_t first = 0;
  uint64_t length = size;
  if (requested_range) {
    const auto [a, b] = *requested_range;
    if (a < 0) {  // the last b bytes
      const uint64_t n = std::min<uint64_t>(static_cast<uint64_t>(b), size);
      first = size - n;
      length = n;
    } else {
      first = static_cast<uint64_t>(a);
      const uint64_t last =
          b < 0 ? size - 1
                : std::min<uint64_t>(static_cast<uint64_t>(b), size - 1);
      length = last >= first ? last - first + 1 : 0;
    }
    if (first >= size || length == 0) {
      res.set_header("Content-Range", "bytes */" + std::to_string(size));
      return {416, "the range asked for lies outside the file's " +
                       std::to_string(size) + " bytes"};
    }
    res.status = 206;
    res.set_header("Content-Range", "bytes " + std::to_string(first) + "-" +
                                        std::to_string(first + length - 1) +
                                        "/" + std::to_string(size));
  }

  res.set_header("Content-Disposition",
                 "inline; filename*=UTF-8''" + encoded_file_name(name));
  // A document's own HTML never runs in our origin (sandbox) and loads
  // nothing from elsewhere (a tracking image or style would tell a third
  // party who reads what). PDFs get the sandbox alone: Chromium's viewer
  // draws them itself and loads nothing the document names.
  res.set_header("Content-Security-Policy",
                 content_type == "application/pdf"
                     ? "sandbox"
                     : "sandbox; default-src 'none'; img-src data:; "
                       "style-src 'unsafe-inline'; font-src data:");
  res.set_header("Accept-Ranges", "bytes");
  res.set_header("Cache-Control", "private, max-age=60");
  if (length == 0) {  // an empty file: nothing to stream
    res.set_content(std::string(), content_type);
    return {};
  }
  res.set_content_provider(
      static_cast<size_t>(length), content_type,
      [fd, first](size_t offset, size_t want, httplib::DataSink& sink) {
        std::vector<char> buf(std::min(want, kFileChunkBytes));
        const ssize_t n =
            ::pread(*fd, buf.data(), buf.size(),
                    static_cast<off_t>(first + static_cast<uint64_t>(offset)));
        // A file cut short since it was opened ends the response early;
        // the client sees fewer bytes than Content-Length said.
        if (n <= 0) return false;
        return sink.write(buf.data(), static_cast<size_t>(n));
      });
  return {};
}

}  // namespace kb
