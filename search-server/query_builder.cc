// The query language: lexer, recursive-descent parser, Xapian query.
#include "search-server/query_builder.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/analyzer.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "core/vietnamese.h"
#include "search-server/query_lexer.h"

namespace kb {
namespace {

using Q = Xapian::Query;

// Fixed scores that put a decision above everything that merely matches its
// words, and the documents citing it right after it.
constexpr double kOwnNumberWeight = 200;
constexpr double kCitingWeight = 100;
// Documents that amend, replace, … or only mention it: after those citing it.
constexpr double kRelatedWeight = 50;
constexpr double kSerialWeight = 150;

// Ranking weights, tuned on the ALQAC 2023 train queries (tools/eval; see
// docs/benchmarks.md). In an accented query the exact spelling counts twice
// its folded twin. Adjacent words score again as a phrase: fully for short
// queries (multi-syllable words), a quarter for long questions, where pairs
// of common words ("theo quy định") are mostly noise (1.0 -> nDCG@10 0.871,
// 0.25 -> 0.909, 0 -> 0.889).
constexpr double kExactTierWeight = 2.0;
constexpr double kPairWeightShort = 1.0;
constexpr double kPairWeightLong = 0.25;

Q fixed_weight(const Q& boolean, double weight) {
  // A posting source that gives every document `weight`, intersected with
  // the boolean query (which adds nothing to the score).
  return Q(Q::OP_AND,
           Q((new Xapian::FixedWeightPostingSource(weight))->release()),
           Q(Q::OP_SCALE_WEIGHT, boolean, 0.0));
}

Q boolean(const std::string& term) {
  return Q(Q::OP_SCALE_WEIGHT, Q(term), 0.0);
}

Q combine(Q::op op, const std::vector<Q>& parts) {
  if (parts.empty()) return Q();
  if (parts.size() == 1) return parts[0];
  return Q(op, parts.begin(), parts.end());
}

std::string folded_term(const std::string& folded) {
  return std::string(schema::kFoldedPrefix) + folded;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

class QueryBuilder::Parser {
 public:
  // `folded_only`: words and phrases in the folded tier alone, which matches
  // the same documents (every document holds a word's folded term where it
  // holds its exact one) for half the posting lists; phrases with the help
  // of XPAIR terms. For counting passes, never for ranking.
  Parser(const QueryBuilder& b, std::string_view text, QueryMode mode,
         ParsedQuery& out, bool folded_only = false)
      : b_(b), mode_(mode), out_(out), folded_only_(folded_only) {
    lexemes_ = lex_query(utf8_to_u32(to_nfc(text)));
  }

  // True when the query was plain words (no operators, quotes or fields).
  bool only_text() const {
    return std::all_of(lexemes_.begin(), lexemes_.end(), [](const Lexeme& l) {
      return l.kind == Lexeme::kText || l.kind == Lexeme::kEnd;
    });
  }

  Q run() {
    if (lexemes_.size() == 1) return Q();  // only kEnd
    Q q = parse_or();
    if (peek().kind == Lexeme::kClose)
      throw QuerySyntaxError("unbalanced ')': no '(' before it");
    if (peek().kind != Lexeme::kEnd)
      throw QuerySyntaxError("unexpected text in the query");
    return q;
  }

 private:
  // One operand of an AND/OR level, with its + / - / NOT mark.
  struct Unit {
    Q query;
    bool required = false;
    bool excluded = false;
  };

  const Lexeme& peek() const { return lexemes_[pos_]; }
  const Lexeme& next() { return lexemes_[pos_++]; }

  Q parse_or() {
    std::vector<Q> alternatives = {parse_and()};
    while (peek().kind == Lexeme::kOr) {
      next();
      if (peek().kind == Lexeme::kEnd || peek().kind == Lexeme::kClose ||
          peek().kind == Lexeme::kOr) {
        throw QuerySyntaxError("OR needs a word after it");
      }
      alternatives.push_back(parse_and());
    }
    return combine(Q::OP_OR, alternatives);
  }

  Q parse_and() {
    std::vector<Unit> units;
    bool explicit_and = false;
    for (;;) {
      const Lexeme::Kind k = peek().kind;
      if (k == Lexeme::kEnd || k == Lexeme::kClose || k == Lexeme::kOr) break;
      if (k == Lexeme::kAnd) {
        next();
        if (units.empty()) throw QuerySyntaxError("AND needs a word before it");
        const Lexeme::Kind after = peek().kind;
        if (after == Lexeme::kEnd || after == Lexeme::kClose ||
            after == Lexeme::kOr) {
          throw QuerySyntaxError("AND needs a word after it");
        }
        explicit_and = true;
        continue;
      }
      parse_unary(units);
    }
    if (units.empty()) {
      if (peek().kind == Lexeme::kOr)
        throw QuerySyntaxError("OR needs a word before it");
      return Q();
    }
    std::vector<Q> required, optional, excluded;
    for (Unit& u : units) {
      if (u.query.empty()) continue;
      if (u.excluded) {
        excluded.push_back(u.query);
      } else if (u.required || explicit_and || mode_ == QueryMode::kAllWords) {
        required.push_back(u.query);
      } else {
        optional.push_back(u.query);
      }
    }
    Q positive;
    if (!required.empty() && !optional.empty()) {
      positive = Q(Q::OP_AND_MAYBE, combine(Q::OP_AND, required),
                   combine(Q::OP_OR, optional));
    } else if (!required.empty()) {
      positive = combine(Q::OP_AND, required);
    } else {
      positive = combine(Q::OP_OR, optional);
    }
    if (!excluded.empty()) {
      if (positive.empty()) positive = Q::MatchAll;
      positive = Q(Q::OP_AND_NOT, positive, combine(Q::OP_OR, excluded));
    }
    return positive;
  }

  void parse_unary(std::vector<Unit>& units) {
    const Lexeme::Kind k = peek().kind;
    if (k == Lexeme::kNot || k == Lexeme::kMinus || k == Lexeme::kPlus) {
      next();
      const Lexeme::Kind after = peek().kind;
      if (after == Lexeme::kEnd || after == Lexeme::kClose ||
          after == Lexeme::kOr || after == Lexeme::kAnd) {
        throw QuerySyntaxError(k == Lexeme::kNot
                                   ? "NOT needs a word after it"
                                   : "'+' or '-' needs a word after it");
      }
      const size_t first = units.size();
      parse_unary(units);
      if (units.size() > first) {
        // A mark applies to the first unit of what follows ("-word").
        if (k == Lexeme::kPlus) {
          units[first].required = true;
        } else {
          units[first].excluded = true;
          units[first].required = false;
        }
      }
      return;
    }
    parse_atom(units);
  }

  void parse_atom(std::vector<Unit>& units) {
    const Lexeme lx = next();
    switch (lx.kind) {
      case Lexeme::kOpen: {
        Q inner = parse_or();
        if (peek().kind != Lexeme::kClose)
          throw QuerySyntaxError("missing ')'");
        next();
        units.push_back({inner});
        return;
      }
      case Lexeme::kPhrase:
        units.push_back({phrase(lx.text)});
        return;
      case Lexeme::kField:
        units.push_back({field(lx.field, lx.text)});
        return;
      case Lexeme::kText:
        text_run(lx.text, units);
        return;
      default:
        throw QuerySyntaxError("unexpected operator");
    }
  }

  // --- Words ----------------------------------------------------------------

  Q word_query(const Token& t) {
    out_.highlight_terms.insert(folded_term(t.folded));
    if (!out_.accented || folded_only_) return Q(folded_term(t.folded));
    out_.highlight_terms.insert(t.exact);
    return Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, Q(t.exact), kExactTierWeight),
             Q(folded_term(t.folded)));
  }

