// Measures position extraction (indexer/positions/) against the hand labels
// in tests/data/positions/*.json: each document is read as the indexer reads
// it (extract_file, extract_metadata, tag_document) and its extracted
// positions are matched to the labels.
//
//   eval_positions [--labels DIR] [--root DIR] [--shared DIR]
//                  [--taxonomy DIR] [--json] [--show-errors] [--dump]
//                  [--unlabelled]
//
// A label and an extracted position match when they are on the same page,
// their quotes overlap and actor, stance and process are equal (a hit); the
// looser score asks only for actor and stance. Each extracted position
// matches at most one label. Precision = hits / extracted, recall = hits /
// labels; per stance, precision counts extracted positions of that stance
// and recall labels of that stance. Labels whose actor is not in the
// taxonomy count as misses (and are reported apart).
//
// Each label file names its set ("seed", "extra": the documents the
// extractor was developed on; "holdout": labelled afterwards and never
// tuned on); the figures are given overall and per set.
//
// A document path is relative to --root (the repository, default the source
// tree) or, failing that, to --shared's corpus folder (default
// ROOT/../shared/corpus).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/overrides.h"
#include "indexer/positions/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/tagging.h"
#include "tools/cli.h"
#include "tools/eval_news_dates.h"
#include "tools/eval_positions_news.h"

namespace fs = std::filesystem;

