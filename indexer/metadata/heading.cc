// The heading of a text without a letterhead (see heading.h).
#include "indexer/metadata/heading.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "core/utf8.h"
#include "indexer/metadata/text_lines.h"
#include "indexer/metadata/title.h"

namespace kb::metadata {
namespace {

// Whole chrome lines of the saved pages we see (folded, blanks collapsed):
// menu entries, banners, link lists, counters, sharing buttons.
constexpr std::u32string_view kChromeLines[] = {
    U"trang chu",
    U"lien ket website",
    U"lien ket web",
    U"ban do hanh chinh",
    U"thong ke truy cap",
    U"dang nhap",
    U"dang ky",
    U"tim kiem",
    U"so do trang",
    U"so do website",
    U"lien he",
    U"gioi thieu",
    U"english",
    U"tieng viet",
    U"menu",
    U"home",
    U"skip to content",
    U"chia se",
    U"in trang",
    U"in bai viet",
    U"gui email",
    U"quay lai",
    U"ban in",
    U"facebook",
    U"twitter",
    U"zalo",
    U"tin lien quan",
    U"tin khac",
    U"tin moi",
    U"tin noi bat",
    U"xem them",
    U"doc them",
    U"thu vien anh",
    U"van ban moi",
    U"hoi dap",
    U"print",
    U"share",
    U"email",
    U"back to top",
};

// Openings of chrome lines.
constexpr std::u32string_view kChromeOpenings[] = {
    U"banner",
    U"lien ket website",
    U"thong ke truy cap",
    U"cong thong tin dien tu",
    U"ban quyen",
    U"copyright",
    U"luot truy cap",
    U"dang truc tuyen",
    U"ban dang o",
    U"trang chu >",
    U"trang chu /",
    U"trang chu »",
    // A digital signature's stamp ("Ký bởi: Cổng Thông tin điện tử Chính
    // phủ", "Thời gian ký: 11.01.2016 09:21:10"): its date is the
    // signing's, not the text's.
    U"ky boi",
    U"nguoi ky",
    U"thoi gian ky",
    U"email:",
    U"co quan:",
    // The Official Gazette's section lines.
    U"phan van ban quy pham phap luat",
    U"phan van ban khac",
    U"van ban phap luat khac",
};

bool is_lower(char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; }
size_t word_count(std::u32string_view s) {
  size_t n = 0;
  bool in = false;
  for (char32_t c : s) {
    const bool w = !is_blank_char(c);
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// A breadcrumb: two or more short parts joined by ">", "»" or "›".
bool is_breadcrumb(std::u32string_view t) {
  size_t parts = 1;
  size_t begin = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != U'>' && t[i] != U'»' && t[i] != U'›') continue;
    if (word_count(t.substr(begin, i - begin)) > 6) return false;
    if (i < t.size()) ++parts;
    begin = i + 1;
  }
  return parts >= 2;
}

// The text shown for a heading line: Markdown marks, emphasis and outer
// blanks dropped.
std::u32string heading_text(std::u32string_view t) {
  size_t b = 0;
  while (b < t.size() && (t[b] == U'#' || t[b] == U'*' || t[b] == U'_' ||
                          is_blank_char(t[b]))) {
    ++b;
  }
  size_t e = t.size();
  while (e > b && (t[e - 1] == U'*' || t[e - 1] == U'_' || t[e - 1] == U'#' ||
                   is_blank_char(t[e - 1]))) {
    --e;
  }
  return std::u32string(t.substr(b, e - b));
}

// `s` with blank runs as one space and the empty tail some titles carry
// ("Earth Negotiations Bulletin Vol. 12 No. 603 –  () – ") dropped.
std::u32string tidy(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (is_blank_char(c)) {
      if (!out.empty() && out.back() != U' ') out += U' ';
    } else {
      out += c;
    }
  }
  for (;;) {
    while (!out.empty() &&
           (out.back() == U' ' || out.back() == U'-' || out.back() == 0x2013 ||
            out.back() == 0x2014 || out.back() == U'|' || out.back() == U':')) {
      out.pop_back();
    }
    if (out.size() >= 2 && out.substr(out.size() - 2) == U"()") {
      out.resize(out.size() - 2);
      continue;
    }
    break;
  }
  return out;
}

// A line that cannot be a heading although it is not chrome: a date or a
// number alone, a photo caption, an image.
bool is_not_heading(const Line& l) {
  const std::u32string_view t = l.text;
  if (std::none_of(t.begin(), t.end(), [](char32_t c) {
        return u_isalpha(static_cast<UChar32>(c)) != 0;
      })) {
    return true;
  }
  const std::u32string f = collapsed(l.folded);
  for (std::u32string_view p :
       {U"anh:", U"anh :", U"(anh", U"anh minh hoa", U"![", U"nguon:"}) {
    if (f.substr(0, p.size()) == p) return true;
  }
  return false;
}

constexpr size_t kShortHeading = 250;
constexpr size_t kMaxHeadingLength = 500;
constexpr size_t kOpeningWords = 20;

// A paragraph of prose: long, or sentences ending with a full stop.
bool is_prose(std::u32string_view t) {
  const size_t words = word_count(t);
  return t.size() > kShortHeading || words >= 30 ||
         (words >= 8 && !t.empty() && t.back() == U'.');
}

// The first words of a paragraph, up to its first sentence end.
std::u32string opening_words(std::u32string_view t) {
  std::u32string out;
  size_t words = 0;
  bool in = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool w = !is_blank_char(t[i]);
    if (w && !in && ++words > kOpeningWords) {
      return tidy(out) + U"…";
    }
    in = w;
    out += t[i];
    if ((t[i] == U'.' || t[i] == U'!' || t[i] == U'?') &&
        (i + 1 == t.size() || is_blank_char(t[i + 1])) && words >= 4) {
      out.pop_back();
      break;
    }
  }
  return tidy(out);
}

}  // namespace

