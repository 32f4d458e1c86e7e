// The sentences of a document with their page, for the rules that read what
// a sentence says about other documents (relations.h) and about the
// document's own force (force.h). Paragraphs are rebuilt from the lines as
// the preamble does (PDF layout wraps them, HTML text breaks them with <br>),
// then cut into sentences at ". " before a capital.
#ifndef VNKB_INDEXER_METADATA_PASSAGES_H_
#define VNKB_INDEXER_METADATA_PASSAGES_H_

#include <string>
#include <vector>

namespace kb::metadata {

struct Sentence {
  std::u32string text;    // as written (NFC), blanks collapsed
  std::u32string folded;  // one folded code point per code point of `text`
  // Per code point: inside a quotation (“…”), which is text being inserted
  // into another document, not this one speaking.
  std::vector<bool> quoted;
  int page = 1;  // 1-based
  bool starts_paragraph = false;
  bool ends_with_colon = false;  // announces a list ("… như sau:")
  bool list_item = false;        // starts with "a)", "-", "1." ...
};

// The sentences of `pages` (page 1 first) in order. Legacy encodings are
// repaired and the text normalized first.
std::vector<Sentence> sentences_of(const std::vector<std::string>& pages);

// The sentence as UTF-8, shortened to about `max_chars` code points around
// [begin, end) (the whole sentence when it is short enough).
std::string sentence_excerpt(const Sentence& s, size_t begin, size_t end,
                             size_t max_chars = 400);

// Offset in `s.folded` after the leading enumerator ("1.", "a)", "Điều 5.",
// "-", "Về việc"), blanks skipped.
size_t body_start(const Sentence& s);

}  // namespace kb::metadata

#endif  // VNKB_INDEXER_METADATA_PASSAGES_H_
