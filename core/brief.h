// The brief: a filtered set of negotiation positions written out for people
// preparing a negotiation, as CSV (for a spreadsheet) or as a Markdown
// document grouped by issue then actor. The one home of its format: the
// server's /api/positions/export and `vnkb-index positions export` both
// fill BriefPositions (with display labels) and call these functions.
#ifndef VNKB_CORE_BRIEF_H_
#define VNKB_CORE_BRIEF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb {

// One position as the brief shows it: ids and display labels (an actor
// outside the taxonomy has an id like "x:slug" and its name as written).
struct BriefPosition {
  int64_t id = 0;
  std::string actor_id, actor;
  std::string stance_id, stance;
  std::string process_id, process;  // "" when none
  std::string forum_id, forum;      // "" when none
  // The forum as the text names it, and what the stance is about ("" when
  // not known).
  std::string forum_name, target;
  std::vector<std::pair<std::string, std::string>> topics;  // id, label
  std::string date;  // YYYY-MM-DD, YYYY-MM, YYYY or ""
  std::string quote;
  int64_t document_id = 0;
  std::string document_title, document_number;
  int page = 0;
  std::string source;  // extracted, corrected, librarian
};

enum class BriefFormat { kCsv, kMarkdown };

// "csv" or "md" (also "markdown"); nullopt for anything else.
std::optional<BriefFormat> parse_brief_format(std::string_view name);
// What the Markdown document groups positions by, before the actor.
enum class BriefGrouping { kProcess, kTopic };
// "process" or "topic"; nullopt for anything else.
std::optional<BriefGrouping> parse_brief_grouping(std::string_view name);

// What the document says about itself.
struct BriefHeader {
  std::string title = "Lập trường trong đàm phán";
  // The filters used, as label and value ("Tác nhân", "Bộ Ngoại giao").
  std::vector<std::pair<std::string, std::string>> filters;
  std::string exported_at;  // ISO 8601, UTC
  // How many positions matched; more than the positions given when the
  // export was capped (the document says so).
  uint64_t matched = 0;
  // Where the web UI is ("http://127.0.0.1:8080/"): each source then links
  // to its document page. Empty: no links.
  std::string link_base;
  BriefGrouping group_by = BriefGrouping::kProcess;
};

// The web UI's page of a position's document at its page, or "" without a
// link base.
std::string brief_document_link(const std::string& link_base,
                                const BriefPosition& position);

// RFC 4180 CSV: a UTF-8 byte order mark (so Excel reads Vietnamese right),
// a header line, one line per position, CRLF line ends; every field quoted.
// The forum as written and the target are the last two columns, so
// columns of older briefs keep their places.
// A field that a spreadsheet would run as a formula (=, +, @, a tab, or "-"
// before anything but a space) starts with an apostrophe.
std::string brief_csv(const std::vector<BriefPosition>& positions,
                      const std::string& link_base);

// A Markdown document: the title, the filters, the export date and count,
// then a section per issue (process or topic; positions with none last)
// and within it one per actor, each position with its stance, date, the
// forum as written, what it is about, its quote and source with page. Document
// text is escaped so it reads as text.
std::string brief_markdown(const std::vector<BriefPosition>& positions,
                           const BriefHeader& header);

// "lap-truong-2026-12-06.csv" (ASCII, for Content-Disposition and -o).
std::string brief_file_name(BriefFormat format, const std::string& exported_at);

}  // namespace kb

#endif  // VNKB_CORE_BRIEF_H_
