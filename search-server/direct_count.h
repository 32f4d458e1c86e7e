// Counting passes without Xapian's matcher: the documents a count query
// matches, read from the posting lists and merged here.
#ifndef VNKB_SEARCH_SERVER_DIRECT_COUNT_H_
#define VNKB_SEARCH_SERVER_DIRECT_COUNT_H_

#include <xapian.h>

#include <optional>
#include <vector>

namespace kb {

class RankPostingsCache;  // direct_rank.h

// The documents matching `q` in `db` (ascending), when `q` is made of terms,
// MatchAll, MatchNothing, docid lists (search_filters.h docid_list_query)
// and AND, FILTER, OR, SYNONYM, MAX, AND_NOT, AND_MAYBE and SCALE_WEIGHT
// over them; nullopt for anything else (phrases, value ranges, other
// posting sources), which Xapian's matcher has to count.
//
// Why: a counting pass over every match of common words ("hieu luc thi
// hanh": 44k articles) cost 800 instructions a match in Xapian's matcher
// (weights, a Document and a match spy call per match); merging the posting
// lists costs a tenth of that (docs/bench/server.md). With `cache` (the
// revision's), the commonest terms' documents come from it, decoded once.
std::optional<std::vector<Xapian::docid>> direct_matches(
    const Xapian::Database& db, const Xapian::Query& q,
    RankPostingsCache* cache = nullptr);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_DIRECT_COUNT_H_
