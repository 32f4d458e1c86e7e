// Search: query, filters, facets, snippets, suggestions, documents.
#include "search-server/searcher.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/analyzer.h"
#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/document_terms.h"
#include "core/schema.h"
#include "core/stances.h"
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
// How many BM25 candidates the phrase boosts rescore. Boosting every match
// cost 30-40 ms on common multi-word queries over 67k articles; with a window
// the ALQAC train nDCG@10 stays within noise (30: 0.914, 50: 0.911,
// 100: 0.907, 300: 0.911).
constexpr Xapian::doccount kRescoreWindow = 50;

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

// Spellings of a folded word in the index, most frequent first.
using Vocabulary =
    std::unordered_map<std::string,
                       std::vector<std::pair<std::string, Xapian::doccount>>>;

}  // namespace

// What the searcher derives from one revision of the index, built once and
// shared by every thread: each document's facet values as small integers
// (counting a match is then a few array reads, not a value fetch), the
// labels of facet keys, and the vocabulary for suggestions (on first use).
struct RevisionData {
  Xapian::rev revision = 0;
  // Per facet (kFacetNames order): value id -> key, and for each docid d the
  // value ids ids[offsets[d] .. offsets[d + 1]).
  std::array<std::vector<std::string>, 6> values;
  std::array<std::vector<uint32_t>, 6> offsets;
  std::array<std::vector<uint32_t>, 6> ids;
  std::unordered_map<std::string, std::string> type_labels, issuer_labels,
      number_labels;
  mutable std::once_flag vocabulary_once;
  mutable Vocabulary vocabulary;
};

namespace {

size_t facet_index(const std::string& facet) {
  return static_cast<size_t>(
      std::find(kFacetNames.begin(), kFacetNames.end(), facet) -
      kFacetNames.begin());
}

// The field of schema::kFacetsSlot that holds each facet (kFacetNames order).
constexpr std::array<int, 6> kPackedField = {
    schema::kPackedNetworks, schema::kPackedTopics, schema::kPackedNumber,
    schema::kPackedType,     schema::kPackedIssuer, schema::kPackedYear};

std::shared_ptr<RevisionData> build_revision_data(Xapian::Database& db,
                                                  Catalog& catalog) {
  auto data = std::make_shared<RevisionData>();
  data->revision = db.get_revision();
  const Xapian::docid last = db.get_lastdocid();
  std::array<std::unordered_map<std::string, uint32_t>, 6> intern;
  std::array<std::vector<std::pair<Xapian::docid, uint32_t>>, 6> pairs;
  for (size_t f = 0; f < 6; ++f) data->values[f].push_back("");
  for (auto it = db.valuestream_begin(schema::kFacetsSlot);
       it != db.valuestream_end(schema::kFacetsSlot); ++it) {
    const std::string packed = *it;
    const std::vector<std::string_view> fields = schema::unpack_facets(packed);
    for (size_t f = 0; f < 6; ++f) {
      const std::string_view v = fields[static_cast<size_t>(kPackedField[f])];
      for (const std::string& one : schema::split_list(v)) {
        auto [pos, added] = intern[f].emplace(
            one, static_cast<uint32_t>(data->values[f].size()));
        if (added) data->values[f].push_back(one);
        pairs[f].emplace_back(it.get_docid(), pos->second);
      }
    }
  }
  for (size_t f = 0; f < 6; ++f) {
    data->offsets[f].assign(static_cast<size_t>(last) + 2, 0);
    for (const auto& [docid, id] : pairs[f]) ++data->offsets[f][docid + 1];
    for (size_t d = 1; d < data->offsets[f].size(); ++d) {
      data->offsets[f][d] += data->offsets[f][d - 1];
    }
    data->ids[f].reserve(pairs[f].size());
    for (const auto& [docid, id] : pairs[f])
      data->ids[f].push_back(id);  // docid order
  }
  // Display labels of type, issuer and number keys: one light query.
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(
          catalog.handle(),
          "SELECT DISTINCT type, issuer, issuer_id, number FROM documents "
          "WHERE status != 'failed'",
          -1, &st, nullptr) == SQLITE_OK) {
    auto col = [st](int i) {
      const auto* t = sqlite3_column_text(st, i);
      return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    while (sqlite3_step(st) == SQLITE_ROW) {
      const std::string type = col(0), issuer = col(1), issuer_id = col(2),
                        number = col(3);
      if (!type.empty())
        data->type_labels.emplace(schema::facet_key(type), type);
      if (!issuer.empty()) {
        data->issuer_labels.emplace(
            issuer_id.empty() ? schema::facet_key(issuer) : issuer_id, issuer);
      }
      if (const auto n = parse_doc_number(number)) {
        data->number_labels.emplace(n->key(), n->display());
      }
    }
  }
  sqlite3_finalize(st);
  return data;
}

const Vocabulary& vocabulary_of(Xapian::Database& db,
                                const RevisionData& data) {
  std::call_once(data.vocabulary_once, [&] {
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
      const std::string term = *it;
      if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z'))
        continue;  // prefixed
      data.vocabulary[u32_to_utf8(folded_word(utf8_to_u32(term)))].emplace_back(
          term, it.get_termfreq());
    }
    for (auto& [folded, spellings] : data.vocabulary) {
      std::sort(
          spellings.begin(), spellings.end(),
          [](const auto& a, const auto& b) { return a.second > b.second; });
    }
  });
  return data.vocabulary;
}

