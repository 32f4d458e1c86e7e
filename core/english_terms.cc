// The English tier (see english_terms.h).
#include "core/english_terms.h"

#include "core/schema.h"

namespace kb {
namespace {

// Xapian::Stem is not thread-safe to share; one per thread is cheap.
const Xapian::Stem& english_stemmer() {
  thread_local const Xapian::Stem stem("english");
  return stem;
}

bool english_word(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::string english_stem_term(std::string_view folded_word) {
  if (!english_word(folded_word)) return {};
  std::string t(schema::kStemPrefix);
  t += english_stemmer()(std::string(folded_word));
  return t;
}

std::string english_stem_term(const Token& token) {
  if (token.kind != TokenKind::kWord || token.exact != token.folded) return {};
  return english_stem_term(token.folded);
}

void add_english_terms(Xapian::Document& doc, const Analysis& analysis,
                       Xapian::termcount wdf_inc) {
  for (const Token& t : analysis.tokens) {
    const std::string stem = english_stem_term(t);
    if (!stem.empty()) doc.add_term(stem, wdf_inc);
  }
}

}  // namespace kb
