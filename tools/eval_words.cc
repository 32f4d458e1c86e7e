// Word matching on a vnkb database: for everyday words of two syllables,
// typed with their diacritics, the share of hits that contain the word
// (precision) and of the documents containing it that are found (recall);
// typed without diacritics, the share of documents holding the word in any
// spelling that are found, and whether those holding the typed spelling
// rank first.
//
// "Containing" is read from the catalog's page texts and titles through the
// same analysis as the index: the word's syllables as consecutive tokens, in
// canonical form (accented) or folded form (any spelling).
//
// With --url, the hits come from a running vnkb-serve on that database (to
// measure another build, e.g. the one before a change) instead of this
// build's Searcher.
//
//   eval_words --db DIR [--url http://127.0.0.1:PORT] [--words FILE] [--json]
//              [--per-word]
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/analyzer.h"
#include "core/catalog.h"
#include "core/db_layout.h"
#include "search-server/searcher.h"
#include "tools/cli.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using kb::Analysis;
using kb::Token;

// Everyday words of negotiation and policy texts (the list and more).
const char* const kDefaultWords[] = {
    "phản đối",   "đối tác", "hiệp ước",  "khoáng sản", "ủng hộ",
    "đàm phán",   "hợp tác", "cam kết",   "thương mại", "môi trường",
    "chủ trì",    "đầu tư",  "an ninh",   "kinh tế",    "phát triển",
    "thỏa thuận", "quốc tế", "biển đông", "nhựa",       "chính phủ",
};

// Each document's tokens (title, then pages) as canonical and folded words.
struct DocWords {
  int64_t id = 0;
  std::vector<std::vector<const Token*>> runs;  // per field
  std::vector<Analysis> analyses;
};

bool contains(const DocWords& d, const std::vector<std::string>& word,
              bool folded) {
  for (const auto& run : d.runs) {
    for (size_t i = 0; i + word.size() <= run.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < word.size() && all; ++k) {
        const Token& t = *run[i + k];
        all = (folded ? t.folded : t.exact) == word[k] &&
              (k == 0 || t.position == run[i + k - 1]->position + 1);
      }
      if (all) return true;
    }
  }
  return false;
}

struct Tally {
  size_t hits = 0, good_hits = 0, holders = 0, found = 0;
  double precision() const {
    return hits ? static_cast<double>(good_hits) / static_cast<double>(hits)
                : 1.0;
  }
  double recall() const {
    return holders ? static_cast<double>(found) / static_cast<double>(holders)
                   : 1.0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Precision and recall of word matching on a vnkb database",
               "eval_words"};
  std::string db_dir, words_file, url;
  bool json_out = false, per_word = false;
  app.add_option("--db", db_dir, "vnkb database folder")->required();
  app.add_option("--words", words_file,
                 "one word a line (default: a built-in list)");
  app.add_option("--url", url, "a vnkb-serve serving --db (default: none)");
  app.add_flag("--json", json_out, "Print one JSON object");
  app.add_flag("--per-word", per_word, "Also print each word's figures");
  if (const auto code = kb::parse_tool_args(app, argc, argv)) return *code;

