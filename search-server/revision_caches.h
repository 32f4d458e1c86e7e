// What the searches on one revision of the index share beside its facet
// data (search-server/revision_data.h): statistics and documents of word
// pairs and phrases, found by the first search that needs them.
#ifndef VNKB_SEARCH_SERVER_REVISION_CACHES_H_
#define VNKB_SEARCH_SERVER_REVISION_CACHES_H_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/schema.h"

namespace kb {

// How two adjacent terms stand together in the collection, from document
// frequencies: `share` is together / the rarer's, `strength` together /
// sqrt(first's x second's) (both 0 when either term is absent or they
// never stand side by side).
struct PairStats {
  double share = 0;
  double strength = 0;
};

// The pair statistics of one revision of the index, shared by every search
// on it (RevisionData holds one): counting where two accented words stand
// side by side is a phrase check over every document holding their folded
// pair, the costliest part of parsing a query of three or more words.
// Thread-safe; it forgets everything when it holds kMaxEntries.
class PairStatsCache {
 public:
  static constexpr size_t kMaxEntries = 100000;
  std::optional<PairStats> find(const std::string& key) const;
  void add(const std::string& key, PairStats stats);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, PairStats> stats_;
};

// The documents where a phrase of the counting passes stands (its position
// check done once), per revision of the index, shared by every search on
// it (RevisionData holds one). A common accented pair ("thi hành": every
// document holding the folded pair checked for the words side by side,
// 15-20 ms over 67k articles) is checked once per revision, not on every
// count, facet recount and page. Thread-safe; it forgets everything when
// it holds kMaxDocids documents (16 MB).
class PhraseDocsCache {
 public:
  using Docids = std::shared_ptr<const std::vector<Xapian::docid>>;
  static constexpr size_t kMaxDocids = 4'000'000;
  // The documents matching `phrase` in `db` (ascending), kept or found now
  // (a counting pass over every match).
  Docids documents(const Xapian::Database& db, const Xapian::Query& phrase);
  // The same for a phrase boost, which only the ranked window checks (a
  // few dozen documents, where finding every document would cost a pass
  // over the collection): kept, or found now when this revision was asked
  // for `phrase` before; null (and the asking remembered) the first time.
  Docids documents_when_asked_again(const Xapian::Database& db,
                                    const Xapian::Query& phrase);

 private:
  static constexpr size_t kMaxAsked = 100000;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Docids> docids_;
  std::unordered_set<std::string> asked_;
  size_t held_ = 0;
};

// The documents' data (title, number, pages' first positions: the Xapian
// document's data, JSON) read by the hits, per revision of the index, shared
// by every search on it (RevisionData holds one): reading and parsing it was
// a quarter of a hit's instructions once its snippet's text was kept.
// Thread-safe; it forgets everything when it holds kMaxEntries.
class DocumentDataCache {
 public:
  using Data = std::shared_ptr<const schema::DocumentData>;
  static constexpr size_t kMaxEntries = 20000;
  // The data of the document at `hit`: kept, or read now and kept.
  Data data(const Xapian::MSetIterator& hit);
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<Xapian::docid, Data> data_;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_REVISION_CACHES_H_
