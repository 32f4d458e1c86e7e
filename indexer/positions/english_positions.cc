// Positions in English reports (english_positions.h).
#include "indexer/positions/english_positions.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "indexer/positions/english_asides.h"
#include "indexer/positions/english_cues.h"
#include "indexer/positions/english_speech.h"
#include "indexer/positions/english_subject.h"
#include "indexer/positions/position_key.h"

namespace kb {
namespace {

using english::clause_stance;
using english::contains_any;
using english::Cue;
using english::CueKind;
using english::Span;
using english::starts_with_any;
using english::Subject;

Stance opposite(Stance s) {
  return s == Stance::kOpposes ? Stance::kSupports : Stance::kOpposes;
}

// A cue found in a sentence: where, and which.
struct Found {
  size_t begin = 0, end = 0;
  const Cue* cue = nullptr;
};

std::vector<Found> find_cues(std::string_view lower) {
  std::vector<Found> out;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower[i] < 'a' || lower[i] > 'z') continue;
    for (const Cue& c : english::cues()) {
      if (lower[i] != c.phrase[0]) continue;
      const size_t end = english::match_phrase(lower, i, c.phrase);
      if (end == std::string_view::npos) continue;
      out.push_back({i, end, &c});
      i = end - 1;
      break;
    }
  }
  return out;
}

// Whether the cue at `at` is passive ("was supported", "supported by")
// or negated by a "not" the cue list does not hold ("did not urge").
bool passive_or_negated(std::string_view lower, const Found& f) {
  if (f.cue->kind == CueKind::kLeadBy) return false;
  std::string_view before = lower.substr(0, f.begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  // "China is committed to", "remain committed to": a pledge, not a passive.
  const std::string_view last_word = before.substr(before.rfind(' ') + 1);
  if (f.cue->phrase == "committed" &&
      english::match_phrase(lower, f.end + 1, "to") != std::string_view::npos &&
      (last_word == "is" || last_word == "are" ||
       last_word.starts_with("remain")))
    return false;
  for (std::string_view w : {" was", " were", " be", " been", " being", " is",
                             " are", " not", " the", " a", " its", " their"}) {
    if (before.size() >= w.size() &&
        before.substr(before.size() - w.size()) == w)
      return true;
  }
  const std::string_view after = lower.substr(f.end);
  const size_t b = after.find_first_not_of(' ');
  return b != std::string_view::npos && after.substr(b, 3) == "by ";
}

// The clause boundaries a subject may start after, closest first.
size_t clause_start(std::string_view s) {
  size_t best = 0;
  for (std::string_view b : {", and ", " and ", "; ", ", but ", " but ",
                             ", while ", " while ", " whereas ", ", "}) {
    const size_t at = s.rfind(b);
    if (at != std::string_view::npos && at + b.size() > best)
      best = at + b.size();
  }
  return best;
}

// After the last "but" or "while" of `s`, 0 when none.
size_t contrast_start(std::string_view s) {
  size_t best = 0;
  for (std::string_view b : {" but ", " while ", " whereas "}) {
    const size_t at = s.rfind(b);
    if (at != std::string_view::npos && at + b.size() > best)
      best = at + b.size();
  }
  return best;
}

// An actor's stance in a sentence, with the cue and what follows it.
struct Stated {
  std::string name;  // the actor as written
  Stance stance;
  std::string cue, target;
  // Only an emphasis ("stressed the importance of"): dropped when the
  // actor states another stance in the sentence (english::is_emphasis).
  bool emphasis = false;
};

// At most `n` words of `s`, without trailing punctuation.
std::string first_words(std::string_view s, int n) {
  std::string out;
  int words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word && ++words > n) break;
    in_word = !space;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' ||
                          out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out;
}

class SentenceReader {
 public:
  SentenceReader(const Taxonomy& t, std::vector<std::string>* last)
      : taxonomy_(t), last_(last) {}