namespace {

struct Options {
  fs::path labels;
  fs::path root = VNKB_SOURCE_DIR;
  fs::path shared;
  fs::path taxonomy;
  bool json = false;
  bool show_errors = false;
  bool dump = false;
  bool unlabelled = false;
  fs::path news;      // the negotiation-news mode when set
  fs::path dates;     // the unlabelled articles' dates (--dates)
  bool list = false;  // with --dates: one line a file
  fs::path enb;       // the same scoring on the English ENB reports
  std::vector<fs::path> enb_team;      // more ENB labels, tuned on (--enb-team)
  std::vector<fs::path> news_team;     // more news labels (--news-team)
  std::vector<std::string> datelines;  // PREFIX=DATE (--dateline)
};

// Registers the options on `app`; `o` keeps the defaults of what is not
// given.
void add_options(CLI::App& app, Options& o) {
  app.add_option("--labels", o.labels,
                 "Folder of label files (default ROOT/tests/data/positions)")
      ->type_name("DIR");
  app.add_option("--root", o.root,
                 "Repository the documents are relative to (default the "
                 "source tree)")
      ->type_name("DIR");
  app.add_option("--shared", o.shared,
                 "Corpus folder tried after ROOT (default "
                 "ROOT/../shared/corpus)")
      ->type_name("DIR");
  app.add_option("--taxonomy", o.taxonomy,
                 "Taxonomy folder (default ROOT/corpus/taxonomy)")
      ->type_name("DIR");
  app.add_option("--news", o.news,
                 "Score against the negotiation-news labels of DIR "
                 "(labels-*.jsonl, as its LABELS.md says), on a tuning and "
                 "a held-out part; e.g. ../shared/corpus/negotiation/vi")
      ->type_name("DIR");
  app.add_option("--enb", o.enb,
                 "Score against the English labels of DIR (labels.jsonl of "
                 "the ENB reports, scored as --news), on a tuning and a "
                 "held-out part; e.g. ../shared/corpus/negotiation/en")
      ->type_name("DIR")
      ->excludes("--news");
  app.add_option("--enb-team", o.enb_team,
                 "With --enb: more labelled reports, always tuned on "
                 "(quotes as byte spans); e.g. "
                 "tests/data/positions/enb-team-labels.jsonl")
      ->type_name("FILE")
      ->needs("--enb");
  app.add_option("--news-team", o.news_team,
                 "With --news: more labelled articles, scored apart as "
                 "\"team\" and always tuned on (quotes as byte spans, as "
                 "--enb-team; may be given more than once); e.g. "
                 "tests/data/positions/news-team-labels-a.jsonl")
      ->type_name("FILE")
      ->needs("--news");
  app.add_option("--dateline", o.datelines,
                 "With --news or --enb: the date a librarian gives the files "
                 "whose name starts with PREFIX, as `vnkb-index add --date` "
                 "would (may be given more than once); e.g. baomoi-=2017, "
                 "the year the corpus's SOURCES.md gives those articles")
      ->type_name("PREFIX=DATE");
  app.add_option("--dates", o.dates,
                 "The report date of each UNLABELLED article of DIR "
                 "(labelled files left out), counted by source and "
                 "precision; e.g. ../shared/corpus/negotiation/vi")
      ->type_name("DIR")
      ->excludes("--news")
      ->excludes("--enb");
  app.add_flag("--list", o.list, "With --dates: one line a file")
      ->needs("--dates");
  app.add_flag("--json", o.json, "Print one JSON object");
  app.add_flag("--show-errors", o.show_errors,
               "List every miss and false position");
  app.add_flag("--dump", o.dump,
               "Print every extracted position, one JSON object a line");
  app.add_flag("--unlabelled", o.unlabelled,
               "With --news or --enb: print every position of the texts no "
               "label names, one JSON object a line, instead of scoring");
}

// The folders left empty on the command line, found from --root.
void fill_defaults(Options& o) {
  if (o.labels.empty()) o.labels = o.root / "tests" / "data" / "positions";
  if (o.shared.empty()) o.shared = o.root / ".." / "shared" / "corpus";
  if (o.taxonomy.empty()) o.taxonomy = o.root / "corpus" / "taxonomy";
}

struct Label {
  std::string actor, stance, process, forum, quote, date;
  int page = 1;
  int occurrence = 1;
};

// A page's text with runs of white space collapsed to one space, and the
// page offset of each byte kept, so a hand-copied quote is found whatever
// its spacing.
struct Collapsed {
  std::string text;
  std::vector<uint32_t> offset;  // page offset of text[i]
};

Collapsed collapse(const std::string& page) {
  Collapsed c;
  bool space = false;
  for (size_t i = 0; i < page.size(); ++i) {
    const char ch = page[i];
    const bool is_space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (is_space) {
      space = true;
      continue;
    }
    if (space && !c.text.empty()) {
      c.text += ' ';
      c.offset.push_back(static_cast<uint32_t>(i));
    }
    space = false;
    c.text += ch;
    c.offset.push_back(static_cast<uint32_t>(i));
  }
  return c;
}

std::string collapse_quote(const std::string& q) {
  std::string out = collapse(kb::to_nfc(q)).text;
  return out;
}

struct Span {
  int page = 0;  // 1-based; 0: not found
  uint32_t begin = 0, end = 0;
};

Span locate(const Label& l, const std::vector<Collapsed>& pages) {
  const std::string q = collapse_quote(l.quote);
  auto find_in = [&](int p) -> Span {
    const Collapsed& c = pages[p - 1];
    size_t at = std::string::npos, from = 0;
    for (int k = 0; k < l.occurrence; ++k) {
      at = c.text.find(q, from);
      if (at == std::string::npos) return {};
      from = at + 1;
    }
    return {p, c.offset[at], c.offset[at + q.size() - 1] + 1};
  };
  if (l.page >= 1 && l.page <= static_cast<int>(pages.size())) {
    Span s = find_in(l.page);
    if (s.page != 0) return s;
  }
  for (int p = 1; p <= static_cast<int>(pages.size()); ++p) {
    Span s = find_in(p);
    if (s.page != 0) return s;
  }
  return {};
}

struct Counts {
  int labels = 0, extracted = 0, hits = 0;
  double precision() const {
    return extracted == 0 ? 0.0 : static_cast<double>(hits) / extracted;
  }
  double recall() const {
    return labels == 0 ? 0.0 : static_cast<double>(hits) / labels;
  }
};

struct ErrorRow {
  std::string doc, kind, actor, stance, process, quote, note;
};

std::string shorten(const std::string& s, size_t n = 160) {
  if (s.size() <= n) return s;
  return std::string(kb::utf8_prefix(s, n)) + "…";
}

class Evaluation {
 public:
  explicit Evaluation(const kb::Taxonomy& t) : taxonomy_(t) {}

