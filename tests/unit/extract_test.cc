// The text extractors on real files (tests/data/extract/, made by
// make_fixtures.sh there): page splits, Vietnamese text and legacy encodings,
// and damaged or hostile inputs that must fail cleanly, with the right
// reason, without crashing, hanging or leaking into the caller.
#include "indexer/extract.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "core/utf8.h"
#include "indexer/extract_service.h"
#include "tests/unit/test_util.h"

#if defined(__SANITIZE_ADDRESS__)
#define VNKB_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VNKB_TEST_ASAN 1
#endif
#endif
#ifndef VNKB_TEST_ASAN
#define VNKB_TEST_ASAN 0
#endif

namespace kb {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

fs::path fixture(const std::string& name) {
  return test::test_data("extract/" + name);
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

// Generous bounds: the tests that need tight ones set their own.
ExtractLimits limits() {
  ExtractLimits l;
  l.max_seconds = 60;
  return l;
}

Extracted extract(const std::string& name) {
  return extract_file(fixture(name), limits());
}

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

// The line of `text` that holds `needle`, or "".
std::string line_with(const std::string& text, std::string_view needle) {
  for (const std::string& line : lines_of(text)) {
    if (contains(line, needle)) return line;
  }
  return {};
}

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(' '));
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

bool has_combining_mark(const std::string& s) {
  for (char32_t c : utf8_to_u32(s)) {
    if (c >= 0x300 && c <= 0x36F) return true;
  }
  return false;
}

void expect_same(const Extracted& a, const Extracted& b) {
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.encoding, b.encoding);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.reason, b.reason);
  ASSERT_EQ(a.pages.size(), b.pages.size());
  for (size_t i = 0; i < a.pages.size(); ++i) {
    EXPECT_EQ(a.pages[i].text, b.pages[i].text) << "page " << i + 1;
    EXPECT_EQ(a.pages[i].has_text_layer, b.pages[i].has_text_layer)
        << "page " << i + 1;
  }
}

int open_fd_count() {
  int n = 0;
  for ([[maybe_unused]] const auto& entry :
       fs::directory_iterator("/proc/self/fd"))
    ++n;
  return n;
}

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

// --- PDF -------------------------------------------------------------------

