// PageReader: what a stance found on a page becomes, one position per actor
// with its quote, date, process, forum and topics (page_reader.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "indexer/positions/forum_names.h"
#include "indexer/positions/page_reader.h"
#include "indexer/positions/passage_date.h"
#include "indexer/positions/position_key.h"
#include "indexer/positions/sentences.h"

namespace kb {

// Writes `hit`'s positions with `stance`, quoting the sentence being read
// (units [su0, su1)): as people cite it; its clauses (";") only scope the
// subject.
void PageReader::emit(const CueHit& hit, Stance stance, size_t su0,
                      size_t su1) {
  const TextSpan quote = trim_quote(text(), sentence_b_, sentence_e_);
  SentenceFacts facts = facts_of(su0, su1);
  // The statement's date is one stated before its cue ("Ngày 7/7/2017,
  // Thủ tướng ... đề nghị"); a date after it belongs to what it is about,
  // and so does one in a "khi" clause after the subject, the time of an
  // event the speaker recalls ("Tổng thống X nhắc lại những kỷ niệm khi
  // thăm ... tháng 9/2014 và khẳng định"). Else the report's (its
  // meeting's, else its dateline's: report_date).
  size_t date_end = hit.u0;
  for (size_t u = su0 + 1; u < hit.u0; ++u) {
    if (mentions_.word(u) == "khi") {
      date_end = u;
      break;
    }
  }
  facts.date = passage_date(mentions_, su0, date_end,
                            doc_date_.empty() ? ctx_.issue_date : doc_date_);
  facts.own_date = !facts.date.empty();
  if (!facts.own_date) facts.date = narrative_date_;
  if (facts.date.empty()) facts.date = doc_date_;
  if (facts.date.empty()) facts.date = ctx_.issue_date;
  // An earlier event ("Mới đây, Bộ Tài chính ... đề xuất ...") is not of
  // the report's day: only its year is known.
  if (!facts.own_date && earlier_event_) facts.date = facts.date.substr(0, 4);
  add_positions(hit, stance, norm_.to_page(quote.begin, false),
                norm_.to_page(quote.end, true), facts);
}

// "Phát biểu tại Diễn đàn Doanh nghiệp Việt Nam 2020, ông Hong Sun ...":
// the meeting where what follows was said, the forum of the page's later
// positions that have no other. Not a meeting to come ("Tại Hội nghị Bộ
// trưởng ASEAN-EU sắp tới, hai bên dự kiến sẽ thông qua ...").
void PageReader::note_meeting(size_t su0, size_t su1) {
  for (size_t u = su0; u + 1 < su1; ++u) {
    if (mentions_.word(u) != "tại") continue;
    // Only a name that starts right after "tại" counts, and no name runs
    // past 14 units after its head: the rest of the sentence is not read.
    std::string met = named_forum(mentions_, u + 1, std::min(su1, u + 18));
    const size_t mb = mentions_.unit(u + 1).begin;
    if (met.empty() || std::string_view(text()).substr(mb, met.size()) != met)
      continue;
    const std::string_view after =
        std::string_view(text()).substr(mb + met.size(), 16);
    bool to_come = false;
    for (std::string_view w : {" sắp", " tới", " tiếp theo", " sẽ", " dự kiến"})
      to_come = to_come || after.substr(0, w.size()) == w;
    if (!to_come) met_forum_ = std::move(met);
    return;
  }
}

const PageReader::SentenceFacts& PageReader::facts_of(size_t su0, size_t su1) {
  if (!facts_ || facts_u0_ != su0 || facts_u1_ != su1) {
    facts_ = sentence_facts(su0, su1);
    facts_u0_ = su0;
    facts_u1_ = su1;
  }
  return *facts_;
}

// Process and forum: named in the sentence, else (add_positions) the
// actor's, else the document's. Topics: the sentence's, else the
// document's first three. The date is read_clause's.
PageReader::SentenceFacts PageReader::sentence_facts(size_t su0,
                                                     size_t su1) const {
  SentenceFacts f;
  for (size_t u = su0; u < su1; ++u) {
    const int fi = mentions_.name_at(u);
    if (fi < 0) continue;
    const NameFound& name = mentions_.names()[fi];
    if (!name.process || name.u0 != u) continue;
    const TaxonomyEntry* e = name.entry;
    if (e->kind == "forum" && f.forum.empty()) f.forum = e->id;
    if (e->kind == "process" && f.process.empty()) f.process = e->id;
  }
  if (f.process.empty() && !f.forum.empty())
    f.process = index_.process_of_forum(f.forum);
  f.forum_name = named_forum(mentions_, su0, su1);
  if (f.forum_name.empty() && !f.forum.empty())
    f.forum_name = mentions_.name_of(f.forum);
  f.draft = named_draft(mentions_, su0, su1);
  for (const auto& [u, entry] : mentions_.topics()) {
    if (u < su0 || u >= su1) continue;
    if (std::find(f.topics.begin(), f.topics.end(), entry->id) ==
        f.topics.end()) {
      f.topics.push_back(entry->id);
    }
  }
  if (f.topics.empty()) {
    for (size_t i = 0; i < ctx_.topics.size() && i < 3; ++i)
      f.topics.push_back(ctx_.topics[i]);
  }
  return f;
}

// The process of the first actor named in the current sentence that
// belongs to one (member_of, or its own name), or empty.
std::string PageReader::process_of_named_actor() const {
  const size_t su0 = mentions_.first_unit_at_or_after(sentence_b_);
  const size_t su1 = mentions_.units_end(su0, sentence_e_);
  for (const NameFound& f : mentions_.names()) {
    if (f.u0 < su0 || f.u0 >= su1 || f.process) continue;
    std::string process = index_.process_of_actor(f.entry->id);
    if (!process.empty()) return process;
  }
  return {};
}

// One position per actor of `hit` quoting page bytes [begin, end), unless
// the same actor already takes the same stance in that quote.
void PageReader::add_positions(const CueHit& hit, Stance stance, uint32_t begin,
                               uint32_t end, const SentenceFacts& facts) {
  const size_t cue_begin = mentions_.unit(hit.u0).begin;
  const std::string cue_text(std::string_view(text()).substr(
      cue_begin, mentions_.unit(hit.u1 - 1).end - cue_begin));
  for (const std::string& actor : hit.actors) {
    bool dup = false;
    for (const ExtractedPosition& p : out_) {
      dup = dup || (p.page == page_number_ && p.begin == begin &&
                    p.end == end && p.actor == actor && p.stance == stance);
    }
    if (dup) continue;
    ExtractedPosition p;
    p.actor = actor;
    p.actor_name = mentions_.name_of(actor);
    p.stance = stance;
    p.forum = facts.forum;
    if (p.forum.empty() && facts.forum_name.empty()) p.forum = doc_forum_.id;
    // The meeting the sentence names, else the document's; a draft law
    // the sentence names stands before the title's draft, not before a
    // meeting.
    p.forum_name =
        facts.forum_name.empty() ? doc_forum_.name : facts.forum_name;
    if (facts.forum_name.empty() && !facts.draft.empty() &&
        (doc_forum_.name.empty() || is_draft_forum(doc_forum_.name)))
      p.forum_name = facts.draft;
    if (p.forum_name.empty()) p.forum_name = met_forum_;
    p.target = target_after(hit.u1);
    p.process = facts.process;
    if (p.process.empty() && !p.forum.empty())
      p.process = index_.process_of_forum(p.forum);
    if (p.process.empty()) p.process = index_.process_of_actor(actor);
    // "Họp Nhóm nòng cốt đa bên do Tổng cục LN chủ tọa": the process of a
    // group the sentence names (the meeting is the group's).
    if (p.process.empty()) p.process = process_of_named_actor();
    if (p.process.empty()) p.process = doc_process_;
    p.topics = facts.topics;
    p.date = facts.date;
    p.date_from_passage = facts.own_date;
    p.quote = page_.substr(begin, end - begin);
    p.page = page_number_;
    p.begin = begin;
    p.end = end;
    p.cue = cue_text;
    p.key = position_key(p.actor, p.stance, p.quote);
    out_.push_back(std::move(p));
  }
}

}  // namespace kb
