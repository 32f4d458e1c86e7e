// Sentences of a document (see passages.h).
#include "indexer/metadata/passages.h"

#include <unicode/uchar.h>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {
namespace {

// "1." "12)" "a)" "đ)" "-" "+" "•": a list item's start.
bool starts_item(std::u32string_view t) {
  if (t.empty()) return false;
  if (t[0] == U'-' || t[0] == U'+' || t[0] == U'•' || t[0] == U'–') return true;
  size_t i = 0;
  while (i < t.size() && is_digit(t[i])) ++i;
  if (i > 0 && i < t.size() && (t[i] == U'.' || t[i] == U')')) return true;
  if (i == 0 && t.size() >= 2 && u_isalpha(static_cast<UChar32>(t[0])) &&
      t[1] == U')')
    return true;
  return false;
}

// A line that opens a new paragraph although the previous one did not end
// with a stop: an article or chapter heading, a list item.
bool opens_paragraph(const Line& line) {
  return starts_item(line.text) || starts_with_word(line.text, U"điều") ||
         starts_with_word(line.text, U"chương") ||
         starts_with_phrase(line, U"can cu");
}

// "… Thông tư số 21/2024/TT-" then "BTNMT": a number cut at its hyphen or
// slash by the line's end goes on in the next line, whatever that line
// looks like.
bool ends_cut(const Line& line) {
  const std::u32string& t = line.text;
  return t.size() >= 2 && (t.back() == U'-' || t.back() == U'/') &&
         is_alnum(t[t.size() - 2]);
}

bool ends_with_stop(const Line& line) {
  const char32_t c = line.text.back();
  return c == U';' || c == U'.' || c == U':' || c == U'!' || c == U'?';
}

struct Paragraph {
  std::u32string text, folded;
  int page = 1;
};

// "b) Sửa đổi, bổ sung điểm b khoản 2 Điều 7 … như sau:": this document
// speaks again, whatever quotation was left open before.
bool announces_change(const Paragraph& p) {
  if (p.text.back() != U':') return false;
  std::u32string_view f = p.folded;
  size_t i = 0;
  if (starts_item(f)) {
    while (i < f.size() && f[i] != U'.' && f[i] != U')' && !is_blank_char(f[i]))
      ++i;
    i = skip_blanks(f, i + 1);
  }
  for (std::u32string_view verb :
       {U"sua doi", U"bo sung", U"bai bo", U"thay the", U"huy bo"}) {
    if (match_phrase(f, i, verb) != std::u32string_view::npos) return true;
  }
  return false;
}

void cut_sentences(const Paragraph& p, int& quote_depth,
                   std::vector<Sentence>& out) {
  size_t start = 0;
  bool first = true;
  auto emit = [&](size_t end, const std::vector<bool>& q) {
    size_t b = start;
    while (b < end && is_blank_char(p.text[b])) ++b;
    size_t e = end;
    while (e > b && is_blank_char(p.text[e - 1])) --e;
    if (e > b) {
      Sentence s;
      s.text = p.text.substr(b, e - b);
      s.folded = p.folded.substr(b, e - b);
      s.quoted.assign(q.begin() + static_cast<long>(b),
                      q.begin() + static_cast<long>(e));
      s.page = p.page;
      s.starts_paragraph = first;
      s.ends_with_colon = s.text.back() == U':';
      s.list_item = first && starts_item(s.text);
      out.push_back(std::move(s));
      first = false;
    }
    start = end;
  };
  std::vector<bool> quoted(p.text.size(), false);
  bool ascii_open = false;
  for (size_t i = 0; i < p.text.size(); ++i) {
    const char32_t c = p.text[i];
    if (c == U'“') ++quote_depth;
    // “…" happens: a straight quote closes an open curly one.
    const bool closes = (c == U'”' || c == U'"') && quote_depth > 0;
    if (c == U'"' && !closes) ascii_open = !ascii_open;
    quoted[i] = quote_depth > 0 || ascii_open;
    if (closes) --quote_depth;
  }
  for (size_t i = 0; i + 2 < p.text.size(); ++i) {
    if (p.text[i] == U'.' && is_blank_char(p.text[i + 1]) && !quoted[i] &&
        (is_upper(p.text[i + 2]) || p.text[i + 2] == U'“') && i - start > 6) {
      emit(i + 1, quoted);
    }
  }
  emit(p.text.size(), quoted);
}

}  // namespace

