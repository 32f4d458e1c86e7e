// Reading a page for positions (page_reader.h).
#include "indexer/positions/page_reader.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "indexer/positions/forum_names.h"
#include "indexer/positions/passage_date.h"
#include "indexer/positions/role_phrases.h"
#include "indexer/positions/weak_cues.h"
#include "indexer/positions/word_lists.h"

namespace kb {
namespace {

bool matches_at(const PageMentions& m, size_t u, size_t limit,
                const std::vector<std::string>& terms) {
  if (u + terms.size() > limit) return false;
  for (size_t k = 0; k < terms.size(); ++k) {
    if (m.word(u + k) != terms[k]) return false;
  }
  return true;
}

}  // namespace

PageReader::PageReader(const ActorIndex& index,
                       const std::vector<StanceCue>& cues,
                       const std::string& page, uint32_t page_number,
                       const PositionContext& ctx,
                       const std::string& doc_process,
                       const std::string& doc_date,
                       std::vector<ExtractedPosition>& out)
    : index_(index),
      cues_(cues),
      page_(page),
      norm_(page),
      mentions_(norm_.text(), index),
      quotes_(quoted_speech(mentions_)),
      page_number_(page_number),
      ctx_(ctx),
      doc_process_(doc_process),
      doc_date_(doc_date),
      out_(out) {}

void PageReader::run() {
  if (mentions_.size() == 0) return;
  // The two sides: the two countries or blocs the page names most, each at
  // least twice.
  std::vector<std::pair<int, std::string>> counts;
  for (const NameFound& f : mentions_.names()) {
    if (f.entry->kind != "country" && f.entry->kind != "organisation") continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) {
      return c.second == f.entry->id;
    });
    if (it == counts.end()) {
      counts.push_back({1, f.entry->id});
    } else {
      ++it->first;
    }
  }
  std::stable_sort(
      counts.begin(), counts.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  if (counts.size() >= 2 && counts[1].first >= 2)
    doc_parties_ = {counts[0].second, counts[1].second};

  const std::vector<TextSpan> lines = split_lines(text());
  if (page_number_ == 1 && doc_forum_.name.empty() && !lines.empty()) {
    const size_t t0 = mentions_.first_unit_at_or_after(lines[0].begin);
    doc_forum_.name = talks_in_title(
        mentions_, t0, mentions_.units_end(t0, lines[0].end), doc_parties_);
  }
  // A forum of the taxonomy named in the opening lines ("Chuẩn bị tham gia
  // Phiên họp thứ năm Ủy ban Đàm phán Liên Chính phủ về ô nhiễm nhựa
  // (INC-5)"): by its full name, and with its process.
  for (size_t i = 0; page_number_ == 1 && doc_forum_.name.empty() &&
                     i < lines.size() && i < 3;
       ++i) {
    const size_t u0 = mentions_.first_unit_at_or_after(lines[i].begin);
    const size_t u1 = mentions_.units_end(u0, lines[i].end);
    for (const NameFound& f : mentions_.names()) {
      if (f.u0 < u0 || f.u0 >= u1 || !f.process || f.entry->kind != "forum")
        continue;
      doc_forum_ = {f.entry->id, mentions_.name_of(f.entry->id)};
      break;
    }
  }
  if (page_number_ == 1 && doc_forum_.name.empty()) {
    for (size_t i = 0; i < lines.size() && i < 3; ++i) {
      const size_t u0 = mentions_.first_unit_at_or_after(lines[i].begin);
      doc_forum_.name =
          named_forum(mentions_, u0, mentions_.units_end(u0, lines[i].end));
      if (!doc_forum_.name.empty()) break;
    }
  }
  // A title that names a draft law: the consultation on it.
  if (page_number_ == 1 && doc_forum_.name.empty() && !lines.empty()) {
    const size_t t0 = mentions_.first_unit_at_or_after(lines[0].begin);
    doc_forum_.name =
        named_draft(mentions_, t0, mentions_.units_end(t0, lines[0].end));
  }
  for (const TextSpan& line : lines) read_line(line.begin, line.end);
}

