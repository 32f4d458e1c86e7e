// Search: query, filters, facets, snippets, suggestions, documents.
#include "search-server/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <unordered_map>

#include "core/analyzer.h"
#include "core/catalog.h"
#include "core/document_terms.h"
#include "core/schema.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace fs = std::filesystem;
using Json = nlohmann::json;
using Q = Xapian::Query;

namespace {

constexpr int kMaxRetries = 3;
// Queries with more free words than this are questions: any word may match.
constexpr int kAllWordsMaxWords = 6;
// With fewer hits than this a query gets a suggestion.
constexpr Xapian::doccount kSuggestBelow = 3;
constexpr size_t kSnippetWindow = 24;  // positions
constexpr size_t kSnippetContext = 10;
// BM25 tuned on the ALQAC 2023 train queries (Xapian's defaults are 1.2 and
// 0.75): longer term-frequency saturation and full length normalization
// suit short legal articles (nDCG@10 0.871 -> 0.909 with the weights in
// query_builder.cc).
constexpr double kBm25K1 = 1.6;
constexpr double kBm25B = 0.9;

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Each whitespace run (Poppler's layout spaces, line breaks) as one space.
std::string squeeze_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string ymd(const std::string& iso) {
  std::string s = iso;
  s.erase(7, 1);
  s.erase(4, 1);
  return s;
}

// Counts facet values over every matching document: one value per document
// for single-valued slots, each id for the list slots.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<std::string> facets)
      : facets_(std::move(facets)) {}
  void operator()(const Xapian::Document& doc, double) override {
    for (const std::string& f : facets_) {
      const std::string value = doc.get_value(slot(f));
      if (value.empty()) continue;
      if (f == "network" || f == "topic") {
        for (const std::string& id : schema::split_list(value))
          ++counts_[f][id];
      } else {
        ++counts_[f][value];
      }
    }
  }
  static Xapian::valueno slot(const std::string& f) {
    if (f == "network") return schema::kNetworksSlot;
    if (f == "topic") return schema::kTopicsSlot;
    if (f == "number") return schema::kNumberSlot;
    if (f == "type") return schema::kTypeSlot;
    if (f == "issuer") return schema::kIssuerSlot;
    return schema::kYearSlot;
  }
  const std::map<std::string, int64_t>& counts(const std::string& f) {
    return counts_[f];
  }

 private:
  std::vector<std::string> facets_;
  std::map<std::string, std::map<std::string, int64_t>> counts_;
};

std::string content_type_for(const std::string& format) {
  if (format == "pdf") return "application/pdf";
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "docx")
    return "application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format == "markdown") return "text/markdown; charset=utf-8";
  return "text/plain; charset=utf-8";
}

// A stamp of the taxonomy files, to notice the indexer's new copy.
std::string taxonomy_stamp(const fs::path& dir) {
  std::string stamp;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    stamp += e.path().filename().string() + ":" +
             std::to_string(e.last_write_time(ec).time_since_epoch().count()) +
             ";";
  }
  return stamp;
}

}  // namespace

// --- Per-thread context
// ------------------------------------------------------------

struct Searcher::Context {
  fs::path db_dir;
  Xapian::Database db;
  std::unique_ptr<Catalog> catalog;
  std::shared_ptr<Taxonomy> taxonomy;
  std::string taxonomy_stamp_;
  // Labels of facet keys, rebuilt when the index changes.
  Xapian::rev labels_revision = 0;
  std::map<std::string, std::string> type_labels, issuer_labels, number_labels;
  // folded word -> exact spellings with their document frequencies.
  Xapian::rev vocabulary_revision = 0;
  std::unordered_map<std::string,
                     std::vector<std::pair<std::string, Xapian::doccount>>>
      vocabulary;

  explicit Context(const fs::path& dir) : db_dir(dir) {
    std::string error;
    catalog = Catalog::open(dir / "catalog.sqlite", true, &error);
    if (!catalog) throw std::runtime_error(error);
    db = Xapian::Database((dir / "xapian").string());
    load_taxonomy();
  }

