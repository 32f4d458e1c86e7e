// Detection and conversion of TCVN3, VNI-Windows and VIQR text.
#include "core/legacy_encoding.h"

#include <unicode/ucnv.h>

#include <array>
#include <vector>

#include "core/common_syllables.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// TCVN 5712:1993 bytes 0x80..0xFF (VN1, a superset of TCVN3/ABC, which uses
// 0xA0..0xFF). Cross-checked against glibc's TCVN5712-1 in the tests.
constexpr std::array<char32_t, 128> kTcvn3High = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 80
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 88
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 90
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 98
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // A0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // A8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // B0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // B8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // C0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // C8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // D0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // D8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // E0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // E8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // F0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // F8
};

constexpr char32_t kBreve = 0x0306, kCircumflex = 0x0302, kHorn = 0x031B;
constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kHook = 0x0309,
                   kTilde = 0x0303, kDotBelow = 0x0323;

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == 0x00A0 || c == 0x3000 ||
         c == 0x2009 || c == 0x200B;
}

// Latin-1 letters that proper Unicode Vietnamese uses; they prove nothing.
bool is_vietnamese_latin1_letter(char32_t c) {
  switch (c | 0x20) {  // fold the Latin-1 upper-case block onto lower case
    case 0xE0:
    case 0xE1:
    case 0xE2:
    case 0xE3:
    case 0xE8:
    case 0xE9:
    case 0xEA:
    case 0xEC:
    case 0xED:
    case 0xF2:
    case 0xF3:
    case 0xF4:
    case 0xF5:
    case 0xF9:
    case 0xFA:
    case 0xFD:
      return c >= 0xC0;
    default:
      return false;
  }
}

// Scoring only trusts words that mix ASCII letters with legacy bytes: a lone
// symbol such as "©" proves nothing.
bool has_ascii_letter(std::u32string_view w) {
  for (char32_t c : w) {
    if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
  }
  return false;
}

bool only_latin1(std::u32string_view w) {
  for (char32_t c : w) {
    if (c > 0xFF) return false;
  }
  return true;
}

bool is_ascii_vowel(char32_t c) {
  switch (c | 0x20) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y':
      return c < 0x80;
    default:
      return false;
  }
}

bool is_letter_like(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xA1 && c != 0xD7 && c != 0xF7);
}

// --- Scoring -------------------------------------------------------------

// An abbreviation such as QĐ, TTg or BTNMT: two or more ASCII letters (or
// Đ), starting with and holding at least two capitals.
bool is_abbreviation(std::u32string_view piece) {
  int capitals = 0;
  for (char32_t c : piece) {
    if ((c >= U'A' && c <= U'Z') || c == 0x0110) {
      ++capitals;
    } else if (!((c >= U'a' && c <= U'z') || c == 0x0111)) {
      return false;
    }
  }
  return piece.size() >= 2 && capitals >= 2 &&
         ((piece[0] >= U'A' && piece[0] <= U'Z') || piece[0] == 0x0110);
}

// True when every letter run of `word` is a common Vietnamese syllable (in
// any case, normalization or tone placement) or an abbreviation, and there is
// at least one. Structure alone is too weak a test: "có" and "cú" are both
// well-formed, but only one of them is what a legal text says.
bool word_is_vietnamese(std::u32string_view word) {
  std::u32string piece;
  int pieces = 0;
  auto flush = [&]() -> bool {
    if (piece.empty()) return true;
    ++pieces;
    if (is_abbreviation(piece)) {
      piece.clear();
      return true;
    }
    const std::u32string nfc = utf8_to_u32(to_nfc(u32_to_utf8(piece)));
    piece.clear();
    return is_common_syllable(canonical_word(nfc));
  };
  for (char32_t c : word) {
    const bool letter = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
                        (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    if (letter) {
      piece.push_back(c);
    } else if (!flush()) {
      return false;
    }
  }
  return flush() && pieces > 0;
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

// --- TCVN3 ----------------------------------------------------------------

bool has_tcvn3_signature(std::u32string_view w) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char32_t c = w[i];
    if (c >= 0xA1 && c <= 0xFE && !is_vietnamese_latin1_letter(c)) return true;
    // An upper-case Latin-1 vowel right after a lower-case letter: "QuyÕt".
    if (c >= 0xC0 && c <= 0xDE && i > 0 && w[i - 1] >= U'a' &&
        w[i - 1] <= U'z') {
      return true;
    }
  }
  return false;
}

