// Snippets: the best passage of a document for a query, and a page's text
// with the query's words marked. Both return HTML-escaped text.
#ifndef VNKB_SEARCH_SERVER_SNIPPETS_H_
#define VNKB_SEARCH_SERVER_SNIPPETS_H_

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/schema.h"
#include "search-server/snippet_texts.h"

namespace kb {

// `s` with & < > " ' as HTML entities.
std::string html_escape(std::string_view s);

struct Snippet {
  std::string html;  // empty when the page has no text
  int page = 1;
};

// What to mark: positional terms (exact tier, or Z + folded), each wherever
// it stands, and phrases, whose words are marked only side by side
// (ParsedQuery::highlight_terms and highlight_phrases).
struct Highlight {
  std::set<std::string> terms;
  std::vector<std::vector<std::string>> phrases;
  // A term without positions of its own: the terms holding them
  // (ParsedQuery::spellings).
  std::map<std::string, std::vector<std::string>> spellings;
  // Where a document (or a page) holds none of the above: the names of the
  // entities the query named, in every language (ParsedQuery::entity_terms
  // and entity_phrases), so that a document reached through a topic shows
  // the passage that names it.
  std::set<std::string> entity_terms;
  std::vector<std::vector<std::string>> entity_phrases;

  bool has_entities() const {
    return !entity_terms.empty() || !entity_phrases.empty();
  }
  // The entities' names as the marks themselves.
  Highlight entities() const {
    return {entity_terms, entity_phrases, {}, {}, {}};
  }
};

// The best passage of document `docid` for `marks`: the window of positions
// holding the most distinct query terms, read from its page in the catalog,
// with the matched words in <mark>; for a document holding none, the
// window naming the most of the entities (Highlight::entity_terms). With
// `texts`, the page and its analysis are read there when kept, and kept
// there when read (the same snippet either way).
Snippet make_snippet(Xapian::Database& db, const Catalog& catalog,
                     Xapian::docid docid, const schema::DocumentData& data,
                     const Highlight& marks, SnippetTextCache* texts = nullptr);

// The whole of `text`, escaped, with the matched words in <mark> (the
// entities' names where it holds none of the words).
std::string highlight_text(std::string_view text, const Highlight& marks);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SNIPPETS_H_
