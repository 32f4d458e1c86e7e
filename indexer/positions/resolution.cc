// Cue resolution, one named step at a time (resolution.h).
#include "indexer/positions/resolution.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "indexer/positions/word_lists.h"

namespace kb {
namespace {

class CueResolver {
 public:
  CueResolver(const CueHit& hit, const ClauseContext& clause)
      : cue_(*hit.cue),
        clause_(clause),
        page_(clause.page),
        c0_(hit.u0),
        c1_(hit.u1),
        prev_(c0_ > clause.u0 ? page_.word(c0_ - 1) : std::string()),
        prev2_(c0_ > clause.u0 + 1 ? page_.word(c0_ - 2) : std::string()) {}

  CueResolution run();

 private:
  const std::string& word(size_t u) const { return page_.word(u); }
  // Whether the bytes between units a and b hold `c`.
  bool gap_has(size_t a, size_t b, char c) const {
    return page_.between_has(page_.unit(a).end, page_.unit(b).begin, c);
  }
  bool has(CueRole role) const { return (cue_.roles & role) != 0; }

  bool negated_before() const;
  bool addresses_actor() const;
  bool addresses_agent_noun() const;
  std::vector<std::string> possessive_actors() const;
  bool used_as_noun() const;
  bool agreed_to() const;
  std::optional<std::vector<std::string>> subject_before() const;
  bool in_object_list(const ActorGroup& g) const;
  bool asked_by_earlier_cue(size_t u) const;
  bool cue_starts_clause() const;
  std::vector<std::string> referent_subject() const;
  std::vector<std::string> document_issuer() const;

