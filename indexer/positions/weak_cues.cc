// Cues that are a stance only in some uses (weak_cues.h).
#include "indexer/positions/weak_cues.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>

#include "indexer/positions/modal_cues.h"

namespace kb {
namespace {

// "sẽ" before a verb of state or outcome: a forecast, never a pledge
// ("Việt Nam sẽ hưởng lợi", "sẽ là động lực", "sẽ có ít năng lượng", "sẽ
// trở nên thuận lợi", "sẽ tăng rất mạnh").
bool forecasts_state(const std::string& w) {
  static const std::unordered_set<std::string> kState = {
      "là",   "có",  "trở", "hưởng", "được", "bị",  "gặp",  "tăng",
      "giảm", "gây", "mất", "chịu",  "đạt",  "cần", "phải", "nằm"};
  return kState.count(w) > 0;
}

// "sẽ" before a verb of will: a pledge whoever reports it ("sẽ tiếp tục",
// "sẽ nỗ lực", "sẽ cố gắng", "sẽ sẵn sàng", "sẽ luôn").
bool expresses_will(const std::string& w) {
  static const std::unordered_set<std::string> kWill = {"tiếp", "nỗ", "cố",
                                                        "sẵn", "luôn"};
  return kWill.count(w) > 0;
}

// "sẽ" before a verb of help or cooperation offered to others: a pledge
// whoever reports it ("Nhật Bản sẽ hỗ trợ đào tạo ...", "Bộ Công Thương cũng
// sẽ tăng cường các biện pháp ...", "sẽ tạo điều kiện", "sẽ phối hợp").
bool offers_help(const std::string& w, const std::string& next) {
  static const std::set<std::pair<std::string, std::string>> kHelp = {
      {"hỗ", "trợ"},   {"tăng", "cường"}, {"đẩy", "mạnh"}, {"tạo", "điều"},
      {"phối", "hợp"}, {"hợp", "tác"},    {"đóng", "góp"}, {"thúc", "đẩy"},
      {"sát", "cánh"}, {"giúp", "đỡ"},    {"cung", "cấp"}};
  return kHelp.count({w, next}) > 0;
}

// Whether what the clause says up to unit `u` is someone's speech: a speech
// verb before it ("khẳng định", "cho biết", "nhấn mạnh", "Theo X,"), "rằng",
// or a clause opening "Theo ..., " ("Theo thông tin ông Trump đăng tải, Mỹ
// sẽ ...").
bool is_reported(const PageMentions& m, size_t cu0, size_t u,
                 const std::vector<CueHit>& earlier) {
  for (const CueHit& e : earlier) {
    if (e.u1 <= u && (e.cue->roles & kReporting)) return true;
  }
  for (size_t k = cu0; k < u; ++k) {
    if (m.word(k) == "rằng") return true;
  }
  size_t s = cu0;
  if (s < u && m.word(s) == "cũng") ++s;
  if (s < u && m.word(s) == "theo") {
    for (size_t k = s + 1; k < u; ++k) {
      if (m.between_has(m.unit(k - 1).end, m.unit(k).begin, ',')) return true;
    }
  }
  return false;
}

// Whether the sentence goes on, after a comma, with an actor and a speech
// verb that closes it ("Mỹ sẽ rút khỏi thỏa thuận Paris 2015 ..., Tổng
// thống Donald Trump tuyên bố...", "“Chúng tôi sẽ ra khỏi thỏa thuận”, ông
// Trump nói ..."): what comes before is that actor's speech.
bool said_after(const PageMentions& m, size_t u) {
  constexpr size_t kReach = 40;  // words to the end of the sentence
  bool comma = false;
  for (size_t k = u + 1; k < m.size() && k < u + kReach; ++k) {
    const size_t gap_begin = m.unit(k - 1).end, gap_end = m.unit(k).begin;
    if (m.between_has(gap_begin, gap_end, '.') ||
        m.between_has(gap_begin, gap_end, '\n'))
      return false;
    comma = comma || m.between_has(gap_begin, gap_end, ',');
    if (!comma || (m.group_at(k - 1) < 0 && m.name_at(k - 1) < 0)) continue;
    const std::string& w = m.word(k);
    const std::string& next = k + 1 < m.size() ? m.word(k + 1) : w;
    if (w == "nói" || (w == "tuyên" && next == "bố") ||
        (w == "cho" && next == "biết") || (w == "khẳng" && next == "định"))
      return true;
  }
  return false;
}

// Whether every id of `ids` names a country of the page.
bool all_countries(const PageMentions& m, const std::vector<std::string>& ids) {
  for (const std::string& id : ids) {
    bool country = false;
    for (const NameFound& f : m.names())
      country = country || (f.entry->id == id && f.entry->kind == "country");
    if (!country) return false;
  }
  return !ids.empty();
}

// "ông Trump cho biết Việt Nam sẽ mở cửa thị trường ...": one country's
// speaker telling what another will do reports no pledge of the other's
// (the latest speech verb before the cue is the speaker's).
bool told_by_another_country(const PageMentions& m, const CueHit& hit,
                             const std::vector<CueHit>& earlier) {
  const CueHit* speech = nullptr;
  for (const CueHit& e : earlier) {
    if (e.u1 <= hit.u0 && (e.cue->roles & kReporting) && !e.actors.empty())
      speech = &e;
  }
  if (speech == nullptr || !all_countries(m, speech->actors) ||
      !all_countries(m, hit.actors))
    return false;
  for (const std::string& id : hit.actors) {
    if (std::find(speech->actors.begin(), speech->actors.end(), id) !=
        speech->actors.end())
      return false;
  }
  return true;
}

// "tin tưởng Việt Nam sẽ tiếp tục giành được ...", "tin rằng X sẽ ...": a
// belief about what another will do or gain, no pledge of theirs.
bool believed_future(const PageMentions& m, const CueHit& hit, size_t cu0) {
  for (size_t k = cu0; k + 1 < hit.u0; ++k) {
    const std::string& next = m.word(k + 1);
    if (m.word(k) == "tin" &&
        (next == "tưởng" || next == "rằng" || next == "chắc"))
      return true;
  }
  return false;
}

bool pledges_future(const PageMentions& m, const CueHit& hit, size_t cu0,
                    size_t cu1, const std::vector<CueHit>& earlier,
                    size_t next_cue) {
  const std::string none;
  const std::string& next = hit.u1 < cu1 ? m.word(hit.u1) : none;
  // "sẽ ủng hộ", "sẽ là đầu mối": the stance is the next cue's; not a
  // marker of will ("sẽ nỗ lực", "sẽ luôn").
  if (next_cue == hit.u1 && next != "nỗ" && next != "luôn" && next != "quyết")
    return false;
  // "ông hy vọng Việt Nam sẽ ...": what someone wishes of another, no
  // pledge (but "mong muốn ... và khẳng định LHQ sẽ ..." is said again).
  const CueHit* last = nullptr;
  for (const CueHit& e : earlier) {
    if (e.u1 <= hit.u0) last = &e;
  }
  if (last != nullptr && last->cue->stance == Stance::kRequests &&
      !(last->cue->roles & kReporting))
    return false;
  if (told_by_another_country(m, hit, earlier)) return false;
  if (believed_future(m, hit, cu0)) return false;
  const std::string& after = hit.u1 + 1 < cu1 ? m.word(hit.u1 + 1) : none;
  if (offers_help(next, after)) return true;
  if (forecasts_state(next)) return false;
  if (expresses_will(next)) return true;
  return is_reported(m, cu0, hit.u0, earlier) || said_after(m, hit.u1);
}

// "X khẳng định Y luôn coi trọng ...", "... cho biết Y quyết tâm ...": a
// marker of will right after its actor is a pledge only inside what a
// speech verb reports, when the speaker is no other country, and before no
// other cue ("luôn ủng hộ": that cue's stance) nor a verb of state ("luôn
// là ...", "luôn giữ vững vị trí": a description). "đang nỗ lực": the
// aspect of an effort under way, told, not pledged.
bool affirms_will(const PageMentions& m, const CueHit& hit, size_t cu0,
                  size_t cu1, const std::vector<CueHit>& earlier,
                  size_t next_cue) {
  if (next_cue == hit.u1 || hit.u1 >= cu1) return false;
  const std::string& next = m.word(hit.u1);
  if (forecasts_state(next) || next == "giữ") return false;
  if (hit.u0 > cu0 && m.word(hit.u0 - 1) == "đang") return false;
  // "nếu Chính phủ quyết tâm ...": a condition, no pledge.
  for (size_t k = cu0; k < hit.u0; ++k) {
    if (m.word(k) == "nếu") return false;
  }
  // "luôn trân trọng / biết ơn / ghi nhớ ...": gratitude for what others
  // did, a feeling and no pledge.
  static const std::set<std::pair<std::string, std::string>> kGratitude = {
      {"trân", "trọng"}, {"cảm", "ơn"},  {"cảm", "kích"},
      {"biết", "ơn"},    {"ghi", "nhớ"}, {"ghi", "nhận"}};
  const std::string after = hit.u1 + 1 < cu1 ? m.word(hit.u1 + 1) : "";
  if (kGratitude.count({next, after})) return false;
  bool spoken = false;
  for (const CueHit& e : earlier) {
    spoken = spoken || (e.u1 <= hit.u0 && (e.cue->roles & kReporting) &&
                        e.cue->phrase != "theo");
  }
  return spoken && !told_by_another_country(m, hit, earlier) &&
         !believed_future(m, hit, cu0);
}

// The object of "đánh giá cao" names a proposal or a stance: its head noun,
// after determiners, as two syllables.
bool appraises_proposal(const PageMentions& m, size_t u, size_t cu1) {
  static const std::unordered_set<std::string> kDeterminers = {
      "các", "những", "một", "số", "rất", "tất", "cả", "mọi"};
  while (u < cu1 && kDeterminers.count(m.word(u))) ++u;
  if (u + 1 >= cu1) return false;
  static const std::set<std::pair<std::string, std::string>> kProposals = {
      {"đề", "xuất"},    {"đề", "nghị"},    {"đề", "án"},
      {"sáng", "kiến"},  {"ý", "tưởng"},    {"ý", "kiến"},
      {"lập", "trường"}, {"quan", "điểm"},  {"cam", "kết"},
      {"quyết", "tâm"},  {"chủ", "trương"}, {"chính", "sách"},
      {"kế", "hoạch"},   {"biện", "pháp"},  {"giải", "pháp"},
      {"phương", "án"},  {"dự", "thảo"},    {"quyết", "định"},
      {"tầm", "nhìn"},   {"chiến", "lược"}, {"khuyến", "nghị"},
      {"kiến", "nghị"},  {"thông", "điệp"}, {"tuyên", "bố"}};
  return kProposals.count({m.word(u), m.word(u + 1)}) > 0;
}

// Whether a request cue ending before unit `u` names whom it asks: an
// actor, "hai bên", "các ...", a capitalised word ("mong muốn Hoa Kỳ ...",
// "mong muốn hai bên đẩy mạnh ...", "mong muốn các doanh nghiệp ...").
bool names_addressee(const PageMentions& m, size_t u, size_t cu1) {
  if (u >= cu1) return false;
  const std::string& w = m.word(u);
  return m.name_at(u) >= 0 || m.group_at(u) >= 0 || w == "hai" || w == "các" ||
         w == "những" || w == "mọi" || w == "tất" || w != m.unit_text(u);
}

// "chia sẻ mong muốn", "mong muốn chung", "cùng mong muốn": both sides'
// aspiration; so is a wish both sides state together with no one it asks
// ("Hai nhà lãnh đạo mong muốn duy trì đà phát triển ...", "Lãnh đạo hai
// nước bày tỏ mong muốn tiếp tục hợp tác ..."). One side's wish stays a
// request ("Chủ tịch Quốc hội Cu-ba mong muốn thúc đẩy ...").
bool shared_wish(const PageMentions& m, const CueHit& hit, size_t cu0,
                 size_t cu1) {
  const size_t first = hit.u1 - 2;  // "mong"
  if (first >= cu0 + 2 && m.word(first - 2) == "chia" &&
      m.word(first - 1) == "sẻ") {
    return true;
  }
  if (hit.u0 > cu0 && m.word(hit.u0 - 1) == "cùng") return true;
  if (hit.actors.size() >= 2 && !names_addressee(m, hit.u1, cu1)) return true;
  return hit.u1 < cu1 && m.word(hit.u1) == "chung";
}

// "hai nước ... ủng hộ lẫn nhau", "hỗ trợ nhau": a cue whose object is the
// actors themselves describes their relations and takes no stance on any
// matter. (A pledge to it, "sẵn sàng ủng hộ lẫn nhau", is the pledge's.)
bool reciprocal(const PageMentions& m, const CueHit& hit, size_t cu1) {
  size_t u = hit.u1;
  if (u < cu1 && m.word(u) == "lẫn") ++u;
  return u < cu1 && m.word(u) == "nhau";
}

// "các cam kết lao động mà DN cần chú ý", "các lĩnh vực mà Việt Nam đang
// cần đầu tư": a relative clause ("mà" before the cue, no comma between)
// qualifies a noun; what it says is no one's stance.
bool in_relative_clause(const PageMentions& m, const CueHit& hit, size_t cu0) {
  constexpr size_t kReach = 6;  // words back from the cue
  for (size_t u = hit.u0; u > cu0 && hit.u0 - u < kReach; --u) {
    if (m.between_has(m.unit(u - 1).end, m.unit(u).begin, ',')) return false;
    if (m.word(u - 1) == "mà") return true;
  }
  return false;
}

// "chưa có thông tin ... về việc liệu ... Việt Nam có hoàn toàn đồng ý với
// ... hay không": a question asked about the actor (LABELS.md: questions
// are no position), not its stance.
bool asked_whether(const PageMentions& m, const CueHit& hit, size_t cu0) {
  // "liệu" as a word of its own, not of "nguyên liệu", "phế liệu", "số
  // liệu": after what introduces a question, or opening a comma segment.
  static const std::unordered_set<std::string> kAsks = {
      "việc", "về", "xem", "hỏi", "biết", "rõ", "là", "đến", "tới"};
  for (size_t u = cu0; u < hit.u0; ++u) {
    if (m.word(u) != "liệu") continue;
    if (u == cu0 || kAsks.count(m.word(u - 1)) ||
        m.between_has(m.unit(u - 1).end, m.unit(u).begin, ','))
      return true;
  }
  return false;
}

// "đề nghị EU tiếp tục ủng hộ ...", "đề nghị G20 cam kết ...": a cue
// whose actors are whom an earlier request of the clause asks (named right
// after it) is what they are asked to do, not a stance they took; the
// request is the asker's.
bool asked_of_actor(const PageMentions& m, const CueHit& hit, size_t cu1,
                    const std::vector<CueHit>& earlier) {
  for (const CueHit& e : earlier) {
    if (&e == &earlier.back() && e.u0 == hit.u0) continue;  // the hit itself
    if (e.noun || e.u1 >= hit.u0) continue;
    if (!(e.cue->roles & kAddressee) && e.cue->stance != Stance::kRequests)
      continue;
    const std::vector<std::string> asked = m.actors_after(e.u1, cu1, true);
    if (!asked.empty() && asked == hit.actors) return true;
  }
  return false;
}

// "chỉ đạo Bộ Quốc phòng nghiên cứu đề xuất việc sửa đổi ...": studying
// and proposing is a task someone is given (LABELS.md: task assignments are
// no position), not a proposal made.
bool proposal_as_task(const PageMentions& m, const CueHit& hit, size_t cu0) {
  if (hit.cue->stance != Stance::kProposes || hit.u0 < cu0 + 2) return false;
  const std::string& a = m.word(hit.u0 - 2);
  const std::string& b = m.word(hit.u0 - 1);
  return (a == "nghiên" && b == "cứu") || (a == "tham" && b == "mưu");
}

// "chủ trì lễ đón", "chủ trì chiêu đãi": a ceremony, not a meeting or a
// negotiating group (LABELS.md: leads).
bool leads_a_ceremony(const PageMentions& m, size_t u, size_t cu1) {
  static const std::unordered_set<std::string> kCeremony = {
      "lễ", "tiệc", "chiêu", "quốc", "buổi"};
  if (u >= cu1 || !kCeremony.count(m.word(u))) return false;
  if (m.word(u) == "quốc") return u + 1 < cu1 && m.word(u + 1) == "yến";
  if (m.word(u) == "buổi")
    return u + 1 < cu1 && (m.word(u + 1) == "chiêu" || m.word(u + 1) == "lễ" ||
                           m.word(u + 1) == "tiệc");
  return true;
}

// "chủ trì vận động các quốc gia ...", "chủ trì, tổ chức thực hiện ...", "có
// trách nhiệm chủ trì ...", "được giao chủ trì ...": a task a decision
// assigns, not the chair of a meeting or a negotiating group (LABELS.md:
// leads; "not a position": task assignments inside a decision). `hit` is
// the "chủ trì" of the clause [cu0, cu1).
bool assigns_a_task(const PageMentions& m, const CueHit& hit, size_t cu0,
                    size_t cu1) {
  if (hit.u0 >= cu0 + 2 && m.word(hit.u0 - 2) == "trách" &&
      m.word(hit.u0 - 1) == "nhiệm") {
    return true;
  }
  // "được giao chủ trì" (not the "giao" of "Bộ Ngoại giao chủ trì").
  if (hit.u0 >= cu0 + 2 && m.word(hit.u0 - 2) == "được" &&
      m.word(hit.u0 - 1) == "giao") {
    return true;
  }
  // The verbs of a task, as two syllables ("vận động") or one ("lập").
  static const std::set<std::pair<std::string, std::string>> kTasks = {
      {"vận", "động"},   {"thực", "hiện"},  {"triển", "khai"},
      {"xây", "dựng"},   {"soạn", "thảo"},  {"tuyên", "truyền"},
      {"hướng", "dẫn"},  {"kiểm", "tra"},   {"xử", "lý"},
      {"nghiên", "cứu"}, {"thẩm", "tra"},   {"thẩm", "định"},
      {"giải", "quyết"}, {"theo", "dõi"},   {"đôn", "đốc"},
      {"tổng", "hợp"},   {"rà", "soát"},    {"giám", "sát"},
      {"phổ", "biến"},   {"bố", "trí"},     {"chuẩn", "bị"},
      {"điều", "tra"},   {"tham", "mưu"},   {"quản", "lý"},
      {"ban", "hành"},   {"hoàn", "thiện"}, {"cung", "cấp"},
      {"phát", "hiện"},  {"đề", "xuất"},    {"sửa", "đổi"},
      {"đánh", "giá"},   {"báo", "cáo"},    {"đào", "tạo"}};
  static const std::unordered_set<std::string> kOneSyllable = {"lập", "trình"};
  auto task_at = [&](size_t u) {
    if (u < cu1 && kOneSyllable.count(m.word(u))) return true;
    return u + 1 < cu1 && kTasks.count({m.word(u), m.word(u + 1)}) > 0;
  };
  size_t u = hit.u1;
  // "chủ trì, đề xuất ...": the comma ends what is chaired.
  if (u < cu1 && m.between_has(m.unit(u - 1).end, m.unit(u).begin, ','))
    return false;
  if (task_at(u)) return true;
  // "chủ trì (các) tổ chức thực hiện": organising a task; "chủ trì tổ
  // chức, phối hợp ..." (an event) stays a lead.
  while (u < cu1 && (m.word(u) == "các" || m.word(u) == "những")) ++u;
  return u + 1 < cu1 && m.word(u) == "tổ" && m.word(u + 1) == "chức" &&
         task_at(u + 2);
}

}  // namespace

bool weak_cue_takes_stance(const PageMentions& m, const CueHit& hit, size_t cu0,
                           size_t cu1, const std::vector<CueHit>& earlier,
                           size_t next_cue) {
  const std::string& phrase = hit.cue->phrase;
  if (reciprocal(m, hit, cu1)) return false;
  if ((hit.cue->roles & kReported) && in_relative_clause(m, hit, cu0))
    return false;
  if (proposal_as_task(m, hit, cu0)) return false;
  if (asked_whether(m, hit, cu0)) return false;
  if (asked_of_actor(m, hit, cu1, earlier)) return false;
  // "lời hứa", "chữ hứa" (a promise named, kept or broken), "hứa vậy" (the
  // one told before), "hứa hẹn" (an outlook): no promise made here.
  if (phrase == "hứa")
    return !(hit.u0 > cu0 &&
             (m.word(hit.u0 - 1) == "lời" || m.word(hit.u0 - 1) == "chữ")) &&
           !(hit.u1 < cu1 &&
             (m.word(hit.u1) == "hẹn" || m.word(hit.u1) == "vậy"));
  if (phrase == "luôn" || phrase == "nỗ lực" || phrase == "quyết tâm")
    return affirms_will(m, hit, cu0, cu1, earlier, next_cue);
  if (phrase == "sẽ")
    return pledges_future(m, hit, cu0, cu1, earlier, next_cue);
  if (phrase == "đánh giá cao") return appraises_proposal(m, hit.u1, cu1);
  if (phrase == "nên") return should_proposes(m, hit, cu0, earlier);
  if (phrase == "chủ trì" || phrase == "đồng chủ trì")
    return !leads_a_ceremony(m, hit.u1, cu1) &&
           !assigns_a_task(m, hit, cu0, cu1);
  if (phrase == "mong muốn" || phrase == "bày tỏ mong muốn")
    return !shared_wish(m, hit, cu0, cu1);
  return true;
}

}  // namespace kb
