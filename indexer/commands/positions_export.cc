// vnkb-index positions export: the brief (core/brief.h) of the catalog's
// positions that the filters keep.
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>

#include "core/analyzer.h"
#include "core/brief.h"
#include "core/clock.h"
#include "core/dates.h"
#include "core/position_store.h"
#include "core/stances.h"
#include "core/taxonomy.h"
#include "indexer/commands/positions.h"

namespace kb {
namespace {

// The display name of a taxonomy id; an id the taxonomy lacks (an actor
// kept under the name the text uses) stands for itself.
std::string label_of(const Taxonomy& taxonomy, const std::string& id) {
  const TaxonomyEntry* e = taxonomy.find(id);
  return e ? e->name : id;
}

BriefPosition brief_position(
    const PositionRecord& p, const Taxonomy& taxonomy,
    const std::map<std::string, std::string>& open_names,
    const std::optional<CatalogDocument>& doc) {
  BriefPosition b;
  b.id = p.id;
  b.actor_id = p.actor;
  b.actor = label_of(taxonomy, p.actor);
  // An actor outside the taxonomy under the name the text uses.
  if (const auto it = open_names.find(p.actor); it != open_names.end())
    b.actor = it->second;
  b.stance_id = p.stance;
  const StanceName* stance = find_stance(p.stance);
  b.stance = stance ? std::string(stance->label_vi) : p.stance;
  b.process_id = p.process;
  if (!p.process.empty()) b.process = label_of(taxonomy, p.process);
  b.forum_id = p.forum;
  if (!p.forum.empty()) b.forum = label_of(taxonomy, p.forum);
  b.forum_name = p.forum_name;
  b.target = p.target;
  for (const std::string& t : p.topics)
    b.topics.emplace_back(t, label_of(taxonomy, t));
  b.date = p.date;
  b.quote = p.quote;
  b.document_id = p.doc_id;
  if (doc) {
    b.document_title = doc->title;
    b.document_number = doc->number;
  }
  b.page = p.page;
  b.source = p.source;
  return b;
}

// A taxonomy entry of `kinds` for `value`, or an id outside the taxonomy
// ("x:…") as given; "" after printing why on `err`.
std::string resolve_filter(const Taxonomy& taxonomy, const std::string& option,
                           const std::string& value,
                           std::initializer_list<std::string_view> kinds,
                           std::ostream& err) {
  if (value.rfind("x:", 0) == 0) return value;
  const TaxonomyEntry* e = taxonomy.resolve(value, kinds);
  if (!e) {
    err << "vnkb-index: " << option << ": '" << value
        << "' is not in the taxonomy\n";
    return "";
  }
  return e->id;
}

// The words of `text` as the search matches them: a word typed with its
// diacritics means that word (its canonical form), one typed without them
// any spelling that folds to it.
struct WordToFind {
  std::string term;
  bool folded = false;
};

std::vector<WordToFind> words_to_find(const std::string& text) {
  std::vector<WordToFind> words;
  for (const Token& t : analyze(text).tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    const bool folded = t.exact == t.folded;
    words.push_back({folded ? t.folded : t.exact, folded});
  }
  return words;
}

// Whether the quote or the target of `p` holds `words` side by side.
bool holds_words(const PositionRecord& p,
                 const std::vector<WordToFind>& words) {
  if (words.empty()) return true;
  for (const std::string* text : {&p.quote, &p.target}) {
    std::vector<const Token*> tokens;
    const Analysis a = analyze(*text);
    for (const Token& t : a.tokens) {
      if (t.kind != TokenKind::kDocNumberPart) tokens.push_back(&t);
    }
    for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
      size_t k = 0;
      while (k < words.size() &&
             (words[k].folded ? tokens[i + k]->folded : tokens[i + k]->exact) ==
                 words[k].term)
        ++k;
      if (k == words.size()) return true;
    }
  }
  return false;
}

}  // namespace

