// Timestamps as the catalog, the OCR cache and the access log write them.
#ifndef VNKB_CORE_CLOCK_H_
#define VNKB_CORE_CLOCK_H_

#include <ctime>
#include <string>

namespace kb {

// Now, UTC, ISO 8601 to the second: "2026-11-22T10:35:24Z".
inline std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace kb

#endif  // VNKB_CORE_CLOCK_H_