  // What the sentence `s` states, in order.
  std::vector<Stated> read(std::string_view s) {
    out_.clear();
    opening_.reset();
    current_supporters_.clear();
    presents_document_ = false;
    current_opponents_.clear();
    // A sentence opening with a party in capitals names the next "He".
    const std::vector<std::string> opening =
        english::leading_capitals(s, taxonomy_);
    const std::string lower = english::ascii_lower(s);
    if (!opening.empty()) {
      *last_ = opening;
    } else if (english::unnamed_speaker(lower)) {
      // "One participant cautioned ... He stressed": not the last named.
      last_->clear();
    }
    std::vector<Found> cues = find_cues(lower);
    // "supported by Y" is an aside on another verb's subject or object.
    std::erase_if(cues, [&](const Found& f) {
      if (f.cue->kind == CueKind::kLeadBy) return false;
      const std::string_view after = std::string_view(lower).substr(f.end);
      const size_t b = after.find_first_not_of(' ');
      return b != std::string_view::npos && after.substr(b, 3) == "by ";
    });
    std::vector<std::string> current;  // the sentence's latest subject
    size_t from = 0;                   // where the next subject may begin
    for (size_t k = 0; k < cues.size(); ++k) {
      const Found& f = cues[k];
      if (f.begin < from) continue;
      if (f.cue->kind == CueKind::kLeadBy) {
        // "a contact group led by X", not "Led by the eloquent X, AOSIS".
        // "Informal consultations will be conducted by X", not "a study
        // conducted by UNEP".
        if ((f.cue->phrase == "led by" || f.cue->phrase == "conducted by") &&
            !english::contains_any(
                std::string_view(lower)
                    .substr(0, f.begin)
                    .substr(f.begin > 16 ? f.begin - 16 : 0),
                {"group ", "consultations ", "discussions ", "delegation ",
                 "talks ", "session ", "dialogue ", "workshop "})) {
          from = f.end;
          continue;
        }
        for (const std::string& n :
             english::names_after_by(s.substr(f.end), taxonomy_))
          add(n, Stance::kLeads, s, f);
        from = f.end;
        continue;
      }
      if (passive_or_negated(lower, f)) {
        from = f.end;
        continue;
      }
      if (f.cue->participle) {
        const bool opens = from == 0 && !opening_;
        participle(s, lower, f, from,
                   k + 1 < cues.size() ? cues[k + 1].begin : s.size(), current);
        from = f.end;
        // "Opposing this proposal, JAPAN and the RUSSIAN FEDERATION noted":
        // the subject begins after the participle's own clause.
        const size_t comma = lower.find(", ", f.end);
        if (opens && opening_ && comma != std::string::npos &&
            (k + 1 >= cues.size() || comma < cues[k + 1].begin))
          from = comma + 2;
        continue;
      }
      // The subject is read even when the verb states nothing: it is who
      // "He" is in the next sentence.
      const std::optional<std::vector<std::string>> who =
          subject_of(s.substr(from, f.begin - from), &current);
      from = f.end;
      if (who && english::reports_a_groups_view(
                     f.cue->phrase, std::string_view(lower).substr(f.end))) {
        current = *who;  // still who "He" is in the next sentence
        break;           // the rest of the sentence is the group's
      }
      if (!who || english::cue_states_no_stance(
                      f.cue->phrase, std::string_view(lower).substr(f.end)))
        continue;
      current = *who;
      // The clause the verb governs: up to the next cue, participles
      // included ("stressed the importance of X, arguing that we must").
      size_t clause_end = s.size();
      for (size_t j = k + 1; j < cues.size(); ++j) {
        if (cues[j].cue->participle) continue;
        clause_end = cues[j].begin;
        break;
      }
      std::optional<Stance> stance = stance_of(lower, f, clause_end);
      if (f.cue->kind == CueKind::kSpeech &&
          english::presents_a_document(
              f.cue->phrase,
              std::string_view(lower).substr(f.end, clause_end - f.end)))
        presents_document_ = true;
      if (chair_procedure(lower, f, current, clause_end)) continue;
      if (!stance) {
        if (opening_) {
          for (const std::string& n : current)
            add(n, opening_->first, s, opening_->second);
          opening_.reset();
        }
        continue;
      }
      if (opening_) {
        for (const std::string& n : current)
          add(n, opening_->first, s, opening_->second);
        opening_.reset();
      }
      const bool emphasis = f.cue->kind == CueKind::kSpeech &&
                            english::is_emphasis(std::string_view(lower).substr(
                                f.end, clause_end - f.end));
      for (const std::string& n : current) add(n, *stance, s, f, emphasis);
      for (const std::string& n : supporters_) add(n, *stance, s, f, emphasis);
      for (const std::string& n : opponents_)
        add(n, opposite(*stance), s, f, emphasis);
      after_verb(s, lower, f, clause_end, *stance);
    }
    // "KUWAIT highlighted the importance of such assistance, and proposed:"
    // proposes; the emphasis only leads up to it.
    std::erase_if(out_, [&](const Stated& o) {
      return o.emphasis &&
             std::any_of(out_.begin(), out_.end(), [&](const Stated& p) {
               return p.name == o.name && !p.emphasis;
             });
    });
    return out_;
  }