std::u32string tcvn3_word(std::u32string_view w, bool hyphen_is_u_horn) {
  std::u32string plain;
  plain.reserve(w.size());
  for (char32_t c : w)
    plain.push_back(c >= 0x80 && c <= 0xFF ? kTcvn3High[c - 0x80] : c);
  if (!hyphen_is_u_horn) return plain;
  bool hyphen_inside = false;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] == U'-' && is_letter_like(w[i - 1]) && is_letter_like(w[i + 1])) {
      hyphen_inside = true;
    }
  }
  if (!hyphen_inside || word_is_vietnamese(plain)) return plain;
  std::u32string horn = plain;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] == U'-' && is_letter_like(w[i - 1]) && is_letter_like(w[i + 1])) {
      horn[i] = 0x01B0;
    }
  }
  return word_is_vietnamese(horn) ? horn : plain;
}

// --- VNI-Windows -----------------------------------------------------------

// The combining marks a VNI mark byte stands for after a vowel (lower-case
// form; upper-case mark bytes are the Latin-1 upper-case letters).
struct VniMark {
  char32_t byte;
  char32_t quality;  // 0, kCircumflex or kBreve
  char32_t tone;     // 0 or a tone mark
};
constexpr std::array<VniMark, 16> kVniMarks = {{
    {0xF9, 0, kAcute},
    {0xF8, 0, kGrave},
    {0xFB, 0, kHook},
    {0xF5, 0, kTilde},
    {0xEF, 0, kDotBelow},
    {0xE2, kCircumflex, 0},
    {0xE1, kCircumflex, kAcute},
    {0xE0, kCircumflex, kGrave},
    {0xE5, kCircumflex, kHook},
    {0xE3, kCircumflex, kTilde},
    {0xE4, kCircumflex, kDotBelow},
    {0xEA, kBreve, 0},
    {0xE9, kBreve, kAcute},
    {0xE8, kBreve, kGrave},
    {0xFA, kBreve, kHook},
    {0xFC, kBreve, kTilde},
}};
constexpr VniMark kVniBreveDot = {0xEB, kBreve, kDotBelow};

const VniMark* vni_mark(char32_t c) {
  const char32_t lower = (c >= 0xC0 && c <= 0xDE) ? c + 0x20 : c;
  if (lower == kVniBreveDot.byte) return &kVniBreveDot;
  for (const VniMark& m : kVniMarks) {
    if (m.byte == lower) return &m;
  }
  return nullptr;
}

bool is_vni_vowel(char32_t c) {
  return is_ascii_vowel(c) || c == 0xF4 || c == 0xD4 || c == 0xF6 || c == 0xD6;
}

bool has_vni_signature(std::u32string_view w) {
  for (const char32_t c : w) {
    switch (c) {
      case 0xF8:
      case 0xFB:
      case 0xEF:
      case 0xE5:
      case 0xE4:
      case 0xEB:
      case 0xFC:
      case 0xF6:
      case 0xF1:
      case 0xE6:
      case 0xEE:
      case 0xD8:
      case 0xDB:
      case 0xCF:
      case 0xC5:
      case 0xC4:
      case 0xCB:
      case 0xDC:
      case 0xD6:
      case 0xD1:
      case 0xC6:
      case 0xCE:
        return true;
      default:
        break;
    }
  }
  // A vowel followed by a mark byte (oà, aù) proves nothing: Unicode
  // Vietnamese is full of those sequences.
  return false;
}

