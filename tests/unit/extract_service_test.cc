// ExtractService: one process forking the per-file helpers, reading one
// file ahead; it must give what extract_file gives, survive its own death,
// and never outlive the indexer.
#include "indexer/read/extract_service.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

using Clock = std::chrono::steady_clock;

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

}  // namespace
}  // namespace kb::extract_test
