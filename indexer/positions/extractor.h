// Negotiation positions: passages in which an actor of the taxonomy (agency,
// network, organisation, country) takes a stance (supports, opposes,
// proposes, requests, commits, leads, is concerned), with the process or
// forum it concerns, the topics, the date, the exact quote and its page.
//
// How a position is read (precision before recall), and where:
//   - Sentences are split on lines and on . ! ? before a capital
//     (sentences.h); clauses on ";" (page_reader.cc). The quote is the
//     clause holding the cue.
//   - Cues are Vietnamese phrases, listed with their stance in the data file
//     cue_lexicon.tsv (cue_lexicon.h). "không"/"chưa" before a cue turns
//     "ủng hộ" into opposes and cancels the others. A cue used as a noun
//     ("hồ sơ đề nghị", "cơ quan chủ trì", "các khoản ủng hộ") is no stance
//     unless "của <actor>" follows ("Theo đề nghị của Bộ trưởng Bộ Tư pháp"
//     -> the ministry proposes). (resolution.h, word_lists.h)
//   - The actor is the subject before the cue in the same clause, skipping
//     objects ("phối hợp với X", "báo cáo X", "của X"); co-subjects joined by
//     "," or "và" all take the stance (mentions.h). A passive agent counts
//     ("do X chủ trì", "được X ủng hộ", "chủ tọa bởi X"); when the agent is
//     not an actor of the taxonomy there is no position. After a causative
//     verb ("vận động", "chỉ đạo", "đề nghị" ... X <cue>) the stance is X's.
//     Verbs sharing a subject share it ("X chủ trì, đề xuất ...").
//   - A clause that starts with its cue ("a) Chủ trì, phối hợp ...") takes
//     its subject from the heading above it ("1. Bộ Ngoại giao:", "Điều 13.
//     Trách nhiệm của Bộ Tài chính", "Bộ Công an có trách nhiệm:"), else
//     from a page whose first line names one actor (subject_state.h). A
//     clause starting with "Đề nghị <actor>" is a request of the document's
//     issuer.
//   - Some cues are a stance only in some uses ("sẽ" said or willed,
//     "đánh giá cao" of a proposal, not a ceremony's "chủ trì":
//     weak_cues.h); short references ("Tập đoàn", "doanh nghiệp này",
//     "chúng tôi") are the actor named before them (references.h).
//   - Process: a process or forum named in the sentence (a name that is both
//     a network and a process is read as the process); else the process the
//     actor belongs to (member_of, or named in its own name: "Nhóm nòng cốt
//     đa bên về Hiệp định VPA/FLEGT"); else a process named in the
//     document's title or its first short lines. A forum gives its process
//     (actor_index.h).
#ifndef VNKB_INDEXER_POSITIONS_EXTRACTOR_H_
#define VNKB_INDEXER_POSITIONS_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/stances.h"
#include "core/taxonomy.h"
#include "indexer/positions/position_key.h"

namespace kb {

// What the document says about itself (from extract_metadata and
// tag_document); every field may be empty.
struct PositionContext {
  std::string issue_date;  // YYYY-MM-DD (or YYYY-MM, YYYY): positions' default
  std::string issuer_id;   // taxonomy id of the issuer ("ttg")
  std::vector<std::string> topics;  // document topics, strongest first
  std::string title;  // a process named here is the document's process
  // The document type (DocMetadata::type: "Quyết định", "Tin bài", ...). A
  // legal instrument records assignments and boilerplate, not positions:
  // is_legal_instrument types give none.
  std::string doc_type;
  // The document's language (DocMetadata::language): "en" is read by the
  // English rules (english_positions.h), anything else by the Vietnamese.
  std::string language;
};

// Whether documents of type `doc_type` (DocMetadata::type) or whose first
// lines `head` name them a court precedent ("ÁN LỆ SỐ 34/2020/AL") or an
// article of the codification ("Điều 40.1.LQ.1. ...") are legal
// instruments, which hold no negotiation positions.
bool is_legal_instrument(std::string_view doc_type, std::string_view head);

struct ExtractedPosition {
  // Stable across re-indexing: position_key(actor, stance, quote). A
  // librarian's correction names this key.
  std::string key;
  // Taxonomy id (agency, network, organisation, country), or for an actor
  // the taxonomy does not know, "x:" + its folded name with "-" between
  // words (open_actor_id), which no taxonomy id can be (ids are [a-z0-9-]).
  std::string actor;
  // The actor as the text names it ("Hiệp hội Nhựa Việt Nam", "Bộ
  // Công Thương"); for a person speaking for an organisation, the
  // organisation's name as written.
  std::string actor_name;
  Stance stance = Stance::kSupports;
  std::string process;  // taxonomy id of kind "process", or empty
  std::string forum;    // taxonomy id of kind "forum", or empty
  // The forum or process as the text names it: a meeting or statement the
  // sentence names ("Hội nghị Thượng đỉnh G20", forum_names.h), else the
  // taxonomy's forum as the sentence writes it ("EVFTA"), else the meeting
  // the document's opening names; may be set without `forum`.
  std::string forum_name;
  // What the stance is about: at most 15 syllables after the cue, within
  // its sentence and clause (";").
  std::string target;
  std::vector<std::string> topics;  // topic ids: the passage's, else the
                                    // document's (at most three)
  // YYYY-MM-DD, YYYY-MM or YYYY: the passage's own date when it states one
  // (date_from_passage), else PositionContext::issue_date (may be empty).
  std::string date;
  bool date_from_passage = false;
  // The clause holding the cue, trimmed; always equal to
  // pages[page - 1].substr(begin, end - begin).
  std::string quote;
  uint32_t page = 0;  // 1-based
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string cue;  // the cue as written in the text ("chủ trì")
};

// The extraction, with what it derives from a taxonomy built once.
// Thread-safe: extract() only reads. REQUIRES: `taxonomy` outlives this.
class PositionExtractor {
 public:
  explicit PositionExtractor(const Taxonomy& taxonomy);
  ~PositionExtractor();
  PositionExtractor(PositionExtractor&&) noexcept;
  PositionExtractor& operator=(PositionExtractor&&) noexcept;

  // The positions of a document whose pages (page 1 first) are `pages`, as
  // extract_file returns them (NFC; other text is normalised first and the
  // offsets still point into the page as given). In page and text order.
  std::vector<ExtractedPosition> extract(const std::vector<std::string>& pages,
                                         const PositionContext& ctx) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience: PositionExtractor(taxonomy).extract(pages, ctx).
std::vector<ExtractedPosition> extract_positions(
    const std::vector<std::string>& pages, const PositionContext& ctx,
    const Taxonomy& taxonomy);

}  // namespace kb

#endif  // VNKB_INDEXER_POSITIONS_EXTRACTOR_H_
