// Quoted speech and its speaker: "“Đề nghị các cơ sở ... gian dối” - ông
// Châu nói.", "“... . ...”, bà X cho biết.". The sentences inside the
// quotation marks are the speaker's: a cue opening one of them without a
// subject ("Đề nghị ...", "Cần ...") is the speaker's stance.
#ifndef VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_
#define VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/positions/mentions.h"

namespace kb {

// Bytes [begin, end) of the page inside a pair of quotation marks, and the
// actors named as speaking right after the closing mark.
struct QuotedSpeech {
  size_t begin = 0, end = 0;
  std::vector<std::string> speaker;
};

// The quotations of bytes [lb, le) (one line) whose speaker is named right
// after them: an actor followed by a speech verb ("nói", "cho biết",
// "nhấn mạnh", "khẳng định", "chia sẻ", "nêu rõ") within the next words.
std::vector<QuotedSpeech> quoted_speech(const PageMentions& page, size_t lb,
                                        size_t le);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_QUOTED_SPEECH_H_