  void add(const std::string& doc, const std::vector<Label>& labels,
           const std::vector<Collapsed>& pages,
           const std::vector<kb::ExtractedPosition>& got);
  void failed(const std::string& doc, const std::string& why) {
    failures_.push_back(doc + ": " + why);
  }
  nlohmann::json to_json(bool show_errors) const;
  void print_text(bool show_errors) const;

 private:
  void match(const std::string& doc, const std::vector<Label>& labels,
             const std::vector<Span>& spans,
             const std::vector<kb::ExtractedPosition>& got, bool strict);

  const kb::Taxonomy& taxonomy_;
  int documents_ = 0;
  Counts strict_, loose_;
  std::map<std::string, Counts> per_stance_;
  int outside_taxonomy_ = 0;
  int unlocated_ = 0;
  std::vector<ErrorRow> errors_;
  std::vector<std::string> failures_;
};

bool overlaps(const Span& s, const kb::ExtractedPosition& p) {
  return s.page == static_cast<int>(p.page) && s.begin < p.end &&
         p.begin < s.end;
}

void Evaluation::match(const std::string& doc, const std::vector<Label>& labels,
                       const std::vector<Span>& spans,
                       const std::vector<kb::ExtractedPosition>& got,
                       bool strict) {
  std::vector<bool> used(got.size(), false), hit(labels.size(), false);
  for (size_t i = 0; i < labels.size(); ++i) {
    const Label& l = labels[i];
    for (size_t j = 0; j < got.size(); ++j) {
      const kb::ExtractedPosition& p = got[j];
      if (used[j] || !overlaps(spans[i], p)) continue;
      if (p.actor != l.actor || kb::stance_id(p.stance) != l.stance) continue;
      if (strict && p.process != l.process) continue;
      used[j] = hit[i] = true;
      break;
    }
  }
  Counts& c = strict ? strict_ : loose_;
  c.labels += static_cast<int>(labels.size());
  c.extracted += static_cast<int>(got.size());
  for (size_t i = 0; i < labels.size(); ++i) c.hits += hit[i];
  if (!strict) return;
  for (size_t i = 0; i < labels.size(); ++i) {
    Counts& s = per_stance_[labels[i].stance];
    ++s.labels;
    s.hits += hit[i];
  }
  for (const kb::ExtractedPosition& p : got)
    ++per_stance_[kb::stance_id(p.stance)].extracted;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (hit[i]) continue;
    const Label& l = labels[i];
    std::string note;
    for (const kb::ExtractedPosition& p : got) {
      if (!overlaps(spans[i], p)) continue;
      note += std::string(note.empty() ? "got " : "; ") + p.actor + " " +
              kb::stance_id(p.stance) + " [" + p.process + "]";
    }
    if (taxonomy_.find(l.actor) == nullptr) note += " (actor not in taxonomy)";
    if (spans[i].page == 0) note += " (quote not found in the text)";
    errors_.push_back(
        {doc, "miss", l.actor, l.stance, l.process, shorten(l.quote), note});
  }
  for (size_t j = 0; j < got.size(); ++j) {
    if (used[j]) continue;
    const kb::ExtractedPosition& p = got[j];
    errors_.push_back({doc, "false", p.actor, kb::stance_id(p.stance),
                       p.process, shorten(p.quote), "cue: " + p.cue});
  }
}

void Evaluation::add(const std::string& doc, const std::vector<Label>& labels,
                     const std::vector<Collapsed>& pages,
                     const std::vector<kb::ExtractedPosition>& got) {
  ++documents_;
  std::vector<Span> spans;
  for (const Label& l : labels) {
    spans.push_back(locate(l, pages));
    if (spans.back().page == 0) ++unlocated_;
    if (taxonomy_.find(l.actor) == nullptr) ++outside_taxonomy_;
  }
  match(doc, labels, spans, got, true);
  match(doc, labels, spans, got, false);
}

