// ExtractService: reader processes forking the per-file helpers, reading
// files ahead side by side; it must give what extract_file gives, survive
// the death of a reader, and never outlive the indexer.
#include "indexer/read/extract_service.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

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
  for (const int readers : {1, 2, 3}) {
    SCOPED_TRACE("readers: " + std::to_string(readers));
    ExtractService service(limits(), readers);
    ASSERT_EQ(service.reader_count(), static_cast<size_t>(readers));
    const size_t n = std::size(kServiceFiles);
    size_t queued = 0;
    for (size_t i = 0; i < n; ++i) {
      // As the indexer does: the next files, one per reader, are queued
      // before this one is read.
      for (; queued < std::min(i + 1 + readers, n); ++queued)
        service.prefetch(fixture(kServiceFiles[queued]));
      SCOPED_TRACE(kServiceFiles[i]);
      const Extracted got = service.extract(fixture(kServiceFiles[i]));
      const Extracted want = extract(kServiceFiles[i]);
      expect_same(got, want);
      EXPECT_EQ(got.error, want.error);
    }
    // Every reader took its share, each in a process of its own.
    const std::vector<pid_t> pids = service.pids();
    ASSERT_EQ(pids.size(), static_cast<size_t>(readers));
    for (size_t k = 0; k < pids.size(); ++k) {
      EXPECT_GT(pids[k], 0);
      for (size_t j = 0; j < k; ++j) EXPECT_NE(pids[k], pids[j]);
    }
  }
}

TEST(ExtractService, TwoReadersReadSideBySide) {
  // Two slow files, each stopped by the helper's 2 s bound: two readers
  // finish both in about 2 s, where one reader takes 4 s.
  ExtractLimits tight = limits();
  tight.max_seconds = 2;
  ExtractService service(tight, 2);
  const auto start = Clock::now();
  service.prefetch(fixture("slow-nested-forms.pdf"));
  service.prefetch(fixture("slow-nested-forms.pdf"));
  EXPECT_EQ(service.extract(fixture("slow-nested-forms.pdf")).reason,
            FailureReason::kTimeout);
  EXPECT_EQ(service.extract(fixture("slow-nested-forms.pdf")).reason,
            FailureReason::kTimeout);
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_LT(seconds, 3.5);
}

TEST(ExtractService, AnyReaderThatDiesIsReplaced) {
  ExtractService service(limits(), 2);
  service.prefetch(fixture("qd-39-2025-qd-ttg.pdf"));
  service.prefetch(fixture("anle-47-2021.pdf"));
  const std::vector<pid_t> first = service.pids();
  ASSERT_EQ(first.size(), 2u);
  ASSERT_GT(first[1], 0);
  ASSERT_EQ(::kill(first[1], SIGKILL), 0);
  expect_same(service.extract(fixture("qd-39-2025-qd-ttg.pdf")),
              extract("qd-39-2025-qd-ttg.pdf"));
  // The second reader's file comes back right all the same (read directly).
  expect_same(service.extract(fixture("anle-47-2021.pdf")),
              extract("anle-47-2021.pdf"));
  // Its next file starts a new process; the first reader's goes on.
  service.prefetch(fixture("page.html"));
  service.prefetch(fixture("tcvn3.txt"));
  const std::vector<pid_t> now = service.pids();
  EXPECT_EQ(now[0], first[0]);
  EXPECT_GT(now[1], 0);
  EXPECT_NE(now[1], first[1]);
  expect_same(service.extract(fixture("page.html")), extract("page.html"));
  expect_same(service.extract(fixture("tcvn3.txt")), extract("tcvn3.txt"));
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
