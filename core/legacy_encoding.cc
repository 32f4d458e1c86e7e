// Detection of TCVN3, VNI-Windows and VIQR text, line by line, and the
// decoding of text files; the per-word conversions are core/legacy_words.h.
#include "core/legacy_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

#include "core/legacy_words.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

using legacy::has_ascii_letter;
using legacy::has_tcvn3_signature;
using legacy::has_vni_signature;
using legacy::is_ascii_vowel;
using legacy::is_letter_like;
using legacy::is_vietnamese_latin1_letter;
using legacy::only_latin1;
using legacy::tcvn3_word;
using legacy::viqr_word;
using legacy::vni_word;
using legacy::word_is_vietnamese;

bool is_word_gap(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == 0x00A0 || c == 0x3000 ||
         c == 0x2009 || c == 0x200B;
}

// Whether converting a line pays: counted over its words that would change,
// the words it repairs (not Vietnamese before, Vietnamese after) minus the
// words it breaks (the reverse) must be clearly positive, and most changed
// words must read as Vietnamese afterwards.
struct Score {
  int changed = 0;
  int valid_after = 0;
  int net = 0;
  void add(bool was_valid, bool is_valid) {
    ++changed;
    valid_after += is_valid;
    net += static_cast<int>(is_valid) - static_cast<int>(was_valid);
  }
  bool convincing(int min_valid_percent) const {
    const int needed = changed / 3 > 1 ? changed / 3 : 1;
    return changed > 0 && net >= needed &&
           valid_after * 100 >= changed * min_valid_percent;
  }
};

// --- Lines -----------------------------------------------------------------

struct Word {
  size_t begin, end;
};

std::vector<Word> split_words(std::u32string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_word_gap(line[i])) ++i;
    const size_t begin = i;
    while (i < line.size() && !is_word_gap(line[i])) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

// One word of a line and what a conversion makes of it.
struct Candidate {
  Word word;
  std::u32string converted;
  bool valid_before = false;
  bool valid_after = false;
  bool signature = false;  // the word itself shows the encoding's signature
};

// Scores converting `words` with `convert`; fills `candidates` with the words
// that change.
template <typename Convert>
Score score_words(std::u32string_view line, const std::vector<Word>& words,
                  bool latin1_only, Convert convert,
                  std::vector<Candidate>& candidates) {
  Score score;
  for (const Word& w : words) {
    const std::u32string_view word = line.substr(w.begin, w.end - w.begin);
    if (latin1_only && !only_latin1(word)) continue;
    bool strong = false;
    std::u32string converted = convert(word, strong);
    if (converted == word) continue;
    Candidate c{w, std::move(converted), word_is_vietnamese(word), false,
                strong};
    c.valid_after = word_is_vietnamese(c.converted);
    score.add(c.valid_before, c.valid_after);
    candidates.push_back(std::move(c));
  }
  return score;
}

// Rewrites the chosen candidates into `line`; with `only_repairs`, only the
// words that show the signature themselves and that the conversion repairs.
void apply(std::u32string& line, const std::vector<Candidate>& candidates,
           bool only_repairs) {
  std::u32string out;
  out.reserve(line.size() + 8);
  size_t pos = 0;
  for (const Candidate& c : candidates) {
    if (only_repairs && !(c.signature && c.valid_after && !c.valid_before))
      continue;
    out.append(line, pos, c.word.begin - pos);
    out += c.converted;
    pos = c.word.end;
  }
  out.append(line, pos, std::u32string::npos);
  line.swap(out);
}

