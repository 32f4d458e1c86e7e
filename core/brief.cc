// The brief's CSV and Markdown.
#include "core/brief.h"

#include <algorithm>
#include <map>

#include "core/dates.h"

namespace kb {
namespace {

// Dated first, oldest first; then undated; ties by id.
bool earlier(const BriefPosition* a, const BriefPosition* b) {
  if (a->date.empty() != b->date.empty()) return b->date.empty();
  if (a->date != b->date) return a->date < b->date;
  return a->id < b->id;
}

// ------------------------------------------------------------------ CSV

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  const bool formula =
      !s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' ||
       s[0] == '\r' || (s[0] == '-' && s.size() > 1 && s[1] != ' '));
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// ------------------------------------------------------------- Markdown

// Document text as Markdown text: one line, with the characters that would
// make markup (emphasis, links, HTML, tables, code, entities) escaped, and
// a line start that would make a list or heading escaped too.
std::string md_text(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#&!~").find(c) != std::string_view::npos)
      out += '\\';
    out += c;
  }
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '='))
    out.insert(out.begin(), '\\');
  // "1. " at a line start is a list item.
  size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9')
    ++digits;
  if (digits > 0 && digits < out.size() &&
      (out[digits] == '.' || out[digits] == ')'))
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(digits), '\\');
  return out;
}

struct Group {
  std::string label;
  std::vector<const BriefPosition*> positions;
};

// Issue key and label of a position's groups.
std::vector<std::pair<std::string, std::string>> issues_of(
    const BriefPosition& p, BriefGrouping by) {
  if (by == BriefGrouping::kTopic) return p.topics;
  if (!p.process_id.empty()) return {{p.process_id, p.process}};
  if (!p.forum_id.empty()) return {{p.forum_id, p.forum}};
  return {};
}

void write_position(std::string& out, const BriefPosition& p,
                    const std::string& link_base, BriefGrouping by) {
  out += "- **" + md_text(p.stance) + "** — ";
  out += p.date.empty() ? "không rõ ngày" : format_display(p.date);
  // What the grouping does not show.
  if (by == BriefGrouping::kTopic && !p.process.empty())
    out += " — tiến trình: " + md_text(p.process);
  if (!p.forum.empty() && p.forum_id != p.process_id &&
      !(by == BriefGrouping::kProcess && p.process_id.empty()))
    out += " — diễn đàn: " + md_text(p.forum);
  if (!p.forum_name.empty() && p.forum_name != p.forum &&
      p.forum_name != p.process)
    out += " — tại: " + md_text(p.forum_name);
  if (!p.target.empty()) out += "\n\n  Về: " + md_text(p.target);
  out += "\n\n  > " + md_text(p.quote) + "\n\n  Nguồn: ";
  std::string doc = p.document_title.empty()
                        ? "văn bản " + std::to_string(p.document_id)
                        : md_text(p.document_title);
  const std::string link = brief_document_link(link_base, p);
  out += link.empty() ? doc : "[" + doc + "](<" + link + ">)";
  if (!p.document_number.empty()) out += ", số " + md_text(p.document_number);
  if (p.page > 0) out += ", trang " + std::to_string(p.page);
  out += "\n\n";
}

}  // namespace

std::optional<BriefFormat> parse_brief_format(std::string_view name) {
  if (name == "csv") return BriefFormat::kCsv;
  if (name == "md" || name == "markdown") return BriefFormat::kMarkdown;
  return std::nullopt;
}

std::optional<BriefGrouping> parse_brief_grouping(std::string_view name) {
  if (name == "process") return BriefGrouping::kProcess;
  if (name == "topic") return BriefGrouping::kTopic;
  return std::nullopt;
}

std::string brief_document_link(const std::string& link_base,
                                const BriefPosition& p) {
  if (link_base.empty() || p.document_id <= 0) return "";
  std::string link = link_base + "?doc=" + std::to_string(p.document_id);
  if (p.page > 1) link += "&tp=" + std::to_string(p.page);
  return link;
}

