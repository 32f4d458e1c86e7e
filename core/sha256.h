// SHA-256 digests as lower-case hex (OpenSSL): content hashes of files and
// the OCR cache's page keys.
#ifndef VNKB_CORE_SHA256_H_
#define VNKB_CORE_SHA256_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kb {

// A digest fed piece by piece.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  // The digest of everything given; the object is spent afterwards.
  std::string hex_digest();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

std::string sha256_hex(std::string_view data);
// Of a file's bytes; empty on read errors.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace kb

#endif  // VNKB_CORE_SHA256_H_
