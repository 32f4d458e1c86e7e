// vnkb-index positions: list, show, add, edit, delete.
#include "indexer/positions_cli.h"

#include <cstdio>
#include <initializer_list>
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/catalog.h"
#include "core/position_store.h"
#include "core/stances.h"
#include "core/taxonomy.h"
#include "indexer/cli.h"
#include "indexer/indexer.h"

namespace kb {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string name_of(const Taxonomy& taxonomy, const std::string& id) {
  const TaxonomyEntry* e = taxonomy.find(id);
  return e ? e->name : id;
}

// YYYY, YYYY-MM or YYYY-MM-DD; d/m/yyyy becomes YYYY-MM-DD.
bool normalize_position_date(std::string& s) {
  int y = 0, m = 0, d = 0;
  char a = 0, b = 0;
  int n = 0;
  auto digits = [&](size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() == 4 && digits(0, 4)) return true;
  if (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) {
    m = std::stoi(s.substr(5, 2));
    return m >= 1 && m <= 12;
  }
  if (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) &&
      s[7] == '-' && digits(8, 2)) {
    m = std::stoi(s.substr(5, 2));
    d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
  }
  if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &d, &a, &m, &b, &y, &n) == 5 &&
      static_cast<size_t>(n) == s.size() && a == b && (a == '/' || a == '.') &&
      y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    s = buf;
    return true;
  }
  return false;
}

// At most `max_bytes` of `s`, cut at a character boundary, with "…" when cut.
std::string shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

Json position_json(const PositionRecord& p, const Taxonomy& taxonomy,
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
      {"actor_name", name_of(taxonomy, p.actor)},
      {"stance", p.stance},
      {"stance_label", stance ? std::string(stance->label_vi) : p.stance},
      {"process", p.process},
      {"process_name", p.process.empty() ? "" : name_of(taxonomy, p.process)},
      {"forum", p.forum},
      {"forum_name", p.forum.empty() ? "" : name_of(taxonomy, p.forum)},
      {"topics", topics},
      {"date", p.date},
      {"page", p.page},
      {"quote", p.quote},
      {"source", p.source},
      {"key", p.key}};
}

std::string dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// The fields of a position the librarian gave, checked against the
// taxonomy and the document. Sets `error` to the first problem.
class EditBuilder {
 public:
  EditBuilder(const PositionsArgs& args, const CLI::App& cmd,
              const Taxonomy& taxonomy)
      : args_(args), cmd_(cmd), taxonomy_(taxonomy) {}

  bool build(const std::optional<CatalogDocument>& doc, PositionEdit& edit,
             std::string& error) const {
    if (given("--actor")) {
      const TaxonomyEntry* e = taxonomy_.resolve(args_.actor, kActorKinds);
      if (!e) {
        error = "--actor: '" + args_.actor +
                "' is no agency, network, organisation or country of the "
                "taxonomy";
        return false;
      }
      edit.actor = e->id;
    }
    if (given("--stance")) {
      const StanceName* s = find_stance(args_.stance);
      if (!s) {
        error = "--stance: '" + args_.stance +
                "' is not one of supports, opposes, proposes, requests, "
                "commits, leads, concerned";
        return false;
      }
      edit.stance = std::string(s->id);
    }
    if (given("--process")) {
      if (args_.process.empty()) {
        edit.process = "";
      } else if (const TaxonomyEntry* e =
                     taxonomy_.resolve(args_.process, {"process"})) {
        edit.process = e->id;
      } else {
        error = "--process: '" + args_.process +
                "' is no negotiation process of the taxonomy";
        return false;
      }
    }
    if (given("--forum")) {
      if (args_.forum.empty()) {
        edit.forum = "";
      } else if (const TaxonomyEntry* e =
                     taxonomy_.resolve(args_.forum, {"forum"})) {
        edit.forum = e->id;
      } else {
        error = "--forum: '" + args_.forum + "' is no forum of the taxonomy";
        return false;
      }
    }
    if (given("--topic")) {
      std::vector<std::string> topics;
      for (const std::string& t : args_.topics) {
        const TaxonomyEntry* e = taxonomy_.resolve(t, {"topic"});
        if (!e) {
          error = "--topic: '" + t + "' is no topic of the taxonomy";
          return false;
        }
        topics.push_back(e->id);
      }
      edit.topics = topics;
    }
    if (given("--date")) {
      std::string date = args_.date;
      if (!date.empty() && !normalize_position_date(date)) {
        error = "--date: '" + args_.date +
                "' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or d/m/yyyy)";
        return false;
      }
      edit.date = date;
    }
    if (given("--quote")) {
      if (args_.quote.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "--quote: the quote is empty";
        return false;
      }
      edit.quote = args_.quote;
    }
    if (given("--page")) {
      if (args_.page < 1 ||
          (doc && doc->pages > 0 && args_.page > doc->pages)) {
        error = "--page: " + std::to_string(args_.page) +
                " is not a page of document " +
                (doc ? std::to_string(doc->id) : std::string("?")) + " (1-" +
                (doc ? std::to_string(doc->pages) : std::string("?")) + ")";
        return false;
      }
      edit.page = args_.page;
    }
    return true;
  }