// Converts `line` in place when it is convincingly legacy-encoded; returns
// the encoding converted, or kUnicode.
Encoding repair_line(std::u32string& line) {
  bool has_high = false, ascii = true, has_unicode_letters = false;
  for (char32_t c : line) {
    if (c >= 0x80) ascii = false;
    if (c >= 0xA0 && c <= 0xFF) has_high = true;
    if (c > 0xFF && has_diacritic(c)) has_unicode_letters = true;
  }
  const std::vector<Word> words = split_words(line);
  auto view = [&](const Word& w) {
    return std::u32string_view(line).substr(w.begin, w.end - w.begin);
  };
  if (has_high) {
    // Signatures first (cheap); only then score every word that would change.
    bool tcvn3_seen = false, vni_seen = false;
    for (const Word& w : words) {
      const std::u32string_view word = view(w);
      if (!only_latin1(word) || !has_ascii_letter(word)) continue;
      tcvn3_seen = tcvn3_seen || has_tcvn3_signature(word);
      vni_seen = vni_seen || has_vni_signature(word);
    }
    std::vector<Candidate> tcvn3_words, vni_words;
    Score tcvn3, vni;
    if (tcvn3_seen) {
      tcvn3 = score_words(
          line, words, true,
          [](std::u32string_view w, bool& sig) {
            sig = has_tcvn3_signature(w);
            return tcvn3_word(w, true);
          },
          tcvn3_words);
    }
    if (vni_seen) {
      vni = score_words(
          line, words, true,
          [](std::u32string_view w, bool& sig) {
            sig = has_vni_signature(w);
            return vni_word(w);
          },
          vni_words);
    }
    const bool tcvn3_ok = tcvn3_seen && tcvn3.convincing(60);
    const bool vni_ok = vni_seen && vni.convincing(60);
    if (tcvn3_ok || vni_ok) {
      const bool use_tcvn3 = tcvn3_ok && (!vni_ok || tcvn3.net >= vni.net);
      // A line that also holds proper Unicode letters is a Unicode line with
      // legacy fragments: convert only the words that the conversion repairs.
      apply(line, use_tcvn3 ? tcvn3_words : vni_words, has_unicode_letters);
      return use_tcvn3 ? Encoding::kTcvn3 : Encoding::kVni;
    }
    // A stray TCVN3 ư (soft hyphen U+00AD) after a letter in an otherwise
    // Unicode line, as vbpl.vn pages carry ("L\u00ADu" for "Lưu").
    std::vector<Candidate> soft;
    for (const Word& w : words) {
      const std::u32string_view word = view(w);
      const size_t at = word.find(0x00AD);
      if (at == std::u32string_view::npos || at == 0 || !only_latin1(word) ||
          !is_letter_like(word[at - 1])) {
        continue;
      }
      Candidate c{w, tcvn3_word(word, false), word_is_vietnamese(word), false,
                  true};
      c.valid_after = word_is_vietnamese(c.converted);
      if (c.valid_after && !c.valid_before) soft.push_back(std::move(c));
    }
    if (!soft.empty()) {
      apply(line, soft, false);
      return Encoding::kTcvn3;
    }
  }
  if (ascii) {
    bool strong_seen = false;
    std::vector<Candidate> viqr_words;
    Score viqr = score_words(
        line, words, false,
        [&strong_seen](std::u32string_view w, bool& strong) {
          std::u32string out = viqr_word(w, strong);
          strong_seen = strong_seen || strong;
          return out;
        },
        viqr_words);
    // Marks inside a word are not plain ASCII text: nothing was valid before.
    viqr.net = viqr.valid_after;
    if (strong_seen && viqr.convincing(80) &&
        viqr.changed * 10 >= static_cast<int>(words.size()) * 3) {
      apply(line, viqr_words, false);
      return Encoding::kViqr;
    }
  }
  return Encoding::kUnicode;
}

// Cheap byte-level test of one UTF-8 line: can it hold legacy text at all?
// It must have a Latin-1 character that Unicode Vietnamese does not use (a
// signature byte of TCVN3 or VNI), or be pure ASCII with VIQR-like marks.
bool line_may_be_legacy(std::string_view line) {
  bool ascii = true, viqr_marks = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const auto b = static_cast<unsigned char>(line[i]);
    if (b >= 0x80) {
      ascii = false;
      if (b == 0xC2) return true;  // U+0080..U+00BF: symbols, soft hyphen
      if (b == 0xC3 && i + 1 < line.size()) {
        const char32_t c =
            0xC0 + (static_cast<unsigned char>(line[i + 1]) & 0x3F);
        if (!is_vietnamese_latin1_letter(c)) return true;
      }
      continue;
    }
    if (viqr_marks || i == 0) continue;
    const auto prev = static_cast<unsigned char>(line[i - 1]);
    if ((b == '^' || b == '(' || b == '+' || b == '`' || b == '~' || b == '?' ||
         b == '\'' || b == '.') &&
        is_ascii_vowel(prev)) {
      viqr_marks = true;
    } else if ((b == 'd' || b == 'D') && (prev == 'd' || prev == 'D')) {
      viqr_marks = true;
    }
  }
  return ascii && viqr_marks;
}