nlohmann::json counts_json(const Counts& c) {
  return {{"labels", c.labels},
          {"extracted", c.extracted},
          {"hits", c.hits},
          {"precision", c.precision()},
          {"recall", c.recall()}};
}

nlohmann::json Evaluation::to_json(bool show_errors) const {
  nlohmann::json j;
  j["documents"] = documents_;
  j["failed"] = failures_;
  j["strict"] = counts_json(strict_);
  j["actor_stance"] = counts_json(loose_);
  j["labels_outside_taxonomy"] = outside_taxonomy_;
  j["labels_not_found"] = unlocated_;
  nlohmann::json per = nlohmann::json::object();
  for (const auto& [stance, c] : per_stance_) per[stance] = counts_json(c);
  j["per_stance"] = per;
  if (show_errors) {
    nlohmann::json errors = nlohmann::json::array();
    for (const ErrorRow& e : errors_) {
      errors.push_back({{"document", e.doc},
                        {"kind", e.kind},
                        {"actor", e.actor},
                        {"stance", e.stance},
                        {"process", e.process},
                        {"quote", e.quote},
                        {"note", e.note}});
    }
    j["errors"] = errors;
  }
  return j;
}

void Evaluation::print_text(bool show_errors) const {
  auto line = [](const char* name, const Counts& c) {
    std::printf(
        "%-14s labels %3d  extracted %3d  hits %3d  precision %.3f  "
        "recall %.3f\n",
        name, c.labels, c.extracted, c.hits, c.precision(), c.recall());
  };
  std::printf("documents: %d (failed %zu)\n", documents_, failures_.size());
  for (const std::string& f : failures_)
    std::printf("  failed: %s\n", f.c_str());
  line("strict", strict_);
  line("actor+stance", loose_);
  std::printf(
      "labels whose actor is not in the taxonomy: %d; quotes not "
      "found: %d\n",
      outside_taxonomy_, unlocated_);
  std::printf("per stance (strict):\n");
  for (kb::Stance s : kb::all_stances()) {
    auto it = per_stance_.find(kb::stance_id(s));
    if (it == per_stance_.end()) continue;
    line(kb::stance_id(s), it->second);
  }
  if (!show_errors) return;
  std::printf("errors:\n");
  for (const ErrorRow& e : errors_) {
    std::printf("  [%s] %s: %s %s [%s] \"%s\"%s%s\n", e.kind.c_str(),
                e.doc.c_str(), e.actor.c_str(), e.stance.c_str(),
                e.process.c_str(), e.quote.c_str(), e.note.empty() ? "" : " — ",
                e.note.c_str());
  }
}

