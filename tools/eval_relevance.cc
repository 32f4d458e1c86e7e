// Relevance evaluation on judged queries in the ALQAC 2023 format (law.json:
// laws with articles; queries with relevant_articles [{law_id, article_id}]).
//
// Each article becomes a document indexed by the real vnkb-index; every query
// runs through the server's own search path (Searcher). In the same run, on
// the same articles and queries:
//   xapian_default   Xapian's TermGenerator and QueryParser, no Vietnamese
//                    processing (what omindex gives), BM25, default OR
//   sqlite_fts5      SQLite FTS5, tokenize="unicode61 remove_diacritics 2",
//                    bm25(), the query's words ORed (FTS5's implicit AND
//                    finds nothing for a question)
//   vnkb_unaccented  vnkb with every query stripped of its diacritics
//
//   eval_relevance --laws FILE --queries FILE [--json] [--indexer PATH]
//                  [--work DIR] [--per-query]
#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/catalog.h"
#include "core/db_layout.h"
#include "core/utf8.h"
#include "search-server/searcher.h"
#include "tools/cli.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct Article {
  std::string law, id, text;
};
struct Query {
  std::string id, text;
  std::set<std::string> relevant;  // "law\x1farticle"
};

std::string key(const std::string& law, const std::string& article) {
  return law + '\x1f' + article;
}

Json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return Json::parse(in);
}

// Diacritics off, case kept: NFD, drop combining marks, đ -> d.
std::string strip_diacritics(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u =
      nfd->normalize(icu::UnicodeString::fromUTF8(s), status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111) c = 'd';
    if (c == 0x0110 || c == 0x00D0) c = 'D';
    out.append(c);
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

struct Metrics {
  double r1 = 0, r5 = 0, r10 = 0, mrr10 = 0, ndcg10 = 0;
  int n = 0;
  void add(const std::vector<std::string>& ranked,
           const std::set<std::string>& relevant) {
    auto recall_at = [&](size_t k) {
      size_t found = 0;
      for (size_t i = 0; i < std::min(k, ranked.size()); ++i)
        found += relevant.count(ranked[i]);
      return static_cast<double>(found) / static_cast<double>(relevant.size());
    };
    r1 += recall_at(1);
    r5 += recall_at(5);
    r10 += recall_at(10);
    for (size_t i = 0; i < std::min<size_t>(10, ranked.size()); ++i) {
      if (relevant.count(ranked[i])) {
        mrr10 += 1.0 / static_cast<double>(i + 1);
        break;
      }
    }
    double dcg = 0, ideal = 0;
    for (size_t i = 0; i < std::min<size_t>(10, ranked.size()); ++i) {
      if (relevant.count(ranked[i]))
        dcg += 1.0 / std::log2(static_cast<double>(i) + 2);
    }
    for (size_t i = 0; i < std::min<size_t>(10, relevant.size()); ++i) {
      ideal += 1.0 / std::log2(static_cast<double>(i) + 2);
    }
    ndcg10 += ideal > 0 ? dcg / ideal : 0;
    ++n;
  }
  Json json() const {
    auto avg = [this](double v) {
      return n ? std::round(v / n * 10000) / 10000 : 0.0;
    };
    return {{"recall@1", avg(r1)},
            {"recall@5", avg(r5)},
            {"recall@10", avg(r10)},
            {"mrr@10", avg(mrr10)},
            {"ndcg@10", avg(ndcg10)}};
  }
};

void xapian_default_run(const fs::path& dir,
                        const std::vector<Article>& articles,
                        const std::vector<Query>& queries,
                        std::vector<std::vector<std::string>>& ranked) {
  Xapian::WritableDatabase db((dir / "xapian-default").string(),
                              Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  for (const Article& a : articles) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(a.text);
    doc.set_data(key(a.law, a.id));
    db.add_document(doc);
  }
  db.commit();
  Xapian::QueryParser qp;
  qp.set_database(db);
  Xapian::Enquire enquire(db);
  for (const Query& q : queries) {
    std::vector<std::string> r;
    try {
      enquire.set_query(qp.parse_query(q.text));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it)
        r.push_back(it.get_document().get_data());
    } catch (const Xapian::QueryParserError&) {
    }
    ranked.push_back(std::move(r));
  }
}