  void load_taxonomy() {
    std::string error;
    const fs::path dir = db_dir / "taxonomy";
    auto t = Taxonomy::load(dir, &error);
    if (!t) throw std::runtime_error(error);
    taxonomy = std::make_shared<Taxonomy>(std::move(*t));
    taxonomy_stamp_ = taxonomy_stamp(dir);
  }

  // Sees the indexer's latest commit (cheap when nothing changed).
  void refresh() {
    if (db.reopen()) {
      const std::string stamp = taxonomy_stamp(db_dir / "taxonomy");
      if (stamp != taxonomy_stamp_) {
        try {
          load_taxonomy();
        } catch (const std::exception&) {
          // Keep the taxonomy we have while the indexer rewrites it.
        }
      }
    }
  }

  Xapian::rev revision() const { return db.get_revision(); }

  void ensure_labels() {
    if (labels_revision == revision() && revision() != 0) return;
    type_labels.clear();
    issuer_labels.clear();
    number_labels.clear();
    for (const CatalogDocument& d : catalog->list({})) {
      if (!d.type.empty()) type_labels[schema::facet_key(d.type)] = d.type;
      if (!d.issuer.empty()) {
        issuer_labels[d.issuer_id.empty() ? schema::facet_key(d.issuer)
                                          : d.issuer_id] = d.issuer;
      }
      if (const auto n = parse_doc_number(d.number))
        number_labels[n->key()] = n->display();
    }
    labels_revision = revision();
  }

  std::string label(const std::string& facet, const std::string& key) {
    if (facet == "network" || facet == "topic") {
      const TaxonomyEntry* e = taxonomy->find(key);
      return e ? e->name : key;
    }
    ensure_labels();
    const auto& labels = facet == "type"     ? type_labels
                         : facet == "issuer" ? issuer_labels
                         : facet == "number" ? number_labels
                                             : type_labels;
    if (facet == "year") return key;
    auto it = labels.find(key);
    if (it != labels.end()) return it->second;
    if (facet == "issuer") {
      if (const TaxonomyEntry* e = taxonomy->find(key)) return e->name;
    }
    return key;
  }

  void ensure_vocabulary() {
    if (vocabulary_revision == revision() && !vocabulary.empty()) return;
    vocabulary.clear();
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
      const std::string term = *it;
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z'))
        continue;  // prefixed
      vocabulary[u32_to_utf8(folded_word(utf8_to_u32(term)))].emplace_back(
          term, it.get_termfreq());
    }
    for (auto& [folded, spellings] : vocabulary) {
      std::sort(
          spellings.begin(), spellings.end(),
          [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    vocabulary_revision = revision();
  }
};

class Searcher::Lease {
 public:
  Lease(const Searcher& s, std::unique_ptr<Context> c)
      : s_(s), c_(std::move(c)) {}
  ~Lease() {
    if (c_) s_.release(std::move(c_));
  }
  Lease(Lease&&) = default;
  Context& operator*() { return *c_; }
  Context* operator->() { return c_.get(); }

 private:
  const Searcher& s_;
  std::unique_ptr<Context> c_;
};

Searcher::Searcher(const fs::path& db_dir) : db_dir_(db_dir) {
  if (!fs::exists(db_dir / "catalog.sqlite") ||
      !fs::exists(db_dir / "xapian")) {
    throw std::runtime_error("no vnkb database in " + db_dir.string() +
                             " (index documents with vnkb-index --db " +
                             db_dir.string() + " add ...)");
  }
  release(std::make_unique<Context>(
      db_dir_));  // fail now, not on the first request
}

Searcher::~Searcher() = default;

Searcher::Lease Searcher::acquire() const {
  std::unique_ptr<Context> c;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!c) c = std::make_unique<Context>(db_dir_);
  c->refresh();
  return Lease(*this, std::move(c));
}

void Searcher::release(std::unique_ptr<Context> context) const {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(context));
}

