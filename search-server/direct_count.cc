// Counting passes without Xapian's matcher (direct_count.h).
#include "search-server/direct_count.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "search-server/direct_rank.h"
#include "search-server/search_filters.h"

namespace kb {
namespace {
struct CountSource {
  const Xapian::Database& db;
  RankPostingsCache* cache;  // may be null
};

using Q = Xapian::Query;
using Docids = std::vector<Xapian::docid>;

// Below this many candidates per posting of a term, an AND moves the term's
// posting list to each candidate instead of reading it whole.
constexpr Xapian::doccount kSkipRatio = 16;

Docids read_postings(const CountSource& src, const std::string& term) {
  if (src.cache != nullptr && !term.empty() &&
      src.db.get_termfreq(term) >= src.cache->kept_from())
    return src.cache->postings(src.db, term)->docids;
  Docids out;
  out.reserve(term.empty() ? src.db.get_doccount() : src.db.get_termfreq(term));
  for (auto it = src.db.postlist_begin(term); it != src.db.postlist_end(term);
       ++it)
    out.push_back(*it);
  return out;
}

Docids intersect(const Docids& a, const Docids& b) {
  Docids out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(out));
  return out;
}

// `docs` narrowed to those holding `term`, moving its posting list.
Docids keep_holding(const CountSource& src, const Docids& docs,
                    const std::string& term) {
  Docids out;
  Xapian::PostingIterator it = src.db.postlist_begin(term);
  const Xapian::PostingIterator end = src.db.postlist_end(term);
  for (Xapian::docid d : docs) {
    it.skip_to(d);
    if (it == end) break;
    if (*it == d) out.push_back(d);
  }
  return out;
}

std::optional<Docids> matches_of(const CountSource& src, const Q& q);

std::optional<Docids> intersection_of(const CountSource& src, const Q& q) {
  // Subqueries other than terms first; then terms, rarest first.
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  std::optional<Docids> docs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Q sub = q.get_subquery(i);
    if (sub.get_type() == Q::LEAF_TERM) {
      const std::string term = *sub.get_terms_begin();
      terms.emplace_back(src.db.get_termfreq(term), term);
      continue;
    }
    std::optional<Docids> part = matches_of(src, sub);
    if (!part) return std::nullopt;
    docs = docs ? intersect(*docs, *part) : std::move(*part);
  }
  std::sort(terms.begin(), terms.end());
  for (const auto& [freq, term] : terms) {
    if (!docs) {
      docs = read_postings(src, term);
    } else if (docs->empty()) {
      break;
    } else if (docs->size() * kSkipRatio < freq) {
      docs = keep_holding(src, *docs, term);
    } else {
      docs = intersect(*docs, read_postings(src, term));
    }
  }
  return docs;
}

std::optional<Docids> union_of(const CountSource& src, const Q& q) {
  Docids docs;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
    std::optional<Docids> part = matches_of(src, q.get_subquery(i));
    if (!part) return std::nullopt;
    Docids merged;
    merged.reserve(docs.size() + part->size());
    std::set_union(docs.begin(), docs.end(), part->begin(), part->end(),
                   std::back_inserter(merged));
    docs = std::move(merged);
  }
  return docs;
}

std::optional<Docids> matches_of(const CountSource& src, const Q& q) {
  switch (q.get_type()) {
    case Q::LEAF_TERM:
      return read_postings(src, *q.get_terms_begin());
    case Q::LEAF_MATCH_ALL:
      return read_postings(src, std::string());
    case Q::LEAF_MATCH_NOTHING:
      return Docids();
    case Q::LEAF_POSTING_SOURCE: {
      const Docids* list = docid_list_of(q);
      if (list == nullptr) return std::nullopt;
      return *list;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
      return intersection_of(src, q);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
      return union_of(src, q);
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
      return matches_of(src, q.get_subquery(0));
    case Q::OP_AND_NOT: {
      std::optional<Docids> docs = matches_of(src, q.get_subquery(0));
      for (size_t i = 1; docs && i < q.get_num_subqueries(); ++i) {
        const std::optional<Docids> less = matches_of(src, q.get_subquery(i));
        if (!less) return std::nullopt;
        Docids kept;
        std::set_difference(docs->begin(), docs->end(), less->begin(),
                            less->end(), std::back_inserter(kept));
        docs = std::move(kept);
      }
      return docs;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::vector<Xapian::docid>> direct_matches(
    const Xapian::Database& db, const Xapian::Query& q,
    RankPostingsCache* cache) {
  if (q.empty()) return std::nullopt;
  return matches_of(CountSource{db, cache}, q);
}

}  // namespace kb