void sqlite_fts5_run(const fs::path& dir, const std::vector<Article>& articles,
                     const std::vector<Query>& queries,
                     std::vector<std::vector<std::string>>& ranked) {
  sqlite3* db = nullptr;
  sqlite3_open((dir / "fts5.sqlite").c_str(), &db);
  sqlite3_exec(db,
               "DROP TABLE IF EXISTS a;"
               "CREATE VIRTUAL TABLE a USING fts5(k UNINDEXED, body, "
               "tokenize='unicode61 remove_diacritics 2');BEGIN",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO a(k, body) VALUES(?, ?)", -1, &ins,
                     nullptr);
  for (const Article& a : articles) {
    const std::string k = key(a.law, a.id);
    sqlite3_bind_text(ins, 1, k.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, a.text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_stmt* sel = nullptr;
  sqlite3_prepare_v2(
      db, "SELECT k FROM a WHERE a MATCH ? ORDER BY bm25(a) LIMIT 10", -1, &sel,
      nullptr);
  for (const Query& q : queries) {
    // Each word quoted (FTS5 syntax characters are plain text then), ORed.
    std::string match;
    std::string word;
    auto flush = [&]() {
      if (word.empty()) return;
      if (!match.empty()) match += " OR ";
      match += "\"" + word + "\"";
      word.clear();
    };
    for (char c : q.text) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80) {
        word += c;
      } else {
        flush();
      }
    }
    flush();
    std::vector<std::string> r;
    sqlite3_bind_text(sel, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(sel) == SQLITE_ROW) {
      r.emplace_back(
          reinterpret_cast<const char*>(sqlite3_column_text(sel, 0)));
    }
    sqlite3_reset(sel);
    ranked.push_back(std::move(r));
  }
  sqlite3_finalize(sel);
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Relevance of vnkb and two baselines on judged queries (ALQAC format)",
      "eval_relevance"};
  std::string laws_file, queries_file, indexer, work;
  bool json_out = false, per_query = false, reuse = false;
  app.add_option("--laws", laws_file,
                 "law.json: [{id, articles: [{id, text}]}]")
      ->required();
  app.add_option("--queries", queries_file, "queries with relevant_articles")
      ->required();
  app.add_option("--indexer", indexer, "vnkb-index binary")
      ->default_val(fs::path(argv[0]).parent_path() / ".." / "indexer" /
                    "vnkb-index");
  app.add_option(
      "--work", work,
      "Folder for the articles and indexes (default: a temp folder)");
  app.add_flag("--json", json_out, "Print one JSON object");
  app.add_flag("--reuse-index", reuse,
               "Keep the --work folder's index from an earlier run");
  app.add_flag("--per-query", per_query,
               "Also print each query's rank of its first relevant article");
  if (const auto code = kb::parse_tool_args(app, argc, argv)) return *code;

  try {
    std::vector<Article> articles;
    for (const Json& law : read_json(laws_file)) {
      for (const Json& a : law.at("articles")) {
        articles.push_back({law.at("id").get<std::string>(),
                            a.at("id").get<std::string>(),
                            a.at("text").get<std::string>()});
      }
    }
    std::vector<Query> queries;
    for (const Json& q : read_json(queries_file)) {
      Query query{q.at("question_id").get<std::string>(),
                  q.at("text").get<std::string>(),
                  {}};
      for (const Json& r : q.at("relevant_articles")) {
        query.relevant.insert(key(r.at("law_id").get<std::string>(),
                                  r.at("article_id").get<std::string>()));
      }
      queries.push_back(std::move(query));
    }

    const fs::path dir = work.empty()
                             ? fs::temp_directory_path() /
                                   ("vnkb-eval-" + std::to_string(::getpid()))
                             : fs::path(work);
    reuse = reuse && fs::exists(kb::catalog_path(dir / "db"));
    if (!reuse) {
      fs::remove_all(dir / "articles");
      fs::remove_all(dir / "db");
    }
    fs::create_directories(dir / "articles");
    // One text file per article; its law and number go in the title.
    std::map<std::string, std::string> file_to_key;
    for (size_t i = 0; i < articles.size(); ++i) {
      const Article& a = articles[i];
      const std::string name = "article-" + std::to_string(i) + ".txt";
      std::ofstream(dir / "articles" / name) << a.text;
      const std::string first_line = a.text.substr(0, a.text.find('\n'));
      std::ofstream(dir / "articles" /
                    ("article-" + std::to_string(i) + ".meta.json"))
          << Json{{"title", a.law + " - Điều " + a.id + ". " + first_line}}
                 .dump();
      file_to_key[(dir / "articles" / name).string()] = key(a.law, a.id);
    }
    const std::string cmd = indexer + " --db " + (dir / "db").string() +
                            " --quiet add " + (dir / "articles").string();
    if (!reuse && std::system(cmd.c_str()) != 0)
      throw std::runtime_error("indexing failed: " + cmd);

    kb::Searcher searcher(dir / "db");
    // Map catalog ids to article keys through the paths the catalog records.
    std::map<int64_t, std::string> id_to_key;
    {
      std::string error;
      auto catalog =
          kb::Catalog::open(kb::catalog_path(dir / "db"), true, &error);
      if (!catalog) throw std::runtime_error(error);
      for (const auto& d : catalog->list({}))
        id_to_key[d.id] = file_to_key[d.path];
    }
    auto vnkb_run = [&](bool unaccented,
                        std::vector<std::vector<std::string>>& ranked) {
      for (const Query& q : queries) {
        kb::SearchRequest r;
        r.q = unaccented ? strip_diacritics(q.text) : q.text;
        r.per_page = 10;
        r.facets = false;
        r.snippets = false;
        std::vector<std::string> keys;
        for (const kb::SearchHit& h : searcher.search(r).hits)
          keys.push_back(id_to_key[h.id]);
        ranked.push_back(std::move(keys));
      }
    };
    std::map<std::string, std::vector<std::vector<std::string>>> runs;
    vnkb_run(false, runs["vnkb"]);
    vnkb_run(true, runs["vnkb_unaccented"]);
    xapian_default_run(dir, articles, queries, runs["xapian_default"]);
    sqlite_fts5_run(dir, articles, queries, runs["sqlite_fts5"]);

    Json out = {{"queries", queries.size()}, {"articles", articles.size()}};
    for (const auto& [name, ranked] : runs) {
      Metrics m;
      for (size_t i = 0; i < queries.size(); ++i)
        m.add(ranked[i], queries[i].relevant);
      out[name] = m.json();
    }
    if (per_query) {
      Json pq = Json::array();
      for (size_t i = 0; i < queries.size(); ++i) {
        Json row = {{"id", queries[i].id}};
        for (const auto& [name, ranked] : runs) {
          int rank = 0;
          for (size_t k = 0; k < ranked[i].size(); ++k) {
            if (queries[i].relevant.count(ranked[i][k])) {
              rank = static_cast<int>(k) + 1;
              break;
            }
          }
          row[name] = rank;
        }
        pq.push_back(row);
      }
      out["per_query"] = pq;
    }
    if (work.empty()) fs::remove_all(dir);
    if (json_out) {
      std::cout << out.dump(2) << '\n';
      return 0;
    }
    std::cout << "| run | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 "
                 "|\n|---|---:|---:|---:|---:|---:|\n";
    for (const char* name :
         {"vnkb", "vnkb_unaccented", "xapian_default", "sqlite_fts5"}) {
      if (!out.contains(name)) continue;
      const Json& m = out[name];
      std::cout << "| " << name << " | " << m["recall@1"] << " | "
                << m["recall@5"] << " | " << m["recall@10"] << " | "
                << m["mrr@10"] << " | " << m["ndcg@10"] << " |\n";
    }
    std::cout << "\n"
              << queries.size() << " queries, " << articles.size()
              << " articles\n";
  } catch (const std::exception& e) {
    std::cerr << "eval_relevance: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
