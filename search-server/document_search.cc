// Document search: filters, a counting pass over every match, a ranking pass
// over one page, facet lists, hits with snippets, suggestions.
#include "search-server/document_search.h"

#include <algorithm>
#include <cmath>

#include "core/analyzer.h"
#include "core/dates.h"
#include "core/schema.h"
#include "core/vietnamese.h"
#include "search-server/counting_weight.h"
#include "search-server/direct_count.h"
#include "search-server/direct_rank.h"
#include "search-server/facet_counting.h"
#include "search-server/number_roles.h"
#include "search-server/query_builder.h"
#include "search-server/search_filters.h"
#include "search-server/search_profile.h"
#include "search-server/snippets.h"
#include "search-server/suggestions.h"

namespace kb {
namespace {

using Q = Xapian::Query;

// Queries with more free words than this are questions: any word may match.
constexpr int kAllWordsMaxWords = 6;
// With fewer hits than this a query gets a suggestion.
constexpr Xapian::doccount kSuggestBelow = 3;
// How many BM25 candidates the phrase boosts rescore. Boosting every match
// cost 30-40 ms on common multi-word queries over 67k articles; with a window
// the ALQAC train nDCG@10 stays within noise (30: 0.914, 50: 0.911,
// 100: 0.907, 300: 0.911).
constexpr Xapian::doccount kRescoreWindow = 50;

Q date_filter(const SearchRequest& r) {
  if (r.from.empty() && r.to.empty()) return Q();
  check_date_range(r.from, r.to);
  if (!r.from.empty() && !r.to.empty()) {
    return Q(Q::OP_VALUE_RANGE, schema::kDateSlot, sortable_date(r.from),
             sortable_date(r.to));
  }
  if (!r.from.empty())
    return Q(Q::OP_VALUE_GE, schema::kDateSlot, sortable_date(r.from));
  return Q(Q::OP_VALUE_LE, schema::kDateSlot, sortable_date(r.to));
}

Q with_filters(Q base, const std::vector<Q>& filters) {
  if (filters.empty()) return base;
  Q f(Q::OP_AND, filters.begin(), filters.end());
  return base.empty() ? f : Q(Q::OP_FILTER, base, f);
}

// The query as typed without diacritics (a simple query: words only).
std::string folded_query_text(const std::string& q) {
  std::string out;
  for (const Token& t : analyze(q).tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    out += (out.empty() ? "" : " ") + t.folded;
  }
  return out;
}

SearchHit make_hit(SearchContext& c, const RevisionData& rd,
                   const Xapian::MSetIterator& it, const Highlight* marks,
                   const std::vector<NumberRoles>& numbers) {
  const DocumentDataCache::Data kept = rd.document_data.data(it);
  const schema::DocumentData& data = *kept;
  SearchHit h;
  h.id = data.id;
  h.title = data.title;
  h.type = data.type;
  h.number = data.number;
  h.issuer = data.issuer;
  h.issue_date = data.issue_date;
  h.status = data.status;
  h.score = std::round(it.get_weight() * 1000) / 1000;
  const Facet& network = *find_facet(kDocumentFacets, "network");
  const Facet& topic = *find_facet(kDocumentFacets, "topic");
  for (const std::string& id : data.networks)
    h.networks.push_back({id, c.label(network, &rd, id)});
  for (const std::string& id : data.topics)
    h.topics.push_back({id, c.label(topic, &rd, id)});
  if (marks != nullptr) {
    Snippet s =
        make_snippet(c.db, *c.catalog, *it, data, *marks, &rd.snippet_texts);
    h.snippet = std::move(s.html);
    h.page = s.page;
  }
  for (const NumberRoles& n : numbers) {
    const auto role = n.roles.find(h.id);
    if (role == n.roles.end()) continue;
    h.number_role = SearchHit::NumberRole{n.number, role->second};
    break;
  }
  return h;
}

}  // namespace

SearchResult search_documents(SearchContext& c, const RevisionCache& revisions,
                              const SearchRequest& r) {
  const Taxonomy& taxonomy = *c.taxonomy;
  const FacetResolver resolver(taxonomy);
  std::vector<std::string> filter_warnings;

  // Filters: OR within a facet, AND across facets.
  FacetFilters filters =
      resolve_filters(kDocumentFacets, r.filters, resolver, &filter_warnings);
  const Q dates = date_filter(r);
  auto filters_except = [&](const std::string& skip) {
    std::vector<Q> parts;
    for (const auto& [facet, q] : filters.by_facet) {
      if (facet != skip) parts.push_back(q);
    }
    if (!dates.empty()) parts.push_back(dates);
    return parts;
  };

  return with_retries(c.db, [&]() -> SearchResult {
    const std::shared_ptr<const RevisionData> rd = revisions.get(c);
    // Computed facets (validity) filter by the documents holding the chosen
    // values on the revision data's day.
    for (size_t f = 0; f < kDocumentFacets.size(); ++f) {
      const std::string name(kDocumentFacets[f].name);
      if (is_computed_facet(kDocumentFacets[f]) && filters.by_facet.count(name))
        filters.by_facet[name] =
            docid_list_query(rd->documents_with(f, filters.selected[name]));
    }
    SearchStageTimer stage(SearchStage::kParse);
    const QueryBuilder builder(
        c.db, taxonomy,
        [&]() -> const Vocabulary& { return rd->vocabulary(c.db); },
        &rd->pair_stats, &rd->phrase_docs);
    ParsedQuery parsed;
    SearchResult out;
    out.query = r.q;
    out.page = r.page;
    out.per_page = r.per_page;
    out.warnings = filter_warnings;
    try {
      parsed = builder.parse(r.q, QueryMode::kAllWords);
      if (parsed.word_count > kAllWordsMaxWords)
        parsed = builder.parse(r.q, QueryMode::kAnyWord);
    } catch (const QuerySyntaxError& e) {
      throw BadRequest("malformed_query", e.what());
    }
    Q text = parsed.query;
    Q match = parsed.match;
    const bool browse =
        text.empty() && !parsed.has_text && parsed.warnings.empty();
    if (browse) text = match = Q::MatchAll;
    const std::vector<NumberRoles> numbers =
        number_roles(*c.catalog, parsed.number_keys, r.q);
    for (const NumberRoles& n : numbers)
      out.numbers.push_back({n.number, n.id, n.title, n.related});

    // Facets whose counts the main pass gives: those without a selection.
    // A selected facet is counted without its own filter (the other values
    // show what adding them would bring).
    std::vector<size_t> plain_facets;
    if (r.facets) {
      for (size_t f = 0; f < kDocumentFacets.size(); ++f) {
        if (!filters.by_facet.count(std::string(kDocumentFacets[f].name)))
          plain_facets.push_back(f);
      }
    }
    const Xapian::doccount all = c.db.get_doccount();
    // Pass 1, over every match: the exact total and the facet counts, with
    // the match query (no phrase boosts) and no weights.
    auto count_matches = [&](const Q& q, const std::vector<Q>& filter_parts,
                             const std::vector<size_t>& spy_facets,
                             FacetCounts* counts) {
      const Q filtered = with_filters(q, filter_parts);
      if (const auto docs =
              direct_matches(c.db, filtered, &rd->rank_postings)) {
        if (counts != nullptr && !spy_facets.empty())
          count_facets(*rd, spy_facets, *docs, counts);
        return static_cast<Xapian::doccount>(docs->size());
      }
      Xapian::Enquire e(c.db);
      e.set_weighting_scheme(counting_weight());
      e.set_query(filtered);
      if (counts != nullptr && !spy_facets.empty()) {
        auto* spy = new FacetSpy(*rd, spy_facets, counts);
        e.add_matchspy(spy->release());
      }
      return e.get_mset(0, 0, all).get_matches_estimated();
    };
    stage.to(SearchStage::kCount);
    FacetCounts counts;
    Xapian::doccount total =
        count_matches(browse ? match : parsed.count, filters_except(""),
                      plain_facets, &counts);
    const Xapian::doccount strict_total = total;
    // Documents in the other language (cross_language.h) do not make the
    // words typed any less rare.
    const Xapian::doccount own_total =
        parsed.own_language_count.empty()
            ? total
            : count_matches(parsed.own_language_count, filters_except(""), {},
                            nullptr);
    if (!browse && parsed.exact_spelling && parsed.simple &&
        own_total < kSuggestBelow) {
      // Say what the other spellings of the words would find; never mix
      // them into the hits.
      const ParsedQuery folded = builder.parse(
          r.q,
          parsed.word_count > kAllWordsMaxWords ? QueryMode::kAnyWord
                                                : QueryMode::kAllWords,
          /*fold_all=*/true);
      const Xapian::doccount other =
          count_matches(folded.count, filters_except(""), {}, nullptr);
      if (other > total) out.other_spellings = {folded_query_text(r.q), other};
    }
    if (total == 0 && parsed.unit_count >= 2 && !browse &&
        !out.other_spellings) {
      // No document holds every word: show those holding most of them (a
      // word of several syllables stays whole).
      ParsedQuery any = builder.parse(r.q, QueryMode::kAnyUnit);
      FacetCounts any_counts;
      const Xapian::doccount any_total = count_matches(
          any.count, filters_except(""), plain_facets, &any_counts);
      if (any_total > 0) {
        out.relaxed = true;
        parsed = std::move(any);
        text = parsed.query;
        match = parsed.match;
        total = any_total;
        counts = std::move(any_counts);
      }
    }
    out.total = total;
    stage.to(SearchStage::kRank);
    // Pass 2: the page of hits, ranked (Xapian may stop early here).
    std::vector<Xapian::MSet> msets;  // the page, in order
    if (r.per_page > 0 && total > 0) {
      Xapian::Enquire enquire(c.db);
      enquire.set_weighting_scheme(ranking_weight());
      const bool by_date = r.sort != SearchRequest::Sort::kRelevance || browse;
      if (by_date) {
        enquire.set_sort_by_value_then_relevance(
            schema::kDateSlot, r.sort != SearchRequest::Sort::kDateAsc);
      }
      // In relevance order, Xapian ranks only the documents that can reach
      // the page (direct_rank.h).
      auto page_of = [&](const Q& q, Xapian::doccount from,
                         Xapian::doccount n) {
        if (by_date) {
          enquire.set_query(q);
          return enquire.get_mset(from, n);
        }
        return ranked_page(enquire, c.db, q, from, n, rd->rank_postings);
      };
      const auto first =
          static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
      const auto count = static_cast<Xapian::doccount>(r.per_page);
      const bool boosted = r.sort == SearchRequest::Sort::kRelevance &&
                           !browse && parsed.boosted;
      if (boosted) {
        // Phrase boosts need positions for every candidate: rank by BM25
        // first, then rescore only the best window with the boosts. The
        // window is the same for every page, so that pages after it (in
        // BM25 order, without the window's documents) neither repeat nor
        // lose a document.
        const Q plain = with_filters(match, filters_except(""));
        const Xapian::MSet window = page_of(plain, 0, kRescoreWindow);
        if (first < window.size()) {
          // The window's documents as a list (each document's id term is
          // its docid), ranked with the boosts (through the phrases'
          // documents once the revision keeps them).
          std::vector<Xapian::docid> ids(window.begin(), window.end());
          std::sort(ids.begin(), ids.end());
          enquire.set_query(Q(
              Q::OP_FILTER,
              with_filters(builder.rescoring_query(parsed), filters_except("")),
              docid_list_query(std::move(ids))));
          msets.push_back(enquire.get_mset(first, count));
        }
        const Xapian::doccount from = std::max(first, window.size());
        if (first + count > from)
          msets.push_back(page_of(plain, from, first + count - from));
      } else {
        msets.push_back(
            page_of(with_filters(text, filters_except("")), first, count));
      }
    }

    stage.to(SearchStage::kFacets);
    if (r.facets) {
      for (const auto& [facet, q] : filters.by_facet) {
        if (!find_facet(kDocumentFacets, facet)) continue;
        count_matches(browse ? match : parsed.count, filters_except(facet),
                      {facet_index(kDocumentFacets, facet)}, &counts);
      }
      for (size_t fi = 0; fi < kDocumentFacets.size(); ++fi) {
        const Facet& f = kDocumentFacets[fi];
        const std::string name(f.name);
        std::vector<std::pair<std::string, int64_t>> values;
        for (size_t id = 1; id < counts.by_id[fi].size(); ++id) {
          if (counts.by_id[fi][id] > 0)
            values.emplace_back(rd->values[fi][id], counts.by_id[fi][id]);
        }
        const auto selected = filters.selected.find(name);
        out.facets.emplace_back(
            name,
            list_facet_values(std::move(values),
                              selected == filters.selected.end()
                                  ? std::set<std::string>()
                                  : selected->second,
                              r.facet_limit, [&](const std::string& value) {
                                return c.label(f, rd.get(), value);
                              }));
      }
    }

    stage.to(SearchStage::kHits);
    const Highlight marks{parsed.highlight_terms, parsed.highlight_phrases,
                          parsed.spellings, parsed.entity_terms,
                          parsed.entity_phrases};
    for (const Xapian::MSet& mset : msets) {
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.hits.push_back(
            make_hit(c, *rd, it, r.snippets ? &marks : nullptr, numbers));
      }
    }

    // Words typed with diacritics that the collection holds in that very
    // spelling are what the user meant (few results come from the filters
    // or the combination); a suggestion is for the others.
    // Asked last: it looks every word up.
    stage.to(SearchStage::kSuggest);
    const auto typed_as_indexed = [&] {
      return parsed.accented &&
             std::all_of(
                 parsed.exact_words.begin(), parsed.exact_words.end(),
                 [&](const std::string& t) { return c.db.term_exists(t); });
    };
    if (!browse && (own_total < kSuggestBelow || out.relaxed) &&
        parsed.simple && !out.other_spellings && !parsed.words.empty() &&
        !typed_as_indexed()) {
      if (auto s = rd->suggestion(c.db, parsed.words)) {
        if (canonical_string(*s) != canonical_string(r.q)) {
          // Offer it only when it finds more than the query did.
          const ParsedQuery sq = builder.parse(*s, QueryMode::kAllWords);
          Xapian::Enquire e(c.db);
          e.set_weighting_scheme(counting_weight());
          e.set_query(with_filters(sq.query, filters_except("")));
          if (e.get_mset(0, 0, 100).get_matches_estimated() > strict_total)
            out.suggestion = in_typed_case(*s, r.q);
        }
      }
    }
    for (const std::string& w : parsed.warnings) out.warnings.push_back(w);
    return out;
  });
}

}  // namespace kb
