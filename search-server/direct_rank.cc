// Ranked pages through candidates summed here (direct_rank.h).
#include "search-server/direct_rank.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>
#include <utility>

#include "search-server/direct_count.h"
#include "search-server/search_filters.h"

namespace kb {
namespace {

using Q = Xapian::Query;
using Scored = RankedPostings;

constexpr double kMinNormLength = 0.5;
// How far apart a weight summed here and Xapian's may be (summing order
// and rounding): far below the 0.001 answers show, far above a double's
// rounding of a sum of a few terms.
constexpr double kWeightMargin = 1e-9;

// Xapian 1.4's BM25Weight::init for a term held by `freq` of `size`
// documents and asked once (wqf 1, no scaling, no relevance set).
double term_weight(Xapian::doccount size, Xapian::doccount freq) {
  double tw = (size - freq + 0.5) / (freq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw) * (kBm25K1 + 1);
}

// Xapian 1.4's BM25Weight::get_sumpart.
double term_part(double term_weight, double len_factor, Xapian::termcount wdf,
                 Xapian::termcount length) {
  const double normlen = std::max(length * len_factor, kMinNormLength);
  const double wdf_double = wdf;
  const double denom = kBm25K1 * (normlen * kBm25B + (1 - kBm25B)) + wdf_double;
  return term_weight * (wdf_double / denom);
}

struct RankContext {
  const Xapian::Database& db;
  RankPostingsCache& cache;
  Xapian::doccount min_freq;
  std::set<std::string> terms;  // weighted so far
  bool common = false;          // a weighted term held by min_freq or more
};

std::optional<Scored> scored_of(RankContext& c, const Q& q);

// `a` and `b` where both match, weights added.
Scored scored_and(const Scored& a, const Scored& b) {
  Scored out;
  const size_t n = std::min(a.docids.size(), b.docids.size());
  out.docids.reserve(n);
  out.weights.reserve(n);
  size_t i = 0, j = 0;
  while (i < a.docids.size() && j < b.docids.size()) {
    if (a.docids[i] < b.docids[j]) {
      ++i;
    } else if (b.docids[j] < a.docids[i]) {
      ++j;
    } else {
      out.docids.push_back(a.docids[i]);
      out.weights.push_back(a.weights[i] + b.weights[j]);
      ++i;
      ++j;
    }
  }
  return out;
}

// Every document of `a` or `b`, weights added where both match.
Scored scored_or(const Scored& a, const Scored& b) {
  Scored out;
  out.docids.reserve(a.docids.size() + b.docids.size());
  out.weights.reserve(a.docids.size() + b.docids.size());
  size_t i = 0, j = 0;
  while (i < a.docids.size() || j < b.docids.size()) {
    if (j == b.docids.size() ||
        (i < a.docids.size() && a.docids[i] < b.docids[j])) {
      out.docids.push_back(a.docids[i]);
      out.weights.push_back(a.weights[i++]);
    } else if (i == a.docids.size() || b.docids[j] < a.docids[i]) {
      out.docids.push_back(b.docids[j]);
      out.weights.push_back(b.weights[j++]);
    } else {
      out.docids.push_back(a.docids[i]);
      out.weights.push_back(a.weights[i++] + b.weights[j++]);
    }
  }
  return out;
}

// `a`'s documents, plus `b`'s weights where `b` matches too.
Scored scored_and_maybe(Scored a, const Scored& b) {
  size_t j = 0;
  for (size_t i = 0; i < a.docids.size() && j < b.docids.size(); ++i) {
    while (j < b.docids.size() && b.docids[j] < a.docids[i]) ++j;
    if (j < b.docids.size() && b.docids[j] == a.docids[i])
      a.weights[i] += b.weights[j];
  }
  return a;
}

// `a`'s documents that are (`keep`) or are not in `docs`.
Scored scored_narrowed(const Scored& a, const std::vector<Xapian::docid>& docs,
                       bool keep) {
  Scored out;
  size_t j = 0;
  for (size_t i = 0; i < a.docids.size(); ++i) {
    while (j < docs.size() && docs[j] < a.docids[i]) ++j;
    const bool in = j < docs.size() && docs[j] == a.docids[i];
    if (in == keep) {
      out.docids.push_back(a.docids[i]);
      out.weights.push_back(a.weights[i]);
    }
  }
  return out;
}

std::optional<Scored> scored_term(RankContext& c, const Q& q) {
  const std::string term = *q.get_terms_begin();
  // A term asked more than once (or with another wqf) weighs otherwise.
  if (q.get_length() != 1 || !c.terms.insert(term).second) return std::nullopt;
  if (c.db.get_termfreq(term) >= c.min_freq) c.common = true;
  return *c.cache.postings(c.db, term);
}

std::optional<Scored> scored_of(RankContext& c, const Q& q) {
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return scored_term(c, q);
    case Q::LEAF_MATCH_NOTHING:
      return Scored();
    case Q::LEAF_POSTING_SOURCE: {
      const std::vector<Xapian::docid>* list = docid_list_of(q);
      if (list == nullptr) return std::nullopt;
      return Scored{*list, std::vector<double>(list->size(), 0.0)};
    }
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_MAYBE: {
      std::optional<Scored> out;
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        std::optional<Scored> part = scored_of(c, q.get_subquery(i));
        if (!part) return std::nullopt;
        if (!out) {
          out = std::move(*part);
        } else if (q.get_type() == Q::OP_AND) {
          out = scored_and(*out, *part);
        } else if (q.get_type() == Q::OP_OR) {
          out = scored_or(*out, *part);
        } else {
          out = scored_and_maybe(std::move(*out), *part);
        }
      }
      return out;
    }
    case Q::OP_FILTER:
    case Q::OP_AND_NOT: {
      std::optional<Scored> out = scored_of(c, q.get_subquery(0));
      for (size_t i = 1; out && i < q.get_num_subqueries(); ++i) {
        const std::optional<std::vector<Xapian::docid>> docs =
            direct_matches(c.db, q.get_subquery(i), &c.cache);
        if (!docs) return std::nullopt;
        out = scored_narrowed(*out, *docs, q.get_type() == Q::OP_FILTER);
      }
      return out;
    }
    default:
      return std::nullopt;
  }
}