 private:
  // The actors before a verb, trying the whole span (from the sentence or
  // the last verb's clause) then its last clause. nullopt: none.
  std::optional<std::vector<std::string>> subject_of(
      std::string_view pre, const std::vector<std::string>* current) {
    supporters_.clear();
    opponents_.clear();
    // Then after the last "but" / "while" ("Australia added that ..., but
    // Malaysia, Brazil, US, the EU and Nauru disagreed"), then after the
    // closest boundary.
    const std::string_view whole = pre;
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (attempt == 1) {
        const size_t cut = contrast_start(whole);
        if (cut == 0 || cut == clause_start(whole)) continue;
        pre = whole.substr(cut);
      } else if (attempt == 2) {
        const size_t cut = clause_start(whole);
        if (cut == 0) break;
        pre = whole.substr(cut);
      }
      const Subject sub = english::parse_subject(pre, taxonomy_);
      switch (sub.kind) {
        case Subject::kNames:
          *last_ = sub.names;
          supporters_ = sub.supporters;
          opponents_ = sub.opponents;
          current_supporters_ = supporters_;
          current_opponents_ = opponents_;
          return sub.names;
        case Subject::kPronoun:
          if (last_->empty()) return std::nullopt;
          return *last_;
        case Subject::kEmpty:
          // "X, supported by Y, said ..., and urged": Y shares the urging.
          if (attempt == 2 && !current->empty()) {
            supporters_ = current_supporters_;
            opponents_ = current_opponents_;
            // "X noted ..., but, supported by SWEDEN, opposed": the aside
            // is this verb's, not the first one's (after_verb).
            aside_of_next_verb(whole);
            return *current;
          }
          break;
        case Subject::kNone:
          break;
      }
    }
    return std::nullopt;
  }

  // ", but, supported by Y," / ", and, opposed by Z," between two verbs of
  // one subject: Y and Z join the second verb only.
  void aside_of_next_verb(std::string_view between) {
    for (const auto& [marker, same] :
         {std::pair<std::string_view, bool>{"supported by ", true},
          {"opposed by ", false}}) {
      const size_t at = english::ascii_lower(between).find(marker);
      if (at == std::string::npos ||
          !english::opens_next_verb_aside(between, at) ||
          !english::only_names(between.substr(at + marker.size())))
        continue;
      std::vector<std::string> names = english::names_after_by(
          between.substr(at + marker.size()), taxonomy_);
      auto& to = same ? supporters_ : opponents_;
      to.insert(to.end(), names.begin(), names.end());
    }
  }

  // A participle (Cue::participle): after "with" its list takes the
  // stance, after a comma the clause's subject `current`.
  void participle(std::string_view s, std::string_view lower, const Found& f,
                  size_t from, size_t clause_end,
                  const std::vector<std::string>& current) {
    const std::optional<Stance> stance = stance_of(lower, f, clause_end);
    if (!stance) return;
    std::string_view pre = lower.substr(from, f.begin - from);
    while (!pre.empty() && pre.back() == ' ') pre.remove_suffix(1);
    // "Warning against X, he said ...": the main verb's subject.
    if (from == 0 && pre.empty()) {
      opening_ = {*stance, f};
      return;
    }
    const size_t with = pre.rfind(" with ");
    if (with != std::string_view::npos) {
      const size_t b = from + with + 6;
      std::vector<std::string> names =
          english::names_in_list(s.substr(b, f.begin - b), taxonomy_);
      if (!names.empty()) {
        for (const std::string& n : names) add(n, *stance, s, f);
        return;
      }
    }
    // After a comma, only for a subject whose verb stated nothing: "X
    // described ..., highlighting the importance of"; "X urged ..., stressing"
    // repeats X's stance in other words.
    // Not after a document presented ("presented a progress report ...,
    // noting that X should"): the document says it.
    if (presents_document_) return;
    if (pre.ends_with(",") || pre.ends_with(", and")) {
      for (const std::string& n : current) {
        const bool stated =
            std::any_of(out_.begin(), out_.end(),
                        [&](const Stated& o) { return o.name == n; });
        if (!stated) add(n, *stance, s, f);
      }
    }
  }

  // What the cue states, with its clause up to `clause_end`: a speech verb
  // by its clause ("said ... should"), "stressed" + a gerund as a call.
  static std::optional<Stance> stance_of(std::string_view lower, const Found& f,
                                         size_t clause_end) {
    const std::string_view clause = lower.substr(f.end, clause_end - f.end);
    if (f.cue->kind != CueKind::kSpeech) {
      // "suggested developed countries are reluctant to": a view of what
      // is, not a proposal; "agreed that these had an important role"
      // concurs with a statement, and supports only what should be.
      // The whole rest of the sentence: a later cue ("progress has been
      // made and should be reflected") may end the clause early.
      const std::string_view rest = lower.substr(f.end);
      if (f.cue->phrase == "suggested" && english::suggests_a_fact(rest))
        return std::nullopt;
      if (f.cue->phrase == "agreed" && starts_with_any(rest, 0, {"that "}) &&
          !clause_stance(rest))
        return std::nullopt;
      // "agreed to CHINA's proposal", "agreed to the text": supports what
      // is on the table; "agreed to work closely" commits.
      if (f.cue->phrase == "agreed to" && english::names_a_thing(rest))
        return Stance::kSupports;
      // "cautioned that blocking this issue was not the way", "warned that
      // parties should not reopen": a caution against it, as "cautioned
      // against" is; "cautioned that CCS funding is falling" a concern.
      if ((f.cue->phrase == "cautioned that" ||
           f.cue->phrase == "warned that") &&
          clause_stance(lower.substr(f.end, clause_end - f.end)) ==
              Stance::kOpposes)
        return Stance::kOpposes;
      return f.cue->stance;
    }
    const std::string_view verb = f.cue->phrase;
    // "noted the contact group's view that", "drew attention to comments
    // that": the stance is the others', not the speaker's. Not "stressed"
    // or "expressed", which state the speaker's own ("expressed the view").
    for (std::string_view reporting :
         {"noted", "noting", "drew attention", "identified", "highlighted",
          "highlighting", "summarized", "recalled", "mentioned", "outlined",
          "reported", "acknowledged", "recognized", "observed", "pointed out",
          "described", "presented", "added", "explained"}) {
      if (verb == reporting && english::reports_views(clause))
        return std::nullopt;
    }
    if ((verb == "noted" || verb == "noting" || verb == "recalled") &&
        english::reports_support(clause))
      return std::nullopt;
    // "presented a progress report ..., noting that the first scholarships
    // should be awarded": what the report says.
    if (english::presents_a_document(verb, clause)) return std::nullopt;
    if (std::optional<Stance> st = clause_stance(clause)) return st;
    if (english::pledges_own_action(clause)) return Stance::kCommits;
    if ((verb.starts_with("stress") || verb.starts_with("emphasi") ||
         verb.starts_with("underscor") || verb.starts_with("underlin") ||
         verb.starts_with("highlight")) &&
        english::opens_with_gerund(clause))
      return Stance::kRequests;
    return std::nullopt;
  }

  // A chair running the meeting ("Co-Chair X requested parties reflect
  // on", "invited delegates to", "proposed holding consultations"):
  // procedure, not a stance. A chair is named so ("Chair Kumarsingh",
  // "ADP Co-Chairs") or by a surname the report gave a chair earlier
  // ("SBI Chair Tomasz Chruszczow ... Chruszczow asked").
  bool chair_procedure(std::string_view lower, const Found& f,
                       const std::vector<std::string>& who, size_t clause_end) {
    bool chair = false;
    for (const std::string& n : who) {
      const std::string_view surname =
          std::string_view(n).substr(n.rfind(' ') + 1);
      const bool titled = n.find("Chair") != std::string::npos ||
                          n.find("President") != std::string::npos ||
                          n.find("acilitator") != std::string::npos;
      if (titled && surname != n && surname.find("Chair") == surname.npos)
        chair_surnames_.insert(std::string(surname));
      chair = chair || titled || chair_surnames_.count(std::string(surname));
    }
    if (!chair) return false;
    const std::string_view after = lower.substr(f.end);
    const std::string_view verb = f.cue->phrase;
    // A chair reporting back ("Facilitator X reported on the need to").
    if (verb == "reported" || verb == "summarized") return true;
    const size_t stop = after.find_first_of(".;");
    const std::string_view clause =
        after.substr(0, stop == std::string_view::npos ? after.size() : stop);
    // A chair telling how the work stands ("indicated that response
    // measures ... required more time and that consultations on ... have
    // concluded"), in the verb's own clause: not "said synergies should be
    // built ... and noted that the findings will go to the next session".
    if (f.cue->kind == CueKind::kSpeech)
      return english::is_meeting_procedure(
          lower.substr(f.end, clause_end - f.end));
    if (verb != "requested" && verb != "asked" && verb != "invited" &&
        verb != "encouraged" && verb != "urged" && verb != "called on" &&
        verb != "proposed" && verb != "suggested" && verb != "sought")
      return false;
    if (starts_with_any(after, 0,
                        {"parties", "the parties", "delegates", "countries",
                         "groups", "all parties", "participants", "them ",
                         "delegations", "all delegates"}))
      return true;
    // How the meeting goes on: who consults, when parties take a text up,
    // how the body starts its work ("proposed holding consultations",
    // "proposed that parties consider the budget proposal overnight").
    return english::is_meeting_procedure(clause);
  }

  // ", supported by Y" / ", opposed by Z" after the verb's object.
  void after_verb(std::string_view s, std::string_view lower, const Found& f,
                  size_t to, Stance stance) {
    const size_t from = f.end;
    const std::string_view clause = lower.substr(from, to - from);
    // "urged, with TUVALU and TANZANIA, a focus on": they join the verb.
    if (clause.starts_with(", with ")) {
      const size_t begin = from + 7;
      for (const std::string& n :
           english::names_after_by(s.substr(begin, to - begin), taxonomy_))
        add(n, stance, s, f);
    }
    for (const auto& [marker, same] :
         {std::pair<std::string_view, bool>{", supported by ", true},
          {", opposed by ", false}}) {
      size_t at = clause.find(marker);
      while (at != std::string_view::npos) {
        // "..., and, supported by Y, opposed": Y is the next verb's; not
        // "..., and, supported by the EU, that targets be expressed".
        if (english::opens_next_verb_aside(clause, at + 1) &&
            english::only_names(s.substr(from + at + marker.size(),
                                         to - (from + at + marker.size())))) {
          at = clause.find(marker, at + 1);
          continue;
        }
        const size_t begin = from + at + marker.size();
        for (const std::string& n :
             english::names_after_by(s.substr(begin, to - begin), taxonomy_))
          add(n, same ? stance : opposite(stance), s, f);
        at = clause.find(marker, at + 1);
      }
    }
  }

  void add(const std::string& name, Stance stance, std::string_view s,
           const Found& f, bool emphasis = false) {
    for (Stated& o : out_) {
      if (o.name != name || o.stance != stance) continue;
      o.emphasis = o.emphasis && emphasis;
      return;
    }
    out_.push_back({name, stance,
                    std::string(s.substr(f.begin, f.end - f.begin)),
                    first_words(s.substr(f.end), 15), emphasis});
  }

  const Taxonomy& taxonomy_;
  std::vector<std::string>* last_;  // the last subject named (for "He")
  std::vector<std::string> supporters_, opponents_;
  // Those of the sentence's latest subject, for a verb that shares it.
  std::vector<std::string> current_supporters_, current_opponents_;
  std::vector<Stated> out_;
  std::set<std::string> chair_surnames_;  // of "Chair X" named so far
  // The sentence's speaker presents a document (presents_a_document).
  bool presents_document_ = false;
  // A participle opening the sentence, waiting for the main verb's subject.
  std::optional<std::pair<Stance, Found>> opening_;
};

}  // namespace

