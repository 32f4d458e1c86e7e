// vnkb-index commands.
#include "indexer/cli.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/analyzer.h"

namespace kb {
namespace {

int cmd_analyze(const std::vector<std::string>& words, bool json,
                std::ostream& out) {
  std::string input;
  for (const std::string& w : words) {
    if (!input.empty()) input += ' ';
    input += w;
  }
  AnalyzeOptions options;
  options.canonical_text = true;
  const Analysis a = analyze(input, options);
  nlohmann::json terms = nlohmann::json::array();
  nlohmann::json folded_terms = nlohmann::json::array();
  for (const Token& t : a.tokens) {
    terms.push_back(t.exact);
    folded_terms.push_back(t.folded);
  }
  nlohmann::json numbers = nlohmann::json::array();
  for (const DocNumber& n : a.numbers) numbers.push_back(n.display());
  if (json) {
    nlohmann::json j = {{"input", input},
                        {"text", a.text},
                        {"canonical", a.canonical},
                        {"folded", a.folded},
                        {"encoding", encoding_name(a.encoding)},
                        {"terms", terms},
                        {"folded_terms", folded_terms},
                        {"numbers", numbers}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
    return kExitOk;
  }
  out << "encoding:  " << encoding_name(a.encoding) << '\n'
      << "text:      " << a.text << '\n'
      << "canonical: " << a.canonical << '\n'
      << "folded:    " << a.folded << '\n'
      << "terms:    ";
  for (const Token& t : a.tokens) {
    out << ' ' << t.exact;
    if (t.folded != t.exact) out << '|' << t.folded;
    out << '@' << t.position;
  }
  out << '\n' << "numbers:  ";
  for (const DocNumber& n : a.numbers) out << ' ' << n.display();
  out << '\n';
  return kExitOk;
}

}  // namespace

int run_index_cli(int argc, const char* const* argv, std::ostream& out,
                  std::ostream& err) {
  CLI::App app{
      "vnkb-index: add, update, remove and inspect documents in the vnkb "
      "knowledge base"};
  app.require_subcommand(1);

  std::vector<std::string> analyze_words;
  bool analyze_json = false;
  CLI::App* analyze_cmd =
      app.add_subcommand("analyze",
                         "Show how the text core analyses TEXT (canonical, "
                         "folded, terms, numbers)");
  analyze_cmd->add_option("text", analyze_words, "Text to analyse")->required();
  analyze_cmd->add_flag("--json", analyze_json, "Print one JSON object");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "vnkb-index: " << e.what()
        << "\n(run vnkb-index --help for usage)\n";
    return kExitUsage;
  }
  try {
    if (*analyze_cmd) return cmd_analyze(analyze_words, analyze_json, out);
  } catch (const std::exception& e) {
    err << "vnkb-index: " << e.what() << '\n';
    return kExitSomeFailed;
  }
  return kExitUsage;
}

}  // namespace kb