  Q phrase_of(const std::vector<const Token*>& tokens, bool folded) {
    std::vector<Q> terms;
    for (const Token* t : tokens)
      terms.emplace_back(folded ? folded_term(t->folded) : t->exact);
    if (terms.size() == 1) return terms[0];
    Q phrase(Q::OP_PHRASE, terms.begin(), terms.end(),
             static_cast<Xapian::termcount>(terms.size()));
    if (!folded || !folded_only_ || !b_.pairs_indexed_) return phrase;
    // Counting: the XPAIR terms match a two-word phrase exactly, and leave
    // a longer one few documents to check positions in.
    std::vector<Q> pairs;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i]->kind != TokenKind::kWord ||
          tokens[i + 1]->kind != TokenKind::kWord) {
        return phrase;  // numbers sit at positions of their own
      }
      std::string pair =
          schema::pair_term(tokens[i]->folded, tokens[i + 1]->folded);
      if (pair.size() > schema::kMaxTermBytes) return phrase;
      pairs.emplace_back(std::move(pair));
    }
    if (pairs.size() == 1) return pairs[0];
    return Q(Q::OP_FILTER, phrase, Q(Q::OP_AND, pairs.begin(), pairs.end()));
  }

  Q phrase(const std::string& text) {
    const Analysis a = analyze(text);
    std::vector<const Token*> tokens;
    for (const Token& t : a.tokens) {
      if (t.kind == TokenKind::kDocNumberPart)
        continue;  // the entity stands for them
      tokens.push_back(&t);
      out_.highlight_terms.insert(folded_term(t.folded));
      if (out_.accented) out_.highlight_terms.insert(t.exact);
    }
    if (tokens.empty()) return Q();
    out_.has_text = true;
    if (!out_.accented || folded_only_) return phrase_of(tokens, true);
    return Q(Q::OP_OR, Q(Q::OP_SCALE_WEIGHT, phrase_of(tokens, false), 2.0),
             phrase_of(tokens, true));
  }

  Q field(const std::string& name, const std::string& value) {
    const Facet* facet = find_facet(kDocumentFacets, name);
    const std::optional<FacetTerm> term =
        facet ? (b_.facets_.*(facet->resolve))(value) : std::nullopt;
    if (!term) {
      out_.warnings.push_back("unknown " + name + " '" + value + "'");
      return Q::MatchNothing;
    }
    if (facet->name == "number") return number_query(term->term);
    return boolean(term->term);
  }

  // The decision itself first, then the documents citing it, then those
  // amending, replacing or mentioning it. `own` is an
  // XNUM (full number) or XSER (serial and type) term.
  Q number_query(const std::string& own) {
    std::vector<Q> parts;
    const bool full = own.rfind(schema::kNumberPrefix, 0) == 0;
    parts.push_back(
        fixed_weight(Q(own), full ? kOwnNumberWeight : kSerialWeight));
    std::set<std::string> keys;
    if (full) {
      keys.insert(own.substr(schema::kNumberPrefix.size()));
    } else {
      // Which full numbers does this serial stand for in the collection?
      for (auto it = b_.db_.postlist_begin(own); it != b_.db_.postlist_end(own);
           ++it) {
        const std::string key =
            b_.db_.get_document(*it).get_value(schema::kNumberSlot);
        if (!key.empty()) keys.insert(key);
        if (keys.size() >= 20) break;
      }
    }
    for (const std::string& key : keys) {
      out_.number_keys.push_back(key);
      parts.push_back(fixed_weight(Q(schema::term(schema::kCitePrefix, key)),
                                   kCitingWeight));
      parts.push_back(fixed_weight(Q(schema::term(schema::kRelatedPrefix, key)),
                                   kRelatedWeight));
    }
    return combine(Q::OP_OR, parts);
  }

  // A run of plain text: words, numbers, "QĐ 1407", taxonomy names.
  void text_run(const std::string& text, std::vector<Unit>& units) {
    const Analysis a = analyze(text);
    const std::vector<Token>& t = a.tokens;
    // Taxonomy names (not topic keywords) by first token.
    std::map<size_t, Mention> mentions;
    for (const Mention& m : b_.taxonomy_.find_mentions(a)) {
      if (!m.by_keyword && !mentions.count(m.first_token))
        mentions[m.first_token] = m;
    }
    std::vector<const Token*> run_words;  // for adjacency boosts
    auto flush_boosts = [&]() {
      if (run_words.size() >= 2) {
        std::vector<Q> pairs;
        for (size_t i = 0; i + 1 < run_words.size(); ++i) {
          pairs.push_back(phrase_of({run_words[i], run_words[i + 1]}, true));
        }
        boosts_.push_back(Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_OR, pairs),
                            mode_ == QueryMode::kAllWords ? kPairWeightShort
                                                          : kPairWeightLong));
      }
      run_words.clear();
    };
    size_t i = 0;
    while (i < t.size()) {
      const Token& tok = t[i];
      if (tok.kind == TokenKind::kDocNumber) {
        flush_boosts();
        out_.simple = false;
        const auto n =
            parse_doc_number(a.text.substr(tok.begin, tok.end - tok.begin));
        size_t j = i + 1;
        while (j < t.size() && t[j].kind == TokenKind::kDocNumberPart) ++j;
        std::vector<const Token*> parts;
        for (size_t k = i + 1; k < j; ++k) parts.push_back(&t[k]);
        std::vector<Q> alts;
        if (n) {
          if (auto own = b_.facets_.number(n->display()))
            alts.push_back(number_query(own->term));
        }
        alts.push_back(Q(Q::OP_OR, Q(tok.exact), Q(folded_term(tok.folded))));
        out_.highlight_terms.insert(tok.exact);
        out_.highlight_terms.insert(folded_term(tok.folded));
        units.push_back({combine(Q::OP_OR, alts)});
        out_.has_text = true;
        i = j;
        continue;
      }
      // "QĐ 1407", "quyết định số 1407", "nghị định 30/2020".
      if (auto matched = serial_with_type(a, i)) {
        flush_boosts();
        out_.simple = false;
        std::vector<const Token*> words;
        for (size_t k = i; k < matched->second; ++k) words.push_back(&t[k]);
        std::vector<Q> word_terms;
        for (const Token* w : words)
          word_terms.emplace_back(folded_term(w->folded));
        std::vector<Q> alts = {number_query(matched->first),
                               combine(Q::OP_AND, word_terms)};
        for (const Token* w : words)
          out_.highlight_terms.insert(folded_term(w->folded));
        units.push_back({combine(Q::OP_OR, alts)});
        out_.has_text = true;
        i = matched->second;
        continue;
      }
      auto m = mentions.find(i);
      if (m != mentions.end() && m->second.token_count > 0) {
        flush_boosts();
        std::vector<const Token*> words;
        for (size_t k = i; k < i + m->second.token_count; ++k) {
          words.push_back(&t[k]);
          out_.words.push_back(t[k].folded);
          out_.exact_words.push_back(t[k].exact);
          out_.highlight_terms.insert(folded_term(t[k].folded));
          if (out_.accented) out_.highlight_terms.insert(t[k].exact);
        }
        const std::string entity =
            schema::term(schema::kEntityPrefix, m->second.entry->id);
        units.push_back(
            {Q(Q::OP_OR, phrase_of(words, !out_.accented), Q(entity))});
        out_.has_text = true;
        i += m->second.token_count;
        continue;
      }
      if (tok.kind == TokenKind::kDocNumberPart) {
        ++i;
        continue;
      }
      units.push_back({word_query(tok)});
      run_words.push_back(&tok);
      out_.words.push_back(tok.folded);
      out_.exact_words.push_back(tok.exact);
      ++out_.word_count;
      out_.has_text = true;
      ++i;
    }
    flush_boosts();
  }

  // A document type (code or name, 1-3 tokens), optional "số", then a serial:
  // returns the XSER term and the token index after the match.
  std::optional<std::pair<std::string, size_t>> serial_with_type(
      const Analysis& a, size_t i) {
    const std::vector<Token>& t = a.tokens;
    for (size_t len = 1; len <= 3 && i + len < t.size(); ++len) {
      std::string name;
      for (size_t k = i; k < i + len; ++k) {
        if (t[k].kind != TokenKind::kWord) return std::nullopt;
        name += (name.empty() ? "" : " ") + t[k].exact;
      }
      std::string code = len == 1 ? canonical_code(name) : std::string();
      if (code.empty() || type_name_for_code(code).empty())
        code = type_code_for_name(name);
      if (code.empty()) continue;
      size_t j = i + len;
      if (j < t.size() && t[j].folded == "so") ++j;
      if (j >= t.size() || t[j].kind != TokenKind::kNumber) continue;
      const std::string& serial = t[j].exact;
      const std::string type_key = schema::facet_key(code);
      std::string key;
      const size_t slash = serial.find('/');
      if (slash == std::string::npos && is_digits(serial)) {
        key = std::to_string(std::stoll(serial.substr(0, 9))) + "/" + type_key;
      } else if (slash != std::string::npos &&
                 is_digits(serial.substr(0, slash)) &&
                 serial.size() - slash - 1 == 4 &&
                 is_digits(serial.substr(slash + 1))) {
        key = std::to_string(
                  std::stoll(serial.substr(0, std::min<size_t>(slash, 9)))) +
              "/" + serial.substr(slash + 1) + "/" + type_key;
      } else {
        continue;
      }
      return std::make_pair(schema::term(schema::kSerialPrefix, key), j + 1);
    }
    return std::nullopt;
  }

 public:
  std::vector<Q> boosts_;

 private:
  const QueryBuilder& b_;
  QueryMode mode_;
  ParsedQuery& out_;
  const bool folded_only_;
  std::vector<Lexeme> lexemes_;
  size_t pos_ = 0;
};

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Taxonomy& taxonomy)
    : db_(db),
      taxonomy_(taxonomy),
      facets_(taxonomy),
      pairs_indexed_(
          std::atoi(db.get_metadata(std::string(schema::kSchemaVersionKey))
                        .c_str()) >= 4) {}

ParsedQuery QueryBuilder::parse(std::string_view text, QueryMode mode) const {
  ParsedQuery out;
  out.accented = has_diacritics(utf8_to_u32(to_nfc(text)));
  Parser p(*this, text, mode, out);
  Q q = p.run();
  out.simple = out.simple && p.only_text() && out.number_keys.empty();
  out.match = q;
  ParsedQuery scratch;
  scratch.accented = out.accented;
  out.count = Parser(*this, text, mode, scratch, /*folded_only=*/true).run();
  out.boosted = !p.boosts_.empty() && !q.empty();
  if (out.boosted) {
    // Adjacent words score again as a phrase: multi-syllable words rank high.
    q = Q(Q::OP_AND_MAYBE, q, combine(Q::OP_OR, p.boosts_));
  }
  out.query = q;
  return out;
}

}  // namespace kb
