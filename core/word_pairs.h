// Which word pairs the index holds as XPAIR terms (core/schema.h, schema 8
// on): only pairs of two frequent folded words (core/data/pair_words.txt,
// made by tools/make_pair_words from the codification), where counting
// the phrase over positions would be slow: tens of milliseconds over the
// 67k codification articles, against a few for a pair with a rarer word
// (docs/bench/index.md). Readers count any other pair over positions.
// Changing the list changes what is indexed: bump schema::kSchemaVersion.
#ifndef VNKB_CORE_WORD_PAIRS_H_
#define VNKB_CORE_WORD_PAIRS_H_

#include <string_view>

namespace kb {

// True when `folded` (a token's folded form) is in the list.
bool is_pair_word(std::string_view folded);

// True when the index holds the XPAIR term of these two folded words.
bool pair_indexed(std::string_view first_folded,
                  std::string_view second_folded);

}  // namespace kb

#endif  // VNKB_CORE_WORD_PAIRS_H_