std::vector<Sentence> sentences_of(const std::vector<std::string>& pages) {
  std::vector<Sentence> out;
  int quote_depth = 0;
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    std::string text = to_nfc(pages[pi]);
    DecodedText repaired;
    if (repair_legacy_lines(text, repaired))
      text = to_nfc(std::move(repaired.text));
    const std::vector<Line> lines = split_lines(utf8_to_u32(text));
    Paragraph p;
    p.page = static_cast<int>(pi) + 1;
    bool prev_heading = false;
    bool prev_division = false;  // "Chương I", "Mục 2"
    bool after_article_heading = false;
    bool cut = false;  // the previous line ended inside a number
    auto flush = [&] {
      if (!p.text.empty()) {
        // An article heading outside quotes speaks for this document again:
        // an unbalanced quotation does not run on for ever.
        if (p.text[0] != U'“' &&
            (starts_with_word(p.text, U"điều") || announces_change(p)))
          quote_depth = 0;
        cut_sentences(p, quote_depth, out);
      }
      p.text.clear();
      p.folded.clear();
    };
    for (const Line& line : lines) {
      if (line.blank()) {
        flush();
        prev_heading = prev_division = after_article_heading = cut = false;
        continue;
      }
      // A heading in capitals may wrap over several lines in capitals.
      if (!cut && ((prev_heading && !is_upper_line(line.text)) ||
                   prev_division || opens_paragraph(line) ||
                   (after_article_heading && is_upper(line.text[0]))))
        flush();
      if (!p.text.empty() && !cut) {
        p.text += U' ';
        p.folded += U' ';
      }
      // Blank runs collapsed (PDF layout columns), tabs of HTML cells too.
      for (size_t i = 0; i < line.text.size(); ++i) {
        if (is_blank_char(line.text[i])) {
          if (!p.text.empty() && p.text.back() == U' ') continue;
          p.text += U' ';
          p.folded += U' ';
        } else {
          p.text += line.text[i];
          p.folded += line.folded[i];
        }
      }
      // "NGHỊ ĐỊNH", "Chương I", "Mục 2": headings, each its own sentence.
      prev_heading = is_upper_line(line.text);
      prev_division = (starts_with_word(line.text, U"chương") ||
                       starts_with_word(line.text, U"mục")) &&
                      line.text.size() < 16;
      // "Điều 3. Hiệu lực thi hành" then "Thông tư có hiệu lực …": a heading
      // without a stop, whose next line starts a paragraph when it starts
      // with a capital (a wrapped heading goes on in lower case).
      after_article_heading = starts_with_word(line.text, U"điều") &&
                              !ends_with_stop(line) && p.text.size() < 200;
      cut = ends_cut(line);
      if (ends_with_stop(line)) flush();
    }
    flush();
  }
  return out;
}

std::string sentence_excerpt(const Sentence& s, size_t begin, size_t end,
                             size_t max_chars) {
  if (s.text.size() <= max_chars) return u32_to_utf8(s.text);
  size_t b = begin > max_chars / 2 ? begin - max_chars / 2 : 0;
  size_t e = std::min(s.text.size(), std::max(end, b + max_chars));
  if (e - b > max_chars && end - begin < max_chars) b = e - max_chars;
  // Whole words only.
  while (b > 0 && !is_blank_char(s.text[b - 1])) --b;
  while (e < s.text.size() && !is_blank_char(s.text[e])) ++e;
  std::string out;
  if (b > 0) out += "… ";
  out += u32_to_utf8(s.text.substr(b, e - b));
  if (e < s.text.size()) out += " …";
  return out;
}

size_t body_start(const Sentence& s) {
  const std::u32string_view f = s.folded;
  size_t i = skip_blanks(f, 0);
  for (int round = 0; round < 3; ++round) {
    const size_t before = i;
    // "Điều 5." / "Điều 5:"
    if (size_t k = match_phrase(f, i, U"dieu");
        k != std::u32string_view::npos) {
      size_t j = skip_blanks(f, k);
      size_t d = j;
      while (d < f.size() && is_digit(f[d])) ++d;
      if (d > j && d < f.size() && (f[d] == U'.' || f[d] == U':'))
        i = skip_blanks(f, d + 1);
    }
    if (i == before && starts_item(f.substr(i))) {
      if (f[i] == U'-' || f[i] == U'+' || f[i] == U'•' || f[i] == U'–') {
        i = skip_blanks(f, i + 1);
      } else {
        size_t d = i;
        while (d < f.size() && f[d] != U'.' && f[d] != U')') ++d;
        i = skip_blanks(f, d + 1);
      }
    }
    for (std::u32string_view lead : {U"ve viec", U"v/v"}) {
      if (size_t k = match_phrase(f, i, lead); k != std::u32string_view::npos)
        i = skip_blanks(f, k);
    }
    if (i == before) break;
  }
  return i;
}

}  // namespace kb::metadata
