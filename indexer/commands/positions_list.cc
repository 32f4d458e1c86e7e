// vnkb-index positions list and show: read the catalog's positions.
#include <iomanip>
#include <map>
#include <optional>

#include "core/catalog.h"
#include "core/position_store.h"
#include "core/stances.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/commands/positions.h"
#include "indexer/indexer.h"

namespace kb {
namespace {

using Json = nlohmann::json;

// Names of actors outside the taxonomy ("x:…" ids), as the text wrote them.
using OpenNames = std::map<std::string, std::string>;

OpenNames open_names_of(const PositionStore& store) {
  OpenNames names;
  for (const OpenActor& a : store.open_actors(false)) {
    names[a.id] = a.name;
    // Made a new entity: its positions carry the new id.
    if (a.action == "entity") names.emplace(a.target, a.name);
  }
  return names;
}

std::string name_of(const Taxonomy& taxonomy, const std::string& id,
                    const OpenNames& open = {}) {
  if (const TaxonomyEntry* e = taxonomy.find(id)) return e->name;
  const auto it = open.find(id);
  return it != open.end() ? it->second : id;
}

// At most `max_bytes` of `s`, cut at a character boundary, with "…" when cut.
std::string shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  return std::string(utf8_prefix(s, max_bytes)) + "…";
}

Json position_json(const PositionRecord& p, const Taxonomy& taxonomy,
                   const OpenNames& open,
                   const std::optional<CatalogDocument>& doc) {
  const StanceName* stance = find_stance(p.stance);
  Json topics = Json::array();
  for (const std::string& t : p.topics)
    topics.push_back({{"id", t}, {"label", name_of(taxonomy, t)}});
  return {
      {"id", p.id},
      {"document_id", p.doc_id},
      {"document_title", doc ? doc->title : ""},
      {"document_number", doc ? doc->number : ""},
      {"actor", p.actor},
      {"actor_name", name_of(taxonomy, p.actor, open)},
      {"stance", p.stance},
      {"stance_label", stance ? std::string(stance->label_vi) : p.stance},
      {"process", p.process},
      {"process_name", p.process.empty() ? "" : name_of(taxonomy, p.process)},
      {"forum", p.forum},
      {"forum_label", p.forum.empty() ? "" : name_of(taxonomy, p.forum)},
      // The forum as the text names it, and what the stance is about.
      {"forum_name", p.forum_name},
      {"target", p.target},
      {"topics", topics},
      {"date", p.date},
      {"page", p.page},
      {"quote", p.quote},
      {"source", p.source},
      {"key", p.key}};
}

int print_positions(const std::vector<PositionRecord>& positions,
                    const Catalog& catalog, const Taxonomy& taxonomy,
                    const OpenNames& open, bool json, bool quiet,
                    std::ostream& out, std::ostream& err) {
  std::map<int64_t, std::optional<CatalogDocument>> docs;
  auto doc_of = [&](int64_t id) -> const std::optional<CatalogDocument>& {
    auto it = docs.find(id);
    if (it == docs.end()) it = docs.emplace(id, catalog.get(id)).first;
    return it->second;
  };
  if (json) {
    Json arr = Json::array();
    for (const PositionRecord& p : positions)
      arr.push_back(position_json(p, taxonomy, open, doc_of(p.doc_id)));
    out << dump_json(arr, 2) << '\n';
    return kExitOk;
  }
  for (const PositionRecord& p : positions) {
    const StanceName* stance = find_stance(p.stance);
    out << std::right << std::setw(5) << p.id << "  " << std::left
        << std::setw(10) << (p.date.empty() ? "-" : p.date) << "  "
        << name_of(taxonomy, p.actor, open) << " — "
        << (stance ? std::string(stance->label_vi) : p.stance);
    if (!p.target.empty()) out << ": " << shorten(p.target, 100);
    if (!p.process.empty()) out << " — " << name_of(taxonomy, p.process);
    if (!p.forum_name.empty()) out << " — tại " << shorten(p.forum_name, 100);
    out << "  [doc " << p.doc_id << ", p. " << p.page;
    if (p.source != "extracted") out << ", " << p.source;
    out << "]\n       " << shorten(p.quote, 160) << '\n';
  }
  if (!quiet) err << positions.size() << " position(s)\n";
  return kExitOk;
}

}  // namespace

