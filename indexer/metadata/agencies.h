// The agencies of the taxonomy as word sequences, and finding them in the
// words of a letterhead or a title.
#ifndef VNKB_INDEXER_METADATA_AGENCIES_H_
#define VNKB_INDEXER_METADATA_AGENCIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.h"

namespace kb::metadata {

// A word of a letterhead or a title, folded.
struct Word {
  std::u32string folded;
  bool dash_before = false;  // a '-' separates it from the previous word
  bool upper = true;         // written in capitals (when `text` was given)
};

// The words of `folded`; `text`, when given, is the same span unfolded.
std::vector<Word> words_of(std::u32string_view folded,
                           std::u32string_view text = {});

// One name (or alias) of an agency.
struct AgencyForm {
  std::vector<std::u32string> words;  // folded
  std::vector<std::u32string> cased;  // as written in the taxonomy
  const TaxonomyEntry* entry = nullptr;
};

// Every name and alias of the agencies (kind "agency") of `taxonomy`,
// longest first, so "Thủ tướng Chính phủ" wins over "Chính phủ". The forms
// point into `taxonomy`'s entries, which must outlive them.
std::vector<AgencyForm> agency_forms(const Taxonomy& taxonomy);

// An agency found in a sequence of words.
struct AgencyMatch {
  const TaxonomyEntry* entry = nullptr;
  bool dash_before = false;  // a '-' before it: a joint issuer
};

// The agencies named in `words`, left to right, longest name first at each
// position; other words (sub-units, stray text) are skipped. `forms` as
// agency_forms returns them.
std::vector<AgencyMatch> find_agencies(const std::vector<Word>& words,
                                       const std::vector<AgencyForm>& forms);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_AGENCIES_H_
