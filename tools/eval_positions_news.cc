// Scoring positions against the negotiation-news labels
// (eval_positions_news.h).
//
// As LABELS.md says: a prediction matches a label of the same file when
//   1. the quotes overlap: one contains the other, or their spans in the
//      text share at least half of the label quote's characters;
//   2. the actor, folded (no diacritics, lower case), contains or is
//      contained by the label's actor or one of its aliases (as whole words),
//      or both name the same taxonomy entity;
//   3. the stance is the label's (proposes and requests as one group).
// Precision = matched predictions / predictions on the labelled files;
// recall = matched labels / labels. Date and forum are scored over the
// matched pairs whose label has one.
#include "tools/eval_positions_news.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "indexer/metadata/extractor.h"
#include "indexer/positions/extractor.h"
#include "indexer/read/extract.h"
#include "indexer/tagging.h"

namespace fs = std::filesystem;

namespace kb {
namespace {

struct NewsLabel {
  std::string actor;
  std::vector<std::string> aliases;
  std::string stance, forum, date, quote, target;
};

struct LabelledFile {
  std::string name;
  std::vector<NewsLabel> labels;
};

// " folded words " with one space around each word, for whole-word
// containment.
std::string padded_fold(std::string_view s) {
  const Analysis a = analyze(s);
  std::string out = " ";
  for (const Token& t : a.tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    out += t.folded;
    out += ' ';
  }
  return out;
}

bool names_meet(const std::string& a, const std::string& b) {
  if (a.size() <= 2 || b.size() <= 2) return false;  // no words
  return a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

int stance_group(std::string_view s) {
  if (s == "requests") s = "proposes";
  const std::optional<Stance> st = parse_stance(s);
  return st ? static_cast<int>(*st) : -1;
}

size_t chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The label quote's span in the pages: (page, begin, end), page 0 when
// the quote is not found.
struct Span {
  uint32_t page = 0, begin = 0, end = 0;
};

Span locate(const std::string& quote, const std::vector<std::string>& pages) {
  for (size_t i = 0; i < pages.size(); ++i) {
    const size_t at = pages[i].find(quote);
    if (at != std::string::npos)
      return {static_cast<uint32_t>(i + 1), static_cast<uint32_t>(at),
              static_cast<uint32_t>(at + quote.size())};
  }
  return {};
}

bool quotes_overlap(const NewsLabel& l, const Span& s,
                    const std::vector<std::string>& pages,
                    const ExtractedPosition& p) {
  if (l.quote.find(p.quote) != std::string::npos ||
      p.quote.find(l.quote) != std::string::npos) {
    return true;
  }
  if (s.page != p.page) return false;
  const uint32_t b = std::max(s.begin, p.begin), e = std::min(s.end, p.end);
  if (b >= e) return false;
  const std::string_view shared =
      std::string_view(pages[s.page - 1]).substr(b, e - b);
  return chars(shared) * 2 >= chars(l.quote);
}

class NewsEval {
 public:
  explicit NewsEval(const Taxonomy& t) : taxonomy_(t) {}

  // The folded names a prediction's actor goes by.
  std::vector<std::string> actor_names(const ExtractedPosition& p) const {
    std::vector<std::string> out;
    if (!p.actor_name.empty()) out.push_back(padded_fold(p.actor_name));
    if (const TaxonomyEntry* e = taxonomy_.find(p.actor)) {
      for (const std::string& f : e->forms()) out.push_back(padded_fold(f));
    }
    return out;
  }

  // The taxonomy entity a label's name denotes, or "".
  std::string entity_of(const std::string& name) const {
    const TaxonomyEntry* e = taxonomy_.resolve(
        name, {"country", "agency", "organisation", "network"});
    return e ? e->id : std::string();
  }

  bool actor_matches(const NewsLabel& l, const ExtractedPosition& p) const {
    std::vector<std::string> label_names = {padded_fold(l.actor)};
    for (const std::string& a : l.aliases)
      label_names.push_back(padded_fold(a));
    for (const std::string& pn : actor_names(p)) {
      for (const std::string& ln : label_names) {
        if (names_meet(pn, ln)) return true;
      }
    }
    if (taxonomy_.find(p.actor) == nullptr) return false;
    if (entity_of(l.actor) == p.actor) return true;
    for (const std::string& a : l.aliases) {
      if (entity_of(a) == p.actor) return true;
    }
    return false;
  }

  bool forum_matches(const NewsLabel& l, const ExtractedPosition& p) const {
    const std::string want = padded_fold(l.forum);
    std::vector<std::string> got;
    if (!p.forum_name.empty()) got.push_back(padded_fold(p.forum_name));
    for (const std::string& id : {p.forum, p.process}) {
      if (const TaxonomyEntry* e = taxonomy_.find(id)) {
        for (const std::string& f : e->forms()) got.push_back(padded_fold(f));
      }
    }
    for (const std::string& g : got) {
      if (names_meet(g, want)) return true;
    }
    return false;
  }

  void add(const LabelledFile& f, const std::vector<std::string>& pages,
           const std::vector<ExtractedPosition>& got, bool keep_errors);

  nlohmann::json to_json() const;
  void print(const char* title) const;

  std::vector<std::string> errors;

 private:
  const Taxonomy& taxonomy_;
  int files_ = 0, labels_ = 0, predictions_ = 0;
  int matched_predictions_ = 0, matched_labels_ = 0, unlocated_ = 0;
  int dated_pairs_ = 0, dates_right_ = 0, undated_predictions_ = 0;
  int forum_pairs_ = 0, forums_right_ = 0;
  std::map<std::string, std::pair<int, int>> per_stance_;  // labels, matched
};

void NewsEval::add(const LabelledFile& f, const std::vector<std::string>& pages,
                   const std::vector<ExtractedPosition>& got,
                   bool keep_errors) {
  ++files_;
  labels_ += static_cast<int>(f.labels.size());
  predictions_ += static_cast<int>(got.size());
  std::vector<bool> used(got.size(), false);
  for (const NewsLabel& l : f.labels) {
    const Span s = locate(l.quote, pages);
    if (s.page == 0) ++unlocated_;
    int best = -1;
    for (size_t j = 0; j < got.size(); ++j) {
      const ExtractedPosition& p = got[j];
      if (stance_group(stance_id(p.stance)) != stance_group(l.stance)) continue;
      if (!quotes_overlap(l, s, pages, p) || !actor_matches(l, p)) continue;
      used[j] = true;
      if (best < 0) best = static_cast<int>(j);
    }
    auto& ps = per_stance_[l.stance];
    ++ps.first;
    if (best >= 0) {
      ++matched_labels_;
      ++ps.second;
      const ExtractedPosition& p = got[best];
      if (!l.date.empty()) {
        ++dated_pairs_;
        dates_right_ += p.date == l.date;
        undated_predictions_ += p.date.empty();
        if (keep_errors && p.date != l.date) {
          errors.push_back("[date] " + f.name + ": want " + l.date + " got " +
                           (p.date.empty() ? "none" : p.date) + " \"" +
                           std::string(utf8_prefix(l.quote, 160)) + "\"");
        }
      }
      if (!l.forum.empty()) {
        ++forum_pairs_;
        const bool right = forum_matches(l, p);
        forums_right_ += right;
        if (keep_errors && !right) {
          const std::string got_forum = !p.forum_name.empty() ? p.forum_name
                                        : !p.forum.empty()    ? p.forum
                                        : !p.process.empty()
                                            ? p.process
                                            : std::string("none");
          errors.push_back("[forum] " + f.name + ": want " + l.forum + " got " +
                           got_forum + " \"" +
                           std::string(utf8_prefix(l.quote, 160)) + "\"");
        }
      }
    } else if (keep_errors) {
      std::string note;
      for (const ExtractedPosition& p : got) {
        if (quotes_overlap(l, s, pages, p))
          note += " | got " + p.actor + " (" + p.actor_name + ") " +
                  stance_id(p.stance);
      }
      errors.push_back("[miss] " + f.name + ": " + l.actor + " " + l.stance +
                       " \"" + std::string(utf8_prefix(l.quote, 240)) + "\"" +
                       note);
    }
  }
  for (size_t j = 0; j < got.size(); ++j) {
    matched_predictions_ += used[j];
    if (!used[j] && keep_errors) {
      const ExtractedPosition& p = got[j];
      errors.push_back("[false] " + f.name + ": " + p.actor + " (" +
                       p.actor_name + ") " + stance_id(p.stance) + " cue \"" +
                       p.cue + "\" \"" +
                       std::string(utf8_prefix(p.quote, 240)) + "\"");
    }
  }
}

double ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

nlohmann::json NewsEval::to_json() const {
  nlohmann::json per = nlohmann::json::object();
  for (const auto& [s, c] : per_stance_)
    per[s] = {{"labels", c.first}, {"recall", ratio(c.second, c.first)}};
  return {{"files", files_},
          {"labels", labels_},
          {"predictions", predictions_},
          {"matched_predictions", matched_predictions_},
          {"matched_labels", matched_labels_},
          {"precision", ratio(matched_predictions_, predictions_)},
          {"recall", ratio(matched_labels_, labels_)},
          {"labels_not_found", unlocated_},
          {"dated_pairs", dated_pairs_},
          {"date_accuracy", ratio(dates_right_, dated_pairs_)},
          {"undated_predictions", undated_predictions_},
          {"forum_pairs", forum_pairs_},
          {"forum_accuracy", ratio(forums_right_, forum_pairs_)},
          {"per_stance", per}};
}

void NewsEval::print(const char* title) const {
  std::printf(
      "%-9s files %2d  labels %3d  predictions %3d  precision %.3f  recall "
      "%.3f  dates %d/%d (%.3f)  forums %d/%d (%.3f)\n",
      title, files_, labels_, predictions_,
      ratio(matched_predictions_, predictions_),
      ratio(matched_labels_, labels_), dates_right_, dated_pairs_,
      ratio(dates_right_, dated_pairs_), forums_right_, forum_pairs_,
      ratio(forums_right_, forum_pairs_));
  if (unlocated_ > 0)
    std::printf("          label quotes not found in the text: %d\n",
                unlocated_);
}

// A label's fields (LABELS.md) from one line of a labels file; the quote is
// given, as the two files hold it differently.
NewsLabel label_of(const nlohmann::json& j, const std::string& quote) {
  NewsLabel l;
  l.actor = to_nfc(j.at("actor").get<std::string>());
  for (const auto& a : j.value("actor_aliases", nlohmann::json::array()))
    l.aliases.push_back(to_nfc(a.get<std::string>()));
  l.stance = j.at("stance").get<std::string>();
  if (!j["forum"].is_null()) l.forum = j["forum"].get<std::string>();
  if (!j["date"].is_null()) l.date = j["date"].get<std::string>();
  l.quote = to_nfc(quote);
  return l;
}

// Reads every labels-*.jsonl of `dir`, grouped by file, in name order.
bool read_labels(const fs::path& dir, std::vector<LabelledFile>* out,
                 std::string* error) {
  std::vector<fs::path> sources;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    if ((n.rfind("labels-", 0) == 0 && e.path().extension() == ".jsonl") ||
        n == "labels.jsonl")
      sources.push_back(e.path());
  }
  if (ec || sources.empty()) {
    *error = "no labels-*.jsonl or labels.jsonl in " + dir.string();
    return false;
  }
  std::sort(sources.begin(), sources.end());
  std::map<std::string, std::vector<NewsLabel>> by_file;
  for (const fs::path& src : sources) {
    std::ifstream in(src, std::ios::binary);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      try {
        const nlohmann::json j = nlohmann::json::parse(line);
        std::vector<NewsLabel>& labels = by_file[j.at("file")];
        if (j.value("none", false)) continue;
        NewsLabel l = label_of(j, j.at("quote").get<std::string>());
        if (stance_group(l.stance) < 0) {
          *error = src.string() + ":" + std::to_string(n) + ": unknown stance";
          return false;
        }
        labels.push_back(std::move(l));
      } catch (const nlohmann::json::exception& e) {
        *error = src.string() + ":" + std::to_string(n) + ": " + e.what();
        return false;
      }
    }
  }
  for (auto& [name, labels] : by_file)
    out->push_back({name, std::move(labels)});
  return true;
}

// The team's labels of more reports in `dir` (NewsEvalOptions::team_labels):
// each quote is cut from the report by its "quote_bytes".
bool read_team_labels(const fs::path& path, const fs::path& dir,
                      std::vector<LabelledFile>* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path.string();
    return false;
  }
  std::map<std::string, std::vector<NewsLabel>> by_file;
  std::map<std::string, std::string> texts;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path.string() + ":" + std::to_string(n) + ": ";
    try {
      const nlohmann::json j = nlohmann::json::parse(line);
      const std::string file = j.at("file").get<std::string>();
      if (!texts.count(file)) {
        std::ifstream t(dir / file, std::ios::binary);
        if (!t) {
          *error = where + "no file " + (dir / file).string();
          return false;
        }
        texts[file].assign(std::istreambuf_iterator<char>(t), {});
      }
      const std::string& text = texts[file];
      const size_t b = j.at("quote_bytes").at(0).get<size_t>();
      const size_t e = j.at("quote_bytes").at(1).get<size_t>();
      if (b >= e || e > text.size()) {
        *error = where + "quote_bytes outside " + file;
        return false;
      }
      NewsLabel l = label_of(j, text.substr(b, e - b));
      if (stance_group(l.stance) < 0) {
        *error = where + "unknown stance";
        return false;
      }
      by_file[file].push_back(std::move(l));
    } catch (const nlohmann::json::exception& e) {
      *error = where + e.what();
      return false;
    }
  }
  for (auto& [name, labels] : by_file)
    out->push_back({name, std::move(labels)});
  return true;
}

