// Relations between documents: what a document cites, amends, replaces,
// repeals, guides, corrects or merely mentions, read from its text (or set
// by the librarian), kept in the catalog's relations table. The target is a
// document number; the document it names may or may not be in the collection.
#ifndef VNKB_CORE_RELATION_H_
#define VNKB_CORE_RELATION_H_

#include <string>
#include <string_view>
#include <vector>

namespace kb {

// The kinds, in the order the document page shows them. "cites": named in a
// "Căn cứ" paragraph; "mentions": any other number anywhere in the text.
inline const std::vector<std::string> kRelationKinds = {
    "amends", "replaces", "repeals", "guides", "corrects", "cites", "mentions"};

// True when `kind` is one of kRelationKinds.
bool is_relation_kind(std::string_view kind);

struct Relation {
  std::string kind;    // one of kRelationKinds
  std::string target;  // display number ("21/2024/TT-BTNMT")
  std::string scope;  // "" (the whole document) or "Điều 5", "khoản 2 Điều 3"
  std::string sentence;  // the sentence it was read from ("" when set by hand)
  int page = 0;          // 1-based page of the sentence; 0 when unknown
  std::string source = "extracted";  // or "librarian"
};

// A relation as the librarian writes it on the command line or in a sidecar:
// "KIND NUMBER" or "KIND NUMBER SCOPE…" ("repeals 12/2020/TT-BTC Điều 5").
// Returns false and sets `error` when the kind or the number is not valid;
// the number is put in canonical form.
bool parse_relation_spec(std::string_view spec, Relation& out,
                         std::string* error);
// The spec form of `r` (what parse_relation_spec reads back).
std::string relation_spec(const Relation& r);

}  // namespace kb

#endif  // VNKB_CORE_RELATION_H_