 private:
  bool given(const char* option) const { return cmd_.count(option) > 0; }
  const PositionsArgs& args_;
  const CLI::App& cmd_;
  const Taxonomy& taxonomy_;
};

void add_field_options(CLI::App* cmd, PositionsArgs& args) {
  cmd->add_option("--actor", args.actor,
                  "Actor: taxonomy id, name, acronym or alias");
  cmd->add_option("--stance", args.stance,
                  "supports, opposes, proposes, requests, commits, leads or "
                  "concerned (or the Vietnamese label)");
  cmd->add_option("--process", args.process,
                  "Negotiation process (taxonomy id or name; \"\" clears)");
  cmd->add_option("--forum", args.forum,
                  "Forum (taxonomy id or name; \"\" clears)");
  cmd->add_option("--topic", args.topics, "Topic (repeatable)");
  cmd->add_option("--date", args.date,
                  "Date: YYYY-MM-DD, YYYY-MM, YYYY or d/m/yyyy");
  cmd->add_option("--quote", args.quote, "The passage, as in the document");
  cmd->add_option("--page", args.page, "Page of the passage (1-based)");
}

// Position ids: digits only.
bool parse_id(const std::string& s, int64_t& id) {
  if (s.empty() || s.size() > 18 ||
      s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  id = std::stoll(s);
  return id > 0;
}

int print_positions(const std::vector<PositionRecord>& positions,
                    const Catalog& catalog, const Taxonomy& taxonomy, bool json,
                    bool quiet, std::ostream& out, std::ostream& err) {
  std::map<int64_t, std::optional<CatalogDocument>> docs;
  auto doc_of = [&](int64_t id) -> const std::optional<CatalogDocument>& {
    auto it = docs.find(id);
    if (it == docs.end()) it = docs.emplace(id, catalog.get(id)).first;
    return it->second;
  };
  if (json) {
    Json arr = Json::array();
    for (const PositionRecord& p : positions)
      arr.push_back(position_json(p, taxonomy, doc_of(p.doc_id)));
    out << dump(arr, 2) << '\n';
    return kExitOk;
  }
  for (const PositionRecord& p : positions) {
    const StanceName* stance = find_stance(p.stance);
    out << std::right << std::setw(5) << p.id << "  " << std::left
        << std::setw(10) << (p.date.empty() ? "-" : p.date) << "  "
        << name_of(taxonomy, p.actor) << " — "
        << (stance ? std::string(stance->label_vi) : p.stance);
    if (!p.process.empty()) out << " — " << name_of(taxonomy, p.process);
    out << "  [doc " << p.doc_id << ", p. " << p.page;
    if (p.source != "extracted") out << ", " << p.source;
    out << "]\n       " << shorten(p.quote, 160) << '\n';
  }
  if (!quiet) err << positions.size() << " position(s)\n";
  return kExitOk;
}

// The UI links a position to its passage by page; a quote that is not on
// that page is kept (the librarian may have typed it from the paper) with a
// warning.
void locate_quote(const Catalog& catalog, const PositionRecord& p, bool quiet,
                  std::ostream& err) {
  const std::vector<CatalogPage> pages = catalog.pages(p.doc_id);
  for (const CatalogPage& page : pages) {
    if (page.page_no == p.page &&
        page.text.find(p.quote) != std::string::npos) {
      return;
    }
  }
  if (!quiet) {
    err << "vnkb-index: warning: the quote is not on page " << p.page
        << " of document " << p.doc_id << " as given; kept as typed\n";
  }
}

}  // namespace