// A query of weighted terms ANDed and filtered (the match queries of plain
// words): the parts merged at once, without a list between each two.
struct Conjunction {
  std::vector<RankPostingsCache::Postings> terms;
  std::vector<const std::vector<Xapian::docid>*> lists;  // unweighted
  std::deque<std::vector<Xapian::docid>> read;           // lists read here
};

// Adds `q` to `out` (`weighted`: its terms weigh); false for a part that is
// not a weighted term, a docid list, an AND or a FILTER, in weighted
// places, or that direct_matches() cannot count, in the others.
bool conjunction_of(RankContext& c, const Q& q, bool weighted,
                    Conjunction& out) {
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      if (!weighted) break;
      {
        const std::string term = *q.get_terms_begin();
        if (q.get_length() != 1 || !c.terms.insert(term).second) return false;
        if (c.db.get_termfreq(term) >= c.min_freq) c.common = true;
        out.terms.push_back(c.cache.postings(c.db, term));
        return true;
      }
    case Q::LEAF_POSTING_SOURCE: {
      const std::vector<Xapian::docid>* list = docid_list_of(q);
      if (list == nullptr) return false;
      out.lists.push_back(list);
      return true;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const bool sub_weighted =
            weighted && (i == 0 || q.get_type() == Q::OP_AND);
        if (!conjunction_of(c, q.get_subquery(i), sub_weighted, out))
          return false;
      }
      return true;
    default:
      break;
  }
  if (weighted) return false;
  std::optional<std::vector<Xapian::docid>> docs =
      direct_matches(c.db, q, &c.cache);
  if (!docs) return false;
  out.read.push_back(std::move(*docs));
  out.lists.push_back(&out.read.back());
  return true;
}

// The first of [at, end) not below `target`, galloping from `at`.
const Xapian::docid* conjunction_skip(const Xapian::docid* at,
                                      const Xapian::docid* end,
                                      Xapian::docid target) {
  // Lists of common words are dense: the next few first.
  for (int i = 0; i < 4; ++i, ++at) {
    if (at == end || *at >= target) return at;
  }
  size_t step = 1;
  while (at + step < end && at[step] < target) {
    at += step;
    step *= 2;
  }
  return std::lower_bound(at, std::min(at + step + 1, end), target);
}

Scored scored_conjunction(const Conjunction& parts) {
  struct Cursor {
    const Xapian::docid* begin;
    const Xapian::docid* at;
    const Xapian::docid* end;
    const double* weights;  // null: unweighted
  };
  std::vector<Cursor> cursors;
  for (const RankPostingsCache::Postings& t : parts.terms) {
    const Xapian::docid* b = t->docids.data();
    cursors.push_back({b, b, b + t->docids.size(), t->weights.data()});
  }
  for (const std::vector<Xapian::docid>* l : parts.lists)
    cursors.push_back({l->data(), l->data(), l->data() + l->size(), nullptr});
  // The rarest leads.
  std::sort(cursors.begin(), cursors.end(),
            [](const Cursor& a, const Cursor& b) {
              return a.end - a.begin < b.end - b.begin;
            });
  Scored out;
  if (cursors.empty()) return out;
  Cursor& lead = cursors[0];
  out.docids.reserve(static_cast<size_t>(lead.end - lead.begin));
  out.weights.reserve(out.docids.capacity());
  while (lead.at != lead.end) {
    Xapian::docid target = *lead.at;
    bool all = true;
    for (size_t i = 1; i < cursors.size(); ++i) {
      Cursor& k = cursors[i];
      if (*k.at < target) k.at = conjunction_skip(k.at, k.end, target);
      if (k.at == k.end) return out;
      if (*k.at != target) {
        target = *k.at;
        all = false;
        break;
      }
    }
    if (!all) {
      lead.at = conjunction_skip(lead.at, lead.end, target);
      continue;
    }
    double weight = 0;
    for (const Cursor& k : cursors) {
      if (k.weights != nullptr) weight += k.weights[k.at - k.begin];
    }
    out.docids.push_back(target);
    out.weights.push_back(weight);
    ++lead.at;
  }
  return out;
}

}  // namespace