// The positions of the text file `path`, read as the indexer reads it;
// false (and `error`) when the file cannot be read. A dateline of
// `datelines` whose prefix starts the file's name replaces the metadata's
// issue date, as a librarian's --date does.
bool read_positions(
    const PositionExtractor& extractor, const Taxonomy& taxonomy,
    const fs::path& path, std::vector<std::string>* pages,
    std::vector<ExtractedPosition>* got, std::string* error,
    const std::vector<std::pair<std::string, std::string>>& datelines = {}) {
  const Extracted ex = extract_file(path, ExtractLimits{});
  if (ex.status != ExtractStatus::kOk) {
    *error = ex.error;
    return false;
  }
  for (const ExtractedPage& p : ex.pages) pages->push_back(to_nfc(p.text));
  const DocMetadata meta = extract_metadata(*pages, taxonomy, ex.title);
  const DocumentTags tags = tag_document(meta.title, *pages, taxonomy);
  PositionContext ctx;
  ctx.issue_date = meta.issue_date;
  const std::string name = path.filename().string();
  for (const auto& [prefix, date] : datelines) {
    if (name.starts_with(prefix)) ctx.issue_date = date;
  }
  ctx.issuer_id = meta.issuer_id;
  ctx.topics = tags.topics;
  ctx.title = meta.title;
  ctx.doc_type = meta.type;
  ctx.language = meta.language;
  *got = extractor.extract(*pages, ctx);
  return true;
}

