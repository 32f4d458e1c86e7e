// vnkb-index positions add, edit and delete: the librarian's corrections,
// written through the indexer.
#include <cstdio>
#include <optional>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/position_store.h"
#include "core/stances.h"
#include "core/taxonomy.h"
#include "core/utf8.h"
#include "indexer/commands/positions.h"
#include "indexer/indexer.h"

namespace kb {
namespace {

// YYYY, YYYY-MM or YYYY-MM-DD; d/m/yyyy becomes YYYY-MM-DD.
// A date of any precision: YYYY, YYYY-MM, YYYY-MM-DD or d/m/yyyy.
bool normalize_position_date(std::string& s) {
  const auto d = parse_date_input(s);
  if (d) s = format_iso(*d);
  return d.has_value();
}

// The longest forum name and target a librarian may give, in bytes.
constexpr size_t kMaxForumNameBytes = 300;
constexpr size_t kMaxTargetBytes = 600;

// A one-line text field (--forum-name, --target): "" clears it; otherwise
// valid UTF-8 of at most `max_bytes`, not blank, without line breaks or
// other control characters. Sets `error` and returns false when not.
bool check_text_field(const char* option, const std::string& value,
                      size_t max_bytes, std::string& error) {
  if (value.empty()) return true;
  const std::string name(option);
  if (!is_valid_utf8(value)) {
    error = name + ": not valid UTF-8";
  } else if (value.size() > max_bytes) {
    error = name + ": longer than " + std::to_string(max_bytes) + " bytes";
  } else if (value.find_first_not_of(" \t") == std::string::npos) {
    error = name + ": blank (give \"\" to clear it)";
  } else {
    for (const char c : value) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        error = name + ": one line without control characters, please";
        break;
      }
    }
  }
  return error.empty();
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
      // An actor outside the taxonomy is kept under the name given
      // ("Hiệp hội Nhựa Việt Nam"), as the extraction keeps it.
      if (const TaxonomyEntry* e =
              taxonomy_.resolve(args_.actor, kActorKinds)) {
        edit.actor = e->id;
      } else if (const std::string id = open_actor_id(args_.actor);
                 !id.empty()) {
        edit.actor = id;
      } else {
        error =
            "--actor: an actor needs a name (a taxonomy id, name, "
            "acronym or alias, or the name the text uses)";
        return false;
      }
    }
    if (given("--stance")) {
      // Checked while parsing (positions.cc): a stance given is found.
      edit.stance = std::string(find_stance(args_.stance)->id);
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
    if (given("--forum-name")) {
      if (!check_text_field("--forum-name", args_.forum_name,
                            kMaxForumNameBytes, error)) {
        return false;
      }
      edit.forum_name = args_.forum_name;
    }
    if (given("--target")) {
      if (!check_text_field("--target", args_.target, kMaxTargetBytes, error)) {
        return false;
      }
      edit.target = args_.target;
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

int run_positions_edit(const PositionsArgs& args,
                       const std::vector<int64_t>& ids,
                       const GlobalOptions& global, std::ostream& out,
                       std::ostream& err) {
  const bool quiet = global.quiet;
  std::string error;
  auto indexer = open_indexer(global, err);
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
      if (is_open_actor_id(p.actor)) store.note_open_actor(p.actor, args.actor);
      p.stance = *edit.stance;
      p.process = edit.process.value_or("");
      p.forum = edit.forum.value_or("");
      p.forum_name = edit.forum_name.value_or("");
      p.target = edit.target.value_or("");
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
      if (edit.actor && is_open_actor_id(*edit.actor))
        store.note_open_actor(*edit.actor, args.actor);
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
