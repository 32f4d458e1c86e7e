// Snippets: the best passage of a document for a query, and a page's text
// with the query's words marked. Both return HTML-escaped text.
#ifndef VNKB_SEARCH_SERVER_SNIPPETS_H_
#define VNKB_SEARCH_SERVER_SNIPPETS_H_

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

#include "core/catalog.h"
#include "core/schema.h"

namespace kb {

// `s` with & < > " ' as HTML entities.
std::string html_escape(std::string_view s);

struct Snippet {
  std::string html;  // empty when the page has no text
  int page = 1;
};

// The best passage of document `docid` for `terms` (positional terms, as
// ParsedQuery::highlight_terms): the window of positions holding the most
// distinct query terms, read from its page in the catalog, with the terms
// in <mark>.
Snippet make_snippet(Xapian::Database& db, const Catalog& catalog,
                     Xapian::docid docid, const schema::DocumentData& data,
                     const std::set<std::string>& terms);

// The whole of `text`, escaped, with every word among `terms` in <mark>.
std::string highlight_text(std::string_view text,
                           const std::set<std::string>& terms);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SNIPPETS_H_
