// Quoted speech and its speaker (quoted_speech.h).
#include "indexer/positions/quoted_speech.h"

#include <algorithm>
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

// The speech verbs that name a quotation's speaker, as analysed words.
const std::vector<std::vector<std::string>>& quotation_speech_verbs() {
  static const std::vector<std::vector<std::string>> kVerbs = {
      {"nói"},           {"cho", "biết"},
      {"cho", "hay"},    {"nhấn", "mạnh"},
      {"khẳng", "định"}, {"chia", "sẻ"},
      {"nêu", "rõ"},     {"phát", "biểu"},
      {"tuyên", "bố"},   {"bày", "tỏ"},
      {"giải", "thích"}, {"thừa", "nhận"},
      {"cho", "rằng"},   {"nhận", "định"},
      {"lưu", "ý"},      {"đặt", "vấn", "đề"}};
  return kVerbs;
}

// The units of one page and its names, for the quotation finder.
class QuotationFinder {
 public:
  QuotationFinder(const std::string& text, const std::vector<Unit>& units,
                  const std::vector<NameFound>& names,
                  const std::vector<int>& unit_name)
      : text_(text), units_(units), names_(names), unit_name_(unit_name) {}

  std::vector<NamedQuotation> find() const {
    std::vector<NamedQuotation> out;
    size_t lb = 0;
    while (lb < text_.size()) {
      size_t le = text_.find('\n', lb);
      if (le == std::string::npos) le = text_.size();
      read_line(lb, le, out);
      lb = le + 1;
    }
    return out;
  }

 private:
  // The first unit that begins at or after `byte`.
  size_t unit_at(size_t byte) const {
    return std::lower_bound(
               units_.begin(), units_.end(), byte,
               [](const Unit& u, size_t b) { return u.begin < b; }) -
           units_.begin();
  }
  // The bytes between units u - 1 and u.
  std::string_view gap_before(size_t u) const {
    const size_t b = u == 0 ? 0 : units_[u - 1].end;
    const size_t e = u < units_.size() ? units_[u].begin : text_.size();
    return std::string_view(text_).substr(b, e > b ? e - b : 0);
  }
  // The actor named at unit u (not a process), or -1.
  int actor_at(size_t u) const {
    if (u >= units_.size() || unit_name_[u] < 0) return -1;
    return names_[unit_name_[u]].process ? -1 : unit_name_[u];
  }
  // The length in units of a speech verb at unit u, or 0.
  size_t speech_verb_at(size_t u) const {
    for (const std::vector<std::string>& v : quotation_speech_verbs()) {
      if (u + v.size() > units_.size()) continue;
      bool ok = true;
      for (size_t k = 0; k < v.size() && ok; ++k) {
        ok = units_[u + k].exact == v[k] && unit_name_[u + k] < 0 &&
             (k == 0 || gap_before(u + k) == " ");
      }
      if (ok) return v.size();
    }
    return 0;
  }
  // Whether a speech verb follows the name at `n` within its sentence, by
  // unit `limit` (an apposition may come between: "ông X, Trưởng thôn Y,
  // nói").
  bool speaks_after(size_t n, size_t limit) const {
    for (size_t u = names_[n].u1; u < limit && u < names_[n].u1 + 15; ++u) {
      const std::string_view gap = gap_before(u);
      if (gap.find_first_of(".!?:\"") != std::string_view::npos ||
          gap.find("\u201C") != std::string_view::npos ||
          gap.find("\u201D") != std::string_view::npos)
        return false;
      if (speech_verb_at(u) > 0) return true;
    }
    return false;
  }

  // The speaker named right after the closing mark ending at byte `end`.
  int speaker_after(size_t end, size_t le) const {
    const size_t u0 = unit_at(end);
    if (u0 >= units_.size() || units_[u0].begin >= le) return -1;
    const std::string_view gap =
        std::string_view(text_).substr(end, units_[u0].begin - end);
    if (gap.find_first_of(".!?:") != std::string_view::npos) return -1;
    const size_t limit = unit_at(le);
    for (size_t u = u0; u < limit && u < u0 + 4; ++u) {
      if (u > u0 &&
          gap_before(u).find_first_of(".!?:;") != std::string_view::npos)
        return -1;
      const int n = actor_at(u);
      if (n < 0) continue;
      // "- lời ông Duyệt", "CNN dẫn lời ông Putin": the one quoted.
      if (u > 0 && units_[u - 1].exact == "lời") return n;
      const size_t e = names_[n].u1;
      if (e + 2 < limit && units_[e].exact == "dẫn" &&
          units_[e + 1].exact == "lời" && actor_at(e + 2) >= 0)
        return actor_at(e + 2);
      return speaks_after(static_cast<size_t>(n), limit) ? n : -1;
    }
    return -1;
  }

