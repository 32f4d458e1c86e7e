// The query language: lexer, recursive-descent parser, Xapian query.
#include "search-server/query_builder.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/analyzer.h"
#include "core/schema.h"
#include "core/utf8.h"
#include "core/vietnamese.h"
#include "core/word_pairs.h"
#include "search-server/counting_weight.h"
#include "search-server/cross_language.h"
#include "search-server/english_query.h"
#include "search-server/number_query.h"
#include "search-server/query_lexer.h"
#include "search-server/search_filters.h"

namespace kb {
namespace {

using Q = Xapian::Query;

// Ranking weights, tuned on the ALQAC 2023 train queries (tools/eval; see
// docs/benchmarks.md). Adjacent words score again as a phrase: fully for short
// queries (multi-syllable words), a quarter for long questions, where pairs
// of common words ("theo quy định") are mostly noise (1.0 -> nDCG@10 0.871,
// 0.25 -> 0.909, 0 -> 0.889).
constexpr double kPairWeightShort = 1.0;
constexpr double kPairWeightLong = 0.25;
// In a long question, two adjacent syllables are one word when, of the
// documents holding the rarer of them, at least this share hold them side
// by side; there the folded spellings of the accented words add this much
// to the score of a document that already matches. Tuned on the ALQAC train
// queries (docs/bench/words.md): share 0.05 -> nDCG@10 0.9136, 0.2 ->
// 0.9132, 0.5 -> 0.906, none -> 0.904; folded weight 0 -> 0.9072, 0.5 ->
// 0.9132, 1 -> 0.9105 (share 0.2).
constexpr double kWordShare = 0.05;
constexpr double kFoldedBoostWeight = 0.5;

Q boolean(const std::string& term) {
  return Q(Q::OP_SCALE_WEIGHT, Q(term), 0.0);
}

Q combine(Q::op op, const std::vector<Q>& parts) {
  if (parts.empty()) return Q();
  if (parts.size() == 1) return parts[0];
  return Q(op, parts.begin(), parts.end());
}

}  // namespace

class QueryBuilder::Parser {
 public:
  // `counting`: the same match set, with phrases narrowed by XPAIR terms
  // and no boosts: for passes that only count. `fold_all`: every word as if
  // typed without diacritics (the query's other spellings).
  Parser(const QueryBuilder& b, std::string_view text, QueryMode mode,
         ParsedQuery& out, bool counting, bool fold_all)
      : b_(b),
        mode_(mode),
        out_(out),
        counting_(counting),
        fold_all_(fold_all) {
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

  // A word typed with diacritics asks its exact spelling (canonical, so any
  // encoding of it); one typed without asks every spelling.
  static bool typed_accented(const Token& t) { return t.exact != t.folded; }
  std::string term_of(const Token& t) const {
    return typed_accented(t) && !fold_all_ ? t.exact
                                           : schema::folded_term(t.folded);
  }

  Q word_query(const Token& t) {
    highlight_term(t);
    if (typed_accented(t) && !fold_all_) out_.exact_spelling = true;
    return with_english_stem(Q(term_of(t)), t, b_.db_);
  }

  // The words in this order, each in the tier it was typed in. Where the
  // folded tier has no positions, a folded word stands in the phrase with
  // its spellings (QueryBuilder::positional_term). With the revision's
  // phrase cache, a phrase of words is its words' terms (weighing as inside
  // the phrase: BM25 of each word's own term, the spellings nothing)
  // filtered by the documents where the phrase stands, so that no pass
  // checks positions again.
  Q phrase_of(const std::vector<const Token*>& tokens) {
    if (tokens.size() == 1) return Q(term_of(*tokens[0]));
    std::vector<Q> terms;
    std::vector<Q> weights;  // folded words checked by their spellings
    std::vector<Q> own;      // every word's own term
    bool all_folded = true;
    bool all_words = true;
    for (const Token* t : tokens) {
      const std::string term = term_of(*t);
      const bool word = t->kind == TokenKind::kWord;
      terms.push_back(b_.positional_term(term, t->folded, word));
      if (word && b_.checked_by_spellings(term, t->folded))
        weights.emplace_back(term);
      own.emplace_back(term);
      all_folded = all_folded && term == schema::folded_term(t->folded);
      all_words = all_words && word;
    }
    Q phrase(Q::OP_PHRASE, terms.begin(), terms.end(),
             static_cast<Xapian::termcount>(terms.size()));
    if (counting_) return counted_phrase(tokens, phrase, all_folded);
    if (boosting_) {
      last_boost_ = {phrase, b_.phrases_ != nullptr && all_words
                                 ? combine(Q::OP_AND, own)
                                 : Q()};
    }
    if (b_.phrases_ != nullptr && all_words && !boosting_) {
      // The phrase's own documents (the positions'), not its counted
      // form's (XPAIR terms), which the ranking never relied on.
      return Q(Q::OP_FILTER, combine(Q::OP_AND, own), b_.phrase_docs(phrase));
    }
    // The folded words weigh as they did inside the phrase (BM25 of
    // their own terms); the phrase over spellings only matches.
    if (weights.empty()) return phrase;
    weights.insert(weights.begin(), phrase);
    return combine(Q::OP_AND, weights);
  }

  // The documents of a phrase, for passes that only count or filter: XPAIR
  // terms of the folded words match a two-word phrase of unaccented words
  // exactly, and leave any other phrase few documents to check; a pair the
  // index does not hold (a rarer word) is left to the positions. The check
  // is done once per revision (QueryBuilder::phrase_docs).
  Q counted_phrase(const std::vector<const Token*>& tokens, const Q& phrase,
                   bool all_folded) {
    if (!b_.pairs_indexed_) return b_.phrase_docs(phrase);
    std::vector<Q> pairs;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i]->kind != TokenKind::kWord ||
          tokens[i + 1]->kind != TokenKind::kWord) {
        // numbers sit at positions of their own
        return b_.phrase_docs(phrase);
      }
      if (!b_.has_pair_term(tokens[i]->folded, tokens[i + 1]->folded)) {
        if (!b_.frequent_pairs_only_) return b_.phrase_docs(phrase);
        continue;
      }
      pairs.emplace_back(
          schema::pair_term(tokens[i]->folded, tokens[i + 1]->folded));
    }
    if (pairs.empty()) return b_.phrase_docs(phrase);
    if (tokens.size() == 2 && all_folded) return pairs[0];
    return b_.phrase_docs(Q(Q::OP_FILTER, phrase, combine(Q::OP_AND, pairs)));
  }

  // Highlighting: a phrase marks its words only where they stand together.
  void highlight(const std::vector<const Token*>& tokens) {
    if (tokens.size() == 1) {
      highlight_term(*tokens[0]);
      return;
    }
    std::vector<std::string> terms;
    for (const Token* t : tokens) {
      terms.push_back(term_of(*t));
      note_spellings(term_of(*t), t->folded);
    }
    out_.highlight_phrases.push_back(std::move(terms));
  }
  void highlight_term(const Token& t) {
    out_.highlight_terms.insert(term_of(t));
    note_spellings(term_of(t), t.folded);
  }
  // Snippets find a folded word without positions by its spellings'.
  void note_spellings(const std::string& term, const std::string& folded) {
    if (b_.folded_positions_ || term != schema::folded_term(folded) ||
        out_.spellings.count(term))
      return;
    out_.spellings[term] = b_.spellings_of(term, folded);
  }

  Q phrase(const std::string& text) {
    const Analysis a = analyze(text);
    std::vector<const Token*> tokens;
    for (const Token& t : a.tokens) {
      if (t.kind == TokenKind::kDocNumberPart)
        continue;  // the entity stands for them
      tokens.push_back(&t);
      if (typed_accented(t) && !fold_all_) out_.exact_spelling = true;
    }
    if (tokens.empty()) return Q();
    out_.has_text = true;
    highlight(tokens);
    return phrase_of(tokens);
  }

  Q field(const std::string& name, const std::string& value) {
    const Facet* facet = find_facet(kDocumentFacets, name);
    const std::optional<FacetTerm> term =
        facet ? (b_.facets_.*(facet->resolve))(value) : std::nullopt;
    if (!term) {
      out_.warnings.push_back("unknown " + name + " '" + value + "'");
      return Q::MatchNothing;
    }
    if (facet->name == "number")
      return number_query(b_.db_, term->term, out_.number_keys);
    return boolean(term->term);
  }

  // Plain words in a row: adjacent syllables that form a word in this
  // collection become one unit (a phrase); the others stand alone. A pair is
  // a candidate when its syllables, as typed, stand side by side in some
  // document (in a long question, in at least kWordShare of the documents
  // holding the rarer syllable: there pairs of common words abound); of
  // the candidates, the non-overlapping ones with the largest summed
  // strength (QueryBuilder::pair_stats) win, so "rác thải nhựa đại dương"
  // reads as "rác thải" + "nhựa" + "đại dương", even where "nhựa đại" and
  // "đại dương" are equally rare ("đại" is common, "dương" is not). Two
  // syllables typed alone are one word even when the collection never has them
  // side by side: matched apart, they would find other words. Adjacent words
  // also score again as a phrase (boosts), which ranks the typed order first.
  void flush_words(const std::vector<const Token*>& w,
                   std::vector<Unit>& units) {
    const size_t n = w.size();
    const bool question = mode_ == QueryMode::kAnyWord;
    for (const Token* t : w)
      if (typed_accented(*t) && !fold_all_) out_.exact_spelling = true;
    std::vector<double> score(n, -1);  // pair (i, i + 1); < 0: not a word
    if (n == 2 && !question) {
      // Two syllables typed alone are one word whatever the collection says
      // (see above), so their statistics (a phrase count over every document
      // holding both: 14 ms for "thi hành" over 67k articles) are not asked.
      score[0] = 0;
    } else {
      for (size_t i = 0; i + 1 < n; ++i) {
        const PairStats stats = b_.pair_stats(
            term_of(*w[i]), term_of(*w[i + 1]), w[i]->folded, w[i + 1]->folded,
            w[i]->kind == TokenKind::kWord &&
                w[i + 1]->kind == TokenKind::kWord);
        if (stats.share >= (question ? kWordShare : 1e-9))
          score[i] = stats.strength;
      }
    }
    // best[i]: the largest sum over words i.. (dynamic programming).
    std::vector<double> best(n + 2, 0);
    for (size_t i = n; i-- > 0;) {
      best[i] = best[i + 1];
      if (i + 1 < n && score[i] >= 0)
        best[i] = std::max(best[i], score[i] + best[i + 2]);
    }
    for (size_t i = 0; i < n;) {
      if (i + 1 < n && score[i] >= 0 && best[i] == score[i] + best[i + 2]) {
        highlight({w[i], w[i + 1]});
        units.push_back({phrase_of({w[i], w[i + 1]})});
        ++out_.unit_count;
        i += 2;
      } else {
        units.push_back({word_query(*w[i])});
        ++out_.unit_count;
        ++i;
      }
    }
    if (question && !counting_) {
      for (const Token* t : w)
        if (term_of(*t) != schema::folded_term(t->folded))
          folded_boosts_.emplace_back(schema::folded_term(t->folded));
    }
    if (n >= 2 && !counting_) {
      // Boosts keep their position check (over the ranked window alone):
      // filtered by the phrase's documents they weighed otherwise (a
      // phrase's weight in an OR is not its words' sum: ALQAC nDCG@10
      // 0.9173 -> 0.9136).
      BoostRun run;
      boosting_ = true;
      for (size_t i = 0; i + 1 < n; ++i) {
        run.pairs.push_back(phrase_of({w[i], w[i + 1]}));
        run.phrases.push_back(last_boost_);
      }
      boosting_ = false;
      run.factor =
          mode_ != QueryMode::kAnyWord ? kPairWeightShort : kPairWeightLong;
      boosts_.push_back(
          Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_OR, run.pairs), run.factor));
      out_.boost_runs.push_back(std::move(run));
    }
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
    std::vector<const Token*> run_words;  // plain words in a row
    auto flush_boosts = [&]() {
      flush_words(run_words, units);
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
          if (auto own = b_.facets_.number(n->display())) {
            // "362/NĐ-CP", the year left out, and no document numbered so:
            // the numbers with this serial and these codes, of any year.
            const std::vector<std::string> dated =
                n->year.empty() && b_.db_.get_termfreq(own->term) == 0
                    ? numbers_of_any_year(b_.db_, *n)
                    : std::vector<std::string>();
            for (const std::string& key : dated) {
              alts.push_back(
                  number_query(b_.db_, schema::term(schema::kNumberPrefix, key),
                               out_.number_keys));
            }
            if (dated.empty())
              alts.push_back(number_query(b_.db_, own->term, out_.number_keys));
          }
        }
        alts.push_back(
            Q(Q::OP_OR, Q(tok.exact), Q(schema::folded_term(tok.folded))));
        out_.highlight_terms.insert(tok.exact);
        out_.highlight_terms.insert(schema::folded_term(tok.folded));
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
          word_terms.emplace_back(schema::folded_term(w->folded));
        std::vector<Q> alts = {
            number_query(b_.db_, matched->first, out_.number_keys),
            combine(Q::OP_AND, word_terms)};
        for (const Token* w : words) {
          out_.highlight_terms.insert(schema::folded_term(w->folded));
          note_spellings(schema::folded_term(w->folded), w->folded);
        }
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
          if (typed_accented(t[k]) && !fold_all_) out_.exact_spelling = true;
        }
        highlight(words);
        // Under any of its names: an entity of the documents, the process
        // or the actor of a position.
        const std::string& id = m->second.entry->id;
        // In a short query its words also match as words apart ("rác thải"
        // ... "nhựa" ... "đại dương"), below the name itself (in a long
        // question that only adds noise: ALQAC nDCG@10 0.9136 -> 0.9004).
        std::vector<Q> apart_queries;
        if (mode_ != QueryMode::kAnyWord) {
          std::vector<Unit> apart;
          flush_words(words, apart);
          for (const Unit& u : apart) apart_queries.push_back(u.query);
        }
        const Q named[] = {phrase_of(words), combine(Q::OP_AND, apart_queries),
                           Q(schema::term(schema::kEntityPrefix, id)),
                           Q(schema::term(schema::kProcessPrefix, id)),
                           Q(schema::term(schema::kActorPrefix, id))};
        units.push_back({Q(Q::OP_OR, std::begin(named), std::end(named))});
        ++out_.unit_count;
        out_.has_text = true;
        i += m->second.token_count;
        continue;
      }
      if (tok.kind == TokenKind::kDocNumberPart) {
        ++i;
        continue;
      }
      run_words.push_back(&tok);
      out_.words.push_back(tok.folded);
      out_.exact_words.push_back(tok.exact);
      ++out_.word_count;
      out_.has_text = true;
      ++i;
    }
    flush_boosts();
  }

 public:
  std::vector<Q> boosts_;
  std::vector<Q> folded_boosts_;

 private:
  const QueryBuilder& b_;
  QueryMode mode_;
  ParsedQuery& out_;
  const bool counting_;
  const bool fold_all_;
  bool boosting_ = false;   // phrase_of makes a boost
  PhraseBoost last_boost_;  // the boost phrase_of made last
  std::vector<Lexeme> lexemes_;
  size_t pos_ = 0;
};

