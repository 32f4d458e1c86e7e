// PageReader: lists of proposals and requests, "X kiến nghị:" and then
// one item a line (proposal_lists.h, page_reader.h).
#include <algorithm>
#include <string_view>

#include "indexer/positions/page_reader.h"
#include "indexer/positions/proposal_lists.h"

namespace kb {

std::optional<size_t> PageReader::open_list_item(LineKind kind, size_t u0,
                                                 size_t u1) const {
  if (!list_) return std::nullopt;
  return list_item_start(mentions_, kind, u0, u1);
}

void PageReader::list_after_heading(const std::vector<std::string>& header,
                                    size_t u0, size_t u1, bool colon) {
  list_.reset();
  if (!colon || header.empty()) return;
  const std::vector<CueHit> hits = find_cues(u0, u1);
  const CueHit* intro = list_introducer(mentions_, hits, u1);
  if (intro == nullptr) return;
  list_ = OpenList{header, intro->cue->stance, intro->cue};
}

void PageReader::list_after_line(std::optional<size_t> item, size_t first_out,
                                 size_t lb, size_t le, size_t u0, size_t u1,
                                 bool colon) {
  if (item && list_) {
    // The item's own sentence may already give the announcer's stance
    // ("- Đề nghị ..." after the heading).
    for (size_t i = first_out; i < out_.size(); ++i) {
      if (std::find(list_->actors.begin(), list_->actors.end(),
                    out_[i].actor) != list_->actors.end())
        return;
    }
    const std::string_view line = std::string_view(text()).substr(lb, le - lb);
    const std::vector<TextSpan> sentences = split_sentences(line);
    if (sentences.empty()) return;
    const size_t sb = lb + sentences[0].begin, se = lb + sentences[0].end;
    const size_t su0 = mentions_.first_unit_at_or_after(sb);
    const size_t su1 = mentions_.units_end(su0, se);
    if (*item >= su1 || not_a_statement(su0, su1, sb, se)) return;
    sentence_b_ = sb;
    sentence_e_ = se;
    CueHit hit;
    hit.cue = list_->cue;
    hit.u0 = su0;
    hit.u1 = std::max(*item, su0 + 1);
    hit.actors = list_->actors;
    const size_t first = out_.size();
    emit(hit, list_->stance, su0, su1);
    for (size_t i = first; i < out_.size(); ++i) {
      out_[i].cue = list_->cue->phrase;
      out_[i].target = target_after(*item);
    }
    return;
  }
  list_.reset();
  if (!colon) return;
  // "Ngoài ra, Bộ X kiến nghị một số nội dung:": a line with positions of
  // its own opens the list of its proposals.
  const std::vector<CueHit> hits = find_cues(u0, u1);
  const CueHit* intro = list_introducer(mentions_, hits, u1);
  if (intro == nullptr) return;
  std::vector<std::string> actors;
  for (size_t i = first_out; i < out_.size(); ++i) {
    const Stance s = out_[i].stance;
    if (s != Stance::kProposes && s != Stance::kRequests) continue;
    if (std::find(actors.begin(), actors.end(), out_[i].actor) == actors.end())
      actors.push_back(out_[i].actor);
  }
  if (!actors.empty()) list_ = OpenList{actors, intro->cue->stance, intro->cue};
}

}  // namespace kb