void add_positions_command(CLI::App& app, PositionsArgs& args) {
  args.command = app.add_subcommand(
      "positions",
      "Negotiation positions: list, show, add, edit, delete (corrections "
      "survive re-indexing)");
  args.command->require_subcommand(1);

  args.list = args.command->add_subcommand("list", "List positions");
  args.list->add_option("--doc", args.document, "Of one document (id or path)");
  args.list->add_option("--actor", args.actor, "Of one actor");
  args.list->add_option("--stance", args.stance, "With one stance");
  args.list->add_option("--process", args.process, "In one process");
  args.list
      ->add_option("--source", args.source, "extracted, corrected or librarian")
      ->check(CLI::IsMember({"extracted", "corrected", "librarian"}));
  args.list->add_flag("--json", args.json, "Print a JSON array");

  args.show = args.command->add_subcommand("show", "Show one position");
  args.show->add_option("id", args.ids, "Position id")->required()->expected(1);
  args.show->add_flag("--json", args.json, "Print one JSON object");

  args.add = args.command->add_subcommand(
      "add", "Add a position the extraction missed");
  args.add->add_option("--doc", args.document, "Document (id or path)")
      ->required();
  add_field_options(args.add, args);
  for (const char* required : {"--actor", "--stance", "--quote", "--page"})
    args.add->get_option(required)->required();

  args.edit = args.command->add_subcommand(
      "edit", "Correct a position (only the fields given change)");
  args.edit->add_option("id", args.ids, "Position id")->required()->expected(1);
  add_field_options(args.edit, args);

  args.remove = args.command->add_subcommand(
      "delete", "Delete positions (an extracted one stays deleted)");
  args.remove->add_option("ids", args.ids, "Position ids")->required();
}

