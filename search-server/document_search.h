// Document search (/api/search): ranked hits with snippets, exact totals and
// facet counts, a relaxed retry and a suggestion.
#ifndef VNKB_SEARCH_SERVER_DOCUMENT_SEARCH_H_
#define VNKB_SEARCH_SERVER_DOCUMENT_SEARCH_H_

#include "search-server/revision_data.h"
#include "search-server/search_context.h"
#include "search-server/search_types.h"

namespace kb {

// Answers `request` over `context`'s index; `revisions` gives the data of
// its revision. Throws BadRequest for a malformed query or parameter.
SearchResult search_documents(SearchContext& context,
                              const RevisionCache& revisions,
                              const SearchRequest& request);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_DOCUMENT_SEARCH_H_
