// Documents as JSON and as text, for show and list.
#include "indexer/commands/document_output.h"

#include <iomanip>
#include <map>
#include <sstream>

#include "core/language.h"

namespace kb {

using Json = nlohmann::json;

namespace {

Json labels(const std::vector<std::string>& ids, const Taxonomy& taxonomy) {
  Json out = Json::array();
  for (const std::string& id : ids) {
    const TaxonomyEntry* e = taxonomy.find(id);
    out.push_back(e ? e->name : id);
  }
  return out;
}

// "text layer: 1-2, 5; OCR: 3-4" (pages in order, runs of one source).
std::string page_sources_summary(const std::vector<CatalogPage>& pages) {
  std::map<std::string, std::string> ranges;
  std::vector<std::string> order;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1].source == pages[i].source &&
           pages[j + 1].page_no == pages[j].page_no + 1) {
      ++j;
    }
    std::string& r = ranges[pages[i].source];
    if (r.empty()) order.push_back(pages[i].source);
    r += (r.empty() ? "" : ", ") + std::to_string(pages[i].page_no);
    if (j > i) r += "-" + std::to_string(pages[j].page_no);
    i = j + 1;
  }
  std::string out;
  for (const std::string& source : order) {
    out +=
        (out.empty() ? "" : "; ") + source_name(source) + ": " + ranges[source];
  }
  return out;
}

}  // namespace

Json document_json(const CatalogDocument& d, const Taxonomy& taxonomy) {
  Json j = {{"id", d.id},
            {"path", d.path},
            {"title", d.title},
            {"type", d.type},
            {"number", d.number},
            {"issuer", d.issuer},
            {"issuer_id", d.issuer_id},
            {"issue_date", d.issue_date},
            {"signer", d.signer},
            {"cites", d.cites},
            {"networks", labels(d.networks, taxonomy)},
            {"network_ids", d.networks},
            {"topics", labels(d.topics, taxonomy)},
            {"topic_ids", d.topics},
            {"pages", d.pages},
            {"language", d.language},
            {"encoding", d.encoding},
            {"format", d.format},
            {"sha256", d.sha256},
            {"indexed_at", d.indexed_at},
            {"status", d.status},
            {"source", d.source}};
  if (d.status == "failed") {
    j["failure"] = {{"reason", d.failure_reason}, {"detail", d.failure_detail}};
  } else if (d.status == "needs-ocr") {
    j["needs_ocr"] = {{"reason", d.failure_reason},
                      {"detail", d.failure_detail}};
  } else if (!d.failure_reason.empty()) {
    // Indexed in part: the file's text went over the limit.
    j["text_cut"] = {{"reason", d.failure_reason},
                     {"detail", d.failure_detail}};
  }
  return j;
}

// Per page: where its text came from, and OCR's confidence.
Json page_info_json(const std::vector<CatalogPage>& pages) {
  Json out = Json::array();
  for (const CatalogPage& p : pages) {
    Json page = {{"page", p.page_no},
                 {"source", p.source},
                 {"language", language_of_utf8(p.text)}};
    if (p.source == "ocr") page["ocr_confidence"] = p.ocr_confidence;
    out.push_back(page);
  }
  return out;
}

std::string source_name(const std::string& source) {
  if (source == "text") return "text layer";
  if (source == "ocr") return "OCR";
  if (source == "none") return "scan, not read";
  return source;
}

std::string confidence_text(double c) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(0) << c;
  return s.str();
}

void print_document(const CatalogDocument& d,
                    const std::vector<CatalogPage>& pages,
                    const Taxonomy& taxonomy, std::ostream& out) {
  auto line = [&](const std::string& name, const std::string& value,
                  const std::string& field) {
    out << std::left << std::setw(12) << name << value;
    // Where each field came from, so a librarian sees what to correct.
    auto it = d.source.find(field);
    if (it != d.source.end() && it->second == "librarian") {
      out << "  (set by librarian)";
    } else if (it != d.source.end() && !value.empty()) {
      out << "  (" << it->second << ")";
    }
    out << '\n';
  };
  auto join = [](const Json& list) {
    std::string s;
    for (const auto& v : list)
      s += (s.empty() ? "" : "; ") + v.get<std::string>();
    return s;
  };
  line("id", std::to_string(d.id), "");
  line("path", d.path, "");
  line("status",
       d.status + (d.status == "failed" || !d.failure_detail.empty()
                       ? " (" + d.failure_reason + ": " + d.failure_detail + ")"
                       : ""),
       "");
  line("title", d.title, "title");
  line("type", d.type, "type");
  line("number", d.number, "number");
  line("issuer", d.issuer, "issuer");
  line("issue date", d.issue_date, "issue_date");
  line("signer", d.signer, "signer");
  line("cites", join(Json(d.cites)), "cites");
  line("networks", join(labels(d.networks, taxonomy)), "networks");
  line("topics", join(labels(d.topics, taxonomy)), "topics");
  line("pages", std::to_string(d.pages), "");
  if (!pages.empty()) line("sources", page_sources_summary(pages), "");
  // Each page that was a scan, so a librarian sees what to check.
  for (const CatalogPage& p : pages) {
    if (p.source == "text") continue;
    out << "  page " << std::left << std::setw(6) << p.page_no
        << source_name(p.source);
    if (p.source == "ocr")
      out << ", confidence " << confidence_text(p.ocr_confidence);
    out << '\n';
  }
  line("language", d.language, "");
  // Pages by language ("1-3 vi; 4 en") when they differ.
  std::vector<std::string> languages;
  for (const CatalogPage& p : pages)
    languages.push_back(language_of_utf8(p.text));
  std::string by_page;
  for (size_t i = 0; i < languages.size();) {
    size_t j = i;
    while (j + 1 < languages.size() && languages[j + 1] == languages[i]) ++j;
    by_page += (by_page.empty() ? "" : "; ") + std::to_string(i + 1) +
               (j > i ? "-" + std::to_string(j + 1) : "") + " " +
               (languages[i].empty() ? "no words" : languages[i]);
    i = j + 1;
  }
  if (by_page.find(';') != std::string::npos || d.language == "mixed")
    line("page languages", by_page, "");
  line("format",
       d.format + (d.encoding.empty() || d.encoding == "unicode"
                       ? ""
                       : " (converted from " + d.encoding + ")"),
       "");
  line("sha256", d.sha256, "");
  line("indexed at", d.indexed_at, "");
}

}  // namespace kb
