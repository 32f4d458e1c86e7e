// Reading one page for positions: line by line (keeping the subject state),
// sentence by sentence, clause by clause; finding the cues of a clause,
// resolving them and writing a position for each actor.
#ifndef VNKB_INDEXER_POSITIONS_PAGE_READER_H_
#define VNKB_INDEXER_POSITIONS_PAGE_READER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indexer/positions/actor_index.h"
#include "indexer/positions/cue_lexicon.h"
#include "indexer/positions/extractor.h"
#include "indexer/positions/mentions.h"
#include "indexer/positions/normalized_page.h"
#include "indexer/positions/quoted_speech.h"
#include "indexer/positions/resolution.h"
#include "indexer/positions/sentences.h"
#include "indexer/positions/subject_state.h"

namespace kb {

// One use per page. REQUIRES: every reference outlives the reader.
class PageReader {
 public:
  // `page` is page `page_number` (1-based) of the document; `doc_process`
  // the process the document names (may be empty); positions are appended
  // to `out`, where those of earlier pages may already be.
  PageReader(const ActorIndex& index, const std::vector<StanceCue>& cues,
             const std::string& page, uint32_t page_number,
             const PositionContext& ctx, const std::string& doc_process,
             const std::string& doc_date, std::vector<ExtractedPosition>& out);

  void run();

  // The meeting or statement the document's opening names: the forum of
  // positions whose sentence names none. Read from page 1's first lines;
  // pass it on to the readers of later pages.
  struct DocForum {
    std::string id;    // a forum of the taxonomy, or empty
    std::string name;  // as the text names it (forum_names.h)
  };
  const DocForum& doc_forum() const { return doc_forum_; }
  void set_doc_forum(DocForum forum) { doc_forum_ = std::move(forum); }

 private:
  // What a sentence says besides its cues: the positions' process, forum,
  // topics and date.
  struct SentenceFacts {
    std::string process, forum;
    std::string forum_name;  // as the sentence names it
    std::string draft;       // a draft law or decree it names (named_draft)
    std::vector<std::string> topics;
    std::string date;
    bool own_date = false;
  };

  const std::string& text() const { return norm_.text(); }
  // Sets met_forum_ to the meeting units [su0, su1) say they speak at.
  void note_meeting(size_t su0, size_t su1);
  void read_line(size_t lb, size_t le);
  void read_clause(size_t cb, size_t ce, size_t sentence_u0, size_t sentence_u1,
                   std::vector<std::string>& sentence_subject);
  // The sentence being read, bytes [sentence_b_, sentence_e_): the quote.
  size_t sentence_b_ = 0, sentence_e_ = 0;
  std::vector<CueHit> find_cues(size_t cu0, size_t cu1) const;
  bool reports_speech(size_t u, size_t cu1) const;
  std::string target_after(size_t u) const;
  std::string process_of_named_actor() const;
  bool not_a_statement(size_t su0, size_t su1, size_t sb, size_t se) const;
  std::vector<std::string> first_clause_subject(size_t su0, size_t ce) const;
  // first_clause_subject read once for every cue of a clause that opens at
  // unit su0 and ends before unit cu1: "hai bên" opens it, or `group` is
  // the subject of a cue after its end (-1: none).
  struct OpeningSubject {
    bool both_sides = false;
    int group = -1;
  };
  OpeningSubject opening_subject(size_t su0, size_t cu1) const;
  // The subject of a cue at unit `u` of that clause.
  std::vector<std::string> subject_before(const OpeningSubject& s, size_t su0,
                                          size_t u) const;
  void sentence_parties(size_t su0, size_t su1);
  bool opens_with_connective(size_t su0, size_t su1) const;
  // Whether units [su0, su1) open with "Mới đây", "Gần đây" or "Trước đó".
  bool opens_with_earlier(size_t su0, size_t su1) const;
  SentenceFacts sentence_facts(size_t su0, size_t su1) const;
  // sentence_facts of units [su0, su1), read once a sentence: a sentence
  // with many cues (a one-line file without full stops is one sentence)
  // would otherwise be read again at each.
  const SentenceFacts& facts_of(size_t su0, size_t su1);
  size_t facts_u0_ = 0, facts_u1_ = 0;
  std::optional<SentenceFacts> facts_;
  void emit(const CueHit& hit, Stance stance, size_t su0, size_t su1);
  // Lists of proposals (proposal_lists.h; page_lists.cc). Where the item
  // of the open list that line units [u0, u1) hold begins; nullopt when
  // no list is open or the line is no item.
  std::optional<size_t> open_list_item(LineKind kind, size_t u0,
                                       size_t u1) const;
  // After a heading line "X kiến nghị:" whose subject is `header`.
  void list_after_heading(const std::vector<std::string>& header, size_t u0,
                          size_t u1, bool colon);
  // After the sentences of line [lb, le) (units [u0, u1)), which wrote
  // out_[first_out, ...): an item of the open list gets its position, a
  // line closing on "X kiến nghị:" opens a list, any other closes it.
  void list_after_line(std::optional<size_t> item, size_t first_out, size_t lb,
                       size_t le, size_t u0, size_t u1, bool colon);
  void add_positions(const CueHit& hit, Stance stance, uint32_t begin,
                     uint32_t end, const SentenceFacts& facts);

  const ActorIndex& index_;
  const std::vector<StanceCue>& cues_;
  const std::string& page_;
  const NormalizedPage norm_;
  const PageMentions mentions_;
  const std::vector<QuotedSpeech> quotes_;  // the page's, in text order
  const uint32_t page_number_;
  const PositionContext& ctx_;
  const std::string& doc_process_;
  const std::string& doc_date_;  // report_date: before ctx.issue_date
  std::vector<ExtractedPosition>& out_;

  // The list of proposals open: its announcer's actors and stance.
  struct OpenList {
    std::vector<std::string> actors;
    Stance stance = Stance::kProposes;
    const StanceCue* cue = nullptr;
  };
  std::optional<OpenList> list_;

  DocForum doc_forum_;
  // The last meeting a sentence of the page says it speaks at ("tại Diễn
  // đàn ..."): the forum of later positions that have no other.
  std::string met_forum_;
  std::vector<std::string> doc_parties_;  // the page's two sides
  std::vector<std::string> parties_;      // the line's: ClauseContext::parties
  SubjectState subjects_;
  bool first_line_ = true;
  // The day the last sentence of the paragraph opening with one gave
  // ("Ngày 5/7, Phó Thủ tướng ... . Phó Thủ tướng bày tỏ mong muốn ..."):
  // the event the paragraph's next sentences tell of.
  std::string narrative_date_;
  // Whether the sentence being read tells of an event before the report's
  // ("Mới đây, Bộ Tài chính ... đề xuất", "Trước đó, ...", and a sentence
  // that adds to one: "Bên cạnh đó, ..."): dated by the report's year only.
  bool earlier_event_ = false;
  // The actors of the sentence's speech verb or "Theo X," (the last one),
  // and those of the sentence before in the paragraph, whose speech this
  // sentence goes on with when it names no speaker of its own.
  std::vector<std::string> paragraph_speaker_, continued_speaker_;
  // The subject of the paragraph's sentence before (its first actor).
  std::vector<std::string> last_subject_;
};

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_PAGE_READER_H_