  try {
    std::vector<std::string> words;
    if (!words_file.empty()) {
      std::ifstream in(words_file);
      if (!in) throw std::runtime_error("cannot read " + words_file);
      for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') words.push_back(line);
    } else {
      words.assign(std::begin(kDefaultWords), std::end(kDefaultWords));
    }
    std::string error;
    const auto catalog =
        kb::Catalog::open(kb::catalog_path(db_dir), true, &error);
    if (!catalog) throw std::runtime_error(error);
    std::vector<DocWords> docs;
    for (int64_t id : catalog->all_ids()) {
      DocWords d;
      d.id = id;
      if (auto doc = catalog->get(id))
        d.analyses.push_back(kb::analyze(doc->title));
      for (const kb::CatalogPage& p : catalog->pages(id))
        d.analyses.push_back(kb::analyze(p.text));
      docs.push_back(std::move(d));
    }
    for (DocWords& d : docs) {
      for (const kb::Analysis& a : d.analyses) {
        std::vector<const kb::Token*> run;
        for (const kb::Token& t : a.tokens)
          if (t.kind == kb::TokenKind::kWord) run.push_back(&t);
        d.runs.push_back(std::move(run));
      }
    }
    kb::Searcher searcher(db_dir);
    Tally accented, unaccented;
    size_t total_mismatch = 0, ranked_first = 0, ranked_of = 0;
    Json per = Json::array();
    for (const std::string& w : words) {
      const kb::Analysis wa = kb::analyze(w);
      std::vector<std::string> exact, folded;
      std::string folded_text;
      for (const kb::Token& t : wa.tokens) {
        exact.push_back(t.exact);
        folded.push_back(t.folded);
        folded_text += (folded_text.empty() ? "" : " ") + t.folded;
      }
      std::set<int64_t> holders, any_holders;
      for (const DocWords& d : docs) {
        if (contains(d, exact, false)) holders.insert(d.id);
        if (contains(d, folded, true)) any_holders.insert(d.id);
      }
      auto run = [&](const std::string& q, uint64_t* total) {
        std::vector<int64_t> ids;
        if (!url.empty()) {
          httplib::Client client(url);
          for (int page = 1;; ++page) {
            const auto res = client.Get("/api/search",
                                        {{"q", q},
                                         {"per_page", "100"},
                                         {"page", std::to_string(page)},
                                         {"facet_limit", "0"}},
                                        httplib::Headers());
            if (!res || res->status != 200)
              throw std::runtime_error("no answer from " + url);
            const Json j = Json::parse(res->body);
            *total = j.at("total").get<uint64_t>();
            for (const Json& h : j.at("hits")) ids.push_back(h.at("id"));
            if (j.at("hits").size() < 100) break;
          }
          return ids;
        }
        kb::SearchRequest r;
        r.q = q;
        r.per_page = 1000;
        r.snippets = false;
        r.facets = false;
        const kb::SearchResult res = searcher.search(r);
        *total = res.total;
        for (const kb::SearchHit& h : res.hits) ids.push_back(h.id);
        return ids;
      };
      uint64_t total = 0;
      const std::vector<int64_t> hits = run(w, &total);
      if (total != hits.size()) ++total_mismatch;
      Tally t;
      t.hits = hits.size();
      t.holders = holders.size();
      for (int64_t id : hits) t.good_hits += holders.count(id);
      t.found = t.good_hits;
      uint64_t utotal = 0;
      const std::vector<int64_t> uhits = run(folded_text, &utotal);
      if (utotal != uhits.size()) ++total_mismatch;
      Tally u;
      u.hits = uhits.size();
      u.holders = any_holders.size();
      for (int64_t id : uhits) u.good_hits += any_holders.count(id);
      u.found = u.good_hits;
      // Those holding the typed spelling rank before the others.
      for (size_t i = 0; i < uhits.size() && i < holders.size(); ++i) {
        ranked_first += holders.count(uhits[i]);
        ++ranked_of;
      }
      for (Tally* dst : {&accented, &unaccented}) {
        const Tally& src = dst == &accented ? t : u;
        dst->hits += src.hits;
        dst->good_hits += src.good_hits;
        dst->holders += src.holders;
        dst->found += src.found;
      }
      per.push_back({{"word", w},
                     {"hits", t.hits},
                     {"hits_with_word", t.good_hits},
                     {"documents_with_word", t.holders},
                     {"unaccented_hits", u.hits},
                     {"documents_with_any_spelling", u.holders},
                     {"unaccented_found", u.found}});
    }
    const double first_share = ranked_of ? static_cast<double>(ranked_first) /
                                               static_cast<double>(ranked_of)
                                         : 1.0;
    Json out = {{"documents", docs.size()},
                {"words", words.size()},
                {"accented_precision", accented.precision()},
                {"accented_recall", accented.recall()},
                {"unaccented_recall", unaccented.recall()},
                {"unaccented_exact_spelling_first", first_share},
                {"totals_differing_from_hits", total_mismatch}};
    if (per_word) out["per_word"] = per;
    if (json_out) {
      std::cout << out.dump(2) << "\n";
      return 0;
    }
    std::cout << std::fixed << std::setprecision(3)
              << "documents: " << docs.size() << ", words: " << words.size()
              << "\naccented: precision " << accented.precision() << " ("
              << accented.good_hits << "/" << accented.hits << "), recall "
              << accented.recall() << " (" << accented.found << "/"
              << accented.holders << ")\nunaccented: recall "
              << unaccented.recall() << " (" << unaccented.found << "/"
              << unaccented.holders << "), typed spelling ranked first "
              << first_share
              << "\ntotals differing from hits: " << total_mismatch << "\n";
    if (per_word) {
      for (const Json& p : per) std::cout << p.dump() << "\n";
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "eval_words: " << e.what() << "\n";
    return 1;
  }
}
