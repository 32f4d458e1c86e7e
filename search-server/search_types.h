// What the searcher is asked and what it answers: plain structs, shaped into
// JSON by the HTTP handlers alone (search-server/json_responses.h).
#ifndef VNKB_SEARCH_SERVER_SEARCH_TYPES_H_
#define VNKB_SEARCH_SERVER_SEARCH_TYPES_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/taxonomy.h"

namespace kb {

struct SearchRequest {
  std::string q;
  // Facet name (core/facets.h, kDocumentFacets) -> values.
  std::map<std::string, std::vector<std::string>> filters;
  std::string from, to;  // YYYY-MM-DD or empty
  enum class Sort { kRelevance, kDateDesc, kDateAsc } sort = Sort::kRelevance;
  int page = 1;
  int per_page = 10;
  int facet_limit = 10;
  bool snippets = true;
  bool facets = true;
};

struct PositionRequest {
  std::string q;
  // Facet name (core/facets.h, kPositionFacets) -> values.
  std::map<std::string, std::vector<std::string>> filters;
  std::string from, to;  // YYYY-MM-DD or empty
  enum class Sort { kRelevance, kDateAsc, kDateDesc } sort = Sort::kDateAsc;
  int page = 1;
  int per_page = 20;
  int facet_limit = 10;
};

// An error the client caused (bad query or parameter): HTTP 400.
class BadRequest : public std::runtime_error {
 public:
  BadRequest(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// One value of a facet in an answer.
struct FacetValue {
  std::string value;  // the key
  std::string label;
  int64_t count = 0;
  bool selected = false;
  // The value this one is listed under, when the facet nests (a forum's
  // process, as the taxonomy says); empty otherwise.
  std::string parent;
};

// Each counted facet's values, in the order of its facet table.
using FacetLists = std::vector<std::pair<std::string, std::vector<FacetValue>>>;

// A taxonomy id with its display name.
struct Ref {
  std::string id;
  std::string label;
};

struct SearchHit {
  int64_t id = 0;
  std::string title, type, number, issuer, issue_date, status;
  double score = 0;  // rounded to three decimals
  std::vector<Ref> networks, topics;
  // With snippets: the best passage as HTML (query words in <mark>), and
  // its page.
  std::optional<std::string> snippet;
  int page = 1;
  // In a search for a document number: what this document is to it.
  struct NumberRole {
    std::string number;  // as the collection writes it
    std::string role;    // "is" or a relation kind (core/relation.h)
  };
  std::optional<NumberRole> number_role;
};

struct SearchResult {
  std::string query;
  uint64_t total = 0;
  int page = 1;
  int per_page = 10;
  std::vector<SearchHit> hits;
  FacetLists facets;  // empty when not asked
  std::optional<std::string> suggestion;
  bool relaxed = false;  // no document held every word: any word matched
  // When words typed with diacritics found few documents (fewer than the
  // suggestion threshold) and their other spellings find more: the query
  // without diacritics and what it finds. The hits never mix them in.
  struct OtherSpellings {
    std::string query;
    uint64_t total = 0;
  };
  std::optional<OtherSpellings> other_spellings;
  // The document numbers searched for: whether the collection holds each
  // decision, and how many documents cite, amend, … or mention it.
  struct NumberSearched {
    std::string number;
    std::optional<int64_t> id;  // the decision, when in the collection
    std::string title;
    uint64_t related = 0;
  };
  std::vector<NumberSearched> numbers;
  std::vector<std::string> warnings;
};

// /api/facets: the facets over the whole collection.
struct FacetOverview {
  uint64_t total = 0;
  FacetLists facets;
};

// A number a document cites, with the document the catalog has for it.
struct CitedNumber {
  std::string number;
  std::optional<int64_t> id;
  std::string title;
};

struct CitingDocument {
  int64_t id = 0;
  std::string title, number, issue_date;
};

// A typed relation (core/relation.h): to a number this document names
// (`id`, `title` set when the collection has it), or from another document
// to this one (`id`, `number`, `title` are the other document's).
struct RelationItem {
  std::string kind, number, scope, sentence, source;
  int page = 0;
  std::optional<int64_t> id;
  std::string title, issue_date;
};

// core/validity.h's answer for one date.
struct ValidityInfo {
  std::string state, label, reason, as_of, since, by_number, by_kind;
  std::optional<int64_t> by_id;
};

struct PageInfo {
  int page = 0;
  std::string source;
  double ocr_confidence = -1;  // < 0: not an OCR page
  std::string language;        // core/language.h, of the page's text
};

// Another language's version of a document (search-server/translations.h).
struct Translation {
  int64_t id = 0;
  std::string title, number, language;
};

struct DocumentDetails {
  int64_t id = 0;
  std::string title, type, number, issuer, issue_date, signer, language, format,
      status;
  std::vector<Ref> networks, topics;
  std::vector<CitedNumber> cites;
  std::vector<CitingDocument> cited_by;
  std::string effective_date, expiry_date;
  ValidityInfo validity;
  std::vector<RelationItem> relations, related_by;
  int pages = 0;
  std::vector<PageInfo> page_info;
  std::vector<Translation> translations;
  // An English translation whose Vietnamese original is not in the
  // collection.
  bool original_missing = false;
  std::string file_name;
  std::map<std::string, std::string> source;  // field -> origin
};

struct PageText {
  int64_t id = 0;
  int page = 0;
  int pages = 0;
  std::string text;
  std::string source;
  std::string language;        // core/language.h, of this page's text
  double ocr_confidence = -1;  // < 0: not an OCR page
  // With a query: the escaped text with its words in <mark>.
  std::optional<std::string> html;
};

// The original file of a document the catalog knows.
struct DocumentFile {
  std::filesystem::path path;
  std::string content_type;
  std::string name;
};

struct PositionItem {
  int64_t id = 0;
  std::optional<Ref> actor, process, forum;
  Ref stance;
  // The forum as the text names it, and what the stance is about ("" when
  // not known).
  std::string forum_name, target;
  std::string date;
  std::vector<Ref> topics;
  std::string quote;
  int64_t document_id = 0;
  std::string document_title, document_number;
  int page = 0;
  std::string source;
  double score = 0;  // rounded to three decimals
};

struct PositionResult {
  std::string query;
  uint64_t total = 0;
  int page = 1;
  int per_page = 20;
  std::vector<PositionItem> positions;
  FacetLists facets;
  std::vector<std::string> warnings;
  // A stance the query names in words ("ai phản đối thuế") while no stance
  // is selected: the filter to offer (id and label).
  std::optional<Ref> stance_suggestion;
  // false: the database has no position index yet (the answer is empty and
  // has no query).
  bool indexed = true;
};

// A membership of an actor page: a network the actor belongs to, or a
// member of the actor.
struct ActorLink {
  std::string id, label, kind, from, to;
};

struct ActorPage {
  // Owned by `taxonomy`, or by `open_entry` for an actor the taxonomy does
  // not know (an "x:" id, core/taxonomy.h): its name is the one the
  // positions carry, kind "open".
  const TaxonomyEntry* entry = nullptr;
  std::shared_ptr<const TaxonomyEntry> open_entry;
  std::shared_ptr<const Taxonomy> taxonomy;
  std::vector<ActorLink> networks, members;
  PositionResult positions;  // up to 100, oldest first
  // Position counts by year and by stance, as the facets list them.
  std::vector<std::pair<std::string, int64_t>> by_year, by_stance;
};

struct Health {
  uint64_t documents = 0;
  uint64_t revision = 0;
};

}  // namespace kb

#endif  // VNKB_SEARCH_SERVER_SEARCH_TYPES_H_
