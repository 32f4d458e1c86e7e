// Quoted speech and its speaker: "“Đề nghị các cơ sở ... gian dối” - ông
// Châu nói.", "“... . ...”, bà X cho biết.", "Ông Hồng nói: “...”". The
// sentences inside the quotation marks are the speaker's: a cue opening one
// of them without a subject ("Đề nghị ...", "Cần ...") is the speaker's
// stance, and "tôi", "chúng tôi" inside them is the speaker.
#ifndef VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_
#define VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// A quotation of a page and the name of its speaker.
struct NamedQuotation {
  size_t begin = 0, end = 0;  // bytes, the marks included
  size_t speaker = 0;         // an index into the names
};

// The quotations of `text` (each within one line; a quotation inside
// another is part of it) whose speaker is named: right after the closing
// mark by a name followed by a speech verb ("”, ông Hoàng nói", "” - Thủ
// tướng Canada Justin Trudeau phát biểu", "- lời ông Duyệt", "CNN dẫn lời
// ông Putin"), else before the opening mark by the first name of its
// sentence followed by a speech verb and a colon ("Ông Hồng nói: “...”").
// `names` are the names found so far (processes are never speakers), as
// PageMentions keeps them; in text order.
std::vector<NamedQuotation> named_quotations(
    const std::string& text, const std::vector<Unit>& units,
    const std::vector<NameFound>& names, const std::vector<int>& unit_name);

// Bytes [begin, end) of the page inside a pair of quotation marks, and the
// actors named as speaking right after the closing mark.
struct QuotedSpeech {
  size_t begin = 0, end = 0;
  std::vector<std::string> speaker;
};

// The quotations of the page whose speaker is named (named_quotations), in
// text order: found once per page, not per line, since each search reads the
// whole page.
std::vector<QuotedSpeech> quoted_speech(const PageMentions& page);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_
