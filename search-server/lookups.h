// Lookups by id: a document with its citations, one page's text, the
// original file, an actor's page.
#ifndef VNKB_SEARCH_SERVER_LOOKUPS_H_
#define VNKB_SEARCH_SERVER_LOOKUPS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "search-server/revision_data.h"
#include "search-server/search_context.h"
#include "search-server/search_types.h"

namespace kb {

// Metadata with cites and cited_by, typed relations both ways and the
// validity on `as_of` (YYYY-MM-DD; "" for today); nullopt for an unknown or
// failed id. `revisions` labels networks and topics (read only when there
// are some).
std::optional<DocumentDetails> find_document(SearchContext& context,
                                             const RevisionCache& revisions,
                                             int64_t id,
                                             const std::string& as_of = "");

// One page's text; with `q`, also the text with the query's words marked
// (a folded word's spellings from the revision's vocabulary, built once per
// revision, not per request). nullopt for an unknown id or page. Throws
// BadRequest for a malformed `q`.
std::optional<PageText> find_page_text(SearchContext& context,
                                       const RevisionCache& revisions,
                                       int64_t id, int page_no,
                                       const std::string& q);

// The original file of a document the catalog knows, when it is still a
// regular file; nullopt otherwise.
std::optional<DocumentFile> find_file(SearchContext& context, int64_t id);

// An actor (or a process or forum) of `taxonomy`: names, networks, members,
// and its positions found by `positions`. nullopt for an unknown id or a
// topic.
std::optional<ActorPage> find_actor(
    std::shared_ptr<const Taxonomy> taxonomy, const std::string& id,
    const std::function<PositionResult(const PositionRequest&)>& positions);

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_LOOKUPS_H_
