// The facets: one table per index (documents, positions) that names each
// facet, its term prefix, its field of the packed facets slot, how a value
// typed in any spelling becomes its term, how its values are labelled and
// where the UI shows it. The searcher, the query language, the HTTP handlers
// and (through /api/facets) the web page all read these tables.
#ifndef VNKB_CORE_FACETS_H_
#define VNKB_CORE_FACETS_H_

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/schema.h"
#include "core/taxonomy.h"

namespace kb {

// A facet value resolved to the index: the boolean term to filter on, and
// the key as the facet lists it in answers (empty when the value lists none,
// e.g. a bare serial number, which matches several numbers).
struct FacetTerm {
  std::string term;
  std::string value;
};

// Resolves facet values given in any spelling to index terms. Shared by the
// query language's field prefixes and the filter parameters of the API.
// Each method returns nullopt when the value is unknown.
class FacetResolver {
 public:
  // `taxonomy` must outlive the resolver.
  explicit FacetResolver(const Taxonomy& taxonomy) : taxonomy_(taxonomy) {}
  std::optional<FacetTerm> network(std::string_view value) const;
  std::optional<FacetTerm> topic(std::string_view value) const;
  // A type code or name ("QĐ", "Quyết định").
  std::optional<FacetTerm> type(std::string_view value) const;
  // An agency of the taxonomy, else any issuer name.
  std::optional<FacetTerm> issuer(std::string_view value) const;
  // Four digits.
  std::optional<FacetTerm> year(std::string_view value) const;
  // A language id or label (core/language.h): "en", "English", "Tiếng Anh".
  std::optional<FacetTerm> language(std::string_view value) const;
  // A number in any spelling (full, serial/type, or serial): the term that
  // matches a document's own number.
  std::optional<FacetTerm> number(std::string_view value) const;
  // Positions: an actor (agency, network, organisation, country).
  std::optional<FacetTerm> actor(std::string_view value) const;
  // Positions: a process or a forum (each under its own prefix).
  std::optional<FacetTerm> process(std::string_view value) const;
  // Positions: a stance by id or label (core/stances.h).
  std::optional<FacetTerm> stance(std::string_view value) const;
  // Validity on today's date: a value of kValidityFacetValues by key or
  // Vietnamese label (core/validity.h). Its term is the value: the server
  // computes which documents hold it (is_computed_facet).
  std::optional<FacetTerm> validity(std::string_view value) const;