Xapian::BM25Weight ranking_weight() {
  return Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, kMinNormLength);
}

RankPostingsCache::Lengths RankPostingsCache::lengths(
    const Xapian::Database& db) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (lengths_) return lengths_;
  }
  auto lengths =
      std::make_shared<std::vector<Xapian::termcount>>(db.get_lastdocid() + 1);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    (*lengths)[*it] = it.get_doclength();
  std::lock_guard<std::mutex> lock(mutex_);
  if (!lengths_) lengths_ = std::move(lengths);
  return lengths_;
}

RankPostingsCache::Postings RankPostingsCache::postings(
    const Xapian::Database& db, const std::string& term) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto kept = terms_.find(term);
    if (kept != terms_.end()) return kept->second;
  }
  const Lengths lengths = this->lengths(db);
  const Xapian::doccount freq = db.get_termfreq(term);
  const double weight = term_weight(db.get_doccount(), freq);
  const double avlength = db.get_avlength();
  const double len_factor = avlength != 0 ? 1 / avlength : 0;
  auto out = std::make_shared<RankedPostings>();
  out->docids.reserve(freq);
  out->weights.reserve(freq);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    out->docids.push_back(*it);
    out->weights.push_back(
        term_part(weight, len_factor, it.get_wdf(), (*lengths)[*it]));
  }
  if (freq < kept_from_) return out;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto kept = terms_.find(term);
  if (kept != terms_.end()) return kept->second;
  if (held_ + freq > kMaxPostings) return out;
  held_ += freq;
  terms_.emplace(term, out);
  return out;
}

std::optional<RankCandidates> rank_candidates(const Xapian::Database& db,
                                              const Xapian::Query& q,
                                              Xapian::doccount k,
                                              RankPostingsCache& cache,
                                              Xapian::doccount min_freq) {
  if (q.empty() || k == 0) return std::nullopt;
  // Queries of rarer words only are cheap for Xapian: nothing read here.
  bool common = false;
  for (auto t = q.get_unique_terms_begin();
       !common && t != q.get_unique_terms_end(); ++t)
    common = db.get_termfreq(*t) >= min_freq;
  if (!common) return std::nullopt;
  RankContext c{db, cache, min_freq, {}, false};
  std::optional<Scored> all;
  Conjunction parts;
  if (conjunction_of(c, q, true, parts)) {
    all = scored_conjunction(parts);
  } else {
    c.terms.clear();
    c.common = false;
    all = scored_of(c, q);
  }
  if (!all || !c.common || all->docids.size() <= k) return std::nullopt;
  std::vector<double> best = all->weights;
  std::nth_element(best.begin(), best.begin() + (k - 1), best.end(),
                   std::greater<double>());
  const double floor =
      best[k - 1] - kWeightMargin * std::max(1.0, std::abs(best[k - 1]));
  RankCandidates out;
  for (size_t i = 0; i < all->docids.size(); ++i) {
    if (all->weights[i] < floor) continue;
    out.docids.push_back(all->docids[i]);
    out.weights.push_back(all->weights[i]);
  }
  return out;
}

Xapian::MSet ranked_page(Xapian::Enquire& e, const Xapian::Database& db,
                         const Xapian::Query& q, Xapian::doccount first,
                         Xapian::doccount count, RankPostingsCache& cache,
                         Xapian::doccount min_freq) {
  const std::optional<RankCandidates> candidates =
      rank_candidates(db, q, first + count, cache, min_freq);
  if (candidates) {
    e.set_query(Q(Q::OP_FILTER, q, docid_list_query(candidates->docids)));
    Xapian::MSet page = e.get_mset(first, count);
    bool same = true;
    for (auto it = page.begin(); same && it != page.end(); ++it) {
      const auto at = std::lower_bound(candidates->docids.begin(),
                                       candidates->docids.end(), *it);
      const double mine =
          candidates
              ->weights[static_cast<size_t>(at - candidates->docids.begin())];
      same = std::abs(mine - it.get_weight()) <=
             kWeightMargin / 4 * std::max(1.0, std::abs(mine));
    }
    if (same) return page;
  }
  e.set_query(q);
  return e.get_mset(first, count);
}

}  // namespace kb
