// Vietnamese canonical and folded word forms; see vietnamese.h for the rules.
#include "core/vietnamese.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace kb {
namespace {

// The twelve vowel letters without tone, and their folded ASCII letters.
constexpr std::array<char32_t, 12> kBaseVowels = {
    U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
constexpr std::array<char32_t, 12> kPlainVowels = {
    U'a', U'a', U'a', U'e', U'e', U'i', U'o', U'o', U'o', U'u', U'u', U'y'};
constexpr std::array<bool, 12> kHasQualityMark = {false, true,  true,  false,
                                                  true,  false, false, true,
                                                  true,  false, true,  false};
// Index 0 is "no tone"; then huyền, sắc, hỏi, ngã, nặng.
constexpr std::array<char32_t, 6> kToneMarks = {0,      0x0300, 0x0301,
                                                0x0309, 0x0303, 0x0323};
constexpr int kBaseU = 9;
constexpr int kBaseI = 5;

// Lookup tables cover U+0000..U+1FFF, which holds every Vietnamese letter.
constexpr char32_t kTableSize = 0x2000;

struct Tables {
  // vowel[c] = 0 when c is not a lower-case Vietnamese vowel, else
  // (base + 1) | (tone << 4).
  std::array<uint8_t, kTableSize> vowel{};
  std::array<std::array<char32_t, 6>, 12> compose{};
  std::array<char32_t, kTableSize> lower{};
  std::array<char32_t, kTableSize> fold{};  // 0 = drop (combining mark)
  // nucleus[code] for a vowel nucleus of up to three base vowels, where code
  // packs (base + 1) of each vowel in base 13.
  std::array<bool, 13 * 13 * 13> nucleus{};

  Tables() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status))
      throw std::runtime_error("ICU normalizers unavailable");
    for (size_t b = 0; b < kBaseVowels.size(); ++b) {
      for (size_t t = 0; t < kToneMarks.size(); ++t) {
        // Normalize the pair as a string: ặ is a+dot+breve in canonical order,
        // so composePair(ă, dot) has no answer.
        icu::UnicodeString pair(static_cast<UChar32>(kBaseVowels[b]));
        if (t != 0) pair.append(static_cast<UChar32>(kToneMarks[t]));
        const icu::UnicodeString composed = nfc->normalize(pair, status);
        if (U_FAILURE(status) || composed.countChar32() != 1) {
          throw std::runtime_error("ICU cannot compose a Vietnamese vowel");
        }
        const auto c = static_cast<char32_t>(composed.char32At(0));
        compose[b][t] = c;
        vowel[c] = static_cast<uint8_t>((b + 1) | (t << 4));
      }
    }
    for (char32_t c = 0; c < kTableSize; ++c) {
      lower[c] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    }
    lower[0x00D0] = lower[0x00F0] = lower[0x0110] = 0x0111;  // Ð ð Đ -> đ
    for (char32_t c = 0; c < kTableSize; ++c) {
      const char32_t l = lower[c];
      if (l < kTableSize && vowel[l] != 0) {
        fold[c] = kPlainVowels[(vowel[l] & 0x0F) - 1];
        continue;
      }
      if (l == 0x0111) {
        fold[c] = U'd';
        continue;
      }
      if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
        fold[c] = 0;
        continue;
      }
      icu::UnicodeString decomposition;
      if (nfd->getDecomposition(static_cast<UChar32>(c), decomposition) &&
          decomposition.length() > 0) {
        const UChar32 first = decomposition.char32At(0);
        fold[c] = static_cast<char32_t>(u_tolower(first));
      } else {
        fold[c] = l;
      }
    }
    for (const char* n :
         {"a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",
          "ư",   "y",   "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",
          "ia",  "iê",  "iu",  "oa",  "oă",  "oe",  "oi",  "ôi",  "ơi",  "oo",
          "ua",  "uâ",  "uê",  "ui",  "uô",  "uơ",  "uy",  "ưa",  "ưi",  "ươ",
          "ưu",  "yê",  "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya",
          "uyê", "uyu", "ươi", "ươu", "yêu"}) {
      int code = 0;
      for (char32_t c : from_utf8(n)) code = code * 13 + (vowel[c] & 0x0F);
      nucleus[code] = true;
    }
  }

  static std::u32string from_utf8(const char* s) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    std::u32string out;
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
      out.push_back(static_cast<char32_t>(u.char32At(i)));
    }
    return out;
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