void print_position(const std::string& file, const ExtractedPosition& p) {
  std::cout << nlohmann::json{{"file", file},
                              {"actor", p.actor},
                              {"actor_name", p.actor_name},
                              {"stance", stance_id(p.stance)},
                              {"forum", p.forum},
                              {"forum_name", p.forum_name},
                              {"cue", p.cue},
                              {"process", p.process},
                              {"date", p.date},
                              {"target", p.target},
                              {"quote", p.quote}}
                   .dump()
            << "\n";
}

// --unlabelled: every position of the texts of `dir` that no label file
// names, one JSON object a line: where a new rule's false positives show.
int dump_unlabelled(const fs::path& dir, const std::set<std::string>& labelled,
                    const Taxonomy& taxonomy) {
  std::vector<fs::path> texts;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt" &&
        !labelled.count(e.path().filename().string()))
      texts.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  const PositionExtractor extractor(taxonomy);
  for (const fs::path& t : texts) {
    std::vector<std::string> pages;
    std::vector<ExtractedPosition> got;
    std::string error;
    if (!read_positions(extractor, taxonomy, t, &pages, &got, &error)) {
      std::fprintf(stderr, "eval_positions: %s: %s\n", t.string().c_str(),
                   error.c_str());
      continue;
    }
    for (const ExtractedPosition& p : got)
      print_position(t.filename().string(), p);
  }
  return 0;
}

}  // namespace