void PageReader::read_line(size_t lb, size_t le) {
  const std::string_view line = std::string_view(text()).substr(lb, le - lb);
  const size_t u0 = mentions_.first_unit_at_or_after(lb);
  const size_t u1 = mentions_.units_end(u0, le);
  if (u0 == u1) return;
  const LineKind kind = classify_line(line);
  // A first line of page 1 that is one actor's name: the page is about it.
  if (first_line_) {
    first_line_ = false;
    if (page_number_ == 1 && u1 - u0 <= 12) {
      const int g = mentions_.group_at(u0);
      const std::vector<ActorGroup>& groups = mentions_.groups();
      if (g >= 0 && groups[g].members.size() == 1 &&
          (groups[g].u1 - groups[g].u0) * 10 >= (u1 - u0) * 6) {
        subjects_.set_page_subject(mentions_.group_ids(groups[g]));
      }
    }
  }
  // A paragraph naming exactly two countries or blocs reports their talks.
  parties_ = doc_parties_;
  {
    std::vector<std::string> ids;
    for (const NameFound& f : mentions_.names()) {
      if (f.u0 < u0 || f.u0 >= u1) continue;
      if (f.entry->kind != "country" && f.entry->kind != "organisation")
        continue;
      if (std::find(ids.begin(), ids.end(), f.entry->id) == ids.end())
        ids.push_back(f.entry->id);
    }
    if (ids.size() == 2) parties_ = ids;
  }
  std::vector<std::string> header;
  if (may_name_subject(kind))
    header = header_subject(mentions_, kind, u0, u1, le);
  const bool colon = ends_with_colon(line);
  const std::optional<size_t> item = open_list_item(kind, u0, u1);
  if (subjects_.enter_line(kind, header, colon)) {  // a heading only
    list_after_heading(header, u0, u1, colon);
    return;
  }
  const size_t first_out = out_.size();
  narrative_date_.clear();  // a paragraph's event is its own
  earlier_event_ = false;
  paragraph_speaker_.clear();
  continued_speaker_.clear();
  last_subject_.clear();
  for (const TextSpan& s : split_sentences(line)) {
    const size_t sb = lb + s.begin, se = lb + s.end;
    const size_t su0 = mentions_.first_unit_at_or_after(sb);
    const size_t su1 = mentions_.units_end(su0, se);
    if (not_a_statement(su0, su1, sb, se)) continue;
    sentence_b_ = sb;
    sentence_e_ = se;
    {
      constexpr size_t kOpening = 8;  // units in which a sentence opens
      std::string opens =
          passage_date(mentions_, su0, std::min(su1, su0 + kOpening),
                       doc_date_.empty() ? ctx_.issue_date : doc_date_);
      // "khẳng định đến hết hôm nay 30.6, ...": a sentence that names
      // today by its date speaks in the report's present.
      for (size_t u = su0; opens.size() != 10 && u + 2 < su1; ++u) {
        if (mentions_.word(u) == "hôm" && mentions_.word(u + 1) == "nay")
          opens = passage_date(mentions_, u, u + 3,
                               doc_date_.empty() ? ctx_.issue_date : doc_date_);
      }
      if (opens.size() == 10) narrative_date_ = std::move(opens);  // a day
    }
    note_meeting(su0, su1);
    // Only the sentence right after a speaker's goes on with the speech.
    continued_speaker_ = std::move(paragraph_speaker_);
    paragraph_speaker_.clear();
    const std::vector<std::string> line_parties = parties_;
    sentence_parties(su0, su1);
    std::vector<std::string> sentence_subject;
    // "EVN cũng đề nghị ... . Đồng thời kiến nghị Thủ tướng ...": a sentence
    // opening with a connective goes on with the one before's subject.
    if (opens_with_connective(su0, su1)) sentence_subject = last_subject_;
    earlier_event_ = opens_with_earlier(su0, su1) ||
                     (earlier_event_ && opens_with_connective(su0, su1));
    for (const QuotedSpeech& q : quotes_) {  // "“Đề nghị ...” - ông X nói."
      if (sb < q.begin || sb >= q.end) continue;
      continued_speaker_ = q.speaker;
      const std::vector<CueHit> opening =
          find_cues(su0, std::min(su1, su0 + 3));
      if (sentence_subject.empty() && !opening.empty() &&
          opening[0].u0 == su0)  // the speaker's "Đề nghị ..."
        sentence_subject = q.speaker;
    }
    size_t cb = sb;
    for (size_t i = sb; i <= se; ++i) {
      if (i == se || text()[i] == ';') {
        if (cb > sb && sentence_subject.empty())
          sentence_subject = first_clause_subject(su0, cb);
        read_clause(cb, i, su0, su1, sentence_subject);
        cb = i + 1;
      }
    }
    last_subject_ = std::move(sentence_subject);
    // "Với vai trò Chủ tịch ASEAN, Việt Nam đã ...": the actor leads.
    bool role = false;
    const RolePhrase rp = find_role_phrase(mentions_, su0, su1, role);
    if (role) {
      static const StanceCue kRole{"vai trò", Stance::kLeads, kPlainCue, {}};
      CueHit hit;
      hit.cue = &kRole;
      hit.u0 = rp.u0;
      hit.u1 = rp.u1;
      hit.actors = rp.holders;
      const size_t first = out_.size();
      emit(hit, Stance::kLeads, su0, su1);
      // A chair is held for a year ("Chủ tịch ASEAN 2020"), not on a day.
      for (size_t i = first; i < out_.size(); ++i)
        out_[i].date = out_[i].date.substr(0, 4);
    }
    parties_ = line_parties;
  }
  list_after_line(item, first_out, lb, le, u0, u1, colon);
}