std::vector<ExtractedPosition> extract_english_positions(
    const std::vector<std::string>& pages, const PositionContext& ctx,
    const Taxonomy& taxonomy) {
  std::vector<ExtractedPosition> out;
  if (pages.empty()) return out;
  const ReportHead head = english_report_head(pages[0]);
  std::string date = head.date.empty() ? ctx.issue_date : head.date;
  const TaxonomyEntry* forum =
      head.forum.empty() ? nullptr
                         : taxonomy.resolve(head.forum, {"forum", "process"});
  std::vector<std::string> topics = ctx.topics;
  if (topics.size() > 3) topics.resize(3);
  std::vector<std::string> last;
  SentenceReader reader(taxonomy, &last);
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    const std::string& page = pages[pi];
    for (const Span& sp : english::split_sentences(page)) {
      const std::string_view s =
          std::string_view(page).substr(sp.begin, sp.end - sp.begin);
      if (s[0] == '#') {
        last.clear();  // a heading: a new speaker follows
        continue;
      }
      if (std::string day = named_day(s, date); !day.empty())
        date = std::move(day);
      for (Stated& st : reader.read(s)) {
        const std::string& name = st.name;
        const Stance stance = st.stance;
        const TaxonomyEntry* e = taxonomy.resolve(
            name, {"country", "organisation", "network", "agency"});
        // No one named: "The Chair suggested", "Ultimately, parties agreed"
        // (not "Italy, supported by France, ...").
        if (e == nullptr &&
            (english::is_bare_role(name) || english::is_connective(name, s)))
          continue;
        ExtractedPosition p;
        p.actor = e ? e->id : open_actor_id(name);
        if (p.actor.empty()) continue;
        p.actor_name = name;
        p.stance = stance;
        if (forum != nullptr)
          (forum->kind == "forum" ? p.forum : p.process) = forum->id;
        p.forum_name = head.forum;
        p.topics = topics;
        p.date = date;
        p.quote = std::string(s);
        p.cue = std::move(st.cue);
        p.target = std::move(st.target);
        p.page = static_cast<uint32_t>(pi + 1);
        p.begin = static_cast<uint32_t>(sp.begin);
        p.end = static_cast<uint32_t>(sp.end);
        p.key = position_key(p.actor, p.stance, p.quote);
        out.push_back(std::move(p));
      }
    }
  }
  return out;
}

}  // namespace kb