 private:
  std::optional<FacetTerm> entity(std::string_view kind,
                                  std::string_view prefix,
                                  std::string_view value) const;
  const Taxonomy& taxonomy_;
};

// The kinds of documents that are not legal texts. They are values of the
// "type" facet next to the legal types ("Quyết định", "Nghị định"): a
// document's type is the Vietnamese label; the API and the query language
// also take the id ("type=news").
struct DocumentKind {
  std::string_view id;
  std::string_view label_vi;
  std::string_view label_en;
};

inline constexpr std::array<DocumentKind, 8> kDocumentKinds = {{
    {"news", "Tin bài", "News article"},
    {"report", "Báo cáo", "Report"},
    {"consultant-report", "Báo cáo tư vấn", "Consultant's report"},
    {"agenda", "Chương trình hội thảo", "Workshop agenda"},
    {"minutes", "Biên bản", "Minutes"},
    {"web-page", "Trang web", "Web page"},
    {"bulletin", "Bản tin đàm phán", "Negotiation bulletin"},
    {"other", "Tài liệu khác", "Other document"},
}};

// The kind whose id or Vietnamese label (NFC, any case) is `value`, or
// nullptr.
const DocumentKind* find_document_kind(std::string_view value);
// The Vietnamese label of the kind `id`. REQUIRES: `id` is a kind's id.
std::string kind_label(std::string_view id);

// Where the display label of a facet value comes from.
enum class FacetLabels {
  kKey,                // the key itself (years)
  kTaxonomy,           // the taxonomy entry's name
  kCatalog,            // the display form the catalog holds (type, number)
  kCatalogOrTaxonomy,  // the catalog's, else the taxonomy's (issuer)
  kStance,             // the stance's Vietnamese label
  kValidity,           // the validity state's Vietnamese label
  kLanguage,           // the language's Vietnamese label (core/language.h)
};

struct Facet {
  // The API parameter and answer key, and the query-language field.
  std::string_view name;
  // The term prefix of its values (a process may also be under XFORUM).
  std::string_view prefix;
  // Its field of schema::kFacetsSlot (schema::PackedFacet for documents,
  // schema::PackedPositionFacet for positions); a list field may hold
  // several values.
  int packed_field;
  std::optional<FacetTerm> (FacetResolver::*resolve)(std::string_view) const;
  FacetLabels labels;
  // The facet's title in the UI.
  std::string_view label_vi;
  std::string_view label_en;
  // false: a filter only, never counted or shown as a panel.
  bool counted;
  // The message for a value that is not a value of this facet at all ("{}"
  // stands for the value): the filter parameter is then a client error (400).
  // Empty: an unknown value only warns and matches nothing.
  std::string_view rejection;
  // Other names of the field in the query language ("so:1407").
  std::array<std::string_view, 2> query_aliases;
};

// The facets of /api/search, in the order the API and the UI list them.
inline constexpr std::array<Facet, 8> kDocumentFacets = {{
    {"network",
     schema::kNetworkPrefix,
     schema::kPackedNetworks,
     &FacetResolver::network,
     FacetLabels::kTaxonomy,
     "Mạng lưới",
     "Network",
     true,
     "",
     {"mạng", ""}},
    {"topic",
     schema::kTopicPrefix,
     schema::kPackedTopics,
     &FacetResolver::topic,
     FacetLabels::kTaxonomy,
     "Chủ đề",
     "Topic",
     true,
     "",
     {"chủ", ""}},
    {"number",
     schema::kNumberPrefix,
     schema::kPackedNumber,
     &FacetResolver::number,
     FacetLabels::kCatalog,
     "Số hiệu",
     "Decision number",
     true,
     "'{}' is not a document number",
     {"so", "số"}},
    {"type",
     schema::kTypePrefix,
     schema::kPackedType,
     &FacetResolver::type,
     FacetLabels::kCatalog,
     "Loại văn bản",
     "Document type",
     true,
     "",
     {"loại", ""}},
    {"issuer",
     schema::kIssuerPrefix,
     schema::kPackedIssuer,
     &FacetResolver::issuer,
     FacetLabels::kCatalogOrTaxonomy,
     "Cơ quan ban hành",
     "Issuer",
     true,
     "",
     {"", ""}},
    {"year",
     schema::kYearPrefix,
     schema::kPackedYear,
     &FacetResolver::year,
     FacetLabels::kKey,
     "Năm",
     "Year",
     true,
     "year must be four digits: '{}'",
     {"năm", ""}},
    // Computed by the server for today (core/clock.h): no term, no packed
    // field (see is_computed_facet).
    {"validity",
     "",
     -1,
     &FacetResolver::validity,
     FacetLabels::kValidity,
     "Hiệu lực",
     "Validity",
     true,
     "validity must be one of in_force, not_yet_in_force, partly_expired, "
     "expired, unknown: '{}'",
     {"", ""}},
    {"language",
     schema::kLanguagePrefix,
     schema::kPackedLanguage,
     &FacetResolver::language,
     FacetLabels::kLanguage,
     "Ngôn ngữ",
     "Language",
     true,
     "language must be one of vi, en, mixed: '{}'",
     {"lang", ""}},
}};

// The facets of /api/positions: the counted ones in the order the API and
// the UI list them, then the filters without a panel.
inline constexpr std::array<Facet, 6> kPositionFacets = {{
    {"actor",
     schema::kActorPrefix,
     schema::kPackedActor,
     &FacetResolver::actor,
     FacetLabels::kTaxonomy,
     "Tác nhân",
     "Actor",
     true,
     "",
     {"", ""}},
    {"stance",
     schema::kStancePrefix,
     schema::kPackedStance,
     &FacetResolver::stance,
     FacetLabels::kStance,
     "Lập trường",
     "Stance",
     true,
     "stance must be one of supports, opposes, proposes, requests, commits, "
     "leads, concerned: '{}'",
     {"", ""}},
    {"process",
     schema::kProcessPrefix,
     schema::kPackedProcess,
     &FacetResolver::process,
     FacetLabels::kTaxonomy,
     "Tiến trình",
     "Process",
     true,
     "",
     {"", ""}},
    {"topic",
     schema::kTopicPrefix,
     schema::kPackedPositionTopics,
     &FacetResolver::topic,
     FacetLabels::kTaxonomy,
     "Chủ đề",
     "Topic",
     true,
     "",
     {"", ""}},
    {"year",
     schema::kYearPrefix,
     schema::kPackedPositionYear,
     &FacetResolver::year,
     FacetLabels::kKey,
     "Năm",
     "Year",
     true,
     "year must be four digits: '{}'",
     {"", ""}},
    // Links (an actor's networks) filter by it; no panel counts it.
    {"network",
     schema::kNetworkPrefix,
     schema::kPackedActorNetworks,
     &FacetResolver::network,
     FacetLabels::kTaxonomy,
     "Mạng lưới",
     "Network",
     false,
     "",
     {"", ""}},
}};

// A facet whose values the server computes for the day of the request (a
// document's validity changes with the date, not with the index): it has no
// term prefix and no packed field; its filter is the documents holding the
// values on that day (search-server/revision_data.h).
constexpr bool is_computed_facet(const Facet& f) { return f.prefix.empty(); }

// The facet of `table` named `name`, or nullptr.
const Facet* find_facet(std::span<const Facet> table, std::string_view name);
// Its index in `table`. REQUIRES: find_facet(table, name) != nullptr.
size_t facet_index(std::span<const Facet> table, std::string_view name);
// The document facet the query language's field `name` stands for (its name
// or an alias, lower case, NFC), or nullptr.
const Facet* facet_for_query_field(std::string_view name);
// The rejection message of `facet` for `value`. REQUIRES: a rejection.
std::string rejection_message(const Facet& facet, std::string_view value);

}  // namespace kb

#endif  // VNKB_CORE_FACETS_H_
