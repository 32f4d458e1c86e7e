// Facet and date filters from request parameters.
#include "search-server/search_filters.h"

#include "search-server/search_types.h"

namespace kb {
namespace {

using Q = Xapian::Query;

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

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
  if ((!from.empty() && !valid_date(from)) || (!to.empty() && !valid_date(to)))
    throw BadRequest("bad_parameter", "from and to must be dates YYYY-MM-DD");
}

std::string slot_date(const std::string& iso) {
  std::string s = iso;
  s.erase(7, 1);
  s.erase(4, 1);
  return s;
}

}  // namespace kb
