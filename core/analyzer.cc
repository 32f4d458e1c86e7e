// Tokenization into exact and folded terms; see analyzer.h.
#include "core/analyzer.h"

#include <unicode/uchar.h>

#include "core/dates.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return is_ascii_digit(c) || ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  }
  if (c == 0x00AD || c == 0x200B) return false;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return false;
  }
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 ||
         c == U'\f' || c == U'\v' || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200A);
}

size_t utf8_length(char32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

// Maps code-point offsets to byte offsets, moving in either direction from
// the last answer (tokens are visited almost in order).
class ByteCursor {
 public:
  explicit ByteCursor(std::u32string_view text) : text_(text) {}
  uint32_t at(size_t index) {
    while (index_ < index) byte_ += utf8_length(text_[index_++]);
    while (index_ > index) byte_ -= utf8_length(text_[--index_]);
    return static_cast<uint32_t>(byte_);
  }

 private:
  std::u32string_view text_;
  size_t index_ = 0;
  size_t byte_ = 0;
};

// "d/m/yyyy" (or with - or .) as "yyyy-mm-dd"; empty when not a date
// (core/dates.h parse_dmy).
std::string as_iso_date(std::u32string_view s) {
  std::string ascii;
  ascii.reserve(s.size());
  for (char32_t c : s) {
    if (c >= 0x80) return {};
    ascii.push_back(static_cast<char>(c));
  }
  const auto date = parse_dmy(ascii);
  return date ? format_iso(*date) : std::string();
}

class Tokenizer {
 public:
  Tokenizer(std::u32string_view text, Analysis& out, bool canonical_text)
      : t_(text), out_(out), cursor_(text), canonical_text_(canonical_text) {}

  void run() {
    size_t i = 0;
    bool pending_space = false;
    while (i < t_.size()) {
      const char32_t c = t_[i];
      if (is_ascii_digit(c)) {
        if (auto m = match_doc_number(t_, i)) {
          flush_space(pending_space);
          emit_doc_number(*m);
          i = m->end;
          continue;
        }
        flush_space(pending_space);
        i = scan_number(i);
        continue;
      }
      if (is_word_char(c)) {
        flush_space(pending_space);
        size_t j = i + 1;
        while (j < t_.size() && is_word_char(t_[j])) ++j;
        emit_word(i, j);
        i = j;
        continue;
      }
      if (canonical_text_) {
        if (is_space(c)) {
          pending_space = true;
        } else {
          flush_space(pending_space);
          append_utf8(c, out_.canonical);
          append_utf8(c, out_.folded);
        }
      }
      ++i;
    }
  }

 private:
  void flush_space(bool& pending) {
    if (pending && canonical_text_ && !out_.canonical.empty()) {
      out_.canonical.push_back(' ');
      out_.folded.push_back(' ');
    }
    pending = false;
  }

  void emit(std::u32string_view exact, std::u32string_view folded, size_t begin,
            size_t end, TokenKind kind, bool advance) {
    Token tok;
    tok.exact = u32_to_utf8(exact);
    if (tok.exact.size() > kMaxTermBytes) return;
    tok.folded = u32_to_utf8(folded);
    tok.position = position_;
    tok.begin = cursor_.at(begin);
    tok.end = cursor_.at(end);
    tok.kind = kind;
    out_.tokens.push_back(std::move(tok));
    if (advance) ++position_;
  }

  void emit_word(size_t begin, size_t end) {
    canonicalize_word(t_.substr(begin, end - begin), exact_);
    folded_.clear();
    append_folded(exact_, folded_);
    emit(exact_, folded_, begin, end, TokenKind::kWord, true);
    if (canonical_text_) {
      out_.canonical += u32_to_utf8(exact_);
      out_.folded += u32_to_utf8(folded_);
    }
  }

  // Digits joined by . , / - (1.000.000, 3,5, 16/8/2021); a run that goes on
  // into letters ("2a") is a word.
  size_t scan_number(size_t i) {
    size_t j = i;
    while (j < t_.size() && is_ascii_digit(t_[j])) ++j;
    while (j + 1 < t_.size() &&
           (t_[j] == U'.' || t_[j] == U',' || t_[j] == U'/' || t_[j] == U'-') &&
           is_ascii_digit(t_[j + 1])) {
      j += 1;
      while (j < t_.size() && is_ascii_digit(t_[j])) ++j;
    }
    if (j < t_.size() && is_word_char(t_[j])) {
      size_t k = j;
      while (k < t_.size() && is_word_char(t_[k])) ++k;
      // Only a pure digit run may run into letters ("13abc", "2a").
      bool plain = true;
      for (size_t p = i; p < j; ++p) plain = plain && is_ascii_digit(t_[p]);
      if (plain) {
        emit_word(i, k);
        return k;
      }
    }
    const std::u32string_view raw = t_.substr(i, j - i);
    const std::string date = as_iso_date(raw);
    const std::u32string term =
        date.empty() ? std::u32string(raw) : utf8_to_u32(date);
    emit(term, term, i, j, TokenKind::kNumber, true);
    if (canonical_text_) {
      out_.canonical += u32_to_utf8(term);
      out_.folded += u32_to_utf8(term);
    }
    return j;
  }

  void emit_doc_number(const NumberMatch& m) {
    const DocNumber& n = m.number;
    const std::string key = n.key();
    std::u32string exact;
    {
      DocNumber stripped = n;
      size_t z = 0;
      while (z + 1 < stripped.serial.size() && stripped.serial[z] == '0') ++z;
      stripped.serial = stripped.serial.substr(z);
      for (char32_t c : utf8_to_u32(stripped.display()))
        exact.push_back(lower_letter(c));
    }
    const std::u32string folded = utf8_to_u32(key);
    emit(exact, folded, m.begin, m.end, TokenKind::kDocNumber, false);
    out_.numbers.push_back(n);
    // The parts: serial (sharing the entity's position), year, codes.
    const std::u32string serial = folded.substr(0, folded.find(U'/'));
    emit(serial, serial, m.begin, m.end, TokenKind::kDocNumberPart, true);
    if (!n.year.empty()) {
      const std::u32string year = utf8_to_u32(n.year);
      emit(year, year, m.begin, m.end, TokenKind::kDocNumberPart, true);
    }
    for (const std::string& code : n.codes) {
      canonicalize_word(utf8_to_u32(code), exact_);
      folded_.clear();
      append_folded(exact_, folded_);
      emit(exact_, folded_, m.begin, m.end, TokenKind::kDocNumberPart, true);
    }
    if (canonical_text_) {
      // The canonical spelling (not lower-cased), so that analysing the
      // canonical text finds the same entity again.
      DocNumber canonical = n;
      canonical.serial = u32_to_utf8(serial);
      out_.canonical += canonical.display();
      out_.folded += key;
    }
  }

  std::u32string_view t_;
  Analysis& out_;
  ByteCursor cursor_;
  bool canonical_text_;
  uint32_t position_ = 0;
  std::u32string exact_, folded_;  // reused buffers
};

}  // namespace