std::optional<std::vector<Label>> read_labels(const nlohmann::json& j,
                                              std::string* error) {
  std::vector<Label> out;
  try {
    for (const auto& p : j.at("positions")) {
      Label l;
      l.actor = p.at("actor").get<std::string>();
      l.stance = p.at("stance").get<std::string>();
      l.process = p.value("process", "");
      l.forum = p.value("forum", "");
      l.quote = p.at("quote").get<std::string>();
      l.date = p.value("date", "");
      l.page = p.value("page", 1);
      l.occurrence = p.value("occurrence", 1);
      if (!kb::parse_stance(l.stance)) {
        *error = "unknown stance '" + l.stance + "'";
        return std::nullopt;
      }
      out.push_back(std::move(l));
    }
  } catch (const nlohmann::json::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures position extraction against the hand labels",
               "eval_positions"};
  Options o;
  add_options(app, o);
  if (const std::optional<int> code = kb::parse_tool_args(app, argc, argv))
    return *code;
  fill_defaults(o);
  std::string error;
  const std::optional<kb::Taxonomy> taxonomy =
      kb::Taxonomy::load(o.taxonomy, &error);
  if (!taxonomy) {
    std::fprintf(stderr, "eval_positions: %s\n", error.c_str());
    return 2;
  }
  if (!o.dates.empty())
    return kb::run_news_dates(o.dates, *taxonomy, o.json, o.list);
  if (!o.news.empty() || !o.enb.empty()) {
    kb::NewsEvalOptions n;
    n.dir = o.news.empty() ? o.enb : o.news;
    n.enb = !o.enb.empty();
    n.team_labels = o.enb.empty() ? o.news_team : o.enb_team;
    n.json = o.json;
    n.show_errors = o.show_errors;
    n.dump = o.dump;
    n.unlabelled = o.unlabelled;
    for (const std::string& d : o.datelines) {
      const size_t eq = d.find('=');
      std::string date = eq == std::string::npos ? "" : d.substr(eq + 1);
      std::string why;
      if (eq == std::string::npos || eq == 0 ||
          !kb::normalize_override("date", date, *taxonomy, &why) ||
          date.empty()) {
        std::fprintf(stderr,
                     "eval_positions: --dateline %s: give PREFIX=DATE, e.g. "
                     "baomoi-=2017%s%s\n",
                     d.c_str(), why.empty() ? "" : ": ", why.c_str());
        return 2;
      }
      n.datelines.emplace_back(d.substr(0, eq), date);
    }
    return kb::run_news_eval(n, *taxonomy);
  }
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(o.labels, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec || files.empty()) {
    std::fprintf(stderr, "eval_positions: no labels in %s\n",
                 o.labels.string().c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  const kb::PositionExtractor extractor(*taxonomy);
  Evaluation eval(*taxonomy);
  std::map<std::string, Evaluation> by_set;  // "seed", "extra", "holdout"
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    nlohmann::json j;
    try {
      std::ifstream in(file, std::ios::binary);
      j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      eval.failed(name, std::string("bad label file: ") + e.what());
      continue;
    }
    const std::optional<std::vector<Label>> labels = read_labels(j, &error);
    if (!labels) {
      eval.failed(name, "bad label file: " + error);
      continue;
    }
    const std::string rel = j.value("document", "");
    fs::path path = o.root / rel;
    if (!fs::exists(path)) path = o.shared / rel;
    const kb::Extracted ex = kb::extract_file(path, kb::ExtractLimits{});
    if (ex.status != kb::ExtractStatus::kOk) {
      eval.failed(name, "cannot read " + path.string() + ": " + ex.error);
      continue;
    }
    std::vector<std::string> pages;
    for (const kb::ExtractedPage& p : ex.pages) pages.push_back(p.text);
    const kb::DocMetadata meta =
        kb::extract_metadata(pages, *taxonomy, ex.title);
    const kb::DocumentTags tags =
        kb::tag_document(meta.title, pages, *taxonomy);
    kb::PositionContext ctx;
    ctx.issue_date = meta.issue_date;
    ctx.issuer_id = meta.issuer_id;
    ctx.topics = tags.topics;
    ctx.title = meta.title;
    ctx.doc_type = meta.type;
    const std::vector<kb::ExtractedPosition> got =
        extractor.extract(pages, ctx);
    if (o.dump) {
      for (const kb::ExtractedPosition& p : got) {
        nlohmann::json d = {{"document", name},
                            {"actor", p.actor},
                            {"stance", kb::stance_id(p.stance)},
                            {"process", p.process},
                            {"forum", p.forum},
                            {"topics", p.topics},
                            {"date", p.date},
                            {"page", p.page},
                            {"cue", p.cue},
                            {"key", p.key},
                            {"quote", p.quote}};
        std::cout << d.dump() << "\n";
      }
    }
    std::vector<Collapsed> collapsed;
    for (const std::string& p : pages) collapsed.push_back(collapse(p));
    eval.add(name, *labels, collapsed, got);
    by_set.try_emplace(j.value("set", "extra"), *taxonomy)
        .first->second.add(name, *labels, collapsed, got);
  }
  if (o.json) {
    nlohmann::json out = eval.to_json(o.show_errors);
    for (const auto& [set, e] : by_set) out["sets"][set] = e.to_json(false);
    std::cout << out.dump(1) << "\n";
  } else {
    eval.print_text(o.show_errors);
    for (const auto& [set, e] : by_set) {
      std::printf("\n== set: %s\n", set.c_str());
      e.print_text(false);
    }
  }
  return 0;
}
