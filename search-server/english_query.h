// English in the query language (query_builder.h): each word typed without
// diacritics also asks its English stem (core/english_terms.h), weighted
// below the word itself, so "negotiations" finds "negotiation" and ranks the
// documents holding "negotiations" first. Topics across languages:
// search-server/cross_language.h.
#ifndef VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_
#define VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_

#include <xapian.h>

#include <string>

#include "core/analyzer.h"

namespace kb {

// The stem's share of a word's weight. A document holding only another
// form of the word scores at most this share of one holding the form typed.
inline constexpr double kStemWeight = 0.5;

// `word` (the query of token `t` as typed) or, for an English word whose
// stem weighs somewhere in `db` (an English page holds a form of it), `word`
// OR its stem at kStemWeight. Where no English page has it the query stays
// as it was, term for term: a Vietnamese collection ranks exactly as
// before (sums of weights in another order could swap ties).
Xapian::Query with_english_stem(const Xapian::Query& word, const Token& t,
                                const Xapian::Database& db);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_
