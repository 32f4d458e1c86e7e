// Position search: filters, one ranked pass with facet counts, and a count
// without its own filter for each filtered facet.
#include "search-server/position_search.h"

#include <cmath>

#include "core/analyzer.h"
#include "core/dates.h"
#include "core/document_terms.h"
#include "core/schema.h"
#include "core/stances.h"
#include "search-server/counting_weight.h"
#include "search-server/facet_counting.h"
#include "search-server/query_builder.h"
#include "search-server/search_filters.h"

namespace kb {
namespace {

using Q = Xapian::Query;

// The name an actor the taxonomy does not know ("x:" id) is written with,
// from one of its positions; the id itself when none has one.
std::string open_actor_label(const Xapian::Database& db,
                             const std::string& id) {
  const std::string term = schema::term(schema::kActorPrefix, id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const PositionData p =
        PositionData::from_json(db.get_document(*it).get_data());
    if (!p.actor_label.empty()) return p.actor_label;
  }
  return id;
}

PositionItem make_item(const SearchContext& c, const Xapian::MSetIterator& it) {
  const PositionData p = PositionData::from_json(it.get_document().get_data());
  auto ref = [&](const std::string& id) -> std::optional<Ref> {
    if (id.empty()) return std::nullopt;
    return Ref{id, c.taxonomy_label(id)};
  };
  PositionItem item;
  item.id = p.id;
  item.actor = ref(p.actor);
  if (item.actor && is_open_actor_id(p.actor) && !p.actor_label.empty())
    item.actor->label = p.actor_label;
  item.stance = {p.stance, c.label(*find_facet(kPositionFacets, "stance"),
                                   nullptr, p.stance)};
  item.process = ref(p.process);
  item.forum = ref(p.forum);
  item.forum_name = p.forum_name;
  item.target = p.target;
  item.date = p.date;
  for (const std::string& t : p.topics)
    item.topics.push_back({t, c.taxonomy_label(t)});
  item.quote = p.quote;
  item.document_id = p.doc_id;
  item.document_title = p.doc_title;
  item.document_number = p.doc_number;
  item.page = p.page;
  item.source = p.source;
  item.score = std::round(it.get_weight() * 1000) / 1000;
  return item;
}

// The stance whose Vietnamese label the query holds as words side by side
// ("ai phản đối thuế" names "phản đối"), in the spelling typed or without
// diacritics.
std::optional<Ref> named_stance(const SearchContext& c, const std::string& q) {
  const Analysis query = analyze(q);
  for (const StanceName& s : kStanceNames) {
    const Analysis label = analyze(s.label_vi);
    const auto& qt = query.tokens;
    const auto& lt = label.tokens;
    for (size_t i = 0; i + lt.size() <= qt.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < lt.size() && all; ++k) {
        const Token& t = qt[i + k];
        all = t.exact == lt[k].exact ||
              (t.exact == t.folded && t.folded == lt[k].folded);
      }
      if (all) {
        return Ref{std::string(s.id),
                   c.label(*find_facet(kPositionFacets, "stance"), nullptr,
                           std::string(s.id))};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

PositionResult search_positions(SearchContext& c, const PositionRequest& r) {
  PositionResult out;
  out.page = r.page;
  out.per_page = r.per_page;
  if (!c.positions) {
    out.indexed = false;
    for (const Facet& f : kPositionFacets) {
      if (f.counted)
        out.facets.emplace_back(std::string(f.name), std::vector<FacetValue>());
    }
    return out;
  }
  out.query = r.q;
  const Taxonomy& taxonomy = *c.taxonomy;
  const FacetResolver resolver(taxonomy);
  std::vector<std::string> filter_warnings;
  const FacetFilters filters =
      resolve_filters(kPositionFacets, r.filters, resolver, &filter_warnings);
  Q date_filter;
  if (!r.from.empty() || !r.to.empty()) {
    check_date_range(r.from, r.to);
    const std::string lo = r.from.empty() ? "0" : sortable_date(r.from);
    const std::string hi = r.to.empty() ? "99999999" : sortable_date(r.to);
    date_filter = Q(Q::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
  }
  return with_retries(*c.positions, [&]() -> PositionResult {
    Xapian::Database& db = *c.positions;
    PositionResult result = out;
    result.warnings = filter_warnings;
    ParsedQuery parsed;
    try {
      parsed = QueryBuilder(db, taxonomy).parse(r.q, QueryMode::kAllWords);
    } catch (const QuerySyntaxError& e) {
      throw BadRequest("malformed_query", e.what());
    }
    Q text = parsed.query;
    const bool browse =
        text.empty() && !parsed.has_text && parsed.warnings.empty();
    if (browse) text = Q::MatchAll;
    // The query with every filter but `except`'s.
    auto filtered = [&](const std::string& except) {
      std::vector<Q> parts;
      for (const auto& [f, q] : filters.by_facet) {
        if (f != except) parts.push_back(q);
      }
      if (!date_filter.empty()) parts.push_back(date_filter);
      return parts.empty() ? text
                           : Q(Q::OP_FILTER, text,
                               Q(Q::OP_AND, parts.begin(), parts.end()));
    };
    Xapian::Enquire e(db);
    e.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
    if (browse || r.sort != PositionRequest::Sort::kRelevance) {
      e.set_sort_by_value_then_relevance(
          schema::kDateSlot, r.sort == PositionRequest::Sort::kDateDesc);
    }
    e.set_query(filtered(""));
    PositionFacetCounts counts;
    auto* spy = new PositionFacetSpy(&counts);
    e.add_matchspy(spy->release());
    const Xapian::MSet mset = e.get_mset(
        static_cast<Xapian::doccount>((r.page - 1) * r.per_page),
        static_cast<Xapian::doccount>(r.per_page), db.get_doccount());
    // A filtered facet counts its values as if it were not filtered (as
    // /api/search does), so that a second value can be added to the first.
    for (const auto& [f, q] : filters.by_facet) {
      counts[f].clear();
      Xapian::Enquire others(db);
      others.set_weighting_scheme(counting_weight());
      others.set_query(filtered(f));
      auto* own = new PositionFacetSpy(&counts, f);
      others.add_matchspy(own->release());
      others.get_mset(0, 0, db.get_doccount());
    }
    for (const Facet& f : kPositionFacets) {
      if (!f.counted) continue;
      const std::string name(f.name);
      const auto selected = filters.selected.find(name);
      result.facets.emplace_back(
          name, list_facet_values({counts[name].begin(), counts[name].end()},
                                  selected == filters.selected.end()
                                      ? std::set<std::string>()
                                      : selected->second,
                                  r.facet_limit, [&](const std::string& v) {
                                    if (name == "actor" && is_open_actor_id(v))
                                      return open_actor_label(db, v);
                                    return c.label(f, nullptr, v);
                                  }));
    }
    // A forum is listed under its process (INC-5 under the plastics treaty).
    for (auto& [name, values] : result.facets) {
      if (name != "process") continue;
      for (FacetValue& v : values) {
        const TaxonomyEntry* forum = taxonomy.find(v.value);
        const TaxonomyEntry* process =
            forum ? taxonomy.process_of_forum(*forum) : nullptr;
        if (process != nullptr) v.parent = process->id;
      }
    }
    for (auto it = mset.begin(); it != mset.end(); ++it)
      result.positions.push_back(make_item(c, it));
    result.total = mset.get_matches_estimated();
    for (const std::string& w : parsed.warnings) result.warnings.push_back(w);
    if (!filters.selected.count("stance"))
      result.stance_suggestion = named_stance(c, r.q);
    return result;
  });
}

}  // namespace kb