bool is_chrome(const Line& line) {
  if (line.blank()) return false;
  const std::u32string f = collapsed(line.folded);
  for (std::u32string_view p : kChromeLines) {
    if (f == p) return true;
  }
  for (std::u32string_view p : kChromeOpenings) {
    if (f.substr(0, p.size()) == p) return true;
  }
  // Menu entries saved without their separators: "tửTỉnh", "HòaCổng".
  int glued = 0;
  const std::u32string_view t = line.text;
  for (size_t i = 1; i < t.size(); ++i) {
    if (is_lower(t[i - 1]) && is_upper(t[i])) ++glued;
  }
  if (glued >= 2) return true;
  return is_breadcrumb(t);
}

std::vector<bool> running_lines(const std::vector<Line>& lines,
                                const std::vector<size_t>& page_starts) {
  std::vector<bool> out(lines.size(), false);
  if (page_starts.size() < 2) return out;
  // The first five and last two non-blank lines of each page, keyed
  // without digits (page numbers change).
  auto key = [&](size_t i) {
    std::u32string k;
    for (char32_t c : lines[i].folded) k += is_digit(c) ? U' ' : c;
    return collapsed(k);
  };
  std::vector<std::vector<size_t>> edges(page_starts.size());
  size_t with_text = 0;  // scans left for OCR have no lines
  for (size_t p = 0; p < page_starts.size(); ++p) {
    const size_t b = std::min(page_starts[p], lines.size());
    const size_t e = p + 1 < page_starts.size()
                         ? std::min(page_starts[p + 1], lines.size())
                         : lines.size();
    std::vector<size_t> nonblank;
    for (size_t i = b; i < e; ++i) {
      if (!lines[i].blank()) nonblank.push_back(i);
    }
    // A header may sit under a signature stamp on the first page.
    for (size_t k = 0; k < nonblank.size(); ++k) {
      if (k < 5 || k + 2 >= nonblank.size()) edges[p].push_back(nonblank[k]);
    }
    if (!nonblank.empty()) ++with_text;
  }
  std::map<std::u32string, size_t> pages_with;
  for (const auto& page : edges) {
    std::vector<std::u32string> keys;
    for (size_t i : page) keys.push_back(key(i));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& k : keys) ++pages_with[k];
  }
  const size_t need = std::max<size_t>(2, (with_text + 2) / 3);
  for (const auto& page : edges) {
    for (size_t i : page) {
      const std::u32string k = key(i);
      if (!k.empty() && pages_with[k] >= need) out[i] = true;
    }
  }
  return out;
}

