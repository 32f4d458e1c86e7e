// Quoted speech and its speaker (quoted_speech.h).
#include "indexer/positions/quoted_speech.h"

#include <string_view>

namespace kb {
namespace {

// The length of an opening (“ " «) or closing (” " ») mark at byte i.
size_t mark_at(std::string_view t, size_t i, bool opening) {
  if (t[i] == '"') return 1;
  const std::string_view mark = opening ? "\u201C" : "\u201D";
  const std::string_view guillemet = opening ? "\u00AB" : "\u00BB";
  if (t.substr(i, mark.size()) == mark) return mark.size();
  if (t.substr(i, guillemet.size()) == guillemet) return guillemet.size();
  return 0;
}

// Whether units [u, u + 2) hold a speech verb.
bool speech_verb_at(const PageMentions& page, size_t u) {
  const std::string& a = page.word(u);
  if (a == "nói") return true;
  if (u + 1 >= page.size()) return false;
  const std::string& b = page.word(u + 1);
  return (a == "cho" && b == "biết") || (a == "nhấn" && b == "mạnh") ||
         (a == "khẳng" && b == "định") || (a == "chia" && b == "sẻ") ||
         (a == "nêu" && b == "rõ");
}

}  // namespace

std::vector<QuotedSpeech> quoted_speech(const PageMentions& page, size_t lb,
                                        size_t le) {
  std::vector<QuotedSpeech> out;
  const std::string_view t(page.text());
  for (size_t i = lb; i < le; ++i) {
    const size_t open = mark_at(t, i, true);
    if (open == 0 || (i > lb && t[i - 1] != ' ')) continue;
    size_t j = i + open;
    size_t close = 0;
    while (j < le && (close = mark_at(t, j, false)) == 0) ++j;
    if (j >= le) break;
    QuotedSpeech q;
    q.begin = i;
    q.end = j + close;
    // "” - ông Châu nói", "”, bà X cho biết": the speaker within 6 words.
    const size_t u0 = page.first_unit_at_or_after(q.end);
    for (size_t u = u0; u < page.size() && u < u0 + 6; ++u) {
      if (page.unit(u).begin >= le) break;
      const int g = page.group_at(u);
      if (g < 0) continue;
      const ActorGroup& group = page.groups()[g];
      if (group.u1 < page.size() && page.unit(group.u1).begin < le &&
          speech_verb_at(page, group.u1))
        q.speaker = page.group_ids(group);
      break;
    }
    i = q.end - 1;
    if (!q.speaker.empty()) out.push_back(std::move(q));
  }
  return out;
}

}  // namespace kb