  // The speaker named before the opening mark at byte `begin` and a colon:
  // the first name of that sentence followed by a speech verb.
  int speaker_before(size_t begin, size_t lb) const {
    const size_t after = unit_at(begin);
    if (after == 0) return -1;
    const size_t last = after - 1;  // the unit before the mark
    if (units_[last].begin < lb) return -1;
    const std::string_view gap = std::string_view(text_).substr(
        units_[last].end, begin - units_[last].end);
    if (gap.find(':') == std::string_view::npos) return -1;
    size_t first = last;
    while (first > 0 && units_[first - 1].begin >= lb &&
           gap_before(first).find_first_of(".!?:\"") ==
               std::string_view::npos &&
           gap_before(first).find("\u201D") == std::string_view::npos)
      --first;
    for (size_t u = first; u <= last; ++u) {
      const int n = actor_at(u);
      if (n < 0) continue;
      if (speaks_after(static_cast<size_t>(n), after)) return n;
      u = names_[n].u1 - 1;
    }
    return -1;
  }

  // The closing mark after byte j (inside a quotation), in [j, le): its
  // byte, and its length in `close` (0 when there is none).
  size_t next_close(size_t j, size_t le, size_t& close) const {
    const std::string_view t(text_);
    close = 0;
    for (; j < le; ++j) {
      close = mark_at(t, j, false);
      if (close > 0 && !opens_at(j, le)) return j;
      close = 0;
    }
    return le;
  }
  // Whether a mark at byte j opens a quotation (a straight one: after a
  // space and before a word).
  bool opens_at(size_t j, size_t le) const {
    const std::string_view t(text_);
    if (mark_at(t, j, true) == 0) return false;
    if (t[j] != '"') return true;
    return (j == 0 || t[j - 1] == ' ' || t[j - 1] == '(' || t[j - 1] == ':') &&
           j + 1 < le && t[j + 1] != ' ';
  }

  void read_line(size_t lb, size_t le, std::vector<NamedQuotation>& out) const {
    // A quotation inside another is a short phrase ("“Tôi nghĩ ... là “đi
    // đêm”! ...”"); a long one means the first was never closed.
    constexpr size_t kInnerQuotation = 80;  // bytes
    for (size_t i = lb; i < le; ++i) {
      if (!opens_at(i, le)) continue;
      size_t j = i + mark_at(text_, i, true), close = 0;
      size_t restart = le;
      while (j < le) {
        const size_t c = next_close(j, le, close);
        size_t o = j;
        while (o < c && !opens_at(o, le)) ++o;
        if (o == c) {
          j = c;
          break;
        }
        size_t inner_close = 0;
        const size_t ic =
            next_close(o + mark_at(text_, o, true), le, inner_close);
        if (inner_close == 0 || ic - o > kInnerQuotation) {
          restart = o;  // the quotation at i is not closed: start again at o
          break;
        }
        j = ic + inner_close;
      }
      if (restart < le) {
        i = restart - 1;
        continue;
      }
      if (close == 0) return;  // unclosed: the rest of the line is unsure
      NamedQuotation q;
      q.begin = i;
      q.end = j + close;
      int speaker = speaker_after(q.end, le);
      if (speaker < 0) speaker = speaker_before(i, lb);
      if (speaker >= 0) {
        q.speaker = static_cast<size_t>(speaker);
        out.push_back(q);
      }
      i = q.end - 1;
    }
  }

  const std::string& text_;
  const std::vector<Unit>& units_;
  const std::vector<NameFound>& names_;
  const std::vector<int>& unit_name_;
};

}  // namespace

std::vector<NamedQuotation> named_quotations(
    const std::string& text, const std::vector<Unit>& units,
    const std::vector<NameFound>& names, const std::vector<int>& unit_name) {
  return QuotationFinder(text, units, names, unit_name).find();
}

std::vector<QuotedSpeech> quoted_speech(const PageMentions& page) {
  std::vector<QuotedSpeech> out;
  for (const NamedQuotation& n : named_quotations(
           page.text(), page.units(), page.names(), page.unit_names())) {
    const NameFound& name = page.names()[n.speaker];
    QuotedSpeech q;
    q.begin = n.begin;
    q.end = n.end;
    const int g = page.group_at(name.u0);
    if (g >= 0) q.speaker = page.group_ids(page.groups()[g]);
    if (q.speaker.empty()) q.speaker = {name.entry->id};
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace kb
