// English words in queries (english_query.h).
#include "search-server/english_query.h"

#include <string>

#include "core/english_terms.h"

namespace kb {

using Q = Xapian::Query;

Q with_english_stem(const Q& word, const Token& t, const Xapian::Database& db) {
  const std::string stem = english_stem_term(t);
  if (stem.empty() || db.get_collection_freq(stem) == 0) return word;
  return Q(Q::OP_OR, word, Q(Q::OP_SCALE_WEIGHT, Q(stem), kStemWeight));
}

}  // namespace kb
