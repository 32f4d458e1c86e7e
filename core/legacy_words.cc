// Legacy-encoded words: signatures, conversion, and the Vietnamese test;
// see legacy_words.h.
#include "core/legacy_words.h"

#include "core/common_syllables.h"
#include "core/legacy_tables.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb::legacy {

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

namespace {

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

}  // namespace

// Structure alone is too weak a test: "có" and "cú" are both well-formed,
// but only one of them is what a legal text says; hence the list of common
// syllables.
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

// --- TCVN3 ------------------------------------------------------------------

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

// --- VNI-Windows ------------------------------------------------------------

namespace {

const VniMark* vni_mark(char32_t c) {
  const char32_t lower = (c >= 0xC0 && c <= 0xDE) ? c + 0x20 : c;
  for (const VniMark& m : kVniMarks) {
    if (m.byte == lower) return &m;
  }
  return nullptr;
}

const VniHornVowel* vni_horn_vowel(char32_t c) {
  for (const VniHornVowel& v : kVniHornVowels) {
    if (v.byte == c) return &v;
  }
  return nullptr;
}

bool is_vni_vowel(char32_t c) {
  return is_ascii_vowel(c) || vni_horn_vowel(c) != nullptr;
}

}  // namespace

bool has_vni_signature(std::u32string_view w) {
  for (const char32_t c : w) {
    for (const char32_t b : kVniSignatureBytes) {
      if (c == b) return true;
    }
  }
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
      if (const VniHornVowel* v = vni_horn_vowel(c)) {
        base = v->base;
        horn = kHorn;
      }
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
    char32_t letter = c;
    for (const VniLetter& l : kVniLetters) {
      if (l.byte == c) letter = l.letter;
    }
    out.push_back(letter);
  }
  return utf8_to_u32(to_nfc(u32_to_utf8(out)));
}

// --- VIQR -------------------------------------------------------------------

namespace {

char32_t viqr_tone(char32_t c) {
  for (const ViqrTone& t : kViqrTones) {
    if (t.mark == c) return t.tone;
  }
  return 0;
}

}  // namespace

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

}  // namespace kb::legacy