bool PageReader::opens_with_earlier(size_t su0, size_t su1) const {
  if (su0 + 2 >= su1) return false;
  const std::string& a = mentions_.word(su0);
  const std::string& b = mentions_.word(su0 + 1);
  return (a == "mới" && b == "đây") || (a == "gần" && b == "đây") ||
         (a == "trước" && b == "đó");
}

// Whether units [su0, su1) open with "Đồng thời", "Ngoài ra", "Bên cạnh
// đó", "Mặt khác" or "Cùng đó": the sentence adds to the one before.
bool PageReader::opens_with_connective(size_t su0, size_t su1) const {
  if (su0 + 2 >= su1) return false;
  const std::string& a = mentions_.word(su0);
  const std::string& b = mentions_.word(su0 + 1);
  return (a == "đồng" && b == "thời") || (a == "ngoài" && b == "ra") ||
         (a == "mặt" && b == "khác") || (a == "cùng" && b == "đó") ||
         (a == "bên" && b == "cạnh" && mentions_.word(su0 + 2) == "đó");
}

// "Tại cuộc gặp Thủ tướng I-ta-li-a ..., hai bên nhất trí ...": a meeting
// with one country named before "hai bên" has that country and the page's
// other side as its sides, whatever the paragraph names.
void PageReader::sentence_parties(size_t su0, size_t su1) {
  size_t both = su1;
  for (size_t u = su0; u + 1 < su1; ++u) {
    if (mentions_.word(u) == "hai" && names_both_sides(mentions_.word(u + 1))) {
      both = u;
      break;
    }
  }
  if (both == su1 || doc_parties_.size() != 2) return;
  std::vector<std::string> ids;
  for (const NameFound& f : mentions_.names()) {
    if (f.u0 < su0 || f.u0 >= both || f.entry->kind != "country") continue;
    if (std::find(ids.begin(), ids.end(), f.entry->id) == ids.end())
      ids.push_back(f.entry->id);
  }
  if (ids.size() != 1) return;
  const std::string& other =
      ids[0] == doc_parties_[0] ? doc_parties_[1] : doc_parties_[0];
  parties_ = {other, ids[0]};
}

// "Thủ tướng X đã đưa ra thông điệp ...; đề nghị G20 ...": the subject of
// the sentence's first clause (bytes before `ce`, from unit su0) when it
// holds no cue: the first actor at its start or after a comma, followed by
// neither a comma nor its end (not "tại Hamburg, CHLB Đức,"), and no object.
std::vector<std::string> PageReader::first_clause_subject(size_t su0,
                                                          size_t ce) const {
  const size_t cu1 = mentions_.units_end(su0, ce);
  return subject_before(opening_subject(su0, cu1), su0, cu1);
}