std::u32string vni_word(std::u32string_view w) {
  std::u32string out;
  out.reserve(w.size() + 4);
  for (size_t i = 0; i < w.size(); ++i) {
    const char32_t c = w[i];
    if (is_vni_vowel(c)) {
      char32_t base = c;
      char32_t horn = 0;
      if (c == 0xF4 || c == 0xD4) base = c == 0xF4 ? U'o' : U'O', horn = kHorn;
      if (c == 0xF6 || c == 0xD6) base = c == 0xF6 ? U'u' : U'U', horn = kHorn;
      out.push_back(base);
      if (horn) out.push_back(horn);
      if (i + 1 < w.size()) {
        if (const VniMark* m = vni_mark(w[i + 1])) {
          const char32_t lb = base | 0x20;
          const bool fits = horn
                                ? m->quality == 0
                                : (m->quality == 0 ||
                                   (m->quality == kCircumflex &&
                                    (lb == U'a' || lb == U'e' || lb == U'o')) ||
                                   (m->quality == kBreve && lb == U'a'));
          if (fits) {
            if (m->quality) out.push_back(m->quality);
            if (m->tone) out.push_back(m->tone);
            ++i;
          }
        }
      }
      continue;
    }
    switch (c) {
      case 0xF1:
        out.push_back(0x0111);
        break;  // ñ -> đ
      case 0xD1:
        out.push_back(0x0110);
        break;  // Ñ -> Đ
      case 0xE6:
        out.push_back(0x1EC9);
        break;  // æ -> ỉ
      case 0xC6:
        out.push_back(0x1EC8);
        break;
      case 0xF3:
        out.push_back(0x0129);
        break;  // ó -> ĩ
      case 0xD3:
        out.push_back(0x0128);
        break;
      case 0xF2:
        out.push_back(0x1ECB);
        break;  // ò -> ị
      case 0xD2:
        out.push_back(0x1ECA);
        break;
      case 0xEE:
        out.push_back(0x1EF5);
        break;  // î -> ỵ
      case 0xCE:
        out.push_back(0x1EF4);
        break;
      default:
        out.push_back(c);
        break;
    }
  }
  return utf8_to_u32(to_nfc(u32_to_utf8(out)));
}

// --- VIQR ------------------------------------------------------------------

char32_t viqr_tone(char32_t c) {
  switch (c) {
    case U'\'':
      return kAcute;
    case U'`':
      return kGrave;
    case U'?':
      return kHook;
    case U'~':
      return kTilde;
    case U'.':
      return kDotBelow;
    default:
      return 0;
  }
}

// Converts one ASCII word; `strong` is set when the word carries an
// unambiguous VIQR mark (vowel quality, dd, or a tone inside the word).
std::u32string viqr_word(std::u32string_view w, bool& strong) {
  std::u32string out;
  strong = false;
  size_t i = 0;
  if (w.size() >= 2 && (w[0] == U'd' || w[0] == U'D') &&
      (w[1] == U'd' || w[1] == U'D')) {
    out.push_back(w[0] == U'D' ? 0x0110 : 0x0111);
    i = 2;
    strong = true;
  }
  for (; i < w.size(); ++i) {
    const char32_t c = w[i];
    if (c == U'\\' && i + 1 < w.size()) {
      out.push_back(w[++i]);
      continue;
    }
    // DD inside a capital abbreviation: QDD-TTg.
    if (c == U'D' && i > 0 && i + 1 < w.size() && w[i + 1] == U'D' &&
        w[i - 1] >= U'A' && w[i - 1] <= U'Z') {
      out.push_back(0x0110);
      ++i;  // not a strong sign on its own: BGDDT is plain ASCII for BGDĐT
      continue;
    }
    out.push_back(c);
    if (!is_ascii_vowel(c)) continue;
    const char32_t lb = c | 0x20;
    if (i + 1 < w.size()) {
      const char32_t m = w[i + 1];
      char32_t quality = 0;
      if (m == U'(' && lb == U'a') quality = kBreve;
      if (m == U'^' && (lb == U'a' || lb == U'e' || lb == U'o'))
        quality = kCircumflex;
      // Only '+' for the horn: the '*' some variants use is Markdown emphasis
      // in our corpus ("*Doanh thu*").
      if (m == U'+' && (lb == U'o' || lb == U'u')) quality = kHorn;
      if (quality) {
        out.push_back(quality);
        strong = true;
        ++i;
      }
    }
    if (i + 1 < w.size()) {
      if (const char32_t tone = viqr_tone(w[i + 1])) {
        out.push_back(tone);
        ++i;
        const bool inside = i + 1 < w.size() && is_letter_like(w[i + 1]);
        if (inside || tone == kAcute || tone == kGrave || tone == kTilde) {
          strong = true;
        }
      }
    }
  }
  return utf8_to_u32(to_nfc(u32_to_utf8(out)));
}

// --- Lines -----------------------------------------------------------------

struct Word {
  size_t begin, end;
};

std::vector<Word> split_words(std::u32string_view line) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    const size_t begin = i;
    while (i < line.size() && !is_space(line[i])) ++i;
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
  // A single-byte file: read it as Latin-1 (every byte one code point), which
  // is how legacy fonts' bytes look, and let line repair decode it.
  std::string latin1;
  latin1.reserve(bytes.size() + bytes.size() / 2);
  for (char b : bytes) append_utf8(static_cast<unsigned char>(b), latin1);
  return repair_lines(latin1);
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
