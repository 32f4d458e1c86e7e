// The common Vietnamese syllables (core/data/common_syllables.txt, made by
// tools/make_syllable_list from the legal codification): a word made of them
// reads as Vietnamese, which is how legacy-encoding detection scores a line.
#ifndef VNKB_CORE_COMMON_SYLLABLES_H_
#define VNKB_CORE_COMMON_SYLLABLES_H_

#include <string_view>

namespace kb {

// True when `canonical` (a canonical_word) is in the list.
bool is_common_syllable(std::u32string_view canonical);

}  // namespace kb

#endif  // VNKB_CORE_COMMON_SYLLABLES_H_