ParsedQuery QueryBuilder::parse(std::string_view text, QueryMode mode,
                                bool fold_all) const {
  ParsedQuery out;
  out.accented = has_diacritics(utf8_to_u32(to_nfc(text)));
  Parser p(*this, text, mode, out, /*counting=*/false, fold_all);
  Q q = p.run();
  out.simple = out.simple && p.only_text() && out.number_keys.empty();
  out.match = q;
  ParsedQuery scratch;
  out.count =
      Parser(*this, text, mode, scratch, /*counting=*/true, fold_all).run();
  if (!p.folded_boosts_.empty() && !q.empty()) {
    // A question's accented words also score in the folded tier, for the
    // documents that already match: ranking, not matching.
    q = Q(Q::OP_AND_MAYBE, q,
          Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_OR, p.folded_boosts_),
            kFoldedBoostWeight));
    out.match = q;
  }
  out.boosted = !p.boosts_.empty() && !q.empty();
  if (out.boosted) {
    // Adjacent words score again as a phrase: multi-syllable words rank high.
    q = Q(Q::OP_AND_MAYBE, q, combine(Q::OP_OR, p.boosts_));
  }
  out.query = q;
  out.boosts_rebuilt =
      out.boosted && mode == QueryMode::kAllWords && out.simple;
  // The entities named, under all their names; a query of topics also
  // reaches the other language's documents, below its own language's.
  if (mode != QueryMode::kAnyWord)
    reach_through_vocabulary(text, taxonomy_, db_, out);
  return out;
}

}  // namespace kb