int vowel_base(const Tables& t, char32_t c) {
  return c < kTableSize && t.vowel[c] ? (t.vowel[c] & 0x0F) - 1 : -1;
}
int vowel_tone(const Tables& t, char32_t c) { return t.vowel[c] >> 4; }

bool is_consonant(char32_t c) {
  switch (c) {
    case U'b':
    case U'c':
    case U'd':
    case U'g':
    case U'h':
    case U'k':
    case U'l':
    case U'm':
    case U'n':
    case U'p':
    case U'q':
    case U'r':
    case U's':
    case U't':
    case U'v':
    case U'x':
    case 0x0111:
      return true;
    default:
      return false;
  }
}

bool is_valid_onset(std::u32string_view onset) {
  static constexpr std::u32string_view kOnsets[] = {
      U"",   U"b",  U"c", U"ch", U"d",  U"đ",  U"g",   U"gh", U"gi", U"h",
      U"k",  U"kh", U"l", U"m",  U"n",  U"ng", U"ngh", U"nh", U"p",  U"ph",
      U"qu", U"r",  U"s", U"t",  U"th", U"tr", U"v",   U"x"};
  for (std::u32string_view o : kOnsets) {
    if (o == onset) return true;
  }
  return false;
}

bool is_valid_coda(std::u32string_view coda) {
  static constexpr std::u32string_view kCodas[] = {
      U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};
  for (std::u32string_view c : kCodas) {
    if (c == coda) return true;
  }
  return false;
}

// The parts of a lower-case syllable: word[0, nucleus_begin) is the onset
// (including the u of qu- and the i of gi-), [nucleus_begin, coda_begin) the
// vowel nucleus, the rest the final consonant.
struct SyllableParts {
  bool valid = false;
  size_t nucleus_begin = 0;
  size_t coda_begin = 0;
  int tone = 0;
  int tone_count = 0;
};

SyllableParts parse_syllable(const Tables& t, std::u32string_view w) {
  SyllableParts p;
  size_t i = 0;
  while (i < w.size() && is_consonant(w[i])) ++i;
  // qu-: the u belongs to the onset. gi-: the i does when a vowel follows.
  if (i == 1 && w[0] == U'q') {
    if (i >= w.size() || vowel_base(t, w[i]) != kBaseU) return p;
    ++i;
  } else if (i == 1 && w[0] == U'g' && i + 1 < w.size() &&
             vowel_base(t, w[i]) == kBaseI && vowel_base(t, w[i + 1]) >= 0) {
    ++i;
  }
  // qu- and gi- were checked above; their vowel may carry a (misplaced) tone.
  const bool qu_gi = i == 2 && vowel_base(t, w[1]) >= 0;
  if (!qu_gi && !is_valid_onset(w.substr(0, i))) return p;
  p.nucleus_begin = i;
  int code = 0;
  size_t j = i;
  while (j < w.size() && vowel_base(t, w[j]) >= 0) {
    if (j - i == 3) return p;
    code = code * 13 + vowel_base(t, w[j]) + 1;
    ++j;
  }
  if (code == 0 || !t.nucleus[code]) return p;
  p.coda_begin = j;
  if (!is_valid_coda(w.substr(j))) return p;
  for (size_t k = 0; k < j; ++k) {
    const int base = vowel_base(t, w[k]);
    if (base < 0) continue;
    const int tone = vowel_tone(t, w[k]);
    if (tone != 0) {
      p.tone = tone;
      ++p.tone_count;
    }
  }
  p.valid = true;
  return p;
}

// Index (into the word) of the vowel that carries the tone, by the rule in
// vietnamese.h.
size_t tone_position(const Tables& t, std::u32string_view w,
                     const SyllableParts& p) {
  const size_t begin = p.nucleus_begin;
  const size_t n = p.coda_begin - begin;
  size_t last_marked = std::u32string_view::npos;
  for (size_t k = begin; k < p.coda_begin; ++k) {
    if (kHasQualityMark[vowel_base(t, w[k])]) last_marked = k;
  }
  if (last_marked != std::u32string_view::npos) return last_marked;
  if (n == 3) return begin + 1;
  if (n == 2) return p.coda_begin < w.size() ? begin + 1 : begin;
  return begin;
}

}  // namespace

