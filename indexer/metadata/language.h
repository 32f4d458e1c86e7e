// The language of a document's text: Vietnamese or English.
#ifndef VNKB_INDEXER_METADATA_LANGUAGE_H_
#define VNKB_INDEXER_METADATA_LANGUAGE_H_

#include <string>
#include <string_view>

namespace kb::metadata {

// "vi" when at least 4 words in 10 of the first 20,000 code points carry a
// diacritic, else "en"; empty when the text has no words.
std::string language_of(std::u32string_view text);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_LANGUAGE_H_