std::string brief_csv(const std::vector<BriefPosition>& positions,
                      const std::string& link_base) {
  std::string out = "\xEF\xBB\xBF";
  const std::vector<std::string> header = {"Mã",
                                           "Tác nhân",
                                           "Mã tác nhân",
                                           "Lập trường",
                                           "Mã lập trường",
                                           "Ngày",
                                           "Tiến trình",
                                           "Diễn đàn",
                                           "Chủ đề",
                                           "Trích dẫn",
                                           "Văn bản",
                                           "Số hiệu",
                                           "Mã văn bản",
                                           "Trang",
                                           "Ghi nhận",
                                           "Liên kết",
                                           "Diễn đàn (theo văn bản)",
                                           "Về vấn đề"};
  auto line = [&out](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i)
      out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  line(header);
  for (const BriefPosition& p : positions) {
    std::string topics;
    for (const auto& [id, label] : p.topics)
      topics += (topics.empty() ? "" : "; ") + label;
    line({std::to_string(p.id), p.actor, p.actor_id, p.stance, p.stance_id,
          p.date, p.process, p.forum, topics, p.quote, p.document_title,
          p.document_number, std::to_string(p.document_id),
          p.page > 0 ? std::to_string(p.page) : "", p.source,
          brief_document_link(link_base, p), p.forum_name, p.target});
  }
  return out;
}

std::string brief_markdown(const std::vector<BriefPosition>& positions,
                           const BriefHeader& h) {
  const bool by_topic = h.group_by == BriefGrouping::kTopic;
  std::string out = "# " + md_text(h.title) + "\n\n";
  out += "- Xuất lúc: " + h.exported_at + "\n";
  std::string filters;
  for (const auto& [label, value] : h.filters)
    filters += (filters.empty() ? "" : "; ") + label + ": " + md_text(value);
  out += "- Bộ lọc: " + (filters.empty() ? "không có" : filters) + "\n";
  out += "- Số lập trường: " + std::to_string(positions.size());
  if (h.matched > positions.size()) {
    out += " (trong số " + std::to_string(h.matched) +
           " lập trường khớp; bản xuất có giới hạn, hãy lọc hẹp hơn)";
  }
  out += "\n- Nhóm theo: ";
  out += by_topic ? "chủ đề" : "tiến trình";
  out += ", rồi tác nhân\n\n";
  if (positions.empty()) return out + "Không có lập trường nào khớp.\n";

  std::map<std::string, Group> groups;  // issue id ("" none) -> group
  for (const BriefPosition& p : positions) {
    auto issues = issues_of(p, h.group_by);
    if (issues.empty()) issues.push_back({"", ""});
    for (const auto& [id, label] : issues) {
      Group& g = groups[id];
      g.label = id.empty() ? (by_topic ? "Không có chủ đề"
                                       : "Không thuộc tiến trình nào")
                           : (label.empty() ? id : label);
      g.positions.push_back(&p);
    }
  }
  std::vector<std::pair<std::string, const Group*>> order;
  for (const auto& [id, g] : groups) order.emplace_back(id, &g);
  // Most positions first; "none" last.
  std::stable_sort(
      order.begin(), order.end(), [](const auto& a, const auto& b) {
        if (a.first.empty() != b.first.empty()) return b.first.empty();
        if (a.second->positions.size() != b.second->positions.size())
          return a.second->positions.size() > b.second->positions.size();
        return a.second->label < b.second->label;
      });
  for (const auto& [id, g] : order) {
    out += "## " + md_text(g->label) + " (" +
           std::to_string(g->positions.size()) + ")\n\n";
    std::map<std::string, std::vector<const BriefPosition*>> by_actor;
    for (const BriefPosition* p : g->positions)
      by_actor[p->actor + '\x1f' + p->actor_id].push_back(p);
    for (auto& [key, list] : by_actor) {
      std::sort(list.begin(), list.end(), earlier);
      out += "### " + md_text(list.front()->actor) + "\n\n";
      for (const BriefPosition* p : list)
        write_position(out, *p, h.link_base, h.group_by);
    }
  }
  return out;
}

std::string brief_file_name(BriefFormat format,
                            const std::string& exported_at) {
  return "lap-truong-" + exported_at.substr(0, 10) +
         (format == BriefFormat::kCsv ? ".csv" : ".md");
}

}  // namespace kb