char32_t lower_letter(char32_t c) {
  if (c < kTableSize) return tables().lower[c];
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

namespace {

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }

}  // namespace

char32_t latin_twin(char32_t c) {
  switch (c) {
    case 0x0410:
      return U'A';
    case 0x0412:
      return U'B';
    case 0x0415:
      return U'E';
    case 0x041A:
      return U'K';
    case 0x041C:
      return U'M';
    case 0x041D:
      return U'H';
    case 0x041E:
      return U'O';
    case 0x0420:
      return U'P';
    case 0x0421:
      return U'C';
    case 0x0422:
      return U'T';
    case 0x0425:
      return U'X';
    case 0x0423:
      return U'Y';
    case 0x0406:
      return U'I';
    case 0x0408:
      return U'J';
    case 0x0405:
      return U'S';
    case 0x0430:
      return U'a';
    case 0x0435:
      return U'e';
    case 0x043E:
      return U'o';
    case 0x0440:
      return U'p';
    case 0x0441:
      return U'c';
    case 0x0443:
      return U'y';
    case 0x0445:
      return U'x';
    case 0x0456:
      return U'i';
    case 0x0458:
      return U'j';
    case 0x0455:
      return U's';
    case 0x0501:
      return U'd';
    case 0x04BB:
      return U'h';
    case 0x051B:
      return U'q';
    case 0x051D:
      return U'w';
    case 0x043A:
      return U'k';
    default:
      return 0;
  }
}

std::u32string canonical_word(std::u32string_view word) {
  std::u32string out;
  canonicalize_word(word, out);
  return out;
}

void canonicalize_word(std::u32string_view word, std::u32string& w) {
  const Tables& t = tables();
  w.assign(word);
  bool cyrillic = false, all_twins = true;
  for (char32_t c : w) {
    if (is_cyrillic(c)) {
      cyrillic = true;
      if (latin_twin(c) == 0) all_twins = false;
    }
  }
  if (cyrillic && all_twins) {
    for (char32_t& c : w) {
      if (is_cyrillic(c)) c = latin_twin(c);
    }
  }
  bool toned = false;
  for (char32_t& c : w) {
    c = lower_letter(c);
    if (c < kTableSize && (t.vowel[c] >> 4) != 0) toned = true;
  }
  if (!toned) return;
  const SyllableParts p = parse_syllable(t, w);
  if (!p.valid || p.tone_count != 1) return;
  for (size_t k = 0; k < p.coda_begin; ++k) {
    const int base = vowel_base(t, w[k]);
    if (base >= 0) w[k] = t.compose[base][0];
  }
  const size_t at = tone_position(t, w, p);
  w[at] = t.compose[vowel_base(t, w[at])][p.tone];
}

void append_folded(std::u32string_view word, std::u32string& out) {
  const Tables& t = tables();
  for (char32_t c : word) {
    if (c < kTableSize) {
      const char32_t f = t.fold[c];
      if (f != 0) out.push_back(f);
    } else if (u_charType(static_cast<UChar32>(c)) != U_NON_SPACING_MARK) {
      out.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
  }
}

std::u32string folded_word(std::u32string_view word) {
  std::u32string out;
  out.reserve(word.size());
  append_folded(word, out);
  return out;
}

bool has_diacritic(char32_t c) {
  if (c < 0x80) return false;
  if (c >= kTableSize) {
    return u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
  }
  const Tables& t = tables();
  const char32_t l = t.lower[c];
  if (l == 0x0111) return true;
  if (l < kTableSize && t.vowel[l] != 0) {
    const int base = (t.vowel[l] & 0x0F) - 1;
    return kHasQualityMark[base] || (t.vowel[l] >> 4) != 0;
  }
  return t.fold[c] != l;  // other accented Latin letters, combining marks
}

bool has_diacritics(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char32_t c) { return has_diacritic(c); });
}

bool is_vietnamese_syllable(std::u32string_view lower) {
  const SyllableParts p = parse_syllable(tables(), lower);
  return p.valid && p.tone_count <= 1;
}

}  // namespace kb