int run_positions_list_or_show(const PositionsArgs& args,
                               const std::vector<int64_t>& ids,
                               const GlobalOptions& global, std::ostream& out,
                               std::ostream& err) {
  const bool quiet = global.quiet;
  const auto db = open_for_reading(global, err);
  if (!db) return kExitSomeFailed;
  Catalog* catalog = db->catalog.get();
  const Taxonomy* taxonomy = &db->taxonomy;
  std::vector<PositionRecord> positions;
  OpenNames open;
  try {
    const PositionStore store(catalog->handle(), /*writable=*/false);
    open = open_names_of(store);
    if (*args.show) {
      const auto p = store.get(ids[0]);
      if (!p) {
        err << "vnkb-index: no position with id " << ids[0] << '\n';
        return kExitSomeFailed;
      }
      const auto doc = catalog->get(p->doc_id);
      if (args.json) {
        out << dump_json(position_json(*p, *taxonomy, open, doc), 2) << '\n';
        return kExitOk;
      }
      const Json j = position_json(*p, *taxonomy, open, doc);
      std::string topics;
      for (const auto& t : j["topics"])
        topics += (topics.empty() ? "" : "; ") + t["label"].get<std::string>();
      out << "id        " << p->id << "\ndocument  " << p->doc_id << " "
          << j["document_number"].get<std::string>() << " "
          << j["document_title"].get<std::string>() << "\nactor     "
          << j["actor_name"].get<std::string>() << " (" << p->actor
          << ")\nstance    " << j["stance_label"].get<std::string>() << " ("
          << p->stance << ")\nprocess   "
          << j["process_name"].get<std::string>() << "\nforum     "
          << j["forum_label"].get<std::string>() << "\nat        "
          << p->forum_name << "\ntarget    " << p->target << "\ntopics    "
          << topics << "\ndate      " << p->date << "\npage      " << p->page
          << "\nsource    " << p->source << "\nquote     " << p->quote << '\n';
      return kExitOk;
    }
    positions = store.all();
  } catch (const std::exception&) {
    // A catalog written before positions existed has no table yet.
  }
  std::optional<CatalogDocument> doc;
  if (!args.document.empty()) {
    doc = find_document(*catalog, args.document);
    if (!doc) {
      err << "vnkb-index: no document with id or path '" << args.document
          << "'\n";
      return kExitSomeFailed;
    }
  }
  // An actor of the taxonomy, or one outside it by its id or its name as
  // the text writes it ("Hiệp hội Nhựa Việt Nam").
  std::string actor;
  if (!args.actor.empty()) {
    if (const TaxonomyEntry* e = taxonomy->resolve(args.actor, kActorKinds)) {
      actor = e->id;
    } else if (open.count(args.actor) && is_open_actor_id(args.actor)) {
      actor = args.actor;
    } else if (open.count(open_actor_id(args.actor))) {
      actor = open_actor_id(args.actor);
    } else {
      err << "vnkb-index: --actor: '" << args.actor
          << "' is no actor of the taxonomy nor one found outside it (see "
             "actors list)\n";
      return kExitUsage;
    }
  }
  // Checked while parsing (positions.cc): a stance given is found.
  const StanceName* stance =
      args.stance.empty() ? nullptr : find_stance(args.stance);
  const TaxonomyEntry* process = nullptr;
  if (!args.process.empty()) {
    process = taxonomy->resolve(args.process, {"process", "forum"});
    if (!process) {
      err << "vnkb-index: --process: '" << args.process
          << "' is no process or forum of the taxonomy\n";
      return kExitUsage;
    }
  }
  std::erase_if(positions, [&](const PositionRecord& p) {
    return (doc && p.doc_id != doc->id) ||
           (!actor.empty() && p.actor != actor) ||
           (stance && p.stance != stance->id) ||
           (process && p.process != process->id && p.forum != process->id) ||
           (!args.source.empty() && p.source != args.source);
  });
  return print_positions(positions, *catalog, *taxonomy, open, args.json, quiet,
                         out, err);
}

}  // namespace kb
