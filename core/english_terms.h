// The English tier: Xapian's English (Porter 2) stemmer over the words of
// English text, under schema::kStemPrefix, so "negotiation", "negotiations"
// and "negotiating" meet. The exact and folded tiers stay as they are; a
// query asks the stem beside the word, weighted lower, so the exact form
// ranks first (search-server/english_query.h).
#ifndef VNKB_CORE_ENGLISH_TERMS_H_
#define VNKB_CORE_ENGLISH_TERMS_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "core/analyzer.h"

namespace kb {

// The stem term (prefixed) of a token's folded form when it is an English
// word: ASCII letters only, at least two. Empty otherwise (numbers,
// document numbers, Vietnamese syllables with marks).
std::string english_stem_term(const Token& token);
std::string english_stem_term(std::string_view folded_word);

// Adds the stem terms of the English words of `analysis` to `doc`, each
// occurrence counting `wdf_inc`. With wdf_inc 0 the terms only match (no
// weight, no change to the document's length): what a Vietnamese page gets
// for the English words it quotes.
void add_english_terms(Xapian::Document& doc, const Analysis& analysis,
                       Xapian::termcount wdf_inc);

}  // namespace kb

#endif  // VNKB_CORE_ENGLISH_TERMS_H_
