// Ranked pages without Xapian's matcher going over every match: the BM25
// weights of a query's matches summed here from posting lists decoded once
// per revision, and Xapian asked to rank only the few that can reach the
// page.
//
// Why: the costliest requests of the benchmark ("hieu luc thi hanh", "to
// chuc thuc hien") match 25-45k of the 67k articles through words that
// most articles hold; their weights are nearly flat (the best 2.053, the
// 50th 2.043), so Xapian 1.4's matcher can prune nothing and decodes four
// posting lists and every document's length for the 50 best: 7-9 ms of CPU
// a request (docs/bench/server.md).
#ifndef VNKB_SEARCH_SERVER_DIRECT_RANK_H_
#define VNKB_SEARCH_SERVER_DIRECT_RANK_H_

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kb {

// The weighting of every ranked document search (search_filters.h's k1 and
// b, no k2, k3 = 1, documents no shorter than half the average).
Xapian::BM25Weight ranking_weight();

// A term's postings with each one's BM25 part under ranking_weight() for a
// query holding the term once: what Xapian adds for the term to the weight
// of each document holding it.
struct RankedPostings {
  std::vector<Xapian::docid> docids;  // ascending
  std::vector<double> weights;        // one per docid
};

// The decoded postings of the commonest terms of one revision of the index
// and every document's length, shared by every search on it (RevisionData
// holds one). Thread-safe; it stops keeping terms when it holds
// kMaxPostings postings (12 bytes each: 72 MB; the benchmark's 200 queries
// hold 4.4M) and reads the others each time.
class RankPostingsCache {
 public:
  using Postings = std::shared_ptr<const RankedPostings>;
  static constexpr size_t kMaxPostings = 6'000'000;
  // Terms held by fewer documents than this are read each time.
  static constexpr Xapian::doccount kKeptFrom = 2048;
  explicit RankPostingsCache(Xapian::doccount kept_from = kKeptFrom)
      : kept_from_(kept_from) {}

  Xapian::doccount kept_from() const { return kept_from_; }
  // `term`'s postings in `db` (this cache's revision), kept or read now.
  Postings postings(const Xapian::Database& db, const std::string& term);

 private:
  using Lengths = std::shared_ptr<const std::vector<Xapian::termcount>>;
  Lengths lengths(const Xapian::Database& db);

  const Xapian::doccount kept_from_;
  std::mutex mutex_;
  Lengths lengths_;
  std::unordered_map<std::string, Postings> terms_;
  size_t held_ = 0;
};

// The documents that can stand among the `k` best of `q` under
// ranking_weight() in relevance order, ascending, with the weight summed
// here for each: every document whose weight is within a rounding margin
// of the k-th best. nullopt when `q` is not made of terms held once each,
// docid lists (search_filters.h) and AND, OR, AND_MAYBE over them with
// FILTER and AND_NOT by what direct_matches() counts (direct_count.h), or
// when no weighted term is held by `min_freq` documents or more (Xapian's
// matcher is cheap there) or `q` matches no more than `k` documents.
struct RankCandidates {
  std::vector<Xapian::docid> docids;
  std::vector<double> weights;
};
std::optional<RankCandidates> rank_candidates(
    const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount k,
    RankPostingsCache& cache,
    Xapian::doccount min_freq = RankPostingsCache::kKeptFrom);

// What `e` (weighted by ranking_weight(), relevance order) gives for `q`
// from `first`, `count` documents: Xapian ranks only rank_candidates() of
// `q` when there are any, and the whole of `q` otherwise or when one of
// their weights differs from the one summed here.
Xapian::MSet ranked_page(
    Xapian::Enquire& e, const Xapian::Database& db, const Xapian::Query& q,
    Xapian::doccount first, Xapian::doccount count, RankPostingsCache& cache,
    Xapian::doccount min_freq = RankPostingsCache::kKeptFrom);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_DIRECT_RANK_H_
