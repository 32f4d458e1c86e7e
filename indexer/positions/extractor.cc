// The position extractor: the document's process, then each page in turn
// (extractor.h).
#include "indexer/positions/extractor.h"

#include <string_view>

#include "core/analyzer.h"
#include "core/utf8.h"
#include "indexer/positions/actor_index.h"
#include "indexer/positions/cue_lexicon.h"
#include "indexer/positions/english_positions.h"
#include "indexer/positions/page_reader.h"
#include "indexer/positions/passage_date.h"
#include "indexer/positions/sentences.h"

namespace kb {
namespace {

// The document's process: named in its title or in its first short lines (a
// heading, not a passing mention in the body); empty when none.
std::string document_process(const ActorIndex& index,
                             const std::vector<std::string>& pages,
                             const PositionContext& ctx) {
  std::string process = index.process_in(ctx.title);
  if (!process.empty() || pages.empty()) return process;
  const std::string head = to_nfc(pages[0]);
  int seen = 0;
  for (const TextSpan& line : split_lines(head)) {
    const std::string_view l =
        std::string_view(head).substr(line.begin, line.end - line.begin);
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (++seen > 10) break;
    AnalyzeOptions options;
    options.repair_legacy = false;
    if (analyze(l, options).tokens.size() > 15) continue;
    process = index.process_in(l);
    if (!process.empty()) break;
  }
  return process;
}

// The first line of an article of the codification (Bộ pháp điển), an
// article of a legal instrument: "Điều 40.1.LQ.1. Phạm vi điều chỉnh"
// (topic.subject.source type.article). A few byte comparisons.
bool is_codification_article(std::string_view head) {
  const size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  std::string_view s = head.substr(start);
  constexpr std::string_view kArticle = "Điều ";
  constexpr std::string_view kDd = "Đ";
  if (s.substr(0, kArticle.size()) != kArticle) return false;
  s.remove_prefix(kArticle.size());
  auto take = [&s](auto is_part) {
    size_t n = 0;
    while (size_t len = is_part(s.substr(n))) n += len;
    s.remove_prefix(n);
    return n > 0;
  };
  auto digit = [](std::string_view r) -> size_t {
    return !r.empty() && r[0] >= '0' && r[0] <= '9' ? 1 : 0;
  };
  auto code = [kDd](std::string_view r) -> size_t {
    if (!r.empty() && r[0] >= 'A' && r[0] <= 'Z') return 1;
    return r.substr(0, kDd.size()) == kDd ? kDd.size() : 0;
  };
  auto one_dot = [&s]() {
    if (s.empty() || s[0] != '.') return false;
    s.remove_prefix(1);
    return true;
  };
  return take(digit) && one_dot() && take(digit) && one_dot() && take(code) &&
         one_dot() && take(digit);
}

}  // namespace

bool is_legal_instrument(std::string_view doc_type, std::string_view head) {
  static const char* const kLegal[] = {"Thông tư liên tịch",
                                       "Nghị quyết liên tịch",
                                       "Văn bản hợp nhất",
                                       "Thông tư",
                                       "Nghị định",
                                       "Nghị quyết",
                                       "Quyết định",
                                       "Bộ luật",
                                       "Luật",
                                       "Pháp lệnh",
                                       "Hiến pháp",
                                       "Lệnh",
                                       "Chỉ thị",
                                       "Kế hoạch",
                                       "Hướng dẫn"};
  for (const char* t : kLegal) {
    if (doc_type == t) return true;
  }
  if (is_codification_article(head)) return true;
  const std::string folded = folded_string(head.substr(0, 600));
  return folded.find("an le so") != std::string::npos ||
         folded.rfind("an le ", 0) == 0;
}

struct PositionExtractor::Impl {
  explicit Impl(const Taxonomy& t)
      : taxonomy(t), index(t), cues(stance_cues()) {}
  const Taxonomy& taxonomy;
  ActorIndex index;
  const std::vector<StanceCue>& cues;
};

PositionExtractor::PositionExtractor(const Taxonomy& taxonomy)
    : impl_(std::make_unique<Impl>(taxonomy)) {}
PositionExtractor::~PositionExtractor() = default;
PositionExtractor::PositionExtractor(PositionExtractor&&) noexcept = default;
PositionExtractor& PositionExtractor::operator=(PositionExtractor&&) noexcept =
    default;

std::vector<ExtractedPosition> PositionExtractor::extract(
    const std::vector<std::string>& pages, const PositionContext& ctx) const {
  if (ctx.language == "en")
    return extract_english_positions(pages, ctx, impl_->taxonomy);
  std::vector<ExtractedPosition> out;
  if (!pages.empty() && is_legal_instrument(ctx.doc_type, pages[0])) return out;
  const std::string doc_process = document_process(impl_->index, pages, ctx);
  const std::string doc_date = report_date(pages, ctx.issue_date);
  PageReader::DocForum doc_forum;
  for (size_t i = 0; i < pages.size(); ++i) {
    PageReader reader(impl_->index, impl_->cues, pages[i],
                      static_cast<uint32_t>(i + 1), ctx, doc_process, doc_date,
                      out);
    reader.set_doc_forum(std::move(doc_forum));
    reader.run();
    doc_forum = reader.doc_forum();
  }
  return out;
}

std::vector<ExtractedPosition> extract_positions(
    const std::vector<std::string>& pages, const PositionContext& ctx,
    const Taxonomy& taxonomy) {
  return PositionExtractor(taxonomy).extract(pages, ctx);
}

}  // namespace kb
