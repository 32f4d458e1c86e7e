// The legacy Vietnamese encodings as data: which byte (read as a Latin-1
// code point) stands for which Unicode letter or mark in TCVN3, VNI-Windows
// and VIQR. The code that reads them is core/legacy_words.cc; detection is
// core/legacy_encoding.cc.
#ifndef VNKB_CORE_LEGACY_TABLES_H_
#define VNKB_CORE_LEGACY_TABLES_H_

#include <array>

namespace kb::legacy {

// Combining marks: vowel qualities and tones.
inline constexpr char32_t kBreve = 0x0306, kCircumflex = 0x0302, kHorn = 0x031B;
inline constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kHook = 0x0309,
                          kTilde = 0x0303, kDotBelow = 0x0323;

// --- TCVN3 ------------------------------------------------------------------

// TCVN 5712:1993 bytes 0x80..0xFF (VN1, a superset of TCVN3/ABC, which uses
// 0xA0..0xFF). Cross-checked against glibc's TCVN5712-1 in the tests.
inline constexpr std::array<char32_t, 128> kTcvn3High = {
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

// --- VNI-Windows
// --------------------------------------------------------------

// The combining marks a VNI mark byte stands for after a vowel (lower-case
// form; upper-case mark bytes are the Latin-1 upper-case letters).
struct VniMark {
  char32_t byte;
  char32_t quality;  // 0, kCircumflex or kBreve
  char32_t tone;     // 0 or a tone mark
};
inline constexpr std::array<VniMark, 17> kVniMarks = {{
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
    {0xEB, kBreve, kDotBelow},
}};

// Bytes that stand for a whole letter, whatever precedes them.
struct VniLetter {
  char32_t byte;
  char32_t letter;
};
inline constexpr std::array<VniLetter, 10> kVniLetters = {{
    {0xF1, 0x0111},  // ñ -> đ
    {0xD1, 0x0110},  // Ñ -> Đ
    {0xE6, 0x1EC9},  // æ -> ỉ
    {0xC6, 0x1EC8},  // Æ -> Ỉ
    {0xF3, 0x0129},  // ó -> ĩ
    {0xD3, 0x0128},  // Ó -> Ĩ
    {0xF2, 0x1ECB},  // ò -> ị
    {0xD2, 0x1ECA},  // Ò -> Ị
    {0xEE, 0x1EF5},  // î -> ỵ
    {0xCE, 0x1EF4},  // Î -> Ỵ
}};

// The vowels with a horn: ô/Ô stand for ơ/Ơ and ö/Ö for ư/Ư.
struct VniHornVowel {
  char32_t byte;
  char32_t base;  // the vowel the horn goes on
};
inline constexpr std::array<VniHornVowel, 4> kVniHornVowels = {{
    {0xF4, U'o'},
    {0xD4, U'O'},
    {0xF6, U'u'},
    {0xD6, U'U'},
}};

// Bytes that Unicode Vietnamese never shows after a letter: a word holding
// one is VNI. (A vowel followed by a mark byte, "oà", "aù", proves nothing:
// Unicode Vietnamese is full of those sequences.)
inline constexpr std::array<char32_t, 22> kVniSignatureBytes = {
    0xF8, 0xFB, 0xEF, 0xE5, 0xE4, 0xEB, 0xFC, 0xF6, 0xF1, 0xE6, 0xEE,
    0xD8, 0xDB, 0xCF, 0xC5, 0xC4, 0xCB, 0xDC, 0xD6, 0xD1, 0xC6, 0xCE,
};

// --- VIQR
// ---------------------------------------------------------------------

// The ASCII marks typed after a vowel for its tone.
struct ViqrTone {
  char32_t mark;
  char32_t tone;
};
inline constexpr std::array<ViqrTone, 5> kViqrTones = {{
    {U'\'', kAcute},
    {U'`', kGrave},
    {U'?', kHook},
    {U'~', kTilde},
    {U'.', kDotBelow},
}};

}  // namespace kb::legacy

#endif  // VNKB_CORE_LEGACY_TABLES_H_
