// Negotiation positions in English text, as the Earth Negotiations Bulletin
// reports them ("the EU, supported by NORWAY, proposed ...", "He urged ...").
//
// How a position is read (precision before recall):
//   - Sentences are split on . ! ? before a capital, within a line; the
//     quote is the whole sentence. A heading ("# ...") ends the paragraph
//     state.
//   - The actor is the whole subject before a cue verb: a name in capitals
//     (VIET NAM, G-77/CHINA), a name the taxonomy knows (Japan, the Russian
//     Federation), a person's name ("Ana Reyes"), or a list of them joined by
//     "," and "and" (each takes the stance). An apposition after a name
//     ("Ana Reyes, Chile,") is skipped; "X, on behalf of Y," gives Y;
//     "X, supported by Y, proposed" gives X and Y; "opposed by Z" gives Z
//     the opposite stance. "He", "She", "They" are the last subject, or
//     no one after an unnamed speaker ("One participant said ..."). A
//     leading adverbial ("On the mechanisms, ") is skipped.
//   - Cues: verbs with a stance (urged, called for, proposed, supported,
//     opposed, expressed concern, committed, ...), negated ("did not
//     support" opposes; other cues after "not" give nothing); and speech
//     verbs (said, stressed, highlighted, ...) whose clause gives the
//     stance ("the need for", "should", "should not", "the importance of",
//     "concern", "its commitment"; english_speech.h says when it does
//     not). Chairs and facilitators lead
//     ("facilitated by X and Y", "X chaired").
//   - The meeting and day are the report's: its first heading's date ("3
//     MARCH 2003"; a range of days, a summary, dates a sentence only to the
//     month) and forum ("COP-7"; else the session the title names, "EXP-9";
//     else the title's meeting). A heading naming no day takes the month
//     of the meeting the title names ("Bonn Climate Change Conference - May
//     2012"): LABELS.md dates a position by its statement, else its
//     meeting, else the dateline, and "On Tuesday" is no date. A sentence
//     naming a weekday and date ("on Friday evening, 3 March") moves the
//     day on.
#ifndef VNKB_INDEXER_POSITIONS_ENGLISH_POSITIONS_H_
#define VNKB_INDEXER_POSITIONS_ENGLISH_POSITIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/taxonomy.h"
#include "indexer/positions/english_report.h"
#include "indexer/positions/extractor.h"

namespace kb {

// The positions of an English document (pages as extract_file gives them),
// in page and text order. REQUIRES: the text is English (ctx.language).
std::vector<ExtractedPosition> extract_english_positions(
    const std::vector<std::string>& pages, const PositionContext& ctx,
    const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_ENGLISH_POSITIONS_H_
