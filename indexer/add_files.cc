// Indexer::add: files and folders into the catalog and the index. The
// extract service reads the next files (in its own processes, two side by
// side on two cores), a second thread derives a file (derive_thread.h) while
// the one before it is stored here; catalog rows and index entries are
// written in batches (Indexer::flush).
#include <sys/stat.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "core/clock.h"
#include "core/sha256.h"
#include "indexer/derive.h"
#include "indexer/derive_thread.h"
#include "indexer/folder_walk.h"
#include "indexer/indexer.h"
#include "indexer/overrides.h"
#include "indexer/stage_times.h"

namespace kb {
namespace fs = std::filesystem;

namespace {

int64_t mtime_of(const fs::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 0;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
         st.st_mtim.tv_nsec;
}

std::string read_small_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// True when OCR would change an unchanged document: see AddOptions::ocr.
bool ocr_has_work(const CatalogDocument& doc, const OcrOptions& ocr,
                  const Catalog& catalog) {
  switch (ocr.mode) {
    case OcrMode::kNever:
      return false;
    case OcrMode::kAuto:
      // A page that OCR failed on is not retried on every run: the file
      // must change, or the librarian asks (--force, --ocr=force).
      return doc.status == "needs-ocr" && doc.failure_reason != "ocr-failed";
    case OcrMode::kForce: {
      const auto sources = catalog.count_pages_by_source(doc.id);
      return sources.count("ocr") != 0 || sources.count("none") != 0;
    }
  }
  return false;
}

// A first load of at least this many documents ends with a compaction.
constexpr int kCompactAfterDocuments = 1000;

}  // namespace

bool Indexer::may_need_reading(const fs::path& path,
                               const AddOptions& options) const {
  if (options.force) return true;
  std::error_code ec;
  const auto size = static_cast<int64_t>(fs::file_size(path, ec));
  if (ec) return false;  // add_file reports it
  const std::optional<CatalogDocument> existing =
      catalog_->get_by_path(path.string());
  // Like add_file's first test, less the sidecar and OCR: guessing "yes"
  // costs one read ahead for nothing, never a wrong result.
  return !existing || existing->size != size ||
         existing->mtime != mtime_of(path);
}

std::optional<FileOutcome> Indexer::read_file(const fs::path& path,
                                              const AddOptions& options,
                                              ExtractService& reader,
                                              ReadFile& file) {
  FileOutcome out;
  out.path = path.string();
  std::error_code ec;
  const auto size = static_cast<int64_t>(fs::file_size(path, ec));
  const int64_t mtime = mtime_of(path);
  const fs::path sidecar = sidecar_for(path);
  const std::string sidecar_text =
      sidecar.empty() ? std::string() : read_small_file(sidecar);
  const std::string sidecar_sha =
      sidecar.empty() ? std::string() : sha256_hex(sidecar_text);

  std::optional<CatalogDocument> existing = catalog_->get_by_path(out.path);
  const bool same_extras = existing &&
                           existing->sidecar_sha256 == sidecar_sha &&
                           options.overrides.empty() &&
                           !ocr_has_work(*existing, options.ocr, *catalog_);
  if (existing && !options.force && same_extras && existing->size == size &&
      existing->mtime == mtime) {
    out.action = "unchanged";
    out.id = existing->id;
    out.status = existing->status;
    out.pages = existing->pages;
    return out;
  }
  const std::string sha = sha256_file(path);
  if (existing && !options.force && same_extras && existing->sha256 == sha) {
    existing->mtime = mtime;  // touched, not changed
    begin_catalog_unit();
    catalog_->put(*existing, nullptr);
    end_catalog_unit();
    out.action = "unchanged";
    out.id = existing->id;
    out.status = existing->status;
    out.pages = existing->pages;
    return out;
  }
  // A file moved within the collection keeps its id (and links to it).
  if (!existing && !options.force && options.overrides.empty() &&
      !sha.empty()) {
    for (CatalogDocument& old : catalog_->get_by_sha256(sha)) {
      if (fs::exists(old.path) || old.sidecar_sha256 != sidecar_sha) continue;
      const std::string from = old.path;
      old.path = out.path;
      old.mtime = mtime;
      begin_catalog_unit();
      catalog_->put(old, nullptr);
      end_catalog_unit();
      out.action = "moved";
      out.detail = "from " + from;
      out.id = old.id;
      out.status = old.status;
      out.pages = old.pages;
      return out;
    }
  }

  CatalogDocument doc = existing ? *existing : CatalogDocument{};
  doc.path = out.path;
  doc.sha256 = sha;
  doc.size = size;
  doc.mtime = mtime;
  doc.sidecar_sha256 = sidecar_sha;
  doc.indexed_at = utc_now_iso8601();
  doc.index_state = "dirty";
  // Librarian values: the sidecar as it is now, flags merged over earlier ones.
  doc.sidecar_json = "{}";
  if (!sidecar.empty()) {
    std::string error;
    if (const auto o = parse_overrides(sidecar_text, taxonomy_, &error)) {
      doc.sidecar_json = overrides_to_json(*o);
    } else {
      out.detail = "ignored " + sidecar.string() + ": " + error;
    }
  }
  if (!options.overrides.empty())
    doc.overrides_json = merge_overrides(doc.overrides_json, options.overrides);

  StageTimer timer(Stage::kRead);
  Extracted e = reader.extract(path);
  timer.stop();
  // OCR results go to the cache at once: a killed run must keep them.
  if (e.status == ExtractStatus::kNeedsOcr &&
      options.ocr.mode != OcrMode::kNever)
    commit_catalog_batch();
  CatalogOcrCache ocr_cache(*catalog_);
  const OcrReport ocr = read_scanned_pages(path, e, options.ocr, &ocr_cache);
  out.ocr_recognized = ocr.recognized;
  out.ocr_cached = ocr.cached;
  std::vector<CatalogPage> pages;
  doc.format = e.format;
  doc.encoding = e.encoding;
  doc.file_title = e.title;
  if (e.status == ExtractStatus::kFailed) {
    doc.status = "failed";
    doc.failure_reason = failure_reason_name(e.reason);
    doc.failure_detail = e.error;
    doc.pages = 0;
    out.detail = doc.failure_reason + ": " + e.error;
  } else {
    doc.status = e.status == ExtractStatus::kNeedsOcr ? "needs-ocr" : "indexed";
    doc.failure_reason.clear();
    doc.failure_detail.clear();
    if (e.status == ExtractStatus::kNeedsOcr) {
      doc.failure_reason = ocr.ran ? "ocr-failed" : "ocr-not-run";
      doc.failure_detail = ocr.detail;
      if (ocr.ran) out.detail = ocr.detail;
    } else if (e.text_cut) {
      // Indexed, but not all of it: `show` and `list` say so.
      doc.failure_reason = failure_reason_name(FailureReason::kTooLarge);
      doc.failure_detail =
          "only the first " +
          std::to_string(options.limits.max_text_bytes >> 20) +
          " MB of text are indexed (the limit of a file's text)";
      out.detail = doc.failure_reason + ": " + doc.failure_detail;
    }
    for (size_t i = 0; i < e.pages.size(); ++i) {
      CatalogPage p;
      p.page_no = static_cast<int>(i + 1);
      p.text = std::move(e.pages[i].text);
      p.source = e.pages[i].has_text_layer ? "text"
                 : e.pages[i].ocr          ? "ocr"
                                           : "none";
      p.ocr_confidence = e.pages[i].ocr ? e.pages[i].ocr_confidence : -1;
      pages.push_back(std::move(p));
    }
  }
  file.out = std::move(out);
  file.doc = std::move(doc);
  file.pages = std::move(pages);
  file.existing = existing.has_value();
  return std::nullopt;
}

FileOutcome Indexer::store_file(ReadFile& file, Derived& derived) {
  CatalogDocument& doc = file.doc;
  store(doc, file.pages, derived, /*new_document=*/!file.existing);
  FileOutcome out = std::move(file.out);
  out.id = doc.id;
  out.status = doc.status;
  out.pages = doc.pages;
  out.action = doc.status == "failed" ? "failed"
               : file.existing        ? "updated"
                                      : "added";
  return out;
}

AddSummary Indexer::add(const std::vector<fs::path>& paths,
                        const AddOptions& options) {
  AddSummary summary;
  const bool first_load = index_->get_doccount() == 0;
  WalkResult walk = collect_files(paths);
  // A file the librarian removed stays out of folder walks; naming it adds
  // it again.
  std::vector<fs::path> files;
  for (const fs::path& f : walk.files) {
    if (walk.named.count(f)) {
      catalog_->unmark_removed(f.string());
    } else if (const auto at = catalog_->removed_at(f.string())) {
      walk.skipped.push_back({f, "removed with vnkb-index remove on " +
                                     at->substr(0, 10) +
                                     "; name the file to add it again"});
      continue;
    }
    files.push_back(f);
  }
  auto report = [&](FileOutcome o) {
    if (o.action == "failed") ++summary.failed;
    if (options.on_file) options.on_file(o, 0, files.size());
    summary.outcomes.push_back(std::move(o));
  };
  for (const BadPath& bad : walk.bad) {
    FileOutcome missing;
    missing.path = bad.given;
    missing.action = "failed";
    missing.status = "failed";
    missing.detail = bad.reason;
    report(std::move(missing));
  }
  for (const SkippedPath& skipped : walk.skipped) {
    FileOutcome o;
    o.path = skipped.path.string();
    o.action = "skipped";
    o.detail = skipped.reason;
    report(std::move(o));
  }
  auto failed = [](const fs::path& path, const char* what) {
    FileOutcome o;
    o.path = path.string();
    o.action = "failed";
    o.status = "failed";
    o.detail = what;
    return o;
  };
  // Reported in the order of `files`: a file done at once waits for the
  // one still being derived before it.
  auto finish = [&](FileOutcome o, size_t i) {
    if (o.action == "unchanged" && o.status == "failed") {
      // Unchanged, and still failing: a rerun must not look like success.
      o.action = "failed";
      o.detail = "still failing, unchanged since the last run";
      if (const auto d = catalog_->get(o.id)) {
        o.detail = d->failure_reason + ": " + d->failure_detail +
                   " (unchanged since the last run; --force reads it again)";
      }
    }
    if (o.action == "failed") ++summary.failed;
    if (o.action != "unchanged") ++summary.changed;
    if (options.on_file) options.on_file(o, i + 1, files.size());
    summary.outcomes.push_back(std::move(o));
  };
  // File i is derived on the second thread while file i - 1 is stored here
  // and file i + 1 read; the service reads the next files ahead (in its own
  // processes, one file per reader at a time).
  struct Deriving {
    size_t index = 0;  // in `files`
    ReadFile file;
    Derived derived;
    std::exception_ptr error;  // what deriving threw
  };
  // Declared before the thread: should an exception leave this function,
  // the thread is done with the file before the file goes.
  std::unique_ptr<Deriving> deriving;
  // Started before anything forks: every fork of the readers waits until it
  // is idle (read/fork_guard.h).
  DeriveThread deriver;
  ExtractService reader(options.limits);
  // The file on the thread, once derived (nullptr when none is).
  auto take_derived = [&] {
    std::unique_ptr<Deriving> d = std::move(deriving);
    if (d) {
      try {
        deriver.wait();
      } catch (...) {
        d->error = std::current_exception();
      }
    }
    return d;
  };
  auto store_derived = [&](Deriving& d) {
    FileOutcome o;
    try {
      if (d.error) std::rethrow_exception(d.error);
      o = store_file(d.file, d.derived);
    } catch (const std::exception& e) {
      // One file's trouble (the file system's included) is that file's
      // failure: the batch goes on.
      abort_catalog_unit();
      o = failed(files[d.index], e.what());
    }
    finish(std::move(o), d.index);
  };
  // Two files queued per reader: a reader done with a short file goes on
  // with its next one while the indexer still waits on a long one.
  const size_t ahead = 2 * reader.reader_count();
  size_t queued = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    for (; queued < std::min(i + 1 + ahead, files.size()); ++queued) {
      if (may_need_reading(files[queued], options))
        reader.prefetch(files[queued]);
    }
    auto next = std::make_unique<Deriving>();
    next->index = i;
    std::optional<FileOutcome> done;
    try {
      done = read_file(files[i], options, reader, next->file);
    } catch (const std::exception& e) {
      abort_catalog_unit();
      done = failed(files[i], e.what());
    }
    const std::unique_ptr<Deriving> previous = take_derived();
    if (!done) {
      deriving = std::move(next);
      Deriving* const d = deriving.get();
      deriver.start([this, d] {
        d->derived =
            derive_document(d->file.doc, d->file.pages, taxonomy_,
                            *position_extractor_, /*build_index_entry=*/true);
      });
    }
    // In file order: file i - 1, then file i if it was done at once
    // (unchanged, moved, unreadable).
    if (previous) store_derived(*previous);
    if (done) finish(std::move(*done), i);
  }
  if (const std::unique_ptr<Deriving> last = take_derived())
    store_derived(*last);
  flush();
  if (first_load && summary.changed >= kCompactAfterDocuments) compact_index();
  if (options.prune) {
    std::vector<std::string> gone;
    for (const fs::path& folder : walk.folders) {
      CatalogFilter f;
      f.path_prefix = folder.string() + "/";
      for (const CatalogDocument& d : catalog_->list(f)) {
        if (!fs::exists(d.path)) gone.push_back(std::to_string(d.id));
      }
    }
    if (!gone.empty()) {
      for (FileOutcome& o : remove(gone, nullptr, /*remember=*/false)) {
        if (options.on_file) options.on_file(o, files.size(), files.size());
        summary.outcomes.push_back(std::move(o));
        ++summary.changed;
      }
    }
  }
  return summary;
}

}  // namespace kb
