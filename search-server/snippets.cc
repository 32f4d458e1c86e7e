// Snippets: the passage with the most query terms, read back from its page.
#include "search-server/snippets.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "core/analyzer.h"
#include "core/document_terms.h"

namespace kb {
namespace {

constexpr size_t kSnippetWindow = 24;  // positions
constexpr size_t kSnippetContext = 10;

// Each whitespace run (Poppler's layout spaces, line breaks) as one space.
std::string squeeze_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

bool term_matches(const std::string& term, const Token& t) {
  return term == t.exact ||
         (term.size() == t.folded.size() + schema::kFoldedPrefix.size() &&
          term.compare(0, schema::kFoldedPrefix.size(),
                       schema::kFoldedPrefix) == 0 &&
          term.compare(schema::kFoldedPrefix.size(), std::string::npos,
                       t.folded) == 0);
}

// The most words of a phrase to mark (1 without phrases).
size_t longest_marked_phrase(const Highlight& marks) {
  size_t longest = 1;
  for (const std::vector<std::string>& p : marks.phrases)
    longest = std::max(longest, p.size());
  return longest;
}

// Which tokens to mark: a term's anywhere, a phrase's words only where they
// stand at consecutive positions. Only tokens [from, to) are decided (those
// after `to` may be marked by a phrase that begins before it).
std::vector<bool> marked_tokens(const std::vector<Token>& tokens,
                                const Highlight& marks, size_t from = 0,
                                size_t to = SIZE_MAX) {
  std::vector<bool> marked(tokens.size(), false);
  const size_t longest = longest_marked_phrase(marks);
  // A phrase that ends at `from` or later may begin before it.
  from = from >= longest - 1 ? from - (longest - 1) : 0;
  to = std::min(to, tokens.size());
  for (size_t i = from; i < to; ++i) {
    const Token& t = tokens[i];
    if (marks.terms.count(t.exact) ||
        marks.terms.count(schema::folded_term(t.folded)))
      marked[i] = true;
    for (const std::vector<std::string>& p : marks.phrases) {
      if (p.empty() || i + p.size() > tokens.size()) continue;
      bool all = true;
      for (size_t k = 0; k < p.size() && all; ++k) {
        all = tokens[i + k].position == t.position + k &&
              term_matches(p[k], tokens[i + k]);
      }
      if (all)
        for (size_t k = 0; k < p.size(); ++k) marked[i + k] = true;
    }
  }
  return marked;
}

// Whether `s` (a page's text from an anchor at `anchor_position`,
// analysed) holds the tokens whose positions fall in [from, window_end] as
// the whole text reads them, with the one after them and the `longest` - 1
// after them that a phrase may mark: then [*first, *last] are those tokens
// (*first = their count when none falls there).
bool snippet_window_within(const SnippetAnalysis& s, uint32_t anchor_position,
                           uint32_t from, uint32_t window_end, size_t longest,
                           size_t* first, size_t* last) {
  const std::vector<Token>& tokens = s.analysis.tokens;
  if (!s.whole) {
    bool beyond = false;  // every token from `complete` on is past the window
    for (size_t i = s.complete; i < tokens.size(); ++i) {
      beyond = anchor_position + tokens[i].position > window_end;
      if (!beyond) break;
    }
    bool past = false;  // a whole-line token is past the window
    for (size_t i = 0; i < s.complete && !past; ++i)
      past = anchor_position + tokens[i].position > window_end;
    if (!past || !(beyond || s.complete == tokens.size())) return false;
  }
  *first = tokens.size();
  *last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint32_t p = anchor_position + tokens[i].position;
    if (p >= from && p <= window_end) {
      *first = std::min(*first, i);
      *last = i;
    }
  }
  if (s.whole) return true;
  const size_t needed =
      (*first == tokens.size() ? 0 : *last) + std::max<size_t>(1, longest - 1);
  return needed < s.complete;
}

// The analysis of `text` (a page from an anchor at `anchor_position`) that
// holds the window [from, window_end] (snippet_window_within): only as much
// text is analysed as holds it, in whole lines (analysis restarted at a
// line start sees the same tokens, which the snippet anchors rely on too):
// a prefix twice as long each time it falls short, the whole text at
// worst. A whole page took most of the snippets' time (15 % of a search's
// instructions).
SnippetTextCache::Text analyze_snippet_window(
    std::string_view text, uint32_t anchor_position, uint32_t from,
    uint32_t window_end, size_t longest, size_t* first, size_t* last) {
  // About 6 bytes a token in Vietnamese; generous, so one pass is the rule.
  size_t budget =
      16 * (static_cast<size_t>(window_end - anchor_position) + longest + 16);
  while (budget < text.size()) {
    const size_t cut = text.find('\n', budget);
    if (cut == std::string_view::npos) break;
    auto s = std::make_shared<SnippetAnalysis>();
    s->analysis = analyze(text.substr(0, cut));
    // Tokens of the prefix's last line may read otherwise in the whole text
    // (a number or word cut short): only those before it count.
    const Analysis& a = s->analysis;
    const size_t line = a.text.rfind('\n');
    const size_t whole_lines = line == std::string::npos ? 0 : line + 1;
    while (s->complete < a.tokens.size() &&
           a.tokens[s->complete].end <= whole_lines)
      ++s->complete;
    if (snippet_window_within(*s, anchor_position, from, window_end, longest,
                              first, last))
      return s;
    budget *= 2;
  }
  auto s = std::make_shared<SnippetAnalysis>();
  s->analysis = analyze(text);
  s->complete = s->analysis.tokens.size();
  s->whole = true;
  snippet_window_within(*s, anchor_position, from, window_end, longest, first,
                        last);
  return s;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Snippet make_snippet(Xapian::Database& db, const Catalog& catalog,
                     Xapian::docid docid, const schema::DocumentData& data,
                     const Highlight& marks, SnippetTextCache* texts) {
  // The entities' names share words ("nhựa" in a dozen keywords): each
  // term's positions are read once.
  std::map<std::string, std::vector<Xapian::termpos>> read;
  auto positions_of = [&](const std::string& term) {
    const auto known = read.find(term);
    if (known != read.end()) return known->second;
    std::vector<Xapian::termpos>& out = read[term];
    const auto spelled = marks.spellings.find(term);
    const std::vector<std::string> own = {term};
    const std::vector<std::string>& holders =
        spelled != marks.spellings.end() ? spelled->second : own;
    for (const std::string& t : holders) {
      try {
        for (auto p = db.positionlist_begin(docid, t);
             p != db.positionlist_end(docid, t) && out.size() < 4000; ++p) {
          out.push_back(*p);
        }
      } catch (const Xapian::Error&) {
      }
    }
    if (holders.size() > 1) std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::pair<Xapian::termpos, int>>
      positions;  // position, term index
  int index = 0;
  for (const std::string& t : marks.terms) {
    for (Xapian::termpos p : positions_of(t)) positions.emplace_back(p, index);
    ++index;
  }
  // A phrase counts where its words stand side by side.
  for (const std::vector<std::string>& phrase : marks.phrases) {
    std::vector<std::vector<Xapian::termpos>> lists;
    for (const std::string& t : phrase) {
      lists.push_back(positions_of(t));
      if (lists.back().empty()) break;  // the phrase is not there
    }
    if (lists.size() < phrase.size() || lists.empty()) {
      ++index;
      continue;
    }
    for (Xapian::termpos p : lists[0]) {
      bool all = true;
      for (size_t k = 1; k < lists.size() && all; ++k) {
        all = std::binary_search(lists[k].begin(), lists[k].end(),
                                 p + static_cast<Xapian::termpos>(k));
      }
      if (all) positions.emplace_back(p, index);
    }
    ++index;
  }
  std::sort(positions.begin(), positions.end());
  Xapian::termpos best = 0;
  size_t best_score = 0;
  size_t lo = 0;
  std::map<int, int> in_window;
  for (size_t hi = 0; hi < positions.size(); ++hi) {
    ++in_window[positions[hi].second];
    while (positions[hi].first - positions[lo].first >= kSnippetWindow) {
      if (--in_window[positions[lo].second] == 0)
        in_window.erase(positions[lo].second);
      ++lo;
    }
    // Distinct terms first, then how many hits.
    const size_t score = in_window.size() * 1000 + (hi - lo + 1);
    const bool body =
        data.page_starts.empty() || positions[lo].first >= data.page_starts[0];
    if (body && score > best_score) {
      best_score = score;
      best = positions[lo].first;
    }
  }
  if (best_score == 0 && marks.has_entities())
    return make_snippet(db, catalog, docid, data, marks.entities(), texts);
  Snippet s;
  int page_index = 0;
  uint32_t relative = 0;
  if (best_score > 0) {
    auto it = std::upper_bound(data.page_starts.begin(), data.page_starts.end(),
                               best);
    page_index = static_cast<int>(it - data.page_starts.begin()) - 1;
    if (page_index < 0) page_index = 0;
    relative = best - data.page_starts[static_cast<size_t>(page_index)];
  }
  s.page = page_index + 1;
  SnippetTextCache::Page page =
      texts != nullptr ? texts->page(data.id, s.page) : nullptr;
  if (!page) {
    auto stored = catalog.page(data.id, s.page);
    if (!stored || stored->text.empty()) return s;
    auto loaded = std::make_shared<SnippetPageText>();
    loaded->text = std::move(stored->text);
    loaded->anchors = parse_anchors(stored->anchors);
    page = loaded;
    if (texts != nullptr) texts->add_page(data.id, s.page, page);
  }
  // Start analysing at the last anchor before the window.
  const uint32_t from =
      relative > kSnippetContext ? relative - kSnippetContext : 0;
  SnippetAnchor anchor;
  for (const SnippetAnchor& a : page->anchors) {
    if (a.position <= from) anchor = a;
  }
  std::string_view text = page->text;
  if (anchor.byte > text.size()) anchor = SnippetAnchor{};
  text.remove_prefix(anchor.byte);
  // Enough text for the window, cut at a line end.
  size_t cut = std::min<size_t>(text.size(), 24000);
  if (cut < text.size()) {
    const size_t nl = text.rfind('\n', cut);
    if (nl != std::string_view::npos && nl > 0) cut = nl;
  }
  const uint32_t window_end = relative + kSnippetWindow + kSnippetContext;
  const size_t longest = longest_marked_phrase(marks);
  size_t first = 0, last = 0;
  // The page's analysis from the anchor, kept, when it holds the window.
  SnippetTextCache::Text analysed =
      texts != nullptr ? texts->analysis(data.id, s.page, anchor.byte)
                       : nullptr;
  if (!analysed || !snippet_window_within(*analysed, anchor.position, from,
                                          window_end, longest, &first, &last)) {
    analysed = analyze_snippet_window(text.substr(0, cut), anchor.position,
                                      from, window_end, longest, &first, &last);
    if (texts != nullptr)
      texts->add_analysis(data.id, s.page, anchor.byte, analysed);
  }
  const Analysis& a = analysed->analysis;
  if (first == a.tokens.size()) return s;
  // Widen to the surrounding punctuation ("(", quotes, "<"), up to spaces.
  auto is_blank = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  size_t start = a.tokens[first].begin;
  const size_t floor = first > 0 ? a.tokens[first - 1].end : 0;
  while (start > floor && !is_blank(a.text[start - 1])) --start;
  size_t stop = a.tokens[last].end;
  const size_t ceiling =
      last + 1 < a.tokens.size() ? a.tokens[last + 1].begin : a.text.size();
  while (stop < ceiling && !is_blank(a.text[stop])) ++stop;
  std::string html;
  if (anchor.byte + start > 0) html = "… ";
  html += html_escape(a.text.substr(start, a.tokens[first].begin - start));
  const std::vector<bool> marked =
      marked_tokens(a.tokens, marks, first, last + 1);
  size_t cursor = a.tokens[first].begin;
  for (size_t i = first; i <= last; ++i) {
    const Token& t = a.tokens[i];
    if (t.begin < cursor) continue;  // number parts share their entity's span
    if (i != first)
      html +=
          html_escape(squeeze_spaces(a.text.substr(cursor, t.begin - cursor)));
    const std::string_view surface =
        std::string_view(a.text).substr(t.begin, t.end - t.begin);
    html += marked[i] ? "<mark>" + html_escape(surface) + "</mark>"
                      : html_escape(surface);
    cursor = t.end;
  }
  html += html_escape(squeeze_spaces(a.text.substr(cursor, stop - cursor)));
  if (anchor.byte + stop < page->text.size()) html += " …";
  s.html = std::move(html);
  return s;
}

std::string highlight_text(std::string_view text, const Highlight& marks) {
  const Analysis a = analyze(text);
  std::vector<bool> marked = marked_tokens(a.tokens, marks);
  if (marks.has_entities() &&
      std::find(marked.begin(), marked.end(), true) == marked.end())
    marked = marked_tokens(a.tokens, marks.entities());
  std::string html;
  size_t cursor = 0;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    if (t.begin < cursor || !marked[i]) continue;
    html +=
        html_escape(std::string_view(a.text).substr(cursor, t.begin - cursor));
    html +=
        "<mark>" +
        html_escape(std::string_view(a.text).substr(t.begin, t.end - t.begin)) +
        "</mark>";
    cursor = t.end;
  }
  html += html_escape(std::string_view(a.text).substr(cursor));
  return html;
}

}  // namespace kb