PageReader::OpeningSubject PageReader::opening_subject(size_t su0,
                                                       size_t cu1) const {
  OpeningSubject s;
  // "Hai bên đánh giá ...; khẳng định ...": both sides of the talks.
  s.both_sides = su0 + 2 < cu1 && mentions_.word(su0) == "hai" &&
                 names_both_sides(mentions_.word(su0 + 1)) &&
                 mentions_.word(su0 + 2) != "khác";
  for (size_t u = su0; u < cu1; ++u) {
    const int gi = mentions_.group_at(u);
    if (gi < 0) continue;
    const ActorGroup& g = mentions_.groups()[gi];
    u = g.u1 - 1;
    if (g.u0 < su0 || g.u1 >= cu1) continue;
    const bool starts =
        g.u0 == su0 || mentions_.between_has(mentions_.unit(g.u0 - 1).end,
                                             mentions_.unit(g.u0).begin, ',');
    if (!starts || mentions_.group_is_object(g, su0) ||
        mentions_.between_has(mentions_.unit(g.u1 - 1).end,
                              mentions_.unit(g.u1).begin, ',')) {
      continue;
    }
    s.group = gi;
    break;
  }
  return s;
}

// Groups are in text order and whether one opens the clause does not
// depend on where the clause is cut: the first that does and ends before
// `u` is the subject at `u`, and none is when it ends later.
std::vector<std::string> PageReader::subject_before(const OpeningSubject& s,
                                                    size_t su0,
                                                    size_t u) const {
  if (s.both_sides && su0 + 2 < u) return parties_;
  if (s.group < 0) return {};
  const ActorGroup& g = mentions_.groups()[s.group];
  if (g.u1 >= u) return {};
  return mentions_.group_ids(g);
}

// Sentences that hold no position whatever their cues: legal boilerplate
// ("Căn cứ Luật ...", "Theo đề nghị của Bộ trưởng ..."), questions and
// hypotheticals (LABELS.md).
bool PageReader::not_a_statement(size_t su0, size_t su1, size_t sb,
                                 size_t se) const {
  // A hypothetical ("Nếu tôi nhận ..., tôi không đồng ý") takes no stance.
  if (su1 > su0 && (mentions_.word(su0) == "nếu" ||
                    (su1 > su0 + 1 && mentions_.word(su0) == "giả" &&
                     mentions_.word(su0 + 1) == "sử"))) {
    return true;
  }
  if (su1 - su0 >= 2) {
    const std::string& w0 = mentions_.word(su0);
    const std::string& w1 = mentions_.word(su0 + 1);
    if (w0 == "căn" && w1 == "cứ") return true;
    if (su1 - su0 >= 4 && w0 == "theo" && w1 == "đề" &&
        mentions_.word(su0 + 2) == "nghị" && mentions_.word(su0 + 3) == "của")
      return true;
  }
  const std::string_view s = std::string_view(text()).substr(sb, se - sb);
  const size_t last = s.find_last_not_of(" \t\r\"”'»)");
  return last != std::string_view::npos && s[last] == '?';
}