  const StanceCue& cue_;
  const ClauseContext& clause_;
  const PageMentions& page_;
  const size_t c0_, c1_;            // the cue's units [c0_, c1_)
  const std::string prev_, prev2_;  // the two words before it in the clause
};

CueResolution CueResolver::run() {
  CueResolution r;
  r.stance = cue_.stance;
  r.negated = negated_before();
  const bool after_colon = c1_ < clause_.u1 && gap_has(c1_ - 1, c1_, ':');
  if (has(kLabelOnly)) {  // "Điều hành: X"
    if (after_colon) r.actors = page_.actors_after(c1_, clause_.u1, false);
    return r;
  }
  if (after_colon) {  // "Đề xuất, kiến nghị:" (a form's heading)
    r.noun = true;
    return r;
  }
  // "X có thể đề xuất ...": what X may do (a procedure, a hypothetical)
  // is no stance (LABELS.md).
  if (prev2_ == "có" && prev_ == "thể") {
    r.noun = true;
    return r;
  }
  // "đề nghị X ...": a request to X; without an addressee, a proposal.
  const bool addressee_actor = addresses_actor();
  if (addressee_actor || addresses_agent_noun() ||
      cue_.stance == Stance::kRequests) {
    r.stance = Stance::kRequests;
  }
  // "đầu mối là X", "<cue> bởi X".
  if (has(kAgentAfter)) {
    r.actors = page_.actors_after(c1_, clause_.u1, false);
    return r;
  }
  if (c1_ < clause_.u1 && word(c1_) == "bởi") {
    r.actors = page_.actors_after(c1_ + 1, clause_.u1, true);
    return r;
  }
  const std::vector<std::string> possessive = possessive_actors();
  // A noun: only "của X" names whose it is ("Theo đề nghị của Bộ trưởng Bộ
  // X", "cam kết của Chính phủ").
  // A noun is no stance, even with "của X": "Theo đề nghị của Bộ trưởng Bộ
  // X" names who submitted a draft (boilerplate), "đề xuất của các tỉnh"
  // what others said.
  // "X đã gửi thư kêu gọi Y ...", "X có Tờ trình số 02 đề nghị ...": what
  // X's letter asks, X asks.
  {
    std::vector<std::string> issuer = document_issuer();
    if (!issuer.empty()) {
      r.actors = std::move(issuer);
      return r;
    }
  }
  if (used_as_noun()) {
    r.noun = true;
    // "nhờ sự ủng hộ của Chính phủ Ấn Độ", "sự nhất trí của hai nước": a
    // stance named by its event noun is the stance of whose it is. Not a
    // proposal or request ("theo đề nghị của X", boilerplate, LABELS.md),
    // nor a commitment, nor what is needed ("phải có sự cam kết của Chính
    // phủ mới giải quyết được": a condition).
    const bool needed = c0_ >= clause_.u0 + 2 && word(c0_ - 2) == "có";
    if (prev_ == "sự" && !needed &&
        (cue_.stance == Stance::kSupports || cue_.stance == Stance::kOpposes ||
         cue_.stance == Stance::kConcerned || cue_.stance == Stance::kLeads))
      r.actors = possessive;
    // "đồng ý với đề nghị của X", "thống nhất với đề xuất của X": what one
    // side agrees to, the other proposed (asked); X's stance, as the labels
    // count it. Only as the object of a verb of support in the clause, so
    // "theo đề nghị của X" (boilerplate) stays no stance.
    if ((r.stance == Stance::kProposes || r.stance == Stance::kRequests) &&
        agreed_to())
      r.actors = possessive;
    return r;
  }
  // "Việt Nam sẽ ...": only right after the actor, or after one adverb of
  // the actor's ("Bộ Công Thương cũng sẽ ...").
  if (has(kAdjacent)) {
    size_t a = c0_;
    if (a > clause_.u0 + 1 && (prev_ == "cũng" || prev_ == "vẫn" ||
                               prev_ == "đều" || prev_ == "luôn"))
      --a;
    const int g = a > clause_.u0 ? page_.group_at(a - 1) : -1;
    if (g >= 0 && page_.groups()[g].u0 >= clause_.u0 &&
        !page_.group_is_object(page_.groups()[g], clause_.u0)) {
      r.actors = page_.group_ids(page_.groups()[g]);
    }
    return r;
  }
  if (std::optional<std::vector<std::string>> s = subject_before()) {
    r.actors = std::move(*s);
    return r;
  }
  {
    std::vector<std::string> referent = referent_subject();
    if (!referent.empty()) {
      r.actors = std::move(referent);
      return r;
    }
  }
  // "Bộ X đã ban hành nhiều văn bản ... và yêu cầu các chủ hồ chứa ...":
  // a verb joined by "và"/"đồng thời" shares the subject opening the
  // clause (ClauseContext::sentence_subject), however long the verb before.
  if (!cue_starts_clause()) {
    if (prev_ == "và" || (prev_ == "thời" && prev2_ == "đồng"))
      r.actors = clause_.sentence_subject;
    return r;
  }
  if (c1_ < clause_.u1 && shows_noun_subject(word(c1_))) {
    r.noun = true;  // "Đồng chủ tọa có trách nhiệm ..."
    return r;
  }
  // Only the sentence's own subject: a subject from the headings above
  // ("1. Bộ Ngoại giao: a) Chủ trì, phối hợp ...") or the issuer of a
  // decision ("Đề nghị Bộ X ...") is a task assignment, not a position. A
  // request after ";" in a report shares the sentence's subject ("Thủ
  // tướng hoan nghênh ...; đề nghị G20 ..."); one opening a sentence has
  // none.
  if (possessive.empty()) r.actors = clause_.sentence_subject;
  return r;
}

bool CueResolver::negated_before() const {
  return prev_ == "không" || prev_ == "chưa" || prev_ == "chẳng" ||
         (prev_ == "hề" && (prev2_ == "không" || prev2_ == "chưa"));
}

// "đề nghị Bộ X", "đề nghị với Bộ X".
bool CueResolver::addresses_actor() const {
  const size_t end = clause_.u1;
  return has(kAddressee) && c1_ < end &&
         (!page_.actors_after(c1_, end, false).empty() ||
          (word(c1_) == "với" &&
           !page_.actors_after(c1_ + 1, end, false).empty()));
}

// "đề nghị các bộ ...", "yêu cầu cơ quan ..." (not "đề nghị, cơ quan").
bool CueResolver::addresses_agent_noun() const {
  static const std::unordered_set<std::string> kAgentNouns = {
      "cơ",    "đơn", "tổ",    "các",  "bộ",    "cá",   "ủy",
      "người", "chủ", "doanh", "ngân", "những", "quốc", "chính"};
  return has(kAddressee) && c1_ < clause_.u1 && kAgentNouns.count(word(c1_)) &&
         !gap_has(c1_ - 1, c1_, ',');
}

// "của X" right after the cue; of a list, a last member set off by a comma
// when the clause goes on is the next verb's subject ("Trên cơ sở đề xuất
// của Bộ Ngoại giao, Bộ Tài chính tổng hợp").
std::vector<std::string> CueResolver::possessive_actors() const {
  const size_t end = clause_.u1;
  std::vector<std::string> possessive;
  if (!(c1_ < end && word(c1_) == "của")) return possessive;
  possessive = page_.actors_after(c1_ + 1, end, true);
  size_t p = c1_ + 1;
  while (p + 1 < end && is_title(word(p), word(p + 1))) p += 2;
  const int g = p < end ? page_.group_at(p) : -1;
  if (g >= 0 && possessive.size() >= 2 && page_.groups()[g].u1 < end) {
    const std::vector<size_t>& members = page_.groups()[g].members;
    const NameFound& last = page_.names()[members.back()];
    const NameFound& before = page_.names()[members[members.size() - 2]];
    if (gap_has(before.u1 - 1, last.u0, ',')) possessive.pop_back();
  }
  return possessive;
}

bool CueResolver::used_as_noun() const {
  // A fault said in reported speech is an adjective, whatever noun it
  // qualifies ("chỉ ra nhiều điểm không phù hợp của dự thảo").
  if (has(kReported) && cue_.stance == Stance::kOpposes) return false;
  // The last word of a name is no noun's ("Nhật Bản hoan nghênh").
  // Nor is a word before a comma: "nêu ra nhiều nội dung, đề nghị ..." is
  // no "nội dung đề nghị".
  const bool after_name = c0_ > clause_.u0 && page_.name_at(c0_ - 1) >= 0;
  const bool after_comma = c0_ > clause_.u0 && gap_has(c0_ - 1, c0_, ',');
  bool noun = makes_cue_a_noun(prev_) && !after_name && !after_comma &&
              !(prev_ == "quan" && prev2_ == "liên") &&
              // "cơ bản nhất trí": an adverb, not "văn bản đề nghị".
              !(prev_ == "bản" && prev2_ == "cơ") &&
              !(prev_ == "tục" && prev2_ == "tiếp") &&  // "tiếp tục ủng hộ"
              // "bày tỏ sự ủng hộ", "tái khẳng định sự ủng hộ": a stance.
              !(prev_ == "sự" && (prev2_ == "tỏ" || prev2_ == "định" ||
                                  prev2_ == "hiện"));  // "có liên quan đề xuất"
  // Right after another cue it is that verb's object ("ủng hộ đề xuất",
  // "chủ trì vận động các quốc gia"); after a speech verb, the verb of
  // what is said ("khẳng định sẵn sàng ...", "khẳng định ủng hộ ..."), and
  // after "sẽ" the verb it marks ("sẽ là đầu mối").
  for (const CueHit& e : clause_.earlier) {
    if (e.u1 == c0_ && !e.noun && !(e.cue->roles & (kReporting | kAdjacent)) &&
        !gap_has(c0_ - 1, c0_, ',')) {
      noun = true;
    }
  }
  if (noun && (prev_ == "quan" || prev_ == "vị" || prev_ == "chức") &&
      c0_ >= clause_.u0 + 3 &&
      (word(c0_ - 3) == "là" || word(c0_ - 3) == "làm")) {
    noun = false;  // "là cơ quan chủ trì"
  }
  // "áp dụng danh sách ... thay cho yêu cầu chứng chỉ": what a proposal
  // replaces is a noun, no stance ("thay cho", "thay vì", "thay thế").
  if (prev_ == "thay" ||
      (prev2_ == "thay" && (prev_ == "cho" || prev_ == "vì" || prev_ == "thế")))
    noun = true;
  // "một số quy định không còn phù hợp ... như: yêu cầu người khai hải quan
  // phải khai ...": an example a list gives is what a rule requires, no
  // stance (not "cũng như ủng hộ", a verb joined).
  if (prev_ == "như" && prev2_ != "cũng") noun = true;
  if (has(kRoleNoun)) noun = !(prev_ == "là" || prev_ == "làm");
  if (cue_.phrase == "cam kết" && c1_ + 1 < clause_.u1 && word(c1_) == "quốc" &&
      word(c1_ + 1) == "tế") {
    noun = true;  // "cam kết quốc tế": international commitments
  }
  // "đề xuất của UBND các tỉnh": a verb takes its object without "của", so
  // a cue before "của" is a noun, whoever's it is; a role is a stance after
  // "là" ("là cơ quan điều phối của Liên minh").
  if (!has(kRoleNoun) && c1_ < clause_.u1 && word(c1_) == "của") noun = true;
  return noun;
}

// Whether the cue is what an earlier verb of support in the clause agrees
// to: "đồng ý với đề nghị", "ủng hộ các đề xuất", "nhất trí với yêu cầu"
// (only "với" and a plural word between, no comma).
bool CueResolver::agreed_to() const {
  for (const CueHit& e : clause_.earlier) {
    if (e.noun || e.cue->stance != Stance::kSupports || e.u1 > c0_ ||
        c0_ - e.u1 > 2 || gap_has(e.u1 - 1, c0_, ','))
      continue;
    bool linked = true;
    for (size_t u = e.u1; u < c0_; ++u) {
      const std::string& w = word(u);
      linked = linked && (w == "với" || w == "các" || w == "những");
    }
    if (linked) return true;
  }
  return false;
}

// The subject before the cue: the actors found (empty: the clause has a
// subject that is no actor, or the cue is another verb's object), or
// nullopt when the clause has none before the cue. A candidate set off by a
// comma and other words, or too far, is not the subject, but an earlier cue
// of the clause may still share its own ("X chủ trì, phối hợp với ... đề
// xuất").
std::optional<std::vector<std::string>> CueResolver::subject_before() const {
  const size_t cu0 = clause_.u0;
  size_t foreign = 0;
  bool comma_seen = false;
  size_t u = c0_;
  while (u > cu0) {
    --u;
    if (gap_has(u, u + 1, ',')) comma_seen = true;
    const int gi = page_.group_at(u);
    if (gi >= 0) {
      const ActorGroup& g = page_.groups()[gi];
      const NameFound& head = page_.names()[g.members.front()];
      const bool object = page_.group_is_object(g, cu0) || in_object_list(g);
      // "Cục Công nghiệp công nghệ thông tin (Bộ Khoa học và Công nghệ)
      // chủ trì": the ministry in brackets only says whose office it is.
      const bool bracketed = g.u0 > cu0 && page_.group_at(g.u0 - 1) < 0 &&
                             gap_has(g.u0 - 1, g.u0, '(');
      const bool modifier = bracketed || (g.members.size() == 1 &&
                                          page_.is_country_modifier(head, cu0));
      const bool far = foreign > 3 || (comma_seen && foreign > 0);
      u = std::max(g.u0, cu0);
      if (object || modifier || far) {
        foreign += modifier || far ? g.u1 - g.u0 : 0;
        continue;
      }
      // "các nguyên tắc mà ASEAN và Hoa Kỳ đã nhất trí": a relative
      // clause recalls a past stance; the sentence is about another.
      // "mà lãnh đạo ASEAN và Hoa Kỳ đã nhất trí": a title may come first.
      size_t before = g.u0;
      while (before >= cu0 + 2 && is_title(word(before - 2), word(before - 1)))
        before -= 2;
      if (before > cu0 && word(before - 1) == "mà")
        return std::vector<std::string>();
      // "hai Thủ tướng nhất trí": both sides, not one office.
      if (g.u0 > cu0 && word(g.u0 - 1) == "hai" && names_both_sides(word(g.u0)))
        return clause_.parties;
      return page_.group_ids(g);
    }
    const int fi = page_.name_at(u);
    if (fi >= 0) {  // a process or forum named on the way
      ++foreign;
      u = std::max(page_.names()[fi].u0, cu0);
      continue;
    }
    const std::string& w = word(u);
    // "Hai bên nhất trí", "Nguyên thủ hai nước hoan nghênh": both sides.
    // ("Hai nước khác cũng ủng hộ ...": two others, not the sides.)
    if (w == "hai" && u + 1 < c0_ && names_both_sides(word(u + 1)) &&
        !(u + 2 < c0_ && word(u + 2) == "khác") &&
        !(u > cu0 && marks_object(word(u - 1))) && !asked_by_earlier_cue(u)) {
      return clause_.parties;
    }
    // An earlier cue of this clause: a shared subject ("X chủ trì, đề
    // xuất"), or a causative whose object is the subject ("vận động các
    // quốc gia ủng hộ"), or a verb whose subject is no actor.
    bool stop = false;
    for (const CueHit& e : clause_.earlier) {
      if (u < e.u0 || u >= e.u1) continue;
      const bool causative = (e.cue->roles & (kAdvocacy | kAddressee)) ||
                             e.cue->stance == Stance::kRequests;
      if (e.noun) break;
      if (causative) return std::vector<std::string>();
      if (!e.actors.empty()) return e.actors;
      stop = true;
    }
    if (stop) return std::vector<std::string>();
    if (u > cu0 && is_causative_verb(word(u - 1), w))
      return std::vector<std::string>();
    // A passive agent that is not an actor: "được một thành viên đề xuất".
    if (w == "bị" || w == "do") return std::vector<std::string>();
    if (w == "được" &&
        !(u + 1 < c0_ && (word(u + 1) == "giao" || word(u + 1) == "phân" ||
                          word(u + 1) == "ủy"))) {
      // "Đề xuất này được EU, Vương quốc Anh, Canada, và một liên minh
      // gồm nhiều quốc gia ... ủng hộ": the agents named right after
      // "được", however far the cue. Not an assignment ("được Chính phủ
      // giao là đơn vị chủ trì").
      const int g = u + 1 < c0_ ? page_.group_at(u + 1) : -1;
      if (g >= 0 && cue_.stance != Stance::kLeads) {
        const ActorGroup& agents = page_.groups()[g];
        const std::string& next =
            agents.u1 < c0_ ? word(agents.u1) : std::string();
        // "có được, Công ty X ..." is no passive; "được X trích dẫn ...
        // khiến nhiều nhà đầu tư lo lắng": the cue has a subject of its own.
        bool own_clause = gap_has(u, u + 1, ',');
        for (size_t k = agents.u1; k < c0_ && !own_clause; ++k) {
          const std::string& v = word(k);
          own_clause = v == "khiến" || v == "làm" || v == "để" ||
                       v == "nhưng" || v == "mà" || v == "thì";
        }
        if (agents.u0 == u + 1 && agents.u1 <= c0_ && !own_clause &&
            next != "giao" && next != "phân" && next != "ủy" && next != "cho")
          return page_.group_ids(agents);
      }
      return std::vector<std::string>();
    }
    if (!may_stand_before_verb(w)) ++foreign;
  }
  return std::nullopt;
}

// Whether unit `u` ("hai bên") is whom an earlier request of the clause
// asks ("đề nghị hai bên ..., đề nghị ...", "mong muốn hai bên ..."): the
// object of that cue, not the subject of a later one (weak_cues.h: an
// addressee).
bool CueResolver::asked_by_earlier_cue(size_t u) const {
  for (const CueHit& e : clause_.earlier) {
    if (e.u1 == u && !e.noun &&
        ((e.cue->roles & kAddressee) || e.cue->stance == Stance::kRequests))
      return true;
  }
  return false;
}

// A subject that refers back to an actor named before in the page: "Ông",
// "Bà" alone (a person named before), "doanh nghiệp", "DN", "phía doanh
// nghiệp" alone (the company named last: a report on one company calls it
// so). It opens the clause or a comma segment, and only adverbs stand
// between it and the cue. Empty when there is none or no antecedent.
std::vector<std::string> CueResolver::referent_subject() const {
  size_t start = clause_.u0;
  for (size_t k = c0_; k > clause_.u0; --k) {
    if (gap_has(k - 1, k, ',')) {
      start = k;
      break;
    }
  }
  if (start >= c0_) return {};
  size_t u = start;
  if (word(u) == "phía") ++u;
  bool person = false;
  size_t end = u;
  if (u < c0_ && (word(u) == "ông" || word(u) == "bà") && u == start) {
    person = true;
    end = u + 1;
  } else if (u < c0_ && word(u) == "dn") {
    end = u + 1;
  } else if (u + 1 < c0_ && word(u) == "doanh" && word(u + 1) == "nghiệp") {
    end = u + 2;
  }
  if (end == u || page_.name_at(u) >= 0) return {};
  for (size_t k = end; k < c0_; ++k) {
    if (!may_stand_before_verb(word(k)) || page_.name_at(k) >= 0) return {};
  }
  for (size_t i = page_.names().size(); i > 0; --i) {
    const NameFound& n = page_.names()[i - 1];
    if (n.u1 > u || n.process) continue;
    if (person) {
      if (n.person) return {n.entry->id};
      continue;
    }
    const bool company =
        n.u0 + 1 < n.u1 && ((word(n.u0) == "công" && word(n.u0 + 1) == "ty") ||
                            (word(n.u0) == "tập" && word(n.u0 + 1) == "đoàn") ||
                            (word(n.u0) == "tổng" && word(n.u0 + 1) == "công"));
    if (company) return {n.entry->id};
  }
  return {};
}

// The actor that sends or issues the document the cue is the content of:
// "X [ngày 23/9] [đã|vừa] (có|gửi|ban hành|phát đi) (thư|văn bản|công
// văn|tờ trình|thông báo) [số ...] [gửi Y ...] <cue>". Empty when the cue
// follows no such document.
std::vector<std::string> CueResolver::document_issuer() const {
  if (!has(kAddressee) && cue_.stance != Stance::kRequests &&
      cue_.stance != Stance::kProposes && cue_.stance != Stance::kSupports &&
      cue_.stance != Stance::kOpposes)
    return {};
  const size_t lo = c0_ > clause_.u0 + 30 ? c0_ - 30 : clause_.u0;
  // The document noun nearest before the cue, with only its number or its
  // addressee ("gửi ...") between them.
  size_t d = c0_;  // the document noun's first unit
  for (size_t k = c0_; k > lo; --k) {
    const size_t u = k - 1;
    const std::string& w = word(u);
    const std::string& before = u > clause_.u0 ? word(u - 1) : std::string();
    const bool two =
        (before == "văn" && w == "bản") || (before == "công" && w == "văn") ||
        (before == "tờ" && w == "trình") || (before == "thông" && w == "báo");
    if (two || w == "thư") {
      d = two ? u - 1 : u;
      break;
    }
  }
  if (d == c0_ || d <= clause_.u0) return {};
  const size_t after = d + (word(d) == "thư" ? 1 : 2);
  if (after < c0_ && word(after) != "số" && word(after) != "gửi") return {};
  for (size_t k = after; k < c0_; ++k) {
    for (const CueHit& e : clause_.earlier) {
      if (k >= e.u0 && k < e.u1) return {};  // another cue between
    }
  }
  // "gửi Bộ Tài chính về việc góp ý hồ sơ đề nghị ...": a noun of the
  // addressee phrase, not what the document asks.
  if (c0_ > after && word(after) == "gửi" && used_as_noun()) return {};
  // "X có văn bản đề xuất với Y ...": a proposal only right after the
  // document or its number; after "gửi Y về ..." it is the topic's word
  // ("văn bản gửi UBND các tỉnh về ... dự án ... đề xuất").
  if (cue_.stance == Stance::kProposes && !has(kAddressee) && c0_ > after &&
      word(after) == "gửi")
    return {};
  // "X đã có công văn số ... trả lời Y và công văn yêu cầu Z ...": a
  // second document joined by "và" is the first one's issuer's.
  if (d > clause_.u0 + 2 && word(d - 1) == "và") {
    for (size_t k = d - 1; k > lo + 1; --k) {
      if (word(k - 1) == word(d) && word(k) == word(d + 1)) {
        d = k - 1;
        break;
      }
    }
  }
  // The verb that sends or issues it, after at most a date and an adverb.
  size_t v = d;
  const std::string& verb = word(v - 1);
  if (verb == "có" || verb == "gửi" || verb == "đi") {
    v -= 1;
  } else if (verb == "hành" && v >= clause_.u0 + 2 && word(v - 2) == "ban") {
    v -= 2;
  } else {
    return {};
  }
  if (word(v) == "đi" && v > clause_.u0 && word(v - 1) == "phát") --v;
  while (v > clause_.u0 &&
         (word(v - 1) == "đã" || word(v - 1) == "vừa" || word(v - 1) == "mới" ||
          word(v - 1) == "cũng" || page_.unit(v - 1).kind != TokenKind::kWord))
    --v;
  if (v > clause_.u0 + 1 && word(v - 1) != "ngày" && word(v - 2) == "ngày")
    v -= 2;
  else if (v > clause_.u0 && word(v - 1) == "ngày")
    --v;
  if (v <= clause_.u0) return {};
  const int g = page_.group_at(v - 1);
  if (g < 0 || page_.groups()[g].u1 != v ||
      page_.group_is_object(page_.groups()[g], clause_.u0))
    return {};
  return page_.group_ids(page_.groups()[g]);
}

// Whether the group stands in a list after "phối hợp (với)" / "với" a few
// words back ("phối hợp với các bộ, cơ quan liên quan và Ngân hàng ...").
bool CueResolver::in_object_list(const ActorGroup& g) const {
  const size_t clause_u0 = clause_.u0;
  const size_t lo = g.u0 > clause_u0 + 8 ? g.u0 - 8 : clause_u0;
  for (size_t k = g.u0; k > lo; --k) {
    const size_t u = k - 1;
    for (const CueHit& e : clause_.earlier) {
      if (u >= e.u0 && u < e.u1) return false;
    }
    if (page_.group_at(u) >= 0) return false;
    // "Đối với phí ..., VASEP đề nghị", "Nhất trí với phương án này, Bộ X
    // đề nghị": a group opening a comma segment right before the cue is
    // its subject, whatever "với" came before the comma.
    if (g.u1 == c0_ && gap_has(u, u + 1, ',')) return false;
    const std::string& w = word(u);
    if (w == "với" && u > clause_u0 && word(u - 1) == "đối") return false;
    if (w == "với" || (w == "hợp" && u > clause_u0 && word(u - 1) == "phối"))
      return true;
  }
  return false;
}

// Whether the cue starts its clause: nothing but a list marker and at most
// four adverbs ("a) Định kỳ chủ trì ...") before it, or after the last
// comma before it.
bool CueResolver::cue_starts_clause() const {
  const LineKind line_kind = clause_.subjects.line_kind();
  size_t start = clause_.u0;
  if (start < c0_ &&
      (page_.unit(start).kind == TokenKind::kNumber ||
       word(start).size() == 1) &&
      line_kind != LineKind::kPara && line_kind != LineKind::kBullet) {
    ++start;  // the list marker "1", "a"
  }
  for (size_t k = c0_; k > start; --k) {
    if (gap_has(k - 1, k, ',')) {
      start = k;
      break;
    }
  }
  size_t lead = 0;
  for (size_t k = start; k < c0_; ++k) {
    if (!is_lead_adverb(word(k))) return false;
    ++lead;
  }
  return lead <= 4;
}

}  // namespace

CueResolution resolve_cue(const CueHit& hit, const ClauseContext& clause) {
  return CueResolver(hit, clause).run();
}

}  // namespace kb
