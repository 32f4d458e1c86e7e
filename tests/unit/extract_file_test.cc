// extract_file itself: format detection, damaged and hostile files failing
// cleanly with the right reason, and the bounded helper process (reaped,
// holding no stray descriptors, safe from several threads).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "indexer/read/docx.h"
#include "indexer/read/html.h"
#include "indexer/read/pdf.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// --- Format detection ------------------------------------------------------

TEST(DetectFormat, ByMagicBytesThenExtension) {
  const std::string png("\x89PNG\r\n\x1A\nIHDR", 12);
  const std::string zip("PK\x03\x04\x14\0\0\0", 8);
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);
  static const struct {
    const char* name;
    std::string head;
    const char* format;
  } cases[] = {
      {"qd.pdf", "%PDF-1.7\n%\xE2\xE3", "pdf"},
      {"qd.txt", "%PDF-1.4\n", "pdf"},  // the bytes win over the name
      {"noname", "junk line\n%PDF-1.5\n", "pdf"},  // header within the first KB
      {"scan.PDF", "garbage, not a PDF", "pdf"},   // Poppler judges it
      {"report.docx", zip, "docx"},
      {"REPORT.DOCX", zip, "docx"},
      {"book.xlsx", zip, ""},
      {"archive.zip", zip, ""},
      {"protected.docx", ole, "docx"},  // an encrypted .docx is an OLE file
      {"old.doc", ole, ""},
      {"report.docx", "not a zip", "docx"},  // extract_docx reports it
      {"image.png", png, ""},
      {"image.txt", png, ""},  // a picture renamed .txt is not text
      {"photo.html", "\xFF\xD8\xFF\xE0\0\x10JFIF", ""},
      {"data.txt", std::string("abc\0def", 7), ""},
      {"utf16.txt", std::string("\xFF\xFEQ\0u\0", 6), "text"},
      {"page.html", "<p>x</p>", "html"},
      {"page.HTM", "<p>x</p>", "html"},
      {"page.xhtml", "<?xml version='1.0'?><html>", "html"},
      {"saved-page", "<!DOCTYPE html><html><body>", "html"},
      {"saved-page", "<HTML><BODY>", "html"},
      {"README", "Plain words without a name", ""},
      {"notes.md", "# Tiêu đề", "markdown"},
      {"notes.markdown", "text", "markdown"},
      {"notes.txt", "Quyết định", "text"},
      {"table.csv", "a,b\n1,2", "text"},
      {"program.exe",
       "\x7F"
       "ELF\2\1\1",
       ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(detect_format(c.name, c.head), c.format) << c.name;
  }
}

// --- Damaged and unsupported files -------------------------------------------

struct DamagedCase {
  const char* name;
  FailureReason reason;
};
const DamagedCase kDamaged[] = {
    {"truncated.pdf", FailureReason::kDamaged},
    {"random-bytes.pdf", FailureReason::kDamaged},
    {"garbage-after-header.pdf", FailureReason::kDamaged},
    {"encrypted-user-password.pdf", FailureReason::kEncrypted},
    {"empty.pdf", FailureReason::kEmpty},
    {"empty.txt", FailureReason::kEmpty},
    {"no-document-xml.docx", FailureReason::kDamaged},
    {"malformed-document-xml.docx", FailureReason::kDamaged},
    {"empty-body.docx", FailureReason::kEmpty},
    {"zip-password.docx", FailureReason::kEncrypted},
    {"page.png", FailureReason::kUnsupported},
};

TEST(ExtractDamaged, FailsWithTheRightReason) {
  for (const DamagedCase& c : kDamaged) {
    SCOPED_TRACE(c.name);
    testing::internal::CaptureStderr();
    const Extracted e = extract(c.name);
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(e.status, ExtractStatus::kFailed);
    EXPECT_EQ(e.reason, c.reason)
        << failure_reason_name(e.reason) << ": " << e.error;
    EXPECT_FALSE(e.error.empty());
    EXPECT_TRUE(e.pages.empty());
    EXPECT_EQ(err, "") << "a parser wrote to stderr";
  }
}