TEST(ExtractPdf, DecisionKeepsPagesLetterheadAndNumberLine) {
  const Extracted e = extract("qd-39-2025-qd-ttg.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "pdf");
  EXPECT_EQ(e.encoding, "unicode");
  ASSERT_EQ(e.pages.size(), 2u);
  const std::string& p1 = e.pages[0].text;
  const std::string& p2 = e.pages[1].text;
  EXPECT_TRUE(contains(p1, "THỦ TƯỚNG CHÍNH PHỦ"));
  EXPECT_TRUE(contains(p1, "QUYẾT ĐỊNH"));
  EXPECT_TRUE(contains(p1, "Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng"));
  EXPECT_FALSE(contains(p1, "Điều 4."));
  EXPECT_TRUE(contains(p2, "Điều 4. Kinh phí xây dựng"));
  EXPECT_TRUE(contains(
      p2, "Quyết định này có hiệu lực thi hành từ ngày 15 tháng 12 năm 2025."));
  // Physical layout keeps the number and the place/date on one line.
  const std::string number_line = line_with(p1, "Số: 39/2025/QĐ-TTg");
  EXPECT_TRUE(contains(number_line, "Hà Nội, ngày 27 tháng 10 năm 2025"))
      << number_line;
  for (const ExtractedPage& p : e.pages) {
    EXPECT_TRUE(p.has_text_layer);
    EXPECT_EQ(to_nfc(p.text), p.text);
    EXPECT_FALSE(contains(p.text, "\f"));
    EXPECT_FALSE(contains(p.text, " \n")) << "layout padding left at line ends";
  }
}

TEST(ExtractPdf, HelperReturnsWhatTheParserReturns) {
  for (const char* name : {"qd-39-2025-qd-ttg.pdf", "anle-47-2021.pdf",
                           "many-pages.pdf", "mixed-text-scan-blank.pdf"}) {
    SCOPED_TRACE(name);
    expect_same(extract(name), extract_pdf_in_process(fixture(name)));
  }
}

TEST(ExtractPdf, DecomposedTextLayerComesOutNfc) {
  const Extracted e = extract("tt-35-2025-tt-bkhcn-nfd.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 2u);
  // The letterhead lines are NFD in the file.
  EXPECT_TRUE(contains(e.pages[0].text, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"));
  EXPECT_TRUE(contains(e.pages[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  for (const ExtractedPage& p : e.pages)
    EXPECT_FALSE(has_combining_mark(p.text));
  const std::string number_line =
      line_with(e.pages[0].text, "Số: 35/2025/TT-BKHCN");
  EXPECT_TRUE(contains(number_line, "Hà Nội, ngày 17 tháng 11 năm 2025"))
      << number_line;
}

TEST(ExtractPdf, RealPrecedentKeepsPageNumbersAndRepairsTcvn3Title) {
  const Extracted e = extract("anle-47-2021.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 4u);
  // The Info Title is TCVN3 read as Latin-1: "Tßa ¸n nh©n d©n tèi cao".
  EXPECT_EQ(e.title, "Tòa án nhân dân tối cao");
  EXPECT_TRUE(contains(e.pages[0].text, "ÁN LỆ SỐ 47/2021/AL"));
  EXPECT_TRUE(contains(e.pages[0].text, "Nguyễn Đình Đ"));
  EXPECT_TRUE(contains(e.pages[3].text, "Vì các lẽ trên"));
  EXPECT_FALSE(contains(e.pages[0].text, "Vì các lẽ trên"));
  // Each page ends with its printed page number: no page was split or merged.
  for (size_t i = 0; i < e.pages.size(); ++i) {
    EXPECT_EQ(trim(lines_of(e.pages[i].text).back()), std::to_string(i + 1));
    EXPECT_EQ(to_nfc(e.pages[i].text), e.pages[i].text);
  }
}

TEST(ExtractPdf, Utf8BytesInInfoTitleAreDecoded) {
  // Stored as raw UTF-8 without a byte order mark: Poppler yields "CÃ´ng".
  EXPECT_EQ(extract("many-pages.pdf").title, "Công văn 7197/BKHCN-CĐSQG");
}

TEST(ExtractPdf, ScannedPageNeedsOcr) {
  const Extracted e = extract("scanned-page.pdf");
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr) << e.error;
  EXPECT_EQ(e.format, "pdf");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_FALSE(e.pages[0].has_text_layer);
  EXPECT_EQ(e.pages[0].text, "");
}

TEST(ExtractPdf, MixedFileFlagsOnlyTheScannedPage) {
  // Page 1 text, page 2 a scan, page 3 blank: the blank page is no OCR job.
  const Extracted e = extract("mixed-text-scan-blank.pdf");
  EXPECT_EQ(e.status, ExtractStatus::kNeedsOcr) << e.error;
  ASSERT_EQ(e.pages.size(), 3u);
  EXPECT_TRUE(e.pages[0].has_text_layer);
  EXPECT_TRUE(contains(e.pages[0].text, "Số: 39/2025/QĐ-TTg"));
  EXPECT_FALSE(e.pages[1].has_text_layer);
  EXPECT_EQ(e.pages[1].text, "");
  EXPECT_TRUE(e.pages[2].has_text_layer);
  EXPECT_EQ(e.pages[2].text, "");
}

TEST(ExtractPdf, OwnerPasswordOnlyStillReads) {
  const Extracted e = extract("encrypted-owner-password.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 2u);
  EXPECT_TRUE(contains(e.pages[0].text, "BỘ KHOA HỌC VÀ CÔNG NGHỆ"));
}

TEST(ExtractPdf, UserPasswordFailsWithoutTouchingPages) {
  // pages() on a locked document segfaulted in Poppler 22.12; in this process.
  const Extracted e =
      extract_pdf_in_process(fixture("encrypted-user-password.pdf"));
  EXPECT_EQ(e.status, ExtractStatus::kFailed);
  EXPECT_EQ(e.reason, FailureReason::kEncrypted);
}

TEST(ExtractPdf, MoreTextThanAPipeHolds) {
  // 128 KB of text: the helper writes it all before it exits, the parent
  // must drain the pipe meanwhile.
  const Extracted e = extract("many-pages.pdf");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 30u);
  size_t total = 0;
  for (size_t i = 0; i < e.pages.size(); ++i) {
    const std::string page = "Trang " + std::to_string(i + 1) + " dong ";
    EXPECT_EQ(lines_of(e.pages[i].text).size(), 60u) << "page " << i + 1;
    EXPECT_EQ(lines_of(e.pages[i].text).front().rfind(page + "1 ", 0), 0u);
    EXPECT_EQ(lines_of(e.pages[i].text).back().rfind(page + "60 ", 0), 0u);
    total += e.pages[i].text.size();
  }
  EXPECT_GT(total, 65536u);
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
  EXPECT_EQ(extract_file(fixture("no-such-file.pdf"), limits()).reason,
            FailureReason::kDamaged);
  EXPECT_EQ(extract_file(test::test_data("extract"), limits()).reason,
            FailureReason::kUnsupported);
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

// --- The extraction service (one process forking the helpers) -------------

// A process runs: it exists and is not a zombie (an orphan's zombie waits
// for whoever reaps orphans here, which may never come in a container).
bool process_exists(pid_t pid) {
  if (pid <= 0) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t paren = line.rfind(')');  // the name may hold spaces
  return paren != std::string::npos && paren + 2 < line.size() &&
         line[paren + 2] != 'Z';
}

// Waits up to `seconds` for `pid` to be gone; true if it went.
bool gone_within(pid_t pid, double seconds) {
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < end) {
    // Our own child must be reaped to disappear; anyone else's is reaped by
    // its parent.
    ::waitpid(pid, nullptr, WNOHANG);
    if (!process_exists(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

const char* const kServiceFiles[] = {
    "qd-39-2025-qd-ttg.pdf", "quyet-dinh.docx", "page.html",        "tcvn3.txt",
    "anle-47-2021.pdf",      "truncated.pdf",   "page.png",         "empty.pdf",
    "many-pages.pdf",        "heading.md",      "zip-password.docx"};

TEST(ExtractService, ReadAheadGivesWhatExtractFileGives) {
  ExtractService service(limits());
  const size_t n = std::size(kServiceFiles);
  for (size_t i = 0; i < n; ++i) {
    // As the indexer does: the next file is queued before this one is read.
    if (i == 0) service.prefetch(fixture(kServiceFiles[0]));
    if (i + 1 < n) service.prefetch(fixture(kServiceFiles[i + 1]));
    SCOPED_TRACE(kServiceFiles[i]);
    const Extracted got = service.extract(fixture(kServiceFiles[i]));
    const Extracted want = extract(kServiceFiles[i]);
    expect_same(got, want);
    EXPECT_EQ(got.error, want.error);
  }
  EXPECT_GT(service.pid(), 0);
}

TEST(ExtractService, FilesQueuedButNotAskedForAreSkipped) {
  ExtractService service(limits());
  service.prefetch(fixture("qd-39-2025-qd-ttg.pdf"));
  service.prefetch(fixture("page.html"));
  service.prefetch(fixture("quyet-dinh.docx"));
  // The first two were not needed after all (unchanged files).
  expect_same(service.extract(fixture("quyet-dinh.docx")),
              extract("quyet-dinh.docx"));
  // Never queued: read on demand.
  expect_same(service.extract(fixture("anle-47-2021.pdf")),
              extract("anle-47-2021.pdf"));
}

TEST(ExtractService, ABadFileFailsAloneAndTheServiceGoesOn) {
  ExtractLimits tight = limits();
  tight.max_seconds = 1;
  ExtractService service(tight);
  service.prefetch(fixture("slow-nested-forms.pdf"));
  service.prefetch(fixture("qd-39-2025-qd-ttg.pdf"));
  const pid_t pid = service.pid();
  EXPECT_EQ(service.extract(fixture("slow-nested-forms.pdf")).reason,
            FailureReason::kTimeout);
  expect_same(service.extract(fixture("qd-39-2025-qd-ttg.pdf")),
              extract("qd-39-2025-qd-ttg.pdf"));
  EXPECT_EQ(service.pid(), pid);
}

TEST(ExtractService, AServiceThatDiesIsReplacedAndNothingIsLost) {
  ExtractService service(limits());
  service.prefetch(fixture("qd-39-2025-qd-ttg.pdf"));
  service.prefetch(fixture("anle-47-2021.pdf"));
  const pid_t first = service.pid();
  ASSERT_GT(first, 0);
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  // Both queued files still come back right (read directly), and the next
  // request starts a new service.
  expect_same(service.extract(fixture("qd-39-2025-qd-ttg.pdf")),
              extract("qd-39-2025-qd-ttg.pdf"));
  expect_same(service.extract(fixture("anle-47-2021.pdf")),
              extract("anle-47-2021.pdf"));
  service.prefetch(fixture("page.html"));
  EXPECT_GT(service.pid(), 0);
  EXPECT_NE(service.pid(), first);
  expect_same(service.extract(fixture("page.html")), extract("page.html"));
}

TEST(ExtractService, LeavesNoProcessOrDescriptorBehind) {
  const int fds_before = open_fd_count();
  pid_t pid = 0;
  {
    ExtractLimits tight = limits();
    tight.max_seconds = 30;
    ExtractService service(tight);
    // Destroyed while it still reads a slow file.
    service.prefetch(fixture("slow-nested-forms.pdf"));
    pid = service.pid();
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  EXPECT_FALSE(process_exists(pid));
  EXPECT_EQ(open_fd_count(), fds_before);
  int status;
  EXPECT_EQ(::waitpid(-1, &status, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

TEST(ExtractService, DiesWithAnIndexerKilledMidFile) {
  // A stand-in for an indexer killed with SIGKILL: a child process that
  // starts a service on a slow file, reports the service's pid, and is
  // killed. The service and its helper must not outlive it.
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t indexer = ::fork();
  ASSERT_GE(indexer, 0);
  if (indexer == 0) {
    ::close(fds[0]);
    ExtractLimits slow = limits();
    slow.max_seconds = 60;
    ExtractService service(slow);
    service.prefetch(fixture("slow-nested-forms.pdf"));
    const pid_t pid = service.pid();
    (void)!::write(fds[1], &pid, sizeof pid);
    ::pause();
    ::_exit(0);
  }
  ::close(fds[1]);
  pid_t service = 0;
  ASSERT_EQ(::read(fds[0], &service, sizeof service),
            static_cast<ssize_t>(sizeof service));
  ::close(fds[0]);
  ASSERT_TRUE(process_exists(service));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // mid-file
  ::kill(indexer, SIGKILL);
  ::waitpid(indexer, nullptr, 0);
  EXPECT_TRUE(gone_within(service, 5.0));
}

// --- DOCX --------------------------------------------------------------------

TEST(ExtractDocx, PagesTablesTitleAndVietnamese) {
  const Extracted e = extract("quyet-dinh.docx");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "docx");
  EXPECT_EQ(e.title, "Quyết định ban hành Quy chế quản lý tài liệu điện tử");
  EXPECT_EQ(e.encoding, "tcvn3");  // one paragraph was typed in TCVN3
  ASSERT_EQ(e.pages.size(), 3u);
  // Letterhead table rows on their lines, cells by tabs; tab stops are not
  // tabs; deleted text and field codes dropped; NFD composed; TCVN3 decoded.
  EXPECT_EQ(e.pages[0].text,
            "BỘ TƯ PHÁP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số: 125/QĐ-BTP\tHà Nội, ngày 15 tháng 3 năm 2024\n"
            "QUYẾT ĐỊNH\n"
            "Về việc ban hành Quy chế quản lý tài liệu điện tử\n"
            "Căn cứ Luật Lưu trữ số 33/2011/QH13;\n"
            "Theo đề nghị của Chánh Văn phòng,\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý tài liệu "
            "điện tử.\n"
            "Trang 1\n"
            "Bộ Tài nguyên và Môi trường phối hợp thực hiện.\n"
            "Ủy ban nhân dân xã-phường thực hiện.\n"
            "Nơi nhận:\tBỘ TRƯỞNG");
  // The explicit break and Word's lastRenderedPageBreak after it make one
  // page break, not two; the text box is read once.
  EXPECT_EQ(e.pages[1].text,
            "PHỤ LỤC\n"
            "Danh mục tài liệu\n"
            "và thời hạn bảo quản\n"
            "STT\tTên tài liệu\tThời hạn bảo quản\n"
            "1\tHồ sơ, tài liệu điện tử\tVĩnh viễn\n"
            "2\tVăn bản hành chính\n"
            "và thư từ\t10 năm\n"
            "Mẫu số 01");
  EXPECT_EQ(e.pages[2].text,
            "QUY CHẾ\nQuản lý tài liệu điện tử tại Bộ Tư pháp");
  expect_same(e, extract_docx(fixture("quyet-dinh.docx")));
}

TEST(ExtractDocx, OleContainerNamedDocx) {
  // Word saves a password-protected .docx as an OLE file with an
  // "EncryptedPackage" stream (the directory entry name is UTF-16LE).
  const fs::path dir =
      fs::temp_directory_path() / ("vnkb-ole-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(1024, '\0');
  std::string old_doc = ole;
  const std::string name("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0",
                         32);
  ole += name;
  ole.resize(2048, '\0');
  old_doc.resize(2048, '\0');
  std::ofstream(dir / "protected.docx", std::ios::binary) << ole;
  std::ofstream(dir / "renamed.docx", std::ios::binary) << old_doc;
  EXPECT_EQ(extract_file(dir / "protected.docx", limits()).reason,
            FailureReason::kEncrypted);
  EXPECT_EQ(extract_file(dir / "renamed.docx", limits()).reason,
            FailureReason::kUnsupported);
  fs::remove_all(dir);
}

// --- HTML --------------------------------------------------------------------

TEST(ExtractHtml, PageWithScriptsTablesAndTitle) {
  const Extracted e = extract("page.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "html");
  EXPECT_EQ(e.title, "Thông tư 12/2024/TT-BTC hướng dẫn quản lý ngân sách");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].text,
            "BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/2024/TT-BTC\tHà Nội, ngày 5 tháng 2 năm 2024\n"
            "THÔNG TƯ\n"
            "Hướng dẫn quản lý ngân sách nhà nước & tài sản công.\n"
            "Điều 1. Phạm vi điều chỉnh\n"
            "Dòng một\n"
            "Dòng hai\n"
            "Khoản 1\n"
            "Khoản 2\n"
            "Mã   Tên\n"
            "01   Lương");
}

TEST(HtmlToText, Cases) {
  static const struct {
    const char* html;
    const char* text;
  } cases[] = {
      {"", ""},
      {"<p>một</p><p>hai</p>", "một\nhai"},
      {"<b>Điều</b> <i>1</i>.", "Điều 1."},
      {"<span>liền</span><span>nhau</span>", "liềnnhau"},
      {"a<br>b<br/><br>c", "a\nb\nc"},
      {"x&nbsp;&nbsp; y\n\t z", "x y z"},
      {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></"
       "table>",
       "a\tb\nc\td"},
      {"<table><tr><td><p>a</p></td><td><p>b</p><p>c</p></td></tr></table>",
       "a\tb\nc"},
      {"<table><tr><th>STT</th><th>Tên</th></tr></table><p>Sau bảng</p>",
       "STT\tTên\nSau bảng"},
      {"<ul><li>một</li><li>hai</li></ul>", "một\nhai"},
      {"<p>ok</p><script>bad()</script><style>p{}</style><noscript>no</"
       "noscript>",
       "ok"},
      {"<pre>a  b\n  c</pre>", "a  b\n  c"},
      {"<div><!-- ẩn -->hiện</div>", "hiện"},
      {"<p>  </p><p>\n</p>", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(html_to_text(c.html), c.text) << c.html;
  std::string title;
  html_to_text("<title>A &amp; B</title><p>x</p>", &title);
  EXPECT_EQ(title, "A & B");
}

TEST(ExtractHtml, Windows1258DeclaredPageConverted) {
  const Extracted e = extract("windows-1258.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.title, "Nghị định số 15/2020/NĐ-CP");
  ASSERT_EQ(e.pages.size(), 1u);
  EXPECT_EQ(e.pages[0].text,
            "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu "
            "chính, viễn "
            "thông.\nĐiều 1. Phạm vi điều chỉnh");
}

TEST(ExtractHtml, Windows1252PageKeptAsIs) {
  const Extracted e = extract("windows-1252.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "unicode");
  EXPECT_EQ(e.title, "Décret");
  EXPECT_EQ(e.pages[0].text,
            "Décret relatif à la protection des données – «café»");
}

TEST(ExtractHtml, Tcvn3BytesInWindows1252Page) {
  const Extracted e = extract("tcvn3-windows-1252.html");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "tcvn3");
  EXPECT_EQ(e.title, "Văn bản pháp luật");
  EXPECT_EQ(e.pages[0].text,
            "Bộ Tài nguyên và Môi trường\n"
            "Quyết định số 12/2003/QĐ-BTNMT về việc ban hành quy chế làm việc "
            "của cơ quan");
}

TEST(ExtractHtml, RealTcvn3PageConverted) {
  const Extracted e =
      extract_file(test::test_data("tcvn3-vbpl-000891.html"), limits());
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.encoding, "tcvn3");
  const std::string& text = e.pages.at(0).text;
  EXPECT_TRUE(contains(
      text,
      "V/v: Đính chính Quyết định số 29/2007/QĐ-BXD ngày 31/12/2007 của"));
  EXPECT_TRUE(contains(
      text,
      "Bộ trưởng Bộ Xây dựng về việc ban hành Chương trình khung đào tạo"));
  EXPECT_TRUE(contains(
      text,
      "Theo đề nghị của Cục trưởng Cục Quản lý nhà và thị trường bất động"));
  for (const char* mojibake : {"§", "µ", "¬", "Ö", "tr\u00ADê", "QuyÕt"}) {
    EXPECT_FALSE(contains(text, mojibake)) << mojibake;
  }
  EXPECT_EQ(to_nfc(text), text);
}

// --- Plain text and Markdown
// ---------------------------------------------------

TEST(ExtractText, StrayHtmlInProgramTableCleaned) {
  const std::string raw = read_bytes(fixture("stray-html-program.txt"));
  ASSERT_TRUE(looks_like_stray_html(raw));
  const Extracted e = extract("stray-html-program.txt");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  ASSERT_EQ(e.pages.size(), 1u);
  const std::string& text = e.pages[0].text;
  for (const char* tag : {"<i>", "</i>", "<p>", "</p>", "<ul", "style="}) {
    EXPECT_FALSE(contains(text, tag)) << tag;
  }
  // The words stay, and the program table keeps one row per line.
  EXPECT_TRUE(
      contains(text, "CHƯƠNG TRÌNH CHIA SẺ HỌC HỎI GIỮA CÁC LIÊN MINH"));
  EXPECT_TRUE(contains(text, "\tToàn thể đại biểu Điều hành: PanNature\n"));
  EXPECT_TRUE(contains(text, "\nThời gian\tHoạt động\tThực hiện\n"));
  EXPECT_TRUE(contains(text, "\n8:00-8:30\tĐăng ký đại biểu\tPanNature\n"));
  EXPECT_TRUE(contains(
      text,
      "\n10:30-11:00\tChia sẻ về mô hình áp dụng thí điểm EITI tại Quảng "
      "Trị\tHội đồng Nhân dân tỉnh Quảng Trị\n"));
  EXPECT_TRUE(contains(
      text, "Giám sát cộng đồng: • Chia sẻ kinh nghiệm giám sát đầu tư công"));
  EXPECT_TRUE(contains(text, "\tcủa mạng lưới; • Thảo luận về khả năng"));
  const auto rows = [](const std::string& s) {
    int n = 0;
    for (const std::string& line : lines_of(s)) n += contains(line, "\t");
    return n;
  };
  EXPECT_EQ(rows(text), rows(raw));
}

TEST(StripStrayHtml, Cases) {
  static const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"<i>Điều hành</i>: PanNature", "Điều hành: PanNature"},
      {"mạng lưới</p> <ul style=\"list-style-type: none\"> • Chia",
       "mạng lưới • Chia"},
      {"a<br>b", "a b"},
      {"col1\t<b>col2</b>\tcol3\nrow2\t<p>x</p>", "col1\tcol2\tcol3\nrow2\tx"},
      {"&lt;p&gt; là thẻ", "<p> là thẻ"},  // an escaped tag is text
      {"a < b và c > d", "a < b và c > d"},
      {"<Điều 5> giữ nguyên", "<Điều 5> giữ nguyên"},
      {"<unknown>x</unknown>", "<unknown>x</unknown>"},
      {"<!-- ẩn -->hiện", "hiện"},
      {"<script>var s = '<p>';</script>ok", "ok"},
      {"<SCRIPT>x</Script>ok", "ok"},
      {"<a href='x>y'>liên kết</a>", "liên kết"},
      {"&#7889; &#x1EA1; &amp;amp; &bogus; &#0;", "ố ạ &amp; &bogus; &#0;"},
      {"<p class='không đóng", "<p class='không đóng"},
  };
  for (const auto& c : cases) EXPECT_EQ(strip_stray_html(c.in), c.out) << c.in;
  EXPECT_FALSE(looks_like_stray_html("a < b, Điều 5 > Điều 4"));
  EXPECT_TRUE(looks_like_stray_html("<i>Điều hành</i>"));
  EXPECT_TRUE(looks_like_stray_html("x<br>y"));
}

TEST(ExtractText, Tcvn3BytesDecoded) {
  // Regression: files under 1 KB came out empty (the read after format
  // detection started at end-of-file).
  ASSERT_LT(fs::file_size(fixture("tcvn3.txt")), 1024u);
  const Extracted e = extract("tcvn3.txt");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "text");
  EXPECT_EQ(e.encoding, "tcvn3");
  EXPECT_EQ(e.pages.at(0).text,
            "QUYẾT ĐỊNH\n"
            "Về việc ban hành Quy chế quản lý hồ sơ, tài liệu điện tử\n"
            "Bộ trưởng Bộ Tài nguyên và Môi trường\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế.");
}

TEST(ExtractText, MarkdownTitles) {
  const Extracted front = extract("front-matter.md");
  ASSERT_EQ(front.status, ExtractStatus::kOk) << front.error;
  EXPECT_EQ(front.format, "markdown");
  EXPECT_EQ(front.title, "An ninh mạng");
  EXPECT_TRUE(contains(front.pages.at(0).text, "Điều 1. Phạm vi điều chỉnh"));
  EXPECT_EQ(extract("heading.md").title, "Luật Lưu trữ");

  static const struct {
    const char* text;
    const char* title;
  } cases[] = {
      {"# Tiêu đề\nNội dung", "Tiêu đề"},
      {"---\r\ntitle: 'Nghị định 15'\r\n---\r\n# Khác\r\n", "Nghị định 15"},
      {"---\nlayout: page\n---\n# Sau phần đầu\n", "Sau phần đầu"},
      {"Mở đầu\n## Mục\n# Chính\n# Thứ hai", "Chính"},
      {"#hashtag\n#\tTab\n", "Tab"},
      {"Không có tiêu đề\n", ""},
      {"---\ntitle: chưa đóng\n",
       "chưa đóng"},  // lenient: Jekyll would refuse it
      {"---\nlayout: page\n", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(extract_text(c.text, true).title, c.title) << c.text;
  EXPECT_EQ(extract_text("# Không phải Markdown", false).title, "");
}

TEST(ExtractText, KeepsInnerWhitespace) {
  const Extracted e =
      extract_text("\n\n  Cột 1\tCột 2\n\nDòng  sau\t\n\n", false);
  EXPECT_EQ(e.pages.at(0).text, "  Cột 1\tCột 2\n\nDòng  sau");
  EXPECT_EQ(extract_text(" \n\t\n", false).reason, FailureReason::kEmpty);
  // Windows and old Mac line ends become "\n".
  EXPECT_EQ(extract_text("Một\r\nHai\rBa\r\n\r\nBốn", false).pages.at(0).text,
            "Một\nHai\nBa\n\nBốn");
}

TEST(CleanTitle, Cases) {
  static const struct {
    const char* raw;
    const char* title;
  } cases[] = {
      {"Tßa ¸n nh©n d©n tèi cao", "Tòa án nhân dân tối cao"},
      {"  Thông tư\n  12/2024 ", "Thông tư 12/2024"},
      {"\xEF\xBB\xBFQuyết định", "Quyết định"},
      {"ÿþ2", ""},  // a UTF-16 byte order mark read as Latin-1, then a digit
      {"1", ""},
      {"Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh", "Quyết định"},  // NFD
  };
  for (const auto& c : cases) EXPECT_EQ(clean_title(c.raw), c.title) << c.raw;
}

}  // namespace
}  // namespace kb
