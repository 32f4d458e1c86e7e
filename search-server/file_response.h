// Serving a document's original file: streamed from disk in bounded memory,
// at most one byte range, and only a regular file reached without symbolic
// links.
#ifndef VNKB_SEARCH_SERVER_FILE_RESPONSE_H_
#define VNKB_SEARCH_SERVER_FILE_RESPONSE_H_

#include <httplib.h>

#include <cstddef>
#include <filesystem>
#include <string>

namespace kb {

// The most bytes read from disk and handed to the socket at a time.
inline constexpr size_t kFileChunkBytes = 64 * 1024;

// Called before routing, for every request. httplib applies a request's Range
// header to any response by itself, error bodies and JSON included, and for
// any number of ranges (1,000 ranges of a file made a response 1,000 times
// its size). This keeps the request's single byte range, if any, for
// send_original_file and clears it from the request, so that httplib never
// applies ranges itself; other responses ignore Range, as RFC 9110 allows.
// REQUIRES: the handler of this request runs on the calling thread (httplib
// runs pre-routing and the handler on one worker thread).
void take_byte_range(const httplib::Request& req);

// What send_original_file did: 0 when it set up the response, else the HTTP
// status of the failure (404, 416) and a message for the client.
struct FileResponseError {
  int status = 0;
  std::string message;
};

// Streams the regular file at `path` into `res`, whole (200) or the byte
// range kept by take_byte_range (206); more than one range, or one outside
// the file, is a 416. The file must be reached without any
// symbolic link: a recorded path whose file was replaced by a link, or whose
// folder is now a link, is refused, so no request can read outside the
// folders that were indexed. `content_type` and `name` describe the file to
// the browser; originals may not load anything from elsewhere (CSP).
FileResponseError send_original_file(httplib::Response& res,
                                     const std::filesystem::path& path,
                                     const std::string& content_type,
                                     const std::string& name);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_FILE_RESPONSE_H_