Heading read_heading(const std::vector<Line>& lines,
                     const std::vector<size_t>& page_starts,
                     const std::vector<AgencyForm>& forms) {
  Heading h;
  const std::vector<bool> running = running_lines(lines, page_starts);
  std::vector<size_t> candidates;
  bool chrome_above = false;
  std::vector<bool> chrome_before;  // per candidate
  for (size_t i = 0; i < lines.size() && candidates.size() < kHeadingWindow;
       ++i) {
    const Line& l = lines[i];
    if (l.blank()) continue;
    if (running[i] || is_chrome(l)) {
      chrome_above = true;
      continue;
    }
    if (is_rule_line(l)) continue;
    candidates.push_back(i);
    chrome_before.push_back(chrome_above);
  }
  if (candidates.empty()) return h;

  auto text_of = [&](size_t i) { return heading_text(lines[i].text); };
  // A heading is short, or long without ending as a sentence does (a
  // bulletin's "Vol. 12 No. 360 – First session of … (Bangkok)").
  auto headlike = [&](size_t i) {
    const std::u32string t = text_of(i);
    if (t.empty() || is_not_heading(lines[i])) return false;
    if (t.size() <= kShortHeading) return true;
    const char32_t last = t.back();
    return t.size() <= kMaxHeadingLength && last != U'.' && last != U';' &&
           last != U'!' && last != U'?';
  };
  auto choose = [&](size_t k, const char* rule) {
    h.line = candidates[k];
    h.after = candidates[k] + 1;
    h.rule = rule;
    h.chrome = chrome_before[k];
  };

  // 1. A line printed twice close together (the page's title and its
  // heading), after whatever category or banner lines come first.
  constexpr size_t kRepeatWindow = 12;
  for (size_t k = 0; k < std::min(candidates.size(), kRepeatWindow) && !h.line;
       ++k) {
    // Past the first paragraph, a repeated line is a section's.
    if (is_prose(lines[candidates[k]].text)) break;
    if (!headlike(candidates[k])) continue;
    const std::u32string t = collapsed(lines[candidates[k]].folded);
    for (size_t m = k + 1; m < std::min(candidates.size(), k + 5); ++m) {
      if (collapsed(lines[candidates[m]].folded) == t) {
        choose(k, "repeated heading");
        break;
      }
    }
  }
  // 2. The first line that can be a heading; a short banner ("Liên minh
  // Khoáng sản") above a heading in capitals gives way to it.
  size_t first = 0;
  if (!h.line) {
    while (first < candidates.size() &&
           is_not_heading(lines[candidates[first]]))
      ++first;
    if (first == candidates.size()) return h;
    const Line& l = lines[candidates[first]];
    if (word_count(l.text) <= 4 && !is_upper_line(l.text)) {
      for (size_t m = first + 1; m < std::min(candidates.size(), first + 3);
           ++m) {
        const Line& next = lines[candidates[m]];
        if (is_upper_line(next.text) && word_count(next.text) >= 3 &&
            headlike(candidates[m])) {
          choose(m, "capital heading");
          h.chrome = true;
          break;
        }
      }
    }
    if (!h.line) {
      choose(first,
             headlike(candidates[first]) ? "first line" : "opening words");
    }
  }

  const size_t at = *h.line;
  std::u32string title = text_of(at);
  if (std::string_view(h.rule) == "opening words") {
    title = opening_words(title);
  } else if (is_upper_line(title)) {
    // A heading in capitals may run over two or three lines.
    size_t k = std::find(candidates.begin(), candidates.end(), at) -
               candidates.begin();
    for (size_t m = k + 1; m < std::min(candidates.size(), k + 3); ++m) {
      const size_t i = candidates[m];
      if (i > h.after + 2) break;  // a paragraph away
      const std::u32string next = text_of(i);
      if (!is_upper_line(next) || title.size() + next.size() > 250) break;
      title += U' ';
      title += next;
      h.after = i + 1;
    }
    title = sentence_case(title, forms);
  }
  h.title = u32_to_utf8(tidy(title));
  return h;
}

bool shows_title(const std::vector<Line>& lines, std::u32string_view title) {
  const std::vector<Line> own = split_lines(title);
  if (own.empty()) return false;
  const std::u32string want = collapsed(own.front().folded);
  if (want.empty()) return false;
  const size_t end = std::min(lines.size(), kHeadingWindow);
  for (size_t i = 0; i < end; ++i) {
    // A gazette's section line is set larger than the law under it.
    if (lines[i].blank() || is_chrome(lines[i])) continue;
    for (const auto& [b, e] : cells(lines[i])) {
      if (collapsed(std::u32string_view(lines[i].folded).substr(b, e - b)) ==
          want) {
        return true;
      }
    }
    std::u32string joined;
    for (size_t k = i;
         k < end && k < i + 3 && !lines[k].blank() && !is_chrome(lines[k]);
         ++k) {
      if (k > i) joined += U' ';
      joined += lines[k].folded;
      const std::u32string c = collapsed(joined);
      if (c == want) return true;
      if (c.size() > want.size()) break;
    }
  }
  return false;
}

bool opening_contains(const std::vector<Line>& lines,
                      std::u32string_view title) {
  const std::vector<Line> own = split_lines(title);
  if (own.empty()) return false;
  const std::u32string want = collapsed(own.front().folded);
  if (want.empty()) return false;
  std::u32string opening;
  for (size_t i = 0; i < std::min(lines.size(), kHeadingWindow); ++i) {
    opening += lines[i].folded;
    opening += U' ';
  }
  return collapsed(opening).find(want) != std::u32string::npos;
}

}  // namespace kb::metadata