namespace {

// Runs `fn`, reopening the database when the indexer's commit overtook us.
template <typename Fn>
auto with_retries(Xapian::Database& db, Fn fn) -> decltype(fn()) {
  for (int attempt = 0;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      db.reopen();
    }
  }
}

struct Snippet {
  std::string html;
  int page = 1;
};

// The best passage of document `docid` for `terms`: the window of positions
// holding the most distinct query terms, on its page, with the terms marked.
Snippet make_snippet(Xapian::Database& db, Catalog& catalog,
                     Xapian::docid docid, const schema::DocumentData& data,
                     const std::set<std::string>& terms) {
  std::vector<std::pair<Xapian::termpos, int>>
      positions;  // position, term index
  int index = 0;
  for (const std::string& t : terms) {
    try {
      size_t n = 0;
      for (auto p = db.positionlist_begin(docid, t);
           p != db.positionlist_end(docid, t) && n < 4000; ++p, ++n) {
        positions.emplace_back(*p, index);
      }
    } catch (const Xapian::Error&) {
    }
    ++index;
  }
  std::sort(positions.begin(), positions.end());
  Xapian::termpos best = 0;
  size_t best_score = 0;
  size_t lo = 0;
  std::map<int, int> in_window;
  for (size_t hi = 0; hi < positions.size(); ++hi) {
    ++in_window[positions[hi].second];
    while (positions[hi].first - positions[lo].first >= kSnippetWindow) {
      if (--in_window[positions[lo].second] == 0)
        in_window.erase(positions[lo].second);
      ++lo;
    }
    // Distinct terms first, then how many hits.
    const size_t score = in_window.size() * 1000 + (hi - lo + 1);
    const bool body =
        data.page_starts.empty() || positions[lo].first >= data.page_starts[0];
    if (body && score > best_score) {
      best_score = score;
      best = positions[lo].first;
    }
  }
  Snippet s;
  int page_index = 0;
  uint32_t relative = 0;
  if (best_score > 0) {
    auto it = std::upper_bound(data.page_starts.begin(), data.page_starts.end(),
                               best);
    page_index = static_cast<int>(it - data.page_starts.begin()) - 1;
    if (page_index < 0) page_index = 0;
    relative = best - data.page_starts[static_cast<size_t>(page_index)];
  }
  s.page = page_index + 1;
  const auto page = catalog.page(data.id, s.page);
  if (!page || page->text.empty()) return s;
  // Start analysing at the last anchor before the window.
  const uint32_t from =
      relative > kSnippetContext ? relative - kSnippetContext : 0;
  SnippetAnchor anchor;
  for (const SnippetAnchor& a : parse_anchors(page->anchors)) {
    if (a.position <= from) anchor = a;
  }
  std::string_view text = page->text;
  if (anchor.byte > text.size()) anchor = SnippetAnchor{};
  text.remove_prefix(anchor.byte);
  // Enough text for the window, cut at a line end.
  size_t cut = std::min<size_t>(text.size(), 24000);
  if (cut < text.size()) {
    const size_t nl = text.rfind('\n', cut);
    if (nl != std::string_view::npos && nl > 0) cut = nl;
  }
  const Analysis a = analyze(text.substr(0, cut));
  const uint32_t window_end = relative + kSnippetWindow + kSnippetContext;
  size_t first = a.tokens.size(), last = 0;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const uint32_t p = anchor.position + a.tokens[i].position;
    if (p >= from && p <= window_end) {
      first = std::min(first, i);
      last = i;
    }
  }
  if (first == a.tokens.size()) return s;
  // Widen to the surrounding punctuation ("(", quotes, "<"), up to spaces.
  auto is_blank = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  size_t start = a.tokens[first].begin;
  const size_t floor = first > 0 ? a.tokens[first - 1].end : 0;
  while (start > floor && !is_blank(a.text[start - 1])) --start;
  size_t stop = a.tokens[last].end;
  const size_t ceiling =
      last + 1 < a.tokens.size() ? a.tokens[last + 1].begin : a.text.size();
  while (stop < ceiling && !is_blank(a.text[stop])) ++stop;
  std::string html;
  if (anchor.byte + start > 0) html = "… ";
  html += html_escape(a.text.substr(start, a.tokens[first].begin - start));
  size_t cursor = a.tokens[first].begin;
  for (size_t i = first; i <= last; ++i) {
    const Token& t = a.tokens[i];
    if (t.begin < cursor) continue;  // number parts share their entity's span
    if (i != first)
      html +=
          html_escape(squeeze_spaces(a.text.substr(cursor, t.begin - cursor)));
    const std::string_view surface =
        std::string_view(a.text).substr(t.begin, t.end - t.begin);
    const bool hit = terms.count(t.exact) ||
                     terms.count(std::string(schema::kFoldedPrefix) + t.folded);
    html += hit ? "<mark>" + html_escape(surface) + "</mark>"
                : html_escape(surface);
    cursor = t.end;
  }
  html += html_escape(squeeze_spaces(a.text.substr(cursor, stop - cursor)));
  if (anchor.byte + stop < page->text.size()) html += " …";
  s.html = std::move(html);
  return s;
}