namespace {

uint32_t fnv1a(std::string_view salt, std::string_view name) {
  uint32_t h = 2166136261u;
  for (unsigned char c : salt) h = (h ^ c) * 16777619u;
  for (unsigned char c : name) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

bool is_held_out(std::string_view file_name) {
  return fnv1a("positions:", file_name) % 3 == 0;
}

std::set<std::string> enb_held_out(const std::vector<std::string>& files) {
  std::vector<std::pair<uint32_t, std::string>> ranked;
  for (const std::string& f : files)
    ranked.emplace_back(fnv1a("enb-positions:", f), f);
  std::sort(ranked.begin(), ranked.end());
  const size_t n =
      std::min(ranked.size(), std::max<size_t>(2, files.size() / 3));
  std::set<std::string> out;
  for (size_t i = 0; i < n; ++i) out.insert(ranked[i].second);
  return out;
}

int run_news_eval(const NewsEvalOptions& o, const Taxonomy& taxonomy) {
  std::vector<LabelledFile> files;
  std::string error;
  if (!read_labels(o.dir, &files, &error)) {
    std::fprintf(stderr, "eval_positions: %s\n", error.c_str());
    return 2;
  }
  std::vector<std::string> names;
  for (const LabelledFile& f : files) names.push_back(f.name);
  if (o.unlabelled)
    return dump_unlabelled(o.dir, {names.begin(), names.end()}, taxonomy);
  // The split is over labels.jsonl's reports alone, so more labels never
  // move a report into or out of the held-out part.
  const std::set<std::string> enb_held = enb_held_out(names);
  std::set<std::string> team;
  for (const fs::path& team_file : o.team_labels) {
    std::vector<LabelledFile> more;
    if (!read_team_labels(team_file, o.dir, &more, &error)) {
      std::fprintf(stderr, "eval_positions: %s\n", error.c_str());
      return 2;
    }
    for (LabelledFile& f : more) {
      if (team.count(f.name) ||
          std::find(names.begin(), names.end(), f.name) != names.end()) {
        std::fprintf(stderr,
                     "eval_positions: %s is labelled in two label files\n",
                     f.name.c_str());
        return 2;
      }
      team.insert(f.name);
      files.push_back(std::move(f));
    }
  }
  const PositionExtractor extractor(taxonomy);
  NewsEval tuning(taxonomy), team_part(taxonomy), held_out(taxonomy),
      all(taxonomy);
  std::vector<std::string> failed;
  for (const LabelledFile& f : files) {
    std::vector<std::string> pages;
    std::vector<ExtractedPosition> got;
    if (!read_positions(extractor, taxonomy, o.dir / f.name, &pages, &got,
                        &error, o.datelines)) {
      failed.push_back(f.name + ": " + error);
      continue;
    }
    const bool held = o.enb ? enb_held.count(f.name) > 0 : is_held_out(f.name);
    // Team files are tuned on whatever their name's hash says.
    if (o.dump && (!held || team.count(f.name))) {
      for (const ExtractedPosition& p : got) print_position(f.name, p);
    }
    if (team.count(f.name)) {
      team_part.add(f, pages, got, o.show_errors);
      continue;
    }
    (held ? held_out : tuning).add(f, pages, got, !held && o.show_errors);
    all.add(f, pages, got, false);
  }
  if (o.json) {
    nlohmann::json j = {{"tuning", tuning.to_json()},
                        {"held_out", held_out.to_json()},
                        {"team", team_part.to_json()},
                        {"all", all.to_json()},
                        {"failed", failed}};
    if (o.show_errors) {
      j["errors"] = tuning.errors;
      j["team_errors"] = team_part.errors;
    }
    std::cout << j.dump(1) << "\n";
    return 0;
  }
  for (const std::string& f : failed) std::printf("failed: %s\n", f.c_str());
  tuning.print("tuning");
  if (!team.empty()) team_part.print("team");
  held_out.print("held-out");
  all.print("all");
  if (o.show_errors) {
    std::printf("errors (tuning part only):\n");
    for (const std::string& e : tuning.errors) std::printf("  %s\n", e.c_str());
    for (const std::string& e : team_part.errors)
      std::printf("  %s\n", e.c_str());
  }
  return 0;
}

}  // namespace kb
