// Facet and date filters from request parameters.
#include "search-server/search_filters.h"

#include "core/dates.h"
#include "search-server/search_types.h"

namespace kb {
namespace {

using Q = Xapian::Query;

}  // namespace

FacetFilters resolve_filters(
    std::span<const Facet> table,
    const std::map<std::string, std::vector<std::string>>& filters,
    const FacetResolver& resolver, std::vector<std::string>* warnings) {
  FacetFilters out;
  for (const auto& [name, values] : filters) {
    const Facet* facet = find_facet(table, name);
    std::vector<Q> terms;
    for (const std::string& v : values) {
      const std::optional<FacetTerm> term =
          facet ? (resolver.*(facet->resolve))(v) : std::nullopt;
      if (!term) {
        if (facet && !facet->rejection.empty())
          throw BadRequest("bad_parameter", rejection_message(*facet, v));
        warnings->push_back("unknown " + name + " '" + v + "'");
        terms.push_back(Q::MatchNothing);
        continue;
      }
      terms.emplace_back(term->term);
      if (!term->value.empty()) out.selected[name].insert(term->value);
    }
    if (!terms.empty())
      out.by_facet[name] = Q(Q::OP_OR, terms.begin(), terms.end());
  }
  return out;
}

void check_date_range(const std::string& from, const std::string& to) {
  for (const std::string* s : {&from, &to}) {
    if (!s->empty() && !parse_iso_date(*s)) {
      throw BadRequest(
          "bad_parameter",
          "from and to must be real dates YYYY-MM-DD ('" + *s + "' is not)");
    }
  }
}

}  // namespace kb
