// Court precedents' own line and subject (see precedent.h).
#include "indexer/metadata/precedent.h"

#include <algorithm>

#include "core/doc_number.h"
#include "core/utf8.h"
#include "indexer/metadata/title.h"

namespace kb::metadata {

std::optional<Precedent> read_precedent(const std::vector<Line>& lines,
                                        const std::vector<AgencyForm>& forms) {
  constexpr int kTopLines = 8;
  constexpr int kSubjectLines = 4;
  int seen = 0;
  for (size_t at = 0; at < lines.size() && seen < kTopLines; ++at) {
    const Line& l = lines[at];
    if (l.blank()) continue;
    ++seen;
    const size_t e = match_phrase(l.folded, 0, U"an le so");
    if (e == std::u32string_view::npos) continue;
    size_t b = skip_blanks(l.text, e);
    if (b < l.text.size() && l.text[b] == U':') b = skip_blanks(l.text, b + 1);
    size_t end = b;
    while (end < l.text.size() && !is_blank_char(l.text[end])) ++end;
    std::u32string token = l.text.substr(b, end - b);
    // "34/2020/AL1": the footnote mark touches the code.
    const size_t code = token.rfind(U"/AL");
    if (code != std::u32string::npos && code + 3 < token.size() &&
        std::all_of(token.begin() + static_cast<long>(code) + 3, token.end(),
                    is_digit)) {
      token.resize(code + 3);
    }
    const std::optional<DocNumber> n = parse_doc_number(u32_to_utf8(token));
    if (!n || n->type_code() != "AL") continue;
    Precedent p;
    p.line = at;
    p.number = n->display();
    std::u32string subject(trimmed(std::u32string_view(l.text).substr(end)));
    int taken = 0;
    for (size_t i = at + 1; i < lines.size() && taken < kSubjectLines; ++i) {
      const Line& next = lines[i];
      if (next.blank()) continue;
      ++taken;
      if (starts_with_phrase(next, U"duoc") ||
          starts_with_phrase(next, U"nguon an le")) {
        break;
      }
      if (!subject.empty()) subject += U' ';
      subject += next.text;
    }
    p.subject = u32_to_utf8(sentence_case(subject, forms));
    return p;
  }
  return std::nullopt;
}

}  // namespace kb::metadata
