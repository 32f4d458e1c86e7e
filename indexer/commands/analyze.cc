// vnkb-index analyze.
#include "indexer/commands/analyze.h"

#include "core/analyzer.h"
#include "core/doc_number.h"
#include "indexer/commands/common.h"

namespace kb {

using Json = nlohmann::json;

void register_analyze_command(CLI::App& app, AnalyzeArgs& args) {
  args.command = app.add_subcommand("analyze",
                                    "Show how the text core analyses TEXT "
                                    "(canonical, folded, terms, numbers)");
  args.command->add_option("text", args.words, "Text to analyse")->required();
  args.command->add_flag("--json", args.json, "Print one JSON object");
}

int run_analyze_command(const AnalyzeArgs& args, std::ostream& out) {
  std::string input;
  for (const std::string& w : args.words) {
    if (!input.empty()) input += ' ';
    input += w;
  }
  AnalyzeOptions options;
  options.canonical_text = true;
  const Analysis a = analyze(input, options);
  Json terms = Json::array(), folded_terms = Json::array(),
       numbers = Json::array();
  for (const Token& t : a.tokens) {
    terms.push_back(t.exact);
    folded_terms.push_back(t.folded);
  }
  for (const DocNumber& n : a.numbers) numbers.push_back(n.display());
  if (args.json) {
    out << dump_json({{"input", input},
                      {"text", a.text},
                      {"canonical", a.canonical},
                      {"folded", a.folded},
                      {"encoding", encoding_name(a.encoding)},
                      {"terms", terms},
                      {"folded_terms", folded_terms},
                      {"numbers", numbers}})
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

}  // namespace kb
