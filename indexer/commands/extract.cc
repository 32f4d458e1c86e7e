// vnkb-index extract.
#include "indexer/commands/extract.h"

#include <iomanip>

#include "indexer/commands/common.h"
#include "indexer/read/extract.h"
#include "indexer/read/ocr.h"

namespace kb {

using Json = nlohmann::json;

void register_extract_command(CLI::App& app, ExtractArgs& args) {
  args.command = app.add_subcommand(
      "extract", "Show the text the indexer reads from FILE, page by page");
  args.command
      ->add_option("file", args.path,
                   "A PDF, HTML, DOCX, text or Markdown file")
      ->required();
  args.command->add_flag("--json", args.json, "Print one JSON object");
  args.command
      ->add_option("--ocr", args.ocr_mode,
                   "OCR of scanned pages: auto or force reads them (without "
                   "a cache), never leaves them empty (default: auto)")
      ->check(CLI::IsMember({"auto", "never", "force"}));
}

int run_extract_command(const ExtractArgs& args, std::ostream& out,
                        std::ostream& err) {
  const std::string& path = args.path;
  OcrOptions ocr;
  ocr.mode = *parse_ocr_mode(args.ocr_mode);
  Extracted e = extract_file(path, ExtractLimits{});
  const OcrReport report = read_scanned_pages(path, e, ocr, nullptr);
  if (args.json) {
    Json pages = Json::array();
    for (const ExtractedPage& p : e.pages) {
      Json page = {{"text", p.text}, {"has_text_layer", p.has_text_layer}};
      if (p.ocr) page["ocr_confidence"] = p.ocr_confidence;
      pages.push_back(page);
    }
    out << dump_json(
               {{"format", e.format},
                {"title", e.title},
                {"encoding", e.encoding},
                {"status", e.status == ExtractStatus::kOk         ? "ok"
                           : e.status == ExtractStatus::kNeedsOcr ? "needs-ocr"
                                                                  : "failed"},
                {"reason", failure_reason_name(e.reason)},
                {"error", e.error},
                {"ocr_detail", report.detail},
                {"pages", pages}})
        << '\n';
  } else if (e.status != ExtractStatus::kFailed) {
    for (size_t i = 0; i < e.pages.size(); ++i) {
      const ExtractedPage& p = e.pages[i];
      out << "=== page " << i + 1;
      if (p.ocr) {
        out << " (OCR, confidence " << std::fixed << std::setprecision(0)
            << p.ocr_confidence << std::defaultfloat << ")";
      } else if (!p.has_text_layer) {
        out << " (no text layer)";
      }
      out << " ===\n" << p.text << '\n';
    }
    if (!report.detail.empty()) err << "vnkb-index: " << report.detail << '\n';
  }
  if (e.status == ExtractStatus::kFailed) {
    err << "vnkb-index: " << path << ": " << failure_reason_name(e.reason)
        << ": " << e.error << '\n';
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace kb