// What the stance is about: the words after the cue, to the end of its
// clause, at most 15 (LABELS.md). The clause ends at ";" (also right after
// the cue: "do X dẫn đầu; đoàn EU ..." has none) and before "nhưng", ",
// song", ", đồng thời" (the next clause, with its own cue) or ", vì" (the
// reason). A preposition opening the
// object ("bày tỏ quan ngại về tác động ...", "đồng ý với đề xuất ...") or
// the "sẽ" of a pledge ("khẳng định sẽ hoàn thành ...") is left out: the
// target is what follows it.
std::string PageReader::target_after(size_t u) const {
  const size_t su1 = mentions_.units_end(u, sentence_e_);
  auto gap_has = [this](size_t e, char c) {
    return mentions_.between_has(mentions_.unit(e - 1).end,
                                 mentions_.unit(e).begin, c);
  };
  if (u >= su1 || (u > 0 && gap_has(u, ';'))) return {};
  const std::string& first = mentions_.word(u);
  // "Họp ... do X chủ tọa và đồng chủ tọa bởi ...": the words after a
  // passive cue go on with another verb, and are not what it is about.
  if (first == "và") return {};
  if (u + 1 < su1 &&
      (first == "về" || first == "với" || first == "rằng" || first == "sẽ") &&
      !gap_has(u + 1, ',') && !gap_has(u + 1, ';'))
    ++u;
  size_t e = u;
  while (e < su1 && e - u < 15) {
    if (e > u && gap_has(e, ';')) break;
    const std::string& w = mentions_.word(e);
    if (e > u && w == "nhưng") break;
    if (e > u && gap_has(e, ',') &&
        (w == "song" || w == "vì" ||
         (w == "đồng" && e + 1 < su1 && mentions_.word(e + 1) == "thời")))
      break;
    ++e;
  }
  if (e - u >= 15 && e < su1)  // cut: end on substance, not on "tại", "của"
    while (e > u + 1 && leaves_a_phrase_hanging(mentions_.word(e - 1))) --e;
  const size_t b = mentions_.unit(u).begin;
  return text().substr(b, mentions_.unit(e - 1).end - b);
}

// Whether what follows a speech verb ending before unit `u` is reported
// speech ("khẳng định, Việt Nam ...", "khẳng định rằng", "khẳng định Việt
// Nam ...") rather than a verb of the speaker's own ("khẳng định hỗ trợ").
bool PageReader::reports_speech(size_t u, size_t cu1) const {
  if (u >= cu1) return true;
  const size_t gap_end = mentions_.unit(u).begin;
  const size_t gap_begin = mentions_.unit(u - 1).end;
  if (mentions_.between_has(gap_begin, gap_end, ',') ||
      mentions_.between_has(gap_begin, gap_end, ':') ||
      mentions_.between_has(gap_begin, gap_end, '"')) {
    return true;
  }
  // A noun after the verb: what is affirmed, not a pledge ("khẳng định
  // quan hệ ...", "khẳng định chủ trương ...").
  static const std::unordered_set<std::string> kNounStarts = {
      "rằng", "là", "hai",   "các",   "lập", "tầm",  "mối",   "quan",  "chủ",
      "vai",  "sự", "việc",  "tính",  "ý",   "tinh", "nhu",   "những", "đây",
      "điều", "đó", "chính", "thông", "kết", "tiềm", "thành", "với"};
  // A capitalised word (its analysed form differs): a name, "Biển Đông".
  return kNounStarts.count(mentions_.word(u)) > 0 ||
         mentions_.name_at(u) >= 0 ||
         mentions_.unit(u).kind != TokenKind::kWord ||
         mentions_.word(u) != mentions_.unit_text(u);
}

// The cues of units [cu0, cu1), left to right; none inside a name. Where
// several start at one word, the longest.
std::vector<CueHit> PageReader::find_cues(size_t cu0, size_t cu1) const {
  std::vector<CueHit> hits;
  for (size_t u = cu0; u < cu1;) {
    const StanceCue* best = nullptr;
    if (mentions_.name_at(u) < 0) {
      for (const StanceCue& cue : cues_) {
        if (best != nullptr && cue.terms.size() <= best->terms.size()) continue;
        if (!matches_at(mentions_, u, cu1, cue.terms)) continue;
        bool inside = false;
        for (size_t k = u; k < u + cue.terms.size(); ++k)
          inside = inside || mentions_.name_at(k) >= 0;
        if (!inside) best = &cue;
      }
    }
    if (best == nullptr) {
      ++u;
      continue;
    }
    CueHit hit;
    hit.cue = best;
    hit.u0 = u;
    hit.u1 = u + best->terms.size();
    hits.push_back(std::move(hit));
    u += best->terms.size();
  }
  return hits;
}