// Repairs the lines that need it; result.text stays empty when none did.
DecodedText repair_lines_or_nothing(std::string_view utf8) {
  DecodedText result;
  std::array<int, 4> counts{};
  size_t pos = 0;
  size_t copied = 0;  // utf8[0, copied) is already in result.text
  std::u32string line;
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view raw = utf8.substr(pos, end - pos);
    if (line_may_be_legacy(raw)) {
      line = utf8_to_u32(raw);
      const Encoding e = repair_line(line);
      if (e != Encoding::kUnicode) {
        if (result.text.empty())
          result.text.reserve(utf8.size() + utf8.size() / 8);
        result.text.append(utf8, copied, pos - copied);
        for (char32_t c : line) append_utf8(c, result.text);
        copied = end;
        ++counts[static_cast<int>(e)];
        ++result.converted_lines;
      }
    }
    pos = end + 1;
  }
  if (result.converted_lines > 0)
    result.text.append(utf8, copied, std::string_view::npos);
  int best = 0;
  for (int e = 1; e < 4; ++e) {
    if (counts[e] > counts[best]) best = e;
  }
  result.encoding = static_cast<Encoding>(best);
  return result;
}

DecodedText repair_lines(std::string_view utf8) {
  DecodedText result = repair_lines_or_nothing(utf8);
  if (result.converted_lines == 0) result.text.assign(utf8);
  return result;
}

}  // namespace

const char* encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::kTcvn3:
      return "tcvn3";
    case Encoding::kVni:
      return "vni";
    case Encoding::kViqr:
      return "viqr";
    case Encoding::kUnicode:
      break;
  }
  return "unicode";
}

bool is_vietnamese_word(std::string_view utf8) {
  return word_is_vietnamese(utf8_to_u32(utf8));
}

bool repair_legacy_lines(std::string_view valid_utf8, DecodedText& out) {
  DecodedText result = repair_lines_or_nothing(valid_utf8);
  if (result.converted_lines == 0) return false;
  out = std::move(result);
  return true;
}

namespace {

// Bytes that are not UTF-8 as a whole, decoded line by line. A line that is
// UTF-8 but for a few bytes (more well-formed characters beyond ASCII than
// bad bytes: a UTF-8 file with a stray byte) stays UTF-8, each bad byte
// U+FFFD; any other line is single-byte and is read as Latin-1 (every byte
// one code point), which is how legacy fonts' bytes look, for line repair to
// decode. (Reading the whole file as Latin-1 for one bad byte turned a
// UTF-8 file into mojibake that search could not find.)
std::string decode_lines(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    const std::string_view line = bytes.substr(start, end - start);
    start = end;
    size_t wide = 0;
    size_t bad = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(line.data());
    const auto n = static_cast<int32_t>(line.size());
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) {
        ++bad;
      } else if (c >= 0x80) {
        ++wide;
      }
    }
    if (bad == 0 || wide > bad) {
      out += bad == 0 ? std::string(line) : u32_to_utf8(utf8_to_u32(line));
    } else {
      for (char b : line) append_utf8(static_cast<unsigned char>(b), out);
    }
  }
  return out;
}

}  // namespace

DecodedText repair_legacy_text(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) return repair_lines(u32_to_utf8(utf8_to_u32(utf8)));
  return repair_lines(utf8);
}

DecodedText decode_text_file(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) return repair_legacy_text(bytes);
  const bool utf16le = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE";
  const bool utf16be = bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF";
  if (utf16le || utf16be) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(bytes.size() * 2 + 4, '\0');
    const int32_t n =
        ucnv_convert("UTF-8", utf16le ? "UTF-16LE" : "UTF-16BE", out.data(),
                     static_cast<int32_t>(out.size()), bytes.data() + 2,
                     static_cast<int32_t>(bytes.size() - 2), &status);
    if (U_SUCCESS(status)) {
      out.resize(static_cast<size_t>(n));
      return repair_legacy_text(out);
    }
  }
  return repair_lines(decode_lines(bytes));
}

std::string convert_tcvn3(std::string_view latin1_as_utf8,
                          bool hyphen_is_u_horn) {
  const std::u32string text = utf8_to_u32(latin1_as_utf8);
  std::u32string out;
  const std::vector<Word> words = split_words(text);
  size_t pos = 0;
  for (const Word& w : words) {
    out.append(text, pos, w.begin - pos);
    out +=
        tcvn3_word(std::u32string_view(text).substr(w.begin, w.end - w.begin),
                   hyphen_is_u_horn);
    pos = w.end;
  }
  out.append(text, pos, std::u32string::npos);
  return u32_to_utf8(out);
}

}  // namespace kb
