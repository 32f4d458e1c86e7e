// The lexer of the query language (query_builder.h): the text of a query as
// words, phrases, fields and operators.
#ifndef VNKB_SEARCH_SERVER_QUERY_LEXER_H_
#define VNKB_SEARCH_SERVER_QUERY_LEXER_H_

#include <string>
#include <vector>

namespace kb {

struct Lexeme {
  enum Kind {
    kText,
    kPhrase,
    kField,
    kAnd,
    kOr,
    kNot,
    kPlus,
    kMinus,
    kOpen,
    kClose,
    kEnd
  };
  Kind kind = kEnd;
  std::string text;   // text, phrase, field value
  std::string field;  // canonical field name (a facet of kDocumentFacets)
};

// The lexemes of `text` (NFC, as code points), ending with one kEnd.
// Consecutive words form one kText run, so that "1407 / QĐ - TTg" and
// multi-word names are analysed together; an unclosed quote ends the query.
// Never fails: the parser judges the order of the lexemes.
std::vector<Lexeme> lex_query(const std::u32string& text);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_QUERY_LEXER_H_
