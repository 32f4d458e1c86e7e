// A temporary folder for tests that need real files (SQLite databases),
// removed with everything in it when the object goes. Move-only.
#ifndef VNKB_TESTS_UNIT_TEMP_DIR_H_
#define VNKB_TESTS_UNIT_TEMP_DIR_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

namespace kb::test {

class TempDir {
 public:
  // A new empty folder under the system's temporary folder, named after
  // `label`, the process and a counter so parallel tests never share one.
  explicit TempDir(const std::string& label) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("vnkb-" + label + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  TempDir& operator=(TempDir&&) = delete;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_TEMP_DIR_H_