void PageReader::read_clause(size_t cb, size_t ce, size_t sentence_u0,
                             size_t sentence_u1,
                             std::vector<std::string>& sentence_subject) {
  const size_t cu0 = mentions_.first_unit_at_or_after(cb);
  const size_t cu1 = mentions_.units_end(cu0, ce);
  if (cu0 == cu1) return;
  std::vector<CueHit> hits = find_cues(cu0, cu1);
  std::vector<CueHit> earlier;
  // "Theo VASEP, việc ... là bất hợp lý": what follows is VASEP's speech.
  // So in a comma segment after an opening ("Tuy nhiên, theo ông X, các
  // biện pháp ... cần ...").
  {
    static const StanceCue kAccordingTo{
        "theo", Stance::kCommits, kReporting, {"theo"}};
    for (size_t u = cu0; u + 1 < cu1; ++u) {
      if (u > cu0 && !mentions_.between_has(mentions_.unit(u - 1).end,
                                            mentions_.unit(u).begin, ','))
        continue;
      size_t t = u;
      if (mentions_.word(t) == "cũng") ++t;
      if (t + 1 >= cu1 || mentions_.word(t) != "theo") continue;
      const int g = mentions_.group_at(t + 1);
      if (g < 0 || mentions_.groups()[g].u0 != t + 1) continue;
      const ActorGroup& group = mentions_.groups()[g];
      if (group.u1 >= cu1 ||
          !mentions_.between_has(mentions_.unit(group.u1 - 1).end,
                                 mentions_.unit(group.u1).begin, ','))
        continue;
      CueHit speech;
      speech.cue = &kAccordingTo;
      speech.u0 = t;
      speech.u1 = t + 1;
      speech.actors = mentions_.group_ids(group);
      paragraph_speaker_ = speech.actors;
      earlier.push_back(std::move(speech));
      break;
    }
  }
  std::optional<OpeningSubject> opening;
  for (size_t h = 0; h < hits.size(); ++h) {
    CueHit& hit = hits[h];
    // "Chủ tịch nước X đánh giá ..., đề nghị hai bên ...": verbs in a
    // series share the subject that opens the clause, when no cue has named
    // the sentence's subject yet.
    std::vector<std::string> series_subject = sentence_subject;
    if (series_subject.empty()) {
      const size_t cue_begin = mentions_.unit(hit.u0).begin;
      if (!opening) opening = opening_subject(cu0, cu1);
      series_subject = subject_before(*opening, cu0, hit.u0);
      // "X xác nhận: 7 ngư dân đã ... và đề nghị ...": what X says has a
      // subject of its own.
      if (mentions_.between_has(mentions_.unit(cu0).begin, cue_begin, ':'))
        series_subject.clear();
    }
    const ClauseContext clause{
        mentions_,      cu0,     cu1, earlier, series_subject, subjects_,
        ctx_.issuer_id, parties_};
    CueResolution r = resolve_cue(hit, clause);
    hit.actors = std::move(r.actors);
    hit.noun = r.noun;
    // "X nhấn mạnh các bên cần ...": X's, whoever the grammatical subject.
    if (hit.cue->roles & kReported) {
      hit.actors.clear();
      const bool adjective =  // "cần thiết"
          hit.u1 < cu1 && mentions_.word(hit.u1) == "thiết";
      bool spoken = false;
      for (size_t e = earlier.size(); e > 0 && !adjective && !hit.noun; --e) {
        if ((earlier[e - 1].cue->roles & kReporting) &&
            !earlier[e - 1].actors.empty()) {
          hit.actors = earlier[e - 1].actors;
          spoken = true;
          break;
        }
      }
      // "Cũng theo Bộ trưởng X, Luật ... . Trong Dự thảo ..., Tổng cục Du
      // lịch cần bổ sung ...": the next sentence of the paragraph goes on
      // with X's speech when it names no speaker of its own.
      if (!spoken && !adjective && !hit.noun && earlier.empty())
        hit.actors = continued_speaker_;
    }
    if ((hit.cue->roles & kReporting) && !hit.actors.empty())
      paragraph_speaker_ = hit.actors;
    // "khẳng định luôn ủng hộ": an adverb of will with no actor right
    // before it is no verb of the clause; the next cue keeps its subject.
    if (hit.actors.empty() && (hit.cue->roles & kAdjacent) &&
        hit.cue->phrase != "sẽ")
      continue;
    earlier.push_back(hit);
    if (hit.actors.empty()) continue;
    // The sentence's subject is its first actor: "Thủ tướng hoan nghênh G20
    // đã nhất trí ...; đề nghị ..." asks on the Prime Minister's behalf.
    if (sentence_subject.empty()) sentence_subject = hit.actors;
    // "Bộ X sẽ thanh tra ..." (a plan), "đánh giá cao vai trò ..." (praise):
    // the cue's subject, but no stance.
    const size_t next_cue = h + 1 < hits.size() ? hits[h + 1].u0 : cu1;
    if (!weak_cue_takes_stance(mentions_, hit, cu0, cu1, earlier, next_cue))
      continue;
    // "vận động X <cue>": the advocacy is the other cue's means.
    if ((hit.cue->roles & kAdvocacy) && h + 1 < hits.size()) continue;
    // "X khẳng định ủng hộ": a speech verb is a commitment only before "sẽ",
    // "tiếp tục", "sẵn sàng" with no other cue after it.
    if (hit.cue->roles & kReporting) {
      // So before a marker of will: "khẳng định quyết tâm thúc đẩy ...",
      // "nhấn mạnh luôn coi trọng ...", "cho biết nỗ lực ...".
      const std::string& after = hit.u1 < cu1 ? mentions_.word(hit.u1) : "";
      const std::string& second =
          hit.u1 + 1 < cu1 ? mentions_.word(hit.u1 + 1) : "";
      bool pledge = after == "sẽ" || after == "tiếp" || after == "sẵn" ||
                    after == "luôn" || (after == "quyết" && second == "tâm") ||
                    (after == "nỗ" && second == "lực");
      bool later = false;
      const bool affirming = hit.cue->roles & kAffirming;
      for (size_t k = h + 1; k < hits.size(); ++k) {
        // "khẳng định (tiếp tục) ủng hộ": the stance is the next cue's.
        if (affirming && hits[k].u0 > hit.u1 + 3) break;
        later = later || !(hits[k].cue->roles & kAdjacent);
      }
      // "phải khẳng định": the speaker's argument, not a pledge.
      const bool modal =
          hit.u0 > cu0 && (mentions_.word(hit.u0 - 1) == "phải" ||
                           mentions_.word(hit.u0 - 1) == "cần");
      if (!pledge && affirming && !modal) pledge = !reports_speech(hit.u1, cu1);
      if (!pledge || later) continue;
    }
    // "X khẳng định sẵn sàng ủng hộ": what X affirms is no stance of its own.
    // Not a verb joined after it: "sẵn sàng tăng cường ... và ủng hộ ...".
    bool framed = false;
    const bool joined =
        hit.u0 > cu0 &&
        (mentions_.word(hit.u0 - 1) == "và" ||
         mentions_.between_has(mentions_.unit(hit.u0 - 1).end,
                               mentions_.unit(hit.u0).begin, ','));
    for (size_t e = 0; e + 1 < earlier.size() && !joined; ++e) {
      framed = framed || ((earlier[e].cue->roles & kFraming) &&
                          earlier[e].actors == hit.actors);
    }
    if (framed) continue;
    Stance stance = r.stance;
    // "X chủ trì, phối hợp với Y ...": a task assignment, not a stance.
    if (stance == Stance::kLeads && hit.u1 + 1 < cu1 &&
        mentions_.word(hit.u1) == "phối" && mentions_.word(hit.u1 + 1) == "hợp")
      continue;
    if (r.negated) {
      if (stance != Stance::kSupports) continue;
      stance = Stance::kOpposes;
    }
    // "Phía EC khẳng định không gỡ thẻ vàng ...": a pledge not to act is a
    // refusal (not "không ngừng", "không có", "không phải", "không thể").
    if ((hit.cue->roles & kAffirming) && hit.u1 + 1 < cu1 &&
        mentions_.word(hit.u1) == "không") {
      static const std::unordered_set<std::string> kNotAVerb = {
          "ngừng", "có", "phải", "thể", "chỉ", "những", "bao", "hề"};
      if (!kNotAVerb.count(mentions_.word(hit.u1 + 1)))
        stance = Stance::kOpposes;
    }
    (void)cb;
    emit(hit, stance, sentence_u0, sentence_u1);
  }
}

}  // namespace kb
