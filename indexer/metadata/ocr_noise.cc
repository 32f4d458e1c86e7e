// OCR noise in recognised lines (see ocr_noise.h).
#include "indexer/metadata/ocr_noise.h"

#include <unicode/uchar.h>

#include "core/common_syllables.h"
#include "core/vietnamese.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {
namespace {

// The letters of Vietnamese, lower case (f, j, w, z for loan words).
constexpr std::u32string_view kVietnameseLetters =
    U"aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrs"
    U"tuùúủũụưừứửữựvxyỳýỷỹỵfjwz";

bool is_vietnamese_letter(char32_t c) {
  const char32_t lower =
      static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return kVietnameseLetters.find(lower) != std::u32string_view::npos;
}

bool is_noise(std::u32string_view token) {
  size_t b = 0;
  size_t e = token.size();
  while (b < e && !is_alnum(token[b])) ++b;
  while (e > b && !is_alnum(token[e - 1])) --e;
  if (b == e) {
    return !(token == U"-" || token == U"–" || token == U"—");
  }
  const std::u32string_view core = token.substr(b, e - b);
  for (char32_t c : core) {
    if (is_digit(c)) return false;  // numbers and codes
  }
  for (char32_t c : core) {
    if (is_alnum(c) && !is_vietnamese_letter(c)) return true;
  }
  if (core.size() > 2) return false;
  return !is_common_syllable(canonical_word(core));
}

}  // namespace

std::u32string drop_ocr_noise(std::u32string_view line, size_t* noise,
                              size_t* tokens) {
  std::u32string out;
  size_t dropped = 0;
  size_t read = 0;
  for (size_t i = 0; i < line.size();) {
    if (is_blank_char(line[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && !is_blank_char(line[j])) ++j;
    const std::u32string_view token = line.substr(i, j - i);
    ++read;
    if (is_noise(token)) {
      ++dropped;
    } else {
      if (!out.empty()) out += U' ';
      out += token;
    }
    i = j;
  }
  if (noise != nullptr) *noise = dropped;
  if (tokens != nullptr) *tokens = read;
  return out;
}

bool is_ocr_noise_line(std::u32string_view line) {
  size_t noise = 0;
  size_t tokens = 0;
  drop_ocr_noise(line, &noise, &tokens);
  return tokens > 0 && noise * 5 >= tokens * 2;
}

}  // namespace kb::metadata