int run_positions_export(const PositionsArgs& args, const GlobalOptions& global,
                         std::ostream& out, std::ostream& err) {
  // Usage first, before anything is opened.
  const auto format = parse_brief_format(args.format);
  if (!format) {
    err << "vnkb-index: --format must be csv or md, not '" << args.format
        << "' (DOCX is not written: convert the Markdown)\n";
    return kExitUsage;
  }
  const auto grouping = parse_brief_grouping(args.group_by);
  if (!grouping) {
    err << "vnkb-index: --group-by must be process or topic, not '"
        << args.group_by << "'\n";
    return kExitUsage;
  }
  std::string from, to;
  for (const auto& [option, value, bound] :
       {std::tuple{"--from", &args.from, &from},
        std::tuple{"--to", &args.to, &to}}) {
    if (value->empty()) continue;
    const auto date = parse_iso_date(*value);
    if (!date) {
      err << "vnkb-index: " << option << " must be a date YYYY-MM-DD, not '"
          << *value << "'\n";
      return kExitUsage;
    }
    *bound = sortable_date(*date);
  }
  const std::vector<WordToFind> words = words_to_find(args.words);
  if (!args.words.empty() && words.empty()) {
    err << "vnkb-index: --words: '" << args.words << "' holds no word\n";
    return kExitUsage;
  }
  // Checked while parsing (positions.cc): a stance given is found.
  const StanceName* stance =
      args.stance.empty() ? nullptr : find_stance(args.stance);

  const auto db = open_for_reading(global, err);
  if (!db) return kExitSomeFailed;
  Catalog& catalog = *db->catalog;
  const Taxonomy& taxonomy = db->taxonomy;
  BriefHeader header;
  header.group_by = *grouping;
  header.link_base = args.link_base;
  if (!header.link_base.empty() && header.link_base.back() != '/')
    header.link_base += '/';
  std::vector<PositionRecord> records;
  std::map<std::string, std::string> open_names;
  try {
    const PositionStore store(catalog.handle(), /*writable=*/false);
    records = store.all();
    for (const OpenActor& a : store.open_actors(false)) {
      open_names[a.id] = a.name;
      // Made a new entity: its positions carry the new id.
      if (a.action == "entity" && taxonomy.find(a.target) == nullptr)
        open_names.emplace(a.target, a.name);
    }
  } catch (const std::exception&) {
    // A catalog written before positions existed has no table yet.
  }
  std::string actor, process;
  std::vector<std::string> topics;
  if (!args.actor.empty()) {
    // An actor outside the taxonomy also by its name as written.
    const std::string open_id = open_actor_id(args.actor);
    if (!taxonomy.resolve(args.actor, kActorKinds) &&
        open_names.count(open_id)) {
      actor = open_id;
    } else {
      actor =
          resolve_filter(taxonomy, "--actor", args.actor,
                         {"agency", "network", "organisation", "country"}, err);
    }
    if (actor.empty()) return kExitUsage;
    const auto open = open_names.find(actor);
    header.filters.emplace_back("Tác nhân", open != open_names.end()
                                                ? open->second
                                                : label_of(taxonomy, actor));
  }
  if (stance) header.filters.emplace_back("Lập trường", stance->label_vi);
  if (!args.process.empty()) {
    process = resolve_filter(taxonomy, "--process", args.process,
                             {"process", "forum"}, err);
    if (process.empty()) return kExitUsage;
    header.filters.emplace_back("Tiến trình", label_of(taxonomy, process));
  }
  for (const std::string& t : args.topics) {
    topics.push_back(resolve_filter(taxonomy, "--topic", t, {"topic"}, err));
    if (topics.back().empty()) return kExitUsage;
    header.filters.emplace_back("Chủ đề", label_of(taxonomy, topics.back()));
  }
  std::optional<CatalogDocument> doc;
  if (!args.document.empty()) {
    doc = find_document(catalog, args.document);
    if (!doc) {
      err << "vnkb-index: no document with id or path '" << args.document
          << "'\n";
      return kExitSomeFailed;
    }
    header.filters.emplace_back(
        "Văn bản", doc->title.empty() ? std::to_string(doc->id) : doc->title);
  }
  if (!words.empty()) header.filters.emplace_back("Từ khóa", args.words);
  if (!args.from.empty()) header.filters.emplace_back("Từ ngày", args.from);
  if (!args.to.empty()) header.filters.emplace_back("Đến ngày", args.to);

  std::erase_if(records, [&](const PositionRecord& p) {
    const std::string date = sortable_date(p.date);
    const bool on_topic =
        topics.empty() ||
        std::any_of(topics.begin(), topics.end(), [&](const std::string& t) {
          return std::find(p.topics.begin(), p.topics.end(), t) !=
                 p.topics.end();
        });
    return (doc && p.doc_id != doc->id) ||
           (!actor.empty() && p.actor != actor) ||
           (stance && p.stance != stance->id) ||
           (!process.empty() && p.process != process && p.forum != process) ||
           !on_topic || ((!from.empty() || !to.empty()) && date.empty()) ||
           (!from.empty() && date < from) || (!to.empty() && date > to) ||
           !holds_words(p, words);
  });
  std::map<int64_t, std::optional<CatalogDocument>> docs;
  std::vector<BriefPosition> positions;
  for (const PositionRecord& p : records) {
    auto it = docs.find(p.doc_id);
    if (it == docs.end())
      it = docs.emplace(p.doc_id, catalog.get(p.doc_id)).first;
    positions.push_back(brief_position(p, taxonomy, open_names, it->second));
  }
  header.exported_at = utc_now_iso8601();
  header.matched = positions.size();
  const std::string text = *format == BriefFormat::kCsv
                               ? brief_csv(positions, header.link_base)
                               : brief_markdown(positions, header);
  if (args.output.empty() || args.output == "-") {
    out << text;
  } else {
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
      err << "vnkb-index: cannot write " << args.output << '\n';
      return kExitSomeFailed;
    }
  }
  if (!global.quiet) err << positions.size() << " position(s) exported\n";
  return kExitOk;
}

}  // namespace kb