TEST(ExtractDamaged, ParsersFailCleanlyInThisProcess) {
  // The same files without the helper, so that the sanitizers watch the
  // parsers, and nothing reaches stderr.
  for (const DamagedCase& c : kDamaged) {
    const fs::path path = fixture(c.name);
    const std::string format =
        detect_format(path, read_bytes(path).substr(0, 1024));
    if (format != "pdf" && format != "docx") continue;
    SCOPED_TRACE(c.name);
    testing::internal::CaptureStderr();
    const Extracted e =
        format == "pdf" ? extract_pdf_in_process(path) : extract_docx(path);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    EXPECT_EQ(e.status, ExtractStatus::kFailed);
    if (fs::file_size(path) > 0) {  // extract_file itself says "empty"
      EXPECT_EQ(e.reason, c.reason) << e.error;
    }
  }
}

TEST(ExtractDamaged, OverTheSizeLimit) {
  ExtractLimits small = limits();
  small.max_file_bytes = 1000;
  for (const char* name :
       {"qd-39-2025-qd-ttg.pdf", "quyet-dinh.docx", "stray-html-program.txt"}) {
    const Extracted e = extract_file(fixture(name), small);
    EXPECT_EQ(e.status, ExtractStatus::kFailed) << name;
    EXPECT_EQ(e.reason, FailureReason::kTooLarge) << name;
  }
  EXPECT_EQ(extract_file(fixture("tcvn3.txt"), small).status,
            ExtractStatus::kOk);
}

TEST(ExtractDamaged, MissingFileAndDirectory) {
  const Extracted missing = extract_file(fixture("no-such-file.pdf"), limits());
  EXPECT_EQ(missing.reason, FailureReason::kUnreadable);
  EXPECT_TRUE(contains(missing.error, "No such file")) << missing.error;
  // A path through a file: the system refuses it (ENOTDIR), nothing is
  // damaged.
  const Extracted through =
      extract_file(fixture("tcvn3.txt") / "inner.txt", limits());
  EXPECT_EQ(through.reason, FailureReason::kUnreadable) << through.error;
  EXPECT_STREQ(failure_reason_name(through.reason), "unreadable");
  EXPECT_EQ(extract_file(test::test_data("extract"), limits()).reason,
            FailureReason::kUnsupported);
}

TEST(ExtractDamaged, PermissionDeniedIsUnreadableNotDamaged) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads a file of mode 000";
  const fs::path dir =
      fs::temp_directory_path() / ("vnkb-perm-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "secret.txt") << "Quyết định số 1407/QĐ-TTg\n";
  fs::permissions(dir / "secret.txt", fs::perms::none);
  const Extracted e = extract_file(dir / "secret.txt", limits());
  EXPECT_EQ(e.reason, FailureReason::kUnreadable);
  EXPECT_TRUE(contains(e.error, "Permission denied")) << e.error;
  fs::remove_all(dir);
}

TEST(ExtractDamaged, SlowPdfTimesOut) {
  // 40 levels of forms that each draw the next twice: 2^40 drawings.
  ExtractLimits tight = limits();
  tight.max_seconds = 2;
  const auto start = Clock::now();
  const Extracted e = extract_file(fixture("slow-nested-forms.pdf"), tight);
  const auto seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(e.reason, FailureReason::kTimeout) << e.error;
  EXPECT_LT(seconds, 6.0);
}

TEST(ExtractDamaged, MemoryBoundFailsAsTooLarge) {
  if (VNKB_TEST_ASAN)
    GTEST_SKIP() << "no address-space bound under AddressSanitizer";
  // Forms drawing a 3,900-character line 2^40 times: Poppler's text grows
  // by tens of MB a second. The bound is on what the helper adds to the
  // address space it inherits (whose free heap it uses first).
  ExtractLimits tight = limits();
  tight.max_memory_bytes = 64 << 20;
  tight.max_seconds = 30;
  const auto start = Clock::now();
  const Extracted e = extract_file(fixture("text-bomb.pdf"), tight);
  EXPECT_EQ(e.status, ExtractStatus::kFailed);
  EXPECT_EQ(e.reason, FailureReason::kTooLarge) << e.error;
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 25.0);
}