int run_positions_command(const PositionsArgs& args, const fs::path& db,
                          const fs::path& taxonomy_dir, bool quiet,
                          std::ostream& out, std::ostream& err) {
  std::vector<int64_t> ids;
  for (const std::string& s : args.ids) {
    int64_t id = 0;
    if (!parse_id(s, id)) {
      err << "vnkb-index: '" << s << "' is not a position id\n";
      return kExitUsage;
    }
    ids.push_back(id);
  }
  std::string error;

  if (*args.list || *args.show) {
    auto catalog = Catalog::open(catalog_path(db), true, &error);
    if (!catalog) {
      err << "vnkb-index: " << error << " (has anything been added to "
          << db.string() << "?)\n";
      return kExitSomeFailed;
    }
    auto taxonomy = Taxonomy::load(fs::exists(taxonomy_copy_path(db))
                                       ? taxonomy_copy_path(db)
                                       : taxonomy_dir,
                                   &error);
    if (!taxonomy) {
      err << "vnkb-index: " << error << '\n';
      return kExitSomeFailed;
    }
    std::vector<PositionRecord> positions;
    try {
      const PositionStore store(catalog->handle(), /*writable=*/false);
      if (*args.show) {
        const auto p = store.get(ids[0]);
        if (!p) {
          err << "vnkb-index: no position with id " << ids[0] << '\n';
          return kExitSomeFailed;
        }
        const auto doc = catalog->get(p->doc_id);
        if (args.json) {
          out << dump(position_json(*p, *taxonomy, doc), 2) << '\n';
          return kExitOk;
        }
        const Json j = position_json(*p, *taxonomy, doc);
        std::string topics;
        for (const auto& t : j["topics"])
          topics +=
              (topics.empty() ? "" : "; ") + t["label"].get<std::string>();
        out << "id        " << p->id << "\ndocument  " << p->doc_id << " "
            << j["document_number"].get<std::string>() << " "
            << j["document_title"].get<std::string>() << "\nactor     "
            << j["actor_name"].get<std::string>() << " (" << p->actor
            << ")\nstance    " << j["stance_label"].get<std::string>() << " ("
            << p->stance << ")\nprocess   "
            << j["process_name"].get<std::string>() << "\nforum     "
            << j["forum_name"].get<std::string>() << "\ntopics    " << topics
            << "\ndate      " << p->date << "\npage      " << p->page
            << "\nsource    " << p->source << "\nquote     " << p->quote
            << '\n';
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
    const TaxonomyEntry* actor = nullptr;
    if (!args.actor.empty()) {
      actor = taxonomy->resolve(args.actor, kActorKinds);
      if (!actor) {
        err << "vnkb-index: --actor: '" << args.actor
            << "' is no actor of the taxonomy\n";
        return kExitUsage;
      }
    }
    const StanceName* stance = nullptr;
    if (!args.stance.empty() && !(stance = find_stance(args.stance))) {
      err << "vnkb-index: --stance: '" << args.stance
          << "' is not one of supports, opposes, proposes, requests, "
             "commits, leads, concerned\n";
      return kExitUsage;
    }
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
      return (doc && p.doc_id != doc->id) || (actor && p.actor != actor->id) ||
             (stance && p.stance != stance->id) ||
             (process && p.process != process->id && p.forum != process->id) ||
             (!args.source.empty() && p.source != args.source);
    });
    return print_positions(positions, *catalog, *taxonomy, args.json, quiet,
                           out, err);
  }

  auto indexer = open_indexer(db, taxonomy_dir, quiet, err);
  if (!indexer) return kExitSomeFailed;
  Catalog& catalog = indexer->catalog();
  PositionStore& store = indexer->positions();

  if (*args.remove) {
    int missing = 0;
    catalog.begin();
    try {
      for (int64_t id : ids) {
        if (store.remove(id)) {
          if (!quiet) err << "deleted position " << id << '\n';
        } else {
          err << "vnkb-index: no position with id " << id << '\n';
          ++missing;
        }
      }
      catalog.commit();
    } catch (...) {
      catalog.rollback();
      throw;
    }
    indexer->flush_positions();
    return missing ? kExitSomeFailed : kExitOk;
  }

  std::optional<CatalogDocument> doc;
  std::optional<PositionRecord> existing;
  if (*args.add) {
    doc = find_document(catalog, args.document);
    if (!doc) {
      err << "vnkb-index: no document with id or path '" << args.document
          << "'\n";
      return kExitSomeFailed;
    }
    if (doc->status == "failed") {
      err << "vnkb-index: document " << doc->id
          << " failed to index; it has no text to quote\n";
      return kExitSomeFailed;
    }
  } else {
    existing = store.get(ids[0]);
    if (!existing) {
      err << "vnkb-index: no position with id " << ids[0] << '\n';
      return kExitSomeFailed;
    }
    doc = catalog.get(existing->doc_id);
  }
  const CLI::App& cmd = *args.add ? *args.add : *args.edit;
  PositionEdit edit;
  if (!EditBuilder(args, cmd, indexer->taxonomy()).build(doc, edit, error)) {
    err << "vnkb-index: " << error << '\n';
    return kExitUsage;
  }
  int64_t id = 0;
  catalog.begin();
  try {
    if (*args.add) {
      PositionRecord p;
      p.doc_id = doc->id;
      p.actor = *edit.actor;
      p.stance = *edit.stance;
      p.process = edit.process.value_or("");
      p.forum = edit.forum.value_or("");
      p.topics = edit.topics.value_or(std::vector<std::string>{});
      // A position without its own date takes its document's, as extracted
      // ones do.
      p.date = edit.date.value_or(doc->issue_date);
      p.quote = *edit.quote;
      p.page = *edit.page;
      locate_quote(catalog, p, quiet, err);
      id = store.add(p);
    } else {
      id = existing->id;
      if (edit.quote || edit.page) {
        PositionRecord p = *existing;
        if (edit.quote) p.quote = *edit.quote;
        if (edit.page) p.page = *edit.page;
        locate_quote(catalog, p, quiet, err);
      }
      store.edit(id, edit);
    }
    catalog.commit();
  } catch (...) {
    catalog.rollback();
    throw;
  }
  indexer->flush_positions();
  if (!quiet)
    err << (*args.add ? "added position " : "corrected position ") << id
        << '\n';
  out << id << '\n';
  return kExitOk;
}

}  // namespace kb