// Facet value counts (by value id), kept by the caller across passes.
struct FacetCounts {
  std::array<std::vector<int64_t>, 6> by_id;
};

// Counts the asked facets over every matching document.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(const RevisionData& data, const std::vector<std::string>& facets,
           FacetCounts* counts)
      : data_(data), counts_(counts) {
    for (const std::string& f : facets) {
      const size_t i = facet_index(f);
      counts_->by_id[i].assign(data_.values[i].size(), 0);
      wanted_.push_back(i);
    }
  }
  void operator()(const Xapian::Document& doc, double) override {
    const size_t d = doc.get_docid();
    for (size_t f : wanted_) {
      const std::vector<uint32_t>& offsets = data_.offsets[f];
      if (d + 1 >= offsets.size()) continue;  // newer than this revision's data
      for (uint32_t k = offsets[d]; k < offsets[d + 1]; ++k)
        ++counts_->by_id[f][data_.ids[f][k]];
    }
  }

 private:
  const RevisionData& data_;
  FacetCounts* counts_;
  std::vector<size_t> wanted_;
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
  // The position index; absent until the indexer writes one.
  std::unique_ptr<Xapian::Database> positions;

  explicit Context(const fs::path& dir) : db_dir(dir) {
    std::string error;
    catalog = Catalog::open(catalog_path(dir), true, &error);
    if (!catalog) throw std::runtime_error(error);
    db = Xapian::Database(index_path(dir).string());
    load_taxonomy();
    open_positions();
  }

  void open_positions() {
    try {
      if (fs::exists(positions_index_path(db_dir))) {
        positions = std::make_unique<Xapian::Database>(
            positions_index_path(db_dir).string());
      }
    } catch (const Xapian::Error&) {
      positions.reset();  // being created: try again next time
    }
  }

  void load_taxonomy() {
    std::string error;
    const fs::path dir = taxonomy_copy_path(db_dir);
    auto t = Taxonomy::load(dir, &error);
    if (!t) throw std::runtime_error(error);
    taxonomy = std::make_shared<Taxonomy>(std::move(*t));
    taxonomy_stamp_ = taxonomy_stamp(dir);
  }

  // Sees the indexer's latest commit (cheap when nothing changed).
  void refresh() {
    if (positions) {
      positions->reopen();
    } else {
      open_positions();
    }
    if (db.reopen()) {
      const std::string stamp = taxonomy_stamp(taxonomy_copy_path(db_dir));
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

  std::string label(const RevisionData& data, const std::string& facet,
                    const std::string& key) const {
    if (facet == "network" || facet == "topic") {
      const TaxonomyEntry* e = taxonomy->find(key);
      return e ? e->name : key;
    }
    if (facet == "year") return key;
    const auto& labels = facet == "type"     ? data.type_labels
                         : facet == "issuer" ? data.issuer_labels
                                             : data.number_labels;
    auto it = labels.find(key);
    if (it != labels.end()) return it->second;
    if (facet == "issuer") {
      if (const TaxonomyEntry* e = taxonomy->find(key)) return e->name;
    }
    return key;
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

Searcher::Searcher(const fs::path& db_dir, int max_active)
    : db_dir_(db_dir),
      max_active_(static_cast<uint64_t>(
          max_active > 0 ? max_active
                         : std::max(1u, std::thread::hardware_concurrency()))) {
  if (!is_database(db_dir)) {
    throw std::runtime_error("no vnkb database in " + db_dir.string() +
                             " (index documents with vnkb-index --db " +
                             db_dir.string() + " add ...)");
  }
  idle_.push_back(
      std::make_unique<Context>(db_dir_));  // fail now, not on first use
}

Searcher::~Searcher() = default;

Searcher::Lease Searcher::acquire() const {
  std::unique_ptr<Context> c;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const uint64_t ticket = next_ticket_++;
    turn_.wait(lock, [&] { return ticket < released_ + max_active_; });
    peak_active_ = std::max(peak_active_, ++active_);
    if (!idle_.empty()) {
      c = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  try {
    if (!c) c = std::make_unique<Context>(db_dir_);
    c->refresh();
  } catch (...) {
    release(nullptr);  // gives the turn back; a failing context is dropped
    throw;
  }
  return Lease(*this, std::move(c));
}

std::shared_ptr<const RevisionData> Searcher::revision_data(
    Context& context) const {
  std::lock_guard<std::mutex> lock(revision_mutex_);
  if (!revision_data_ || revision_data_->revision != context.revision()) {
    revision_data_ = build_revision_data(context.db, *context.catalog);
  }
  return revision_data_;
}

void Searcher::release(std::unique_ptr<Context> context) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (context) idle_.push_back(std::move(context));
    --active_;
    ++released_;
  }
  turn_.notify_all();
}

int Searcher::peak_active() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return peak_active_;
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
std::optional<std::string> suggest(Xapian::Database& db,
                                   const Vocabulary& vocab,
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

namespace {

// The term prefix of a document facet's values.
std::string_view facet_prefix(const std::string& facet) {
  if (facet == "network") return schema::kNetworkPrefix;
  if (facet == "topic") return schema::kTopicPrefix;
  if (facet == "type") return schema::kTypePrefix;
  if (facet == "issuer") return schema::kIssuerPrefix;
  return schema::kYearPrefix;
}

// One facet of an answer: the values by count (ties in value order, so
// answers are stable), at most `limit` of them besides the selected ones,
// which are always listed (with count 0 when nothing matched them).
Json facet_values(std::vector<std::pair<std::string, int64_t>> values,
                  const std::set<std::string>& selected, int limit,
                  const std::function<std::string(const std::string&)>& label) {
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Json list = Json::array();
  std::set<std::string> listed;
  int shown = 0;
  for (const auto& [value, count] : values) {
    if (shown >= limit && !selected.count(value)) continue;
    list.push_back({{"value", value},
                    {"label", label(value)},
                    {"count", count},
                    {"selected", selected.count(value) > 0}});
    listed.insert(value);
    ++shown;
  }
  for (const std::string& value : selected) {
    if (!listed.count(value)) {
      list.push_back({{"value", value},
                      {"label", label(value)},
                      {"count", 0},
                      {"selected", true}});
    }
  }
  return list;
}

}  // namespace

Json Searcher::search(const SearchRequest& r) const {
  Lease ctx = acquire();
  Context& c = *ctx;
  const Taxonomy& taxonomy = *c.taxonomy;
  const FacetResolver resolver(taxonomy);
  Json warnings = Json::array();

  // Filters: OR within a facet, AND across facets. `selected` keeps each
  // facet's chosen values as the facet lists them.
  std::map<std::string, Q> facet_filters;
  std::map<std::string, std::set<std::string>> selected;
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
      if (facet == "number") {
        // Listed by the full number's key; a bare serial lists nothing.
        if (const auto n = parse_doc_number(v))
          selected[facet].insert(n->key());
      } else {
        selected[facet].insert(term->substr(facet_prefix(facet).size()));
      }
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
    const std::shared_ptr<const RevisionData> rd = revision_data(c);
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
    Q match = parsed.match;
    const bool browse =
        text.empty() && !parsed.has_text && parsed.warnings.empty();
    if (browse) text = match = Q::MatchAll;

    // Facets whose counts the main pass gives: those without a selection.
    // A selected facet is counted without its own filter (the other values
    // show what adding them would bring).
    std::vector<std::string> plain_facets;
    if (r.facets) {
      for (const std::string& f : kFacetNames) {
        if (!facet_filters.count(f)) plain_facets.push_back(f);
      }
    }
    const Xapian::doccount all = c.db.get_doccount();
    // Pass 1, over every match: the exact total and the facet counts, with
    // the match query (no phrase boosts) and no weights.
    auto count_matches = [&](const Q& q, const std::vector<Q>& filters,
                             const std::vector<std::string>& spy_facets,
                             FacetCounts* counts) {
      Xapian::Enquire e(c.db);
      e.set_weighting_scheme(Xapian::BoolWeight());
      e.set_query(with_filters(q, filters));
      FacetSpy* spy = nullptr;
      if (counts != nullptr && !spy_facets.empty()) {
        spy = new FacetSpy(*rd, spy_facets, counts);
        e.add_matchspy(spy->release());
      }
      return e.get_mset(0, 0, all).get_matches_estimated();
    };
    FacetCounts counts;
    Xapian::doccount total =
        count_matches(browse ? match : parsed.count, filters_except(""),
                      plain_facets, &counts);
    const Xapian::doccount strict_total = total;
    if (total == 0 && parsed.word_count >= 2 && !browse) {
      // No document holds every word: show those holding most of them.
      ParsedQuery any = builder.parse(r.q, QueryMode::kAnyWord);
      FacetCounts any_counts;
      const Xapian::doccount any_total = count_matches(
          any.count, filters_except(""), plain_facets, &any_counts);
      if (any_total > 0) {
        relaxed = true;
        parsed = std::move(any);
        text = parsed.query;
        match = parsed.match;
        total = any_total;
        counts = std::move(any_counts);
      }
    }
    // Pass 2: the page of hits, ranked (Xapian may stop early here).
    Xapian::MSet mset;
    if (r.per_page > 0 && total > 0) {
      Xapian::Enquire enquire(c.db);
      enquire.set_weighting_scheme(
          Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
      if (r.sort != SearchRequest::Sort::kRelevance || browse) {
        enquire.set_sort_by_value_then_relevance(
            schema::kDateSlot, r.sort != SearchRequest::Sort::kDateAsc);
      }
      const auto first =
          static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
      const auto count = static_cast<Xapian::doccount>(r.per_page);
      const bool boosted = r.sort == SearchRequest::Sort::kRelevance &&
                           !browse && parsed.boosted;
      if (boosted) {
        // Phrase boosts need positions for every candidate: rank by BM25
        // first, then rescore only the best window with the boosts.
        enquire.set_query(with_filters(match, filters_except("")));
        const Xapian::MSet window =
            enquire.get_mset(0, std::max(kRescoreWindow, first + count));
        std::vector<std::string> ids;
        for (auto it = window.begin(); it != window.end(); ++it) {
          ids.push_back(schema::id_term(static_cast<int64_t>(*it)));
        }
        enquire.set_query(Q(Q::OP_FILTER,
                            with_filters(text, filters_except("")),
                            Q(Q::OP_OR, ids.begin(), ids.end())));
      } else {
        enquire.set_query(with_filters(text, filters_except("")));
      }
      mset = enquire.get_mset(first, count);
    }

    Json facets = Json::object();
    if (r.facets) {
      for (const auto& [facet, q] : facet_filters) {
        count_matches(browse ? match : parsed.count, filters_except(facet),
                      {facet}, &counts);
      }
      for (const std::string& f : kFacetNames) {
        std::vector<std::pair<std::string, int64_t>> values;
        const size_t fi = facet_index(f);
        for (size_t id = 1; id < counts.by_id[fi].size(); ++id) {
          if (counts.by_id[fi][id] > 0)
            values.emplace_back(rd->values[fi][id], counts.by_id[fi][id]);
        }
        facets[f] = facet_values(
            std::move(values), selected[f], r.facet_limit,
            [&](const std::string& value) { return c.label(*rd, f, value); });
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
        networks.push_back(
            {{"id", id}, {"label", c.label(*rd, "network", id)}});
      for (const std::string& id : data.topics)
        topics.push_back({{"id", id}, {"label", c.label(*rd, "topic", id)}});
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
    // Words typed with diacritics that the collection holds in that very
    // spelling are what the user meant (few results come from the filters
    // or the combination); a suggestion is for the others.
    // Asked last: it looks every word up.
    const auto typed_as_indexed = [&] {
      return parsed.accented &&
             std::all_of(
                 parsed.exact_words.begin(), parsed.exact_words.end(),
                 [&](const std::string& t) { return c.db.term_exists(t); });
    };
    if (!browse && (total < kSuggestBelow || relaxed) && parsed.simple &&
        !parsed.words.empty() && !typed_as_indexed()) {
      if (auto s = suggest(c.db, vocabulary_of(c.db, *rd), parsed.words)) {
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
                {"total", total},
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
    networks.push_back(
        {{"id", n}, {"label", c.label(*revision_data(c), "network", n)}});
  for (const std::string& t : d->topics)
    topics.push_back(
        {{"id", t}, {"label", c.label(*revision_data(c), "topic", t)}});
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

namespace {

// Counts position facets from the packed slot over every match: all of
// them, or only `only` (a facet counted without its own filter).
class PositionFacetSpy : public Xapian::MatchSpy {
 public:
  PositionFacetSpy(
      std::map<std::string, std::map<std::string, int64_t>>* counts,
      std::string only = {})
      : counts_(counts), only_(std::move(only)) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string packed = doc.get_value(schema::kFacetsSlot);
    const std::vector<std::string_view> f = schema::unpack_facets(packed);
    auto add = [this](const char* facet, std::string_view v) {
      if (!v.empty() && (only_.empty() || only_ == facet))
        ++(*counts_)[facet][std::string(v)];
    };
    add("actor", f[schema::kPackedActor]);
    add("stance", f[schema::kPackedStance]);
    for (const std::string& p : schema::split_list(f[schema::kPackedProcess]))
      add("process", p);
    add("year", f[schema::kPackedPositionYear]);
    for (const std::string& t :
         schema::split_list(f[schema::kPackedPositionTopics]))
      add("topic", t);
  }

 private:
  std::map<std::string, std::map<std::string, int64_t>>* counts_;
  std::string only_;
};

std::string stance_label(const std::string& id) {
  const StanceName* s = find_stance(id);
  return s ? std::string(s->label_vi) : id;
}

}  // namespace

Json Searcher::positions(const PositionRequest& r) const {
  Lease ctx = acquire();
  Context& c = *ctx;
  Json empty = {{"total", 0},
                {"page", r.page},
                {"per_page", r.per_page},
                {"positions", Json::array()},
                {"facets", Json::object()}};
  for (const std::string& f : kPositionFacetNames)
    empty["facets"][f] = Json::array();
  if (!c.positions) return empty;
  const Taxonomy& taxonomy = *c.taxonomy;
  const FacetResolver resolver(taxonomy);
  Json warnings = Json::array();
  std::map<std::string, Q> facet_filters;
  // Each facet's chosen values as the facet lists them.
  std::map<std::string, std::set<std::string>> selected;
  for (const auto& [facet, values] : r.filters) {
    std::vector<Q> terms;
    for (const std::string& v : values) {
      std::optional<std::string> term;
      std::string value;  // as the facet lists it
      if (facet == "actor") {
        if (auto* e = taxonomy.resolve(v, kActorKinds)) {
          term = schema::term(schema::kActorPrefix, e->id);
          value = e->id;
        }
      } else if (facet == "network") {
        term = resolver.network(v);
      } else if (facet == "process") {
        if (auto* e = taxonomy.resolve(v, {"process", "forum"})) {
          term = schema::term(e->kind == "forum" ? schema::kForumPrefix
                                                 : schema::kProcessPrefix,
                              e->id);
          value = e->id;
        }
      } else if (facet == "stance") {
        if (const StanceName* s = find_stance(v)) {
          term = schema::term(schema::kStancePrefix, s->id);
          value = std::string(s->id);
        } else {
          throw BadRequest("bad_parameter",
                           "stance must be one of supports, opposes, proposes, "
                           "requests, commits, leads, concerned: '" +
                               v + "'");
        }
      } else if (facet == "topic") {
        term = resolver.topic(v);
        if (term) value = term->substr(schema::kTopicPrefix.size());
      } else if (facet == "year") {
        term = resolver.year(v);
        if (!term)
          throw BadRequest("bad_parameter",
                           "year must be four digits: '" + v + "'");
        value = v;
      }
      if (!term) {
        warnings.push_back("unknown " + facet + " '" + v + "'");
        terms.push_back(Q::MatchNothing);
      } else {
        terms.emplace_back(*term);
        if (!value.empty()) selected[facet].insert(value);
      }
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
    const std::string lo = r.from.empty() ? "0" : ymd(r.from);
    const std::string hi = r.to.empty() ? "99999999" : ymd(r.to);
    date_filter = Q(Q::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
  }
  return with_retries(*c.positions, [&]() -> Json {
    Xapian::Database& db = *c.positions;
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
      std::vector<Q> filters;
      for (const auto& [f, q] : facet_filters) {
        if (f != except) filters.push_back(q);
      }
      if (!date_filter.empty()) filters.push_back(date_filter);
      return filters.empty() ? text
                             : Q(Q::OP_FILTER, text,
                                 Q(Q::OP_AND, filters.begin(), filters.end()));
    };
    const Q query = filtered("");
    Xapian::Enquire e(db);
    e.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, 0.5));
    if (browse || r.sort != PositionRequest::Sort::kRelevance) {
      e.set_sort_by_value_then_relevance(
          schema::kDateSlot, r.sort == PositionRequest::Sort::kDateDesc);
    }
    e.set_query(query);
    std::map<std::string, std::map<std::string, int64_t>> counts;
    auto* spy = new PositionFacetSpy(&counts);
    e.add_matchspy(spy->release());
    const Xapian::MSet mset = e.get_mset(
        static_cast<Xapian::doccount>((r.page - 1) * r.per_page),
        static_cast<Xapian::doccount>(r.per_page), db.get_doccount());
    // A filtered facet counts its values as if it were not filtered (as
    // /api/search does), so that a second value can be added to the first.
    for (const auto& [f, q] : facet_filters) {
      counts[f].clear();
      Xapian::Enquire others(db);
      others.set_weighting_scheme(Xapian::BoolWeight());
      others.set_query(filtered(f));
      auto* own = new PositionFacetSpy(&counts, f);
      others.add_matchspy(own->release());
      others.get_mset(0, 0, db.get_doccount());
    }
    auto label = [&](const std::string& facet,
                     const std::string& id) -> std::string {
      if (facet == "stance") return stance_label(id);
      if (facet == "year") return id;
      const TaxonomyEntry* en = taxonomy.find(id);
      return en ? en->name : id;
    };
    Json facets = Json::object();
    for (const std::string& f : kPositionFacetNames) {
      facets[f] = facet_values(
          {counts[f].begin(), counts[f].end()}, selected[f], r.facet_limit,
          [&](const std::string& v) { return label(f, v); });
    }
    Json items = Json::array();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const PositionData p =
          PositionData::from_json(it.get_document().get_data());
      auto ref = [&](const std::string& id) -> Json {
        if (id.empty()) return nullptr;
        return {{"id", id}, {"label", label("actor", id)}};
      };
      Json topics = Json::array();
      for (const std::string& t : p.topics)
        topics.push_back({{"id", t}, {"label", label("topic", t)}});
      items.push_back(
          {{"id", p.id},
           {"actor", ref(p.actor)},
           {"stance", {{"id", p.stance}, {"label", stance_label(p.stance)}}},
           {"process", ref(p.process)},
           {"forum", ref(p.forum)},
           {"date", p.date},
           {"topics", topics},
           {"quote", p.quote},
           {"document_id", p.doc_id},
           {"document_title", p.doc_title},
           {"document_number", p.doc_number},
           {"page", p.page},
           {"source", p.source},
           {"score", std::round(it.get_weight() * 1000) / 1000}});
    }
    for (const std::string& w : parsed.warnings) warnings.push_back(w);
    Json out = {{"query", r.q},       {"total", mset.get_matches_estimated()},
                {"page", r.page},     {"per_page", r.per_page},
                {"positions", items}, {"facets", facets}};
    if (!warnings.empty()) out["warnings"] = warnings;
    return out;
  });
}

std::optional<Json> Searcher::actor(const std::string& id) const {
  Json entry;
  std::shared_ptr<Taxonomy> taxonomy;
  {
    Lease ctx = acquire();
    taxonomy = ctx->taxonomy;
  }
  const TaxonomyEntry* e = taxonomy->find(id);
  if (e == nullptr || e->kind == "topic") return std::nullopt;
  // A process or forum: the positions taken in it.
  const bool is_process = e->kind == "process" || e->kind == "forum";
  Json networks = Json::array();
  for (const Membership& m : e->member_of) {
    const TaxonomyEntry* n = taxonomy->find(m.id);
    networks.push_back({{"id", m.id},
                        {"label", n ? n->name : m.id},
                        {"kind", n ? n->kind : ""},
                        {"from", m.from},
                        {"to", m.to}});
  }
  Json members = Json::array();
  for (const TaxonomyEntry& other : taxonomy->entries()) {
    for (const Membership& m : other.member_of) {
      if (m.id == e->id) {
        members.push_back({{"id", other.id},
                           {"label", other.name},
                           {"kind", other.kind},
                           {"from", m.from},
                           {"to", m.to}});
      }
    }
  }
  PositionRequest r;
  r.filters[is_process ? "process" : "actor"] = {e->id};
  r.per_page = 100;
  r.sort = PositionRequest::Sort::kDateAsc;
  const Json found = positions(r);
  Json by_year = Json::object(), by_stance = Json::object();
  for (const auto& v : found["facets"]["year"])
    by_year[v["value"].get<std::string>()] = v["count"];
  for (const auto& v : found["facets"]["stance"])
    by_stance[v["value"].get<std::string>()] = v["count"];
  return Json{
      {"id", e->id},
      {"kind", e->kind},
      {"name", e->name},
      {"name_en", e->name_en},
      {"acronyms", e->acronyms},
      {"aliases", e->aliases},
      {"networks", networks},
      {"members", members},
      {"successor", e->successor.empty() ? Json(nullptr) : Json(e->successor)},
      {"positions_total", found["total"]},
      {"positions", found["positions"]},
      {"by_year", by_year},
      {"by_stance", by_stance}};
}

}  // namespace kb