TEST(ExtractDamaged, DeeplyNestedHtmlIsBounded) {
  // Gumbo is quadratic in nesting depth; the helper's clock stops it.
  const fs::path dir = fs::temp_directory_path() /
                       ("vnkb-extract-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string html = "<html><body>";
  for (int i = 0; i < 300000; ++i) html += "<div>";
  html += "sâu</body></html>";
  std::ofstream(dir / "deep.html", std::ios::binary) << html;
  ExtractLimits tight = limits();
  tight.max_seconds = 2;
  const auto start = Clock::now();
  const Extracted e = extract_file(dir / "deep.html", tight);
  const auto seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(e.status, ExtractStatus::kFailed);
  EXPECT_TRUE(e.reason == FailureReason::kTimeout ||
              e.reason == FailureReason::kTooLarge)
      << e.error;
  EXPECT_LT(seconds, 6.0);
  fs::remove_all(dir);
}

TEST(ExtractDamaged, NestedTablesInThisProcess) {
  // Unclosed cells: 8,000 took 14 s while gumbo recorded parse errors.
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<table><tr><td>ô ";
  const auto start = Clock::now();
  const Extracted e = extract_html(html);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 5.0);
  ASSERT_EQ(e.status, ExtractStatus::kOk);
  EXPECT_TRUE(contains(e.pages[0].text, "ô"));
}

// --- The helper process ------------------------------------------------------

TEST(ExtractHelper, NoZombiesNoDescriptorLeaksOver200Calls) {
  static const char* const kFiles[] = {"qd-39-2025-qd-ttg.pdf",
                                       "random-bytes.pdf",
                                       "encrypted-user-password.pdf",
                                       "no-document-xml.docx",
                                       "quyet-dinh.docx",
                                       "page.html",
                                       "tcvn3.txt",
                                       "page.png"};
  const int fds_before = open_fd_count();
  for (int i = 0; i < 200; ++i) {
    const char* name = kFiles[i % std::size(kFiles)];
    const Extracted e = extract(name);
    ASSERT_NE(e.error.rfind("cannot start the reader", 0), 0u)
        << name << ": " << e.error;
  }
  EXPECT_EQ(open_fd_count(), fds_before);
  // Every helper was reaped: no child is left, not even a zombie.
  int status;
  EXPECT_EQ(::waitpid(-1, &status, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

TEST(ExtractHelper, TimedOutHelperIsReaped) {
  ExtractLimits tight = limits();
  tight.max_seconds = 1;
  EXPECT_EQ(extract_file(fixture("slow-nested-forms.pdf"), tight).reason,
            FailureReason::kTimeout);
  int status;
  EXPECT_EQ(::waitpid(-1, &status, WNOHANG), -1);
}

TEST(ExtractHelper, HelperDoesNotHoldOtherDescriptors) {
  // A pipe this process holds, as another thread's helper would: the helper
  // forked now must not keep its write end open, or the reader would not see
  // end-of-file until the helper exits.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ExtractLimits tight = limits();
  tight.max_seconds = 4;
  auto slow = std::async(std::launch::async, [&] {
    return extract_file(fixture("slow-nested-forms.pdf"), tight);
  });
  std::this_thread::sleep_for(
      std::chrono::milliseconds(500));  // the helper runs
  ::close(fds[1]);
  const auto start = Clock::now();
  struct pollfd p = {fds[0], POLLIN, 0};
  ASSERT_EQ(::poll(&p, 1, 10000), 1);
  char c;
  EXPECT_EQ(::read(fds[0], &c, 1), 0);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 1.0);
  ::close(fds[0]);
  EXPECT_EQ(slow.get().reason, FailureReason::kTimeout);
}

TEST(ExtractHelper, ParallelCallsFromThreads) {
  // GCC 12's AddressSanitizer allocator does not reset its locks at fork
  // (glibc's malloc does): a helper forked while another thread allocates
  // waits on that lock forever, here until the 60 s bound.
  if (VNKB_TEST_ASAN)
    GTEST_SKIP() << "the ASan allocator is not fork-safe with threads";
  const std::vector<std::string> names = {"qd-39-2025-qd-ttg.pdf",
                                          "quyet-dinh.docx", "page.html",
                                          "anle-47-2021.pdf"};
  std::vector<Extracted> expected;
  for (const std::string& name : names) expected.push_back(extract(name));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 8; ++i) {
        const size_t k = static_cast<size_t>(t + i) % names.size();
        const Extracted e = extract(names[k]);
        if (e.status != expected[k].status ||
            e.pages.size() != expected[k].pages.size() || e.pages.empty() ||
            e.pages[0].text != expected[k].pages[0].text) {
          ++mismatches[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace kb::extract_test