// Restores diacritics and fixes one-letter typos from the index vocabulary,
// choosing among spellings by how often adjacent words occur together.
std::optional<std::string> suggest(
    Xapian::Database& db,
    std::unordered_map<std::string,
                       std::vector<std::pair<std::string, Xapian::doccount>>>&
        vocab,
    const std::vector<std::string>& words) {
  if (words.empty() || words.size() > 8) return std::nullopt;
  std::vector<std::vector<std::pair<std::string, Xapian::doccount>>> candidates;
  for (const std::string& w : words) {
    auto it = vocab.find(w);
    if (it == vocab.end()) {
      // One edit away (delete, replace, insert over a-z), most frequent wins.
      const std::string letters = "abcdefghijklmnopqrstuvwxyz";
      std::vector<std::string> edits;
      for (size_t i = 0; i <= w.size(); ++i) {
        if (i < w.size()) edits.push_back(w.substr(0, i) + w.substr(i + 1));
        for (char c : letters) {
          if (i < w.size())
            edits.push_back(w.substr(0, i) + c + w.substr(i + 1));
          edits.push_back(w.substr(0, i) + c + w.substr(i));
        }
      }
      const std::vector<std::pair<std::string, Xapian::doccount>>* best =
          nullptr;
      Xapian::doccount best_freq = 0;
      for (const std::string& e : edits) {
        auto f = vocab.find(e);
        if (f != vocab.end() && f->second.front().second > best_freq) {
          best = &f->second;
          best_freq = f->second.front().second;
        }
      }
      if (best == nullptr) return std::nullopt;
      it = vocab.find(
          u32_to_utf8(folded_word(utf8_to_u32(best->front().first))));
      if (it == vocab.end()) return std::nullopt;
    }
    std::vector<std::pair<std::string, Xapian::doccount>> top(
        it->second.begin(),
        it->second.begin() + std::min<size_t>(4, it->second.size()));
    candidates.push_back(std::move(top));
  }
  // Viterbi over the candidates: word frequency plus pair (phrase) frequency.
  auto phrase_count = [&db](const std::string& a, const std::string& b) {
    Xapian::Enquire e(db);
    e.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Q> terms = {Q(a), Q(b)};
    e.set_query(Q(Q::OP_PHRASE, terms.begin(), terms.end(), 2));
    return e.get_mset(0, 0, 1000).get_matches_estimated();
  };
  const size_t n = candidates.size();
  std::vector<std::vector<double>> score(n);
  std::vector<std::vector<size_t>> back(n);
  for (size_t j = 0; j < candidates[0].size(); ++j) {
    score[0].push_back(std::log1p(candidates[0][j].second));
    back[0].push_back(0);
  }
  for (size_t i = 1; i < n; ++i) {
    for (size_t j = 0; j < candidates[i].size(); ++j) {
      double best = -1e30;
      size_t arg = 0;
      for (size_t k = 0; k < candidates[i - 1].size(); ++k) {
        const double pair = std::log1p(
            phrase_count(candidates[i - 1][k].first, candidates[i][j].first));
        const double s = score[i - 1][k] + 3.0 * pair;
        if (s > best) {
          best = s;
          arg = k;
        }
      }
      score[i].push_back(best + std::log1p(candidates[i][j].second));
      back[i].push_back(arg);
    }
  }
  size_t arg = static_cast<size_t>(
      std::max_element(score[n - 1].begin(), score[n - 1].end()) -
      score[n - 1].begin());
  std::vector<std::string> chosen(n);
  for (size_t i = n; i-- > 0;) {
    chosen[i] = candidates[i][arg].first;
    arg = back[i][arg];
  }
  std::string out;
  for (const std::string& w : chosen) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

Json Searcher::search(const SearchRequest& r) const {
  Lease ctx = acquire();
  Context& c = *ctx;
  const Taxonomy& taxonomy = *c.taxonomy;
  const FacetResolver resolver(taxonomy);
  Json warnings = Json::array();

  // Filters: OR within a facet, AND across facets.
  std::map<std::string, Q> facet_filters;
  for (const auto& [facet, values] : r.filters) {
    std::vector<Q> terms;
    for (const std::string& v : values) {
      std::optional<std::string> term;
      if (facet == "network")
        term = resolver.network(v);
      else if (facet == "topic")
        term = resolver.topic(v);
      else if (facet == "type")
        term = resolver.type(v);
      else if (facet == "issuer")
        term = resolver.issuer(v);
      else if (facet == "year")
        term = resolver.year(v);
      else if (facet == "number")
        term = resolver.number(v);
      if (!term) {
        if (facet == "year")
          throw BadRequest("bad_parameter",
                           "year must be four digits: '" + v + "'");
        if (facet == "number") {
          throw BadRequest("bad_parameter",
                           "'" + v + "' is not a document number");
        }
        warnings.push_back("unknown " + facet + " '" + v + "'");
        terms.push_back(Q::MatchNothing);
        continue;
      }
      terms.emplace_back(*term);
    }
    if (!terms.empty())
      facet_filters[facet] = Q(Q::OP_OR, terms.begin(), terms.end());
  }
  Q date_filter;
  if (!r.from.empty() || !r.to.empty()) {
    if ((!r.from.empty() && !valid_date(r.from)) ||
        (!r.to.empty() && !valid_date(r.to))) {
      throw BadRequest("bad_parameter", "from and to must be dates YYYY-MM-DD");
    }
    if (!r.from.empty() && !r.to.empty()) {
      date_filter =
          Q(Q::OP_VALUE_RANGE, schema::kDateSlot, ymd(r.from), ymd(r.to));
    } else if (!r.from.empty()) {
      date_filter = Q(Q::OP_VALUE_GE, schema::kDateSlot, ymd(r.from));
    } else {
      date_filter = Q(Q::OP_VALUE_LE, schema::kDateSlot, ymd(r.to));
    }
  }
  auto filters_except = [&](const std::string& skip) {
    std::vector<Q> parts;
    for (const auto& [facet, q] : facet_filters) {
      if (facet != skip) parts.push_back(q);
    }
    if (!date_filter.empty()) parts.push_back(date_filter);
    return parts;
  };
  auto with_filters = [](Q base, const std::vector<Q>& filters) {
    if (filters.empty()) return base;
    Q f(Q::OP_AND, filters.begin(), filters.end());
    return base.empty() ? f : Q(Q::OP_FILTER, base, f);
  };

  return with_retries(c.db, [&]() -> Json {
    const QueryBuilder builder(c.db, taxonomy);
    ParsedQuery parsed;
    bool relaxed = false;
    try {
      parsed = builder.parse(r.q, QueryMode::kAllWords);
      if (parsed.word_count > kAllWordsMaxWords)
        parsed = builder.parse(r.q, QueryMode::kAnyWord);
    } catch (const QuerySyntaxError& e) {
      throw BadRequest("malformed_query", e.what());
    }
    Q text = parsed.query;
    const bool browse =
        text.empty() && !parsed.has_text && parsed.warnings.empty();
    if (browse) text = Q::MatchAll;

    Xapian::Enquire enquire(c.db);
    enquire.set_weighting_scheme(
        Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
    const bool by_date = r.sort != SearchRequest::Sort::kRelevance || browse;
    if (by_date) {
      enquire.set_sort_by_value_then_relevance(
          schema::kDateSlot, r.sort != SearchRequest::Sort::kDateAsc);
    }
    const Xapian::doccount all = c.db.get_doccount();
    const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
    auto run = [&](const Q& q, std::vector<std::string> spy_facets,
                   FacetSpy** spy_out) {
      enquire.set_query(with_filters(q, filters_except("")));
      enquire.clear_matchspies();
      FacetSpy* spy = nullptr;
      if (!spy_facets.empty()) {
        spy = new FacetSpy(std::move(spy_facets));
        enquire.add_matchspy(spy->release());
      }
      if (spy_out) *spy_out = spy;
      return enquire.get_mset(first, static_cast<Xapian::doccount>(r.per_page),
                              all);
    };
    // Facets whose counts the main query gives: those without a selection.
    // A selected facet is counted without its own filter (the other values
    // show what adding them would bring).
    std::vector<std::string> plain_facets;
    for (const std::string& f : kFacetNames) {
      if (!facet_filters.count(f)) plain_facets.push_back(f);
    }
    FacetSpy* spy = nullptr;
    Xapian::MSet mset =
        run(text, r.facets ? plain_facets : std::vector<std::string>{}, &spy);
    const Xapian::doccount strict_total = mset.get_matches_estimated();
    if (mset.get_matches_estimated() == 0 && parsed.word_count >= 2 &&
        !browse) {
      // No document holds every word: show those holding most of them.
      ParsedQuery any = builder.parse(r.q, QueryMode::kAnyWord);
      Xapian::MSet relaxed_mset =
          run(any.query, r.facets ? plain_facets : std::vector<std::string>{},
              &spy);
      if (relaxed_mset.get_matches_estimated() > 0) {
        relaxed = true;
        parsed = std::move(any);
        text = parsed.query;
        mset = relaxed_mset;
      } else {
        mset = run(text, r.facets ? plain_facets : std::vector<std::string>{},
                   &spy);
      }
    }

    Json facets = Json::object();
    if (r.facets) {
      std::map<std::string, std::map<std::string, int64_t>> counts;
      for (const std::string& f : plain_facets) counts[f] = spy->counts(f);
      for (const auto& [facet, q] : facet_filters) {
        Xapian::Enquire e(c.db);
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_query(with_filters(text, filters_except(facet)));
        auto* s = new FacetSpy({facet});
        e.add_matchspy(s->release());
        e.get_mset(0, 0, all);
        counts[facet] = s->counts(facet);
      }
      for (const std::string& f : kFacetNames) {
        std::set<std::string> selected;
        auto sel = r.filters.find(f);
        if (sel != r.filters.end()) {
          for (const std::string& v : sel->second) {
            std::optional<std::string> term;
            if (f == "network")
              term = resolver.network(v);
            else if (f == "topic")
              term = resolver.topic(v);
            else if (f == "type")
              term = resolver.type(v);
            else if (f == "issuer")
              term = resolver.issuer(v);
            else if (f == "year")
              term = resolver.year(v);
            else if (f == "number") {
              const auto n = parse_doc_number(v);
              if (n) selected.insert(n->key());
              continue;
            }
            if (term) {
              const std::string_view prefix =
                  f == "network"  ? schema::kNetworkPrefix
                  : f == "topic"  ? schema::kTopicPrefix
                  : f == "type"   ? schema::kTypePrefix
                  : f == "issuer" ? schema::kIssuerPrefix
                                  : schema::kYearPrefix;
              selected.insert(term->substr(prefix.size()));
            }
          }
        }
        std::vector<std::pair<std::string, int64_t>> values(counts[f].begin(),
                                                            counts[f].end());
        std::stable_sort(
            values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
        Json list = Json::array();
        std::set<std::string> listed;
        int shown = 0;
        for (const auto& [value, count] : values) {
          if (shown >= r.facet_limit && !selected.count(value)) continue;
          list.push_back({{"value", value},
                          {"label", c.label(f, value)},
                          {"count", count},
                          {"selected", selected.count(value) > 0}});
          listed.insert(value);
          ++shown;
        }
        for (const std::string& value : selected) {
          if (!listed.count(value)) {
            list.push_back({{"value", value},
                            {"label", c.label(f, value)},
                            {"count", 0},
                            {"selected", true}});
          }
        }
        facets[f] = list;
      }
    }

    Json hits = Json::array();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      schema::DocumentData data =
          schema::DocumentData::from_json(doc.get_data());
      Json h = {{"id", data.id},
                {"title", data.title},
                {"type", data.type},
                {"number", data.number},
                {"issuer", data.issuer},
                {"issue_date", data.issue_date},
                {"status", data.status},
                {"score", std::round(it.get_weight() * 1000) / 1000}};
      Json networks = Json::array(), topics = Json::array();
      for (const std::string& id : data.networks)
        networks.push_back({{"id", id}, {"label", c.label("network", id)}});
      for (const std::string& id : data.topics)
        topics.push_back({{"id", id}, {"label", c.label("topic", id)}});
      h["networks"] = networks;
      h["topics"] = topics;
      if (r.snippets) {
        const Snippet s =
            make_snippet(c.db, *c.catalog, *it, data, parsed.highlight_terms);
        h["snippet"] = s.html;
        h["page"] = s.page;
      }
      hits.push_back(std::move(h));
    }

    Json suggestion = nullptr;
    if (!browse && (mset.get_matches_estimated() < kSuggestBelow || relaxed) &&
        parsed.simple && !parsed.words.empty()) {
      c.ensure_vocabulary();
      if (auto s = suggest(c.db, c.vocabulary, parsed.words)) {
        if (canonical_string(*s) != canonical_string(r.q)) {
          // Offer it only when it finds more than the query did.
          const ParsedQuery sq = builder.parse(*s, QueryMode::kAllWords);
          Xapian::Enquire e(c.db);
          e.set_weighting_scheme(Xapian::BoolWeight());
          e.set_query(with_filters(sq.query, filters_except("")));
          if (e.get_mset(0, 0, 100).get_matches_estimated() > strict_total) {
            suggestion = *s;
          }
        }
      }
    }
    for (const std::string& w : parsed.warnings) warnings.push_back(w);
    Json out = {{"query", r.q},
                {"total", mset.get_matches_estimated()},
                {"page", r.page},
                {"per_page", r.per_page},
                {"hits", hits},
                {"facets", facets},
                {"suggestion", suggestion},
                {"relaxed", relaxed}};
    if (!warnings.empty()) out["warnings"] = warnings;
    return out;
  });
}

std::optional<Json> Searcher::document(int64_t id) const {
  Lease ctx = acquire();
  Context& c = *ctx;
  const auto d = c.catalog->get(id);
  if (!d || d->status == "failed") return std::nullopt;
  auto linked = [&](const std::string& number) {
    Json j = {{"number", number}, {"id", nullptr}, {"title", nullptr}};
    if (const auto n = parse_doc_number(number)) {
      for (int64_t other : c.catalog->ids_with_number(n->key())) {
        const auto od = c.catalog->get(other);
        if (od && od->status != "failed") {
          j["id"] = od->id;
          j["title"] = od->title;
          break;
        }
      }
    }
    return j;
  };
  Json cites = Json::array();
  for (const std::string& n : d->cites) cites.push_back(linked(n));
  Json cited_by = Json::array();
  if (const auto n = parse_doc_number(d->number)) {
    for (int64_t other : c.catalog->ids_citing(n->key())) {
      const auto od = c.catalog->get(other);
      if (od && od->status != "failed" && od->id != id) {
        cited_by.push_back({{"id", od->id},
                            {"title", od->title},
                            {"number", od->number},
                            {"issue_date", od->issue_date}});
      }
    }
  }
  Json networks = Json::array(), topics = Json::array();
  for (const std::string& n : d->networks)
    networks.push_back({{"id", n}, {"label", c.label("network", n)}});
  for (const std::string& t : d->topics)
    topics.push_back({{"id", t}, {"label", c.label("topic", t)}});
  Json pages = Json::array();
  for (const CatalogPage& p : c.catalog->pages(id)) {
    Json page = {{"page", p.page_no}, {"source", p.source}};
    if (p.ocr_confidence >= 0) page["ocr_confidence"] = p.ocr_confidence;
    pages.push_back(page);
  }
  return Json{{"id", d->id},
              {"title", d->title},
              {"type", d->type},
              {"number", d->number},
              {"issuer", d->issuer},
              {"issue_date", d->issue_date},
              {"signer", d->signer},
              {"language", d->language},
              {"format", d->format},
              {"status", d->status},
              {"networks", networks},
              {"topics", topics},
              {"cites", cites},
              {"cited_by", cited_by},
              {"pages", d->pages},
              {"page_info", pages},
              {"file_name", fs::path(d->path).filename().string()},
              {"source", d->source}};
}

std::optional<Json> Searcher::page_text(int64_t id, int page_no,
                                        const std::string& q) const {
  Lease ctx = acquire();
  Context& c = *ctx;
  const auto d = c.catalog->get(id);
  if (!d || d->status == "failed") return std::nullopt;
  const auto page = c.catalog->page(id, page_no);
  if (!page) return std::nullopt;
  Json out = {{"id", id},
              {"page", page_no},
              {"pages", d->pages},
              {"text", page->text},
              {"source", page->source}};
  if (page->ocr_confidence >= 0) out["ocr_confidence"] = page->ocr_confidence;
  if (!q.empty()) {
    ParsedQuery parsed;
    try {
      parsed = QueryBuilder(c.db, *c.taxonomy).parse(q, QueryMode::kAnyWord);
    } catch (const QuerySyntaxError& e) {
      throw BadRequest("malformed_query", e.what());
    }
    const Analysis a = analyze(page->text);
    std::string html;
    size_t cursor = 0;
    for (const Token& t : a.tokens) {
      if (t.begin < cursor) continue;
      const bool hit = parsed.highlight_terms.count(t.exact) ||
                       parsed.highlight_terms.count(
                           std::string(schema::kFoldedPrefix) + t.folded);
      if (!hit) continue;
      html += html_escape(
          std::string_view(a.text).substr(cursor, t.begin - cursor));
      html += "<mark>" +
              html_escape(
                  std::string_view(a.text).substr(t.begin, t.end - t.begin)) +
              "</mark>";
      cursor = t.end;
    }
    html += html_escape(std::string_view(a.text).substr(cursor));
    out["html"] = html;
  }
  return out;
}

std::optional<Searcher::File> Searcher::file(int64_t id) const {
  Lease ctx = acquire();
  const auto d = ctx->catalog->get(id);
  if (!d) return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(d->path, ec)) return std::nullopt;
  return File{d->path, content_type_for(d->format),
              fs::path(d->path).filename().string()};
}

Json Searcher::all_facets(int facet_limit) const {
  SearchRequest r;
  r.per_page = 0;
  r.facet_limit = facet_limit;
  r.snippets = false;
  r.page = 1;
  Json s = search(r);
  return {{"total", s["total"]}, {"facets", s["facets"]}};
}

Json Searcher::health() const {
  Lease ctx = acquire();
  return {{"status", "ok"},
          {"documents", ctx->db.get_doccount()},
          {"revision", ctx->db.get_revision()}};
}

}  // namespace kb
