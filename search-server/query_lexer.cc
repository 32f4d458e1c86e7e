// The lexer of the query language.
#include "search-server/query_lexer.h"

#include <algorithm>
#include <cctype>

#include "core/facets.h"
#include "core/utf8.h"

namespace kb {
namespace {

bool is_space_char(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 ||
         c == 0x3000;
}
bool is_quote(char32_t c) {
  return c == U'"' || c == 0x201C || c == 0x201D || c == 0x201E;
}

}  // namespace

std::vector<Lexeme> lex_query(const std::u32string& s) {
  std::vector<Lexeme> lexemes;
  // After "+" or "-": the next word stays alone ("-word").
  bool after_modifier = false;
  size_t i = 0;
  auto push = [&](Lexeme::Kind k, std::string text = {},
                  std::string field = {}) {
    lexemes.push_back({k, std::move(text), std::move(field)});
  };
  while (i < s.size()) {
    const char32_t c = s[i];
    if (is_space_char(c)) {
      ++i;
      continue;
    }
    if (c == U'(') {
      push(Lexeme::kOpen);
      ++i;
      continue;
    }
    if (c == U')') {
      push(Lexeme::kClose);
      ++i;
      continue;
    }
    if (is_quote(c)) {
      size_t j = i + 1;
      while (j < s.size() && !is_quote(s[j]))
        ++j;  // an unclosed quote ends the query
      push(Lexeme::kPhrase, u32_to_utf8(s.substr(i + 1, j - i - 1)));
      i = j + 1;
      continue;
    }
    if ((c == U'+' || c == U'-') && i + 1 < s.size() &&
        !is_space_char(s[i + 1]) &&
        (i == 0 || is_space_char(s[i - 1]) || s[i - 1] == U'(')) {
      push(c == U'+' ? Lexeme::kPlus : Lexeme::kMinus);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !is_space_char(s[j]) && s[j] != U'(' &&
           s[j] != U')' && !is_quote(s[j])) {
      ++j;
    }
    const std::string chunk = u32_to_utf8(s.substr(i, j - i));
    i = j;
    if (chunk == "AND" || chunk == "&&") {
      push(Lexeme::kAnd);
      continue;
    }
    if (chunk == "OR" || chunk == "||") {
      push(Lexeme::kOr);
      continue;
    }
    if (chunk == "NOT") {
      push(Lexeme::kNot);
      continue;
    }
    const size_t colon = chunk.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::string name = chunk.substr(0, colon);
      std::transform(
          name.begin(), name.end(), name.begin(),
          [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      if (const Facet* f = facet_for_query_field(to_nfc(name))) {
        std::string value = chunk.substr(colon + 1);
        if (value.empty() && i < s.size() && is_quote(s[i])) {
          size_t k = i + 1;
          while (k < s.size() && !is_quote(s[k])) ++k;
          value = u32_to_utf8(s.substr(i + 1, k - i - 1));
          i = k + 1;
        }
        push(Lexeme::kField, value, std::string(f->name));
        continue;
      }
    }
    // Consecutive chunks form one text run, so "1407 / QĐ - TTg" and
    // multi-word names are analysed together.
    if (!lexemes.empty() && lexemes.back().kind == Lexeme::kText &&
        !after_modifier) {
      lexemes.back().text += ' ';
      lexemes.back().text += chunk;
    } else {
      push(Lexeme::kText, chunk);
    }
    after_modifier = false;
    if (lexemes.size() >= 2 &&
        (lexemes[lexemes.size() - 2].kind == Lexeme::kPlus ||
         lexemes[lexemes.size() - 2].kind == Lexeme::kMinus)) {
      after_modifier = true;  // "-word" stays alone
    }
  }
  push(Lexeme::kEnd);
  return lexemes;
}

}  // namespace kb
