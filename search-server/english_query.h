// English in the query language (query_builder.h): each word typed without
// diacritics also asks its English stem (core/english_terms.h), weighted
// below the word itself, so "negotiations" finds "negotiation" and ranks the
// documents holding "negotiations" first; and a query that names only
// topics, in one language, also reaches the documents of the other language
// that speak of those topics, below the documents in its own language.
#ifndef VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_
#define VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/analyzer.h"
#include "core/taxonomy.h"

namespace kb {

// The stem's share of a word's weight. A document holding only another
// form of the word scores at most this share of one holding the form typed.
inline constexpr double kStemWeight = 0.5;
// The weight of a topic in the other language's documents: below any
// document that holds the words typed (a term scores at most about 2.2
// times its idf; the words of a matching document score more than a tenth
// of that).
inline constexpr double kCrossLanguageWeight = 0.1;

// `word` (the query of token `t` as typed) or, for an English word whose
// stem weighs somewhere in `db` (an English page holds a form of it), `word`
// OR its stem at kStemWeight. Where no English page has it the query stays
// as it was, term for term: a Vietnamese collection ranks exactly as
// before (sums of weights in another order could swap ties).
Xapian::Query with_english_stem(const Xapian::Query& word, const Token& t,
                                const Xapian::Database& db);

// For a query whose words all name topics of the taxonomy, by name or
// keyword (a Vietnamese "biến đổi khí hậu", an English "plastic pollution"):
// the documents not in the query's language that mention those topics (XENT,
// any of their keywords in any language), at kCrossLanguageWeight. An empty
// query otherwise (other words, numbers, names of other entities: those already
// match under all their names).
Xapian::Query cross_language_query(std::string_view text,
                                   const Taxonomy& taxonomy);

// "en" when the words of `analysis` from `first` (count `n`) are a form of
// `entry` (a name or keyword) without diacritics and not an acronym, else
// "vi".
std::string mention_language(const Analysis& analysis, size_t first, size_t n,
                             const TaxonomyEntry& entry);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_ENGLISH_QUERY_H_