Analysis analyze(std::string_view utf8, const AnalyzeOptions& options) {
  Analysis out;
  // One validation, then at most one repaired copy and one normalized copy.
  std::string owned;
  std::string_view text = utf8;
  if (!is_valid_utf8(text)) {
    owned = u32_to_utf8(utf8_to_u32(text));
    text = owned;
  }
  if (options.repair_legacy) {
    DecodedText decoded;
    if (repair_legacy_lines(text, decoded)) {
      out.encoding = decoded.encoding;
      owned = std::move(decoded.text);
      text = owned;
    }
  }
  out.text =
      valid_utf8_to_nfc(owned.empty() ? std::string(text) : std::move(owned));
  const std::u32string code_points = utf8_to_u32(out.text);
  // About one token per 4.8 characters in Vietnamese (syllables): a
  // reserve short of that would double the vector, and a page can be a
  // whole file.
  out.tokens.reserve(code_points.size() / 4);
  Tokenizer(code_points, out, options.canonical_text).run();
  return out;
}

std::string canonical_string(std::string_view utf8) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  options.canonical_text = true;
  return analyze(utf8, options).canonical;
}

std::string folded_string(std::string_view utf8) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  options.canonical_text = true;
  return analyze(utf8, options).folded;
}

}  // namespace kb
