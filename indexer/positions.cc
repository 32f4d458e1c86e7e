// Position extraction: cues, actors, processes, dates and quotes.
#include "indexer/positions.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/analyzer.h"
#include "core/stances.h"
#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

// What a cue does besides signalling its stance.
enum CueFlag : uint8_t {
  kPlain = 0,
  kAddressee = 1,  // "đề nghị X ..." asks X: requests; otherwise proposes
  kAdvocacy = 2,   // "vận động": causative when another cue follows
  kAgentAfter = 4  // "đầu mối là X": the actor follows the cue
};

struct CueDef {
  const char* phrase;
  Stance stance;
  uint8_t flags;
};

// Longest phrases first where one contains another.
const CueDef kCues[] = {
    {"bày tỏ quan ngại", Stance::kConcerned, kPlain},
    {"bày tỏ lo ngại", Stance::kConcerned, kPlain},
    {"quan ngại", Stance::kConcerned, kPlain},
    {"lo ngại", Stance::kConcerned, kPlain},
    {"e ngại", Stance::kConcerned, kPlain},
    {"lo lắng", Stance::kConcerned, kPlain},
    {"ủng hộ", Stance::kSupports, kPlain},
    {"tán thành", Stance::kSupports, kPlain},
    {"tán đồng", Stance::kSupports, kPlain},
    {"đồng tình", Stance::kSupports, kPlain},
    {"nhất trí", Stance::kSupports, kPlain},
    {"đồng ý", Stance::kSupports, kPlain},
    {"hoan nghênh", Stance::kSupports, kPlain},
    {"vận động", Stance::kSupports, kAdvocacy},
    {"phản đối", Stance::kOpposes, kPlain},
    {"bác bỏ", Stance::kOpposes, kPlain},
    {"đề xuất", Stance::kProposes, kPlain},
    {"khuyến nghị", Stance::kProposes, kPlain},
    {"đề nghị", Stance::kProposes, kAddressee},
    {"kiến nghị", Stance::kProposes, kAddressee},
    {"yêu cầu", Stance::kRequests, kAddressee},
    {"kêu gọi", Stance::kRequests, kPlain},
    {"cam kết", Stance::kCommits, kPlain},
    {"đồng chủ trì", Stance::kLeads, kPlain},
    {"chủ trì", Stance::kLeads, kPlain},
    {"đồng chủ tọa", Stance::kLeads, kPlain},
    {"chủ tọa", Stance::kLeads, kPlain},
    {"cơ quan đầu mối", Stance::kLeads, kPlain},
    {"đơn vị đầu mối", Stance::kLeads, kPlain},
    {"là đầu mối", Stance::kLeads, kPlain},
    {"làm đầu mối", Stance::kLeads, kPlain},
    {"đầu mối là", Stance::kLeads, kAgentAfter},
    {"cơ quan điều phối", Stance::kLeads, kPlain},
    {"cơ quan thường trực", Stance::kLeads, kPlain},
    {"cùng hướng dẫn", Stance::kLeads, kPlain},
    {"đồng hướng dẫn", Stance::kLeads, kPlain},
    {"dẫn đầu", Stance::kLeads, kPlain},
    {"làm trưởng đoàn", Stance::kLeads, kPlain},
    {"làm trưởng ban", Stance::kLeads, kPlain},
    {"điều hành", Stance::kLeads, kPlain},  // only as "Điều hành: X"
};

// Words before a cue that make it a noun ("hồ sơ đề nghị", "theo đề nghị
// của", "các khoản ủng hộ"): the last syllable of the word.
const std::unordered_set<std::string> kNounBefore = {
    "sơ",   "bản",   "đơn",  "giấy",  "dung",  "điểm", "năm",   "ngày",
    "quan", "vị",    "chức", "án",    "khoản", "mức",  "phiếu", "mẫu",
    "tục",  "việc",  "các",  "những", "sự",    "theo", "sở",    "xét",
    "ánh",  "kiến",  "mục",  "có",    "nhận",  "hiện", "lý",    "mọi",
    "tiền", "trợ",   "phép", "cứ",    "bảng",  "thư",  "tờ",    "trình",
    "về",   "trong", "tại",  "từ",    "với",   "ứng"};

// Words after which a following actor is an object, not a subject.
const std::unordered_set<std::string> kObjectMarkers = {
    "với",   "của",   "cho",   "giữa",  "tới", "đến",  "về",   "từ",   "tại",
    "trong", "thuộc", "gửi",   "trình", "hợp", "cáo",  "đối",  "nhận", "mưu",
    "vào",   "ra",    "trước", "sau",   "qua", "kiến", "tham", "khi",  "gia",
    "ký",    "giúp",  "ngoài", "phía",  "như", "chỉ",  "mời",  "bởi"};

// Verbs whose object is the subject of the next verb ("vận động các quốc
// gia ủng hộ", "chỉ đạo Công an các tỉnh chủ trì").
const std::unordered_set<std::string> kCausatives = {
    "động", "gọi", "nghị", "cầu", "đạo", "dẫn",  "mời",
    "phục", "trợ", "giúp", "đốc", "ủy",  "quyền"};
const std::set<std::pair<std::string, std::string>> kCausativePairs = {
    {"vận", "động"}, {"kêu", "gọi"},   {"đề", "nghị"},     {"yêu", "cầu"},
    {"chỉ", "đạo"},  {"hướng", "dẫn"}, {"thuyết", "phục"}, {"hỗ", "trợ"},
    {"đôn", "đốc"},  {"ủy", "quyền"},  {"kiến", "nghị"},   {"giúp", "đỡ"}};

// Words that may stand between a subject and its verb.
const std::unordered_set<std::string> kSubjectGap = {
    "sẽ",    "đã",     "đang",  "cũng", "luôn", "vẫn",   "tiếp",  "tục",
    "có",    "thể",    "được",  "giao", "là",   "làm",   "trách", "nhiệm",
    "chịu",  "vụ",     "chính", "tích", "cực",  "chủ",   "động",  "mạnh",
    "mẽ",    "rất",    "đều",   "cùng", "đồng", "không", "chưa",  "hề",
    "cả",    "thường", "xuyên", "kịp",  "thời", "trực",  "tiếp",  "phải",
    "và",    "cơ",     "quan",  "đơn",  "vị",   "nhiều", "lần",   "từng",
    "hai",   "bên",    "phía",  "mình", "ta",   "theo",  "chức",  "năng",
    "quyền", "hạn",    "phạm",  "vi"};

// Words allowed before the cue of a clause without a subject ("a) Định kỳ
// chủ trì ...").
const std::unordered_set<std::string> kLeadAdverbs = {
    "định",  "kỳ",     "hằng",  "hàng", "năm",  "tháng", "quý",  "kịp",
    "thời",  "thường", "xuyên", "tiếp", "tục",  "chủ",   "động", "có",
    "trách", "nhiệm",  "chịu",  "được", "giao", "là",    "làm",  "đồng",
    "cũng",  "sẽ",     "đã",    "và",   "phải", "trực",  "tích", "cực"};

// Words after a clause-initial cue that show it is a noun subject
// ("Đồng chủ tọa có trách nhiệm ...").
const std::unordered_set<std::string> kNounSubjectAfter = {
    "có", "chịu", "là", "do", "được", "phải", "gồm", "bao"};

// Title words between "của" and an actor ("của Bộ trưởng Bộ Tư pháp").
const std::set<std::pair<std::string, std::string>> kTitles = {
    {"bộ", "trưởng"},  {"thủ", "trưởng"}, {"chủ", "tịch"},    {"lãnh", "đạo"},
    {"đại", "diện"},   {"thứ", "trưởng"}, {"cục", "trưởng"},  {"phó", "chủ"},
    {"tổng", "giám"},  {"giám", "đốc"},   {"viện", "trưởng"}, {"chánh", "án"},
    {"người", "đứng"}, {"trưởng", "đoàn"}};

// Words that a header line ("1. Bộ Tài chính có trách nhiệm:") may hold
// besides its actors.
const std::unordered_set<std::string> kHeaderWords = {
    "có",   "trách", "nhiệm", "vụ",    "quyền",  "hạn",  "và",    "nghĩa",
    "sau",  "đây",   "như",   "thực",  "hiện",   "các",  "chịu",  "những",
    "nội",  "dung",  "tỉnh",  "thành", "phố",    "trực", "thuộc", "trung",
    "ương", "cấp",   "huyện", "xã",    "phường", "các",  "cơ",    "quan"};

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// The code point at `i` (UTF-8) and its length.
std::pair<char32_t, size_t> decode_at(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  const std::u32string cp = utf8_to_u32(s.substr(i, len));
  return {cp.empty() ? 0 : cp[0], len};
}

bool is_upper_letter(char32_t c) { return lower_letter(c) != c; }

const std::unordered_set<std::string> kAbbreviations = {
    "tp", "tt", "ts", "ths", "pgs", "gs", "bs",  "ks",  "v.v", "vv",
    "st", "ng", "tx", "kt",  "tm",  "mr", "mrs", "ms",  "dr",  "vd",
    "tr", "ch", "no", "đc",  "q",   "p",  "tl",  "tuq", "ttg"};

// Lines, sentences within a line, clauses within a sentence.
std::vector<TextSpan> split_lines(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
      start = i + 1;
    }
  }
  return out;
}

void push_trimmed(std::string_view text, size_t b, size_t e,
                  std::vector<TextSpan>& out) {
  while (b < e && is_space_byte(text[b])) ++b;
  while (e > b && is_space_byte(text[e - 1])) --e;
  if (e > b)
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

// Whether the '.' at `i` ends an abbreviation, an initial or a list marker
// ("1.", "Điều 5.", "II.") of the sentence that began at `start`.
bool period_is_not_an_end(std::string_view text, size_t start, size_t i) {
  if (i - start <= 12) return true;  // "1.", "Điều 15.", "a.", "II."
  size_t w = i;
  while (w > start && !is_space_byte(text[w - 1]) && text[w - 1] != '(') --w;
  std::string word = to_nfc(text.substr(w, i - w));
  std::u32string u = utf8_to_u32(word);
  for (char32_t& c : u) c = lower_letter(c);
  const std::string lower = u32_to_utf8(u);
  if (kAbbreviations.count(lower)) return true;
  if (u.size() == 1) return true;  // an initial: "Nguyễn V. An"
  return false;
}

}  // namespace

std::vector<TextSpan> split_sentences(std::string_view text) {
  std::vector<TextSpan> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      push_trimmed(text, start, i, out);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ')' || text[j] == '"' ||
                               text[j] == '\'' || text[j] == '.')) {
      ++j;
    }
    // Closing quotation marks ” ’ (3 bytes each).
    while (j + 2 < text.size() && static_cast<unsigned char>(text[j]) == 0xE2 &&
           static_cast<unsigned char>(text[j + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[j + 2]) == 0x9D ||
            static_cast<unsigned char>(text[j + 2]) == 0x99)) {
      j += 3;
    }
    if (j >= text.size() || !is_space_byte(text[j]) || text[j] == '\n')
      continue;
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k >= text.size() || text[k] == '\n') continue;
    const auto [next, len] = decode_at(text, k);
    (void)len;
    const bool opens = is_upper_letter(next) ||
                       (next >= U'0' && next <= U'9') || next == U'•' ||
                       next == U'“' || next == U'"' || next == U'(' ||
                       next == U'-';
    if (!opens) continue;
    if (c == '.' && period_is_not_an_end(text, start, i)) continue;
    push_trimmed(text, start, j, out);
    start = k;
    i = k - 1;
  }
  push_trimmed(text, start, text.size(), out);
  return out;
}

const std::vector<Stance>& all_stances() {
  static const std::vector<Stance> all = {
      Stance::kSupports, Stance::kOpposes, Stance::kProposes, Stance::kRequests,
      Stance::kCommits,  Stance::kLeads,   Stance::kConcerned};
  return all;
}

const char* stance_id(Stance stance) {
  return kStanceNames[static_cast<size_t>(stance)].id.data();
}

const char* stance_label_vi(Stance stance) {
  return kStanceNames[static_cast<size_t>(stance)].label_vi.data();
}

std::optional<Stance> parse_stance(std::string_view id) {
  for (Stance s : all_stances()) {
    if (id == stance_id(s)) return s;
  }
  return std::nullopt;
}

const std::vector<StanceCue>& stance_cues() {
  static const std::vector<StanceCue> cues = [] {
    std::vector<StanceCue> out;
    for (const CueDef& d : kCues) out.push_back({d.phrase, d.stance});
    return out;
  }();
  return cues;
}

std::string position_key(std::string_view actor, Stance stance,
                         std::string_view quote) {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(quote, options);
  std::string text(actor);
  text += '\x1f';
  text += stance_id(stance);
  for (const Token& t : a.tokens) {
    if (t.kind == TokenKind::kDocNumberPart) continue;
    text += '\x1f';
    text += t.exact;
  }
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// ---------------------------------------------------------------------------

namespace {

// What the extractor derives once from a taxonomy.
struct Derived {
  const Taxonomy* taxonomy = nullptr;
  Taxonomy actors;     // agencies, networks, organisations, countries,
                       // processes and forums: names only, no topics
  Taxonomy processes;  // processes and forums alone (inside actors' names)
  std::vector<std::vector<std::string>> cue_terms;           // per kCues entry
  std::unordered_map<std::string, std::string> affiliation;  // actor->process
  std::unordered_map<std::string, std::string> forum_process;

  explicit Derived(const Taxonomy& t);
  std::string process_of_forum(const std::string& id) const;
  std::string process_in(std::string_view text) const;
};

bool is_actor_kind(const std::string& kind) {
  return kind == "agency" || kind == "network" || kind == "organisation" ||
         kind == "country";
}
bool is_process_kind(const std::string& kind) {
  return kind == "process" || kind == "forum";
}

Derived::Derived(const Taxonomy& t) : taxonomy(&t) {
  std::vector<TaxonomyEntry> actor_entries, process_entries;
  for (const TaxonomyEntry& e : t.entries()) {
    if (is_actor_kind(e.kind) || is_process_kind(e.kind)) {
      TaxonomyEntry copy = e;
      copy.keywords.clear();
      actor_entries.push_back(copy);
      if (is_process_kind(e.kind)) process_entries.push_back(std::move(copy));
    }
  }
  actors = Taxonomy::from_entries(std::move(actor_entries));
  processes = Taxonomy::from_entries(std::move(process_entries));
  AnalyzeOptions options;
  options.repair_legacy = false;
  for (const CueDef& d : kCues) {
    std::vector<std::string> terms;
    for (const Token& tok : analyze(d.phrase, options).tokens)
      terms.push_back(tok.exact);
    cue_terms.push_back(std::move(terms));
  }
  for (const TaxonomyEntry& e : t.entries()) {
    if (e.kind != "forum") continue;
    for (const Membership& m : e.member_of) {
      const TaxonomyEntry* p = t.find(m.id);
      if (p != nullptr && p->kind == "process") {
        forum_process[e.id] = p->id;
        break;
      }
    }
  }
  for (const TaxonomyEntry& e : t.entries()) {
    if (!is_actor_kind(e.kind)) continue;
    std::string process;
    for (const Membership& m : e.member_of) {
      const TaxonomyEntry* p = t.find(m.id);
      if (p == nullptr) continue;
      if (p->kind == "process") process = p->id;
      if (p->kind == "forum") process = process_of_forum(p->id);
      if (!process.empty()) break;
    }
    if (process.empty()) {
      std::string names = e.name;
      for (const std::string& a : e.aliases) names += "\n" + a;
      if (!e.name_en.empty()) names += "\n" + e.name_en;
      process = process_in(names);
    }
    if (!process.empty()) affiliation[e.id] = process;
  }
}

std::string Derived::process_of_forum(const std::string& id) const {
  auto it = forum_process.find(id);
  return it == forum_process.end() ? std::string() : it->second;
}

// The first process named in `text` (a forum gives its process).
std::string Derived::process_in(std::string_view text) const {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(text, options);
  for (const Mention& m : processes.find_mentions(a)) {
    if (a.tokens[m.first_token].kind == TokenKind::kDocNumberPart) continue;
    if (m.entry->kind == "process") return m.entry->id;
    std::string p = process_of_forum(m.entry->id);
    if (!p.empty()) return p;
  }
  return {};
}

}  // namespace

struct PositionExtractor::Impl {
  explicit Impl(const Taxonomy& t) : derived(t) {}
  Derived derived;
};

PositionExtractor::PositionExtractor(const Taxonomy& taxonomy)
    : impl_(std::make_unique<Impl>(taxonomy)) {}
PositionExtractor::~PositionExtractor() = default;
PositionExtractor::PositionExtractor(PositionExtractor&&) noexcept = default;
PositionExtractor& PositionExtractor::operator=(PositionExtractor&&) noexcept =
    default;

namespace {

// A page normalised to NFC, with the way back to the page's own offsets.
// NFC never composes across white space, so each run of non-space bytes is
// normalised on its own.
class NormalizedPage {
 public:
  explicit NormalizedPage(const std::string& page) : page_(page) {
    text_ = to_nfc(page);
    if (text_ == page) {
      identity_ = true;
      return;
    }
    text_.clear();
    size_t i = 0;
    while (i < page.size()) {
      size_t j = i;
      const bool space = is_space_byte(page[i]);
      while (j < page.size() && is_space_byte(page[j]) == space) ++j;
      Chunk c;
      c.norm_begin = text_.size();
      c.page_begin = i;
      c.page_end = j;
      const std::string_view piece(page.data() + i, j - i);
      const std::string n = space ? std::string(piece) : to_nfc(piece);
      c.same = n == piece;
      text_ += n;
      c.norm_end = text_.size();
      chunks_.push_back(c);
      i = j;
    }
  }
  const std::string& text() const { return text_; }

  // The page offset of normalised offset `off`; `is_end` rounds a position
  // inside a changed run to the run's end rather than its start.
  uint32_t to_page(size_t off, bool is_end) const {
    if (identity_) return static_cast<uint32_t>(off);
    auto it = std::upper_bound(
        chunks_.begin(), chunks_.end(), off,
        [](size_t o, const Chunk& c) { return o < c.norm_begin; });
    if (it == chunks_.begin()) return 0;
    const Chunk& c = *(it - 1);
    if (off >= c.norm_end) return static_cast<uint32_t>(c.page_end);
    if (c.same) return static_cast<uint32_t>(c.page_begin + off - c.norm_begin);
    if (off == c.norm_begin) return static_cast<uint32_t>(c.page_begin);
    // Inside a word that normalisation changed: the page prefix whose NFC
    // is as long (words are short), else the word's edge.
    const std::string_view word(page_.data() + c.page_begin,
                                c.page_end - c.page_begin);
    for (size_t k = 1; k < word.size(); ++k) {
      if ((static_cast<unsigned char>(word[k]) & 0xC0) == 0x80) continue;
      if (to_nfc(word.substr(0, k)).size() == off - c.norm_begin)
        return static_cast<uint32_t>(c.page_begin + k);
    }
    return static_cast<uint32_t>(is_end ? c.page_end : c.page_begin);
  }

 private:
  struct Chunk {
    size_t norm_begin = 0, norm_end = 0, page_begin = 0, page_end = 0;
    bool same = true;
  };
  const std::string& page_;
  std::string text_;
  bool identity_ = false;
  std::vector<Chunk> chunks_;
};

// A word of the analysis (document-number parts left out).
struct Unit {
  uint32_t begin = 0, end = 0;
  std::string exact;
  TokenKind kind = TokenKind::kWord;
};

// A named entity found in the page: an actor or a process/forum.
struct Found {
  const TaxonomyEntry* entry = nullptr;
  size_t u0 = 0, u1 = 0;  // units [u0, u1)
  bool process = false;
};

// Actors standing together ("Bộ Công an, Bộ Quốc phòng").
struct Group {
  std::vector<size_t> members;  // indices into found
  size_t u0 = 0, u1 = 0;
};

enum class LineKind { kArticle, kSection, kClause, kPoint, kBullet, kPara };

struct CueHit {
  size_t def = 0;  // index into kCues
  size_t u0 = 0, u1 = 0;
  std::vector<std::string> actors;  // resolved (empty: none)
  bool resolved = false;
  bool noun = false;  // used as a noun ("hồ sơ đề nghị"): no verb
};

class PageReader {
 public:
  PageReader(const Derived& impl, const std::string& page, uint32_t page_number,
             const PositionContext& ctx, const std::string& doc_process,
             bool first_page, std::vector<ExtractedPosition>& out)
      : impl_(impl),
        page_(page),
        norm_(page),
        page_number_(page_number),
        ctx_(ctx),
        doc_process_(doc_process),
        first_page_(first_page),
        out_(out) {}

  void run();

 private:
  const std::string& text() const { return norm_.text(); }
  std::string_view unit_text(size_t u) const {
    return std::string_view(text()).substr(units_[u].begin,
                                           units_[u].end - units_[u].begin);
  }
  const std::string& word(size_t u) const { return units_[u].exact; }
  size_t first_unit_at_or_after(size_t byte) const;
  bool between_has(size_t a_end, size_t b_begin, char c) const;

  void build_units_and_mentions();
  void build_groups();
  std::vector<std::string> header_subject(size_t u0, size_t u1,
                                          size_t line_end_byte) const;
  std::vector<std::string> group_ids(const Group& g) const;
  int group_at(size_t u) const { return unit_group_[u]; }
  int found_at(size_t u) const { return unit_found_[u]; }
  bool group_is_object(const Group& g, size_t clause_u0) const;
  bool in_object_list(const Group& g, size_t clause_u0,
                      const std::vector<CueHit>& earlier) const;
  bool is_country_modifier(const Found& f, size_t clause_u0) const;
  std::vector<std::string> actors_after(size_t u, size_t clause_u1,
                                        bool allow_titles) const;
  std::string passage_date(size_t u0, size_t u1) const;

  void read_line(size_t lb, size_t le);
  void read_clause(size_t cb, size_t ce, size_t sentence_u0, size_t sentence_u1,
                   std::vector<std::string>& sentence_subject);
  void resolve(CueHit& hit, std::vector<CueHit>& earlier, size_t cu0,
               size_t cu1, size_t clause_start_u,
               const std::vector<std::string>& sentence_subject, bool& negated,
               Stance& stance);
  std::vector<std::string> context_subject() const;

  const Derived& impl_;
  const std::string& page_;
  NormalizedPage norm_;
  uint32_t page_number_;
  const PositionContext& ctx_;
  const std::string& doc_process_;
  bool first_page_;
  std::vector<ExtractedPosition>& out_;

  std::vector<Unit> units_;
  std::vector<Found> found_;
  std::vector<int> unit_found_;
  std::vector<Group> groups_;
  std::vector<int> unit_group_;
  std::vector<std::pair<size_t, const TaxonomyEntry*>> topics_;  // unit, topic

  // Structure state.
  LineKind line_kind_ = LineKind::kPara;
  bool seen_article_ = false;
  std::vector<std::string> doc_subject_, article_subject_, clause_subject_,
      point_subject_, para_subject_;
  bool first_line_ = true;
  bool clause_blocked_ = false, point_blocked_ = false;
};

bool ends_with_colon(std::string_view line) {
  while (!line.empty() && is_space_byte(line.back())) line.remove_suffix(1);
  return !line.empty() && line.back() == ':';
}

size_t PageReader::first_unit_at_or_after(size_t byte) const {
  return std::lower_bound(units_.begin(), units_.end(), byte,
                          [](const Unit& u, size_t b) { return u.begin < b; }) -
         units_.begin();
}

// Whether the bytes between two units hold `c`.
bool PageReader::between_has(size_t a_end, size_t b_begin, char c) const {
  if (b_begin <= a_end) return false;
  return std::string_view(text()).substr(a_end, b_begin - a_end).find(c) !=
         std::string_view::npos;
}

void PageReader::build_units_and_mentions() {
  AnalyzeOptions options;
  options.repair_legacy = false;
  const Analysis a = analyze(text(), options);
  if (a.text != text()) return;  // ill-formed UTF-8: offsets would not hold
  std::vector<int> unit_of_token(a.tokens.size(), -1);
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    if (t.kind == TokenKind::kDocNumberPart) continue;
    unit_of_token[i] = static_cast<int>(units_.size());
    units_.push_back({t.begin, t.end, t.exact, t.kind});
  }
  unit_found_.assign(units_.size(), -1);
  // Mentions at one span: a process or forum wins over a network of the
  // same name (EITI); among actors the first listed wins.
  const std::vector<Mention> mentions = impl_.actors.find_mentions(a);
  for (size_t i = 0; i < mentions.size();) {
    size_t j = i;
    const Mention* best = &mentions[i];
    while (j < mentions.size() &&
           mentions[j].first_token == mentions[i].first_token) {
      if (is_process_kind(mentions[j].entry->kind) &&
          !is_process_kind(best->entry->kind)) {
        best = &mentions[j];
      }
      ++j;
    }
    i = j;
    const int u0 = unit_of_token[best->first_token];
    if (u0 < 0) continue;  // an issuer code inside a document number
    int u1 = u0;
    for (size_t k = best->first_token;
         k < best->first_token + best->token_count; ++k) {
      if (unit_of_token[k] >= 0) u1 = unit_of_token[k] + 1;
    }
    Found f{best->entry, static_cast<size_t>(u0), static_cast<size_t>(u1),
            is_process_kind(best->entry->kind)};
    for (size_t u = f.u0; u < f.u1; ++u)
      unit_found_[u] = static_cast<int>(found_.size());
    found_.push_back(f);
  }
  for (const Mention& m : impl_.taxonomy->find_mentions(a)) {
    if (m.entry->kind != "topic") continue;
    const int u = unit_of_token[m.first_token];
    if (u >= 0) topics_.push_back({static_cast<size_t>(u), m.entry});
  }
}

// Consecutive actors joined by "," "/" "và" "hoặc" "cùng", or by one
// unknown acronym ("ADB, Đại sứ quán Hà Lan và DWRM/ Bộ TN&MT"), or the
// same actor twice ("Trung tâm Con người và Thiên nhiên (PanNature)").
void PageReader::build_groups() {
  unit_group_.assign(units_.size(), -1);
  for (size_t i = 0; i < found_.size(); ++i) {
    const Found& f = found_[i];
    if (f.process) continue;
    bool joined = false;
    if (!groups_.empty()) {
      Group& g = groups_.back();
      const Found& last = found_[g.members.back()];
      const size_t gap = f.u0 - last.u1;
      bool ok = false;
      if (between_has(units_[last.u1 - 1].end, units_[f.u0].begin, '\n') ||
          between_has(units_[last.u1 - 1].end, units_[f.u0].begin, ';') ||
          between_has(units_[last.u1 - 1].end, units_[f.u0].begin, ':')) {
        ok = false;
      } else if (gap == 0) {
        ok = true;
      } else if (gap == 1) {
        const std::string& w = word(last.u1);
        const std::string_view raw = unit_text(last.u1);
        const bool acronym =
            raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char c) {
              return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            });
        ok = w == "và" || w == "hoặc" || w == "cùng" || acronym;
      } else if (gap == 2) {
        ok = word(last.u1) == "và" && unit_text(last.u1 + 1).size() >= 2 &&
             std::all_of(unit_text(last.u1 + 1).begin(),
                         unit_text(last.u1 + 1).end(),
                         [](char c) { return c >= 'A' && c <= 'Z'; });
      }
      if (ok) {
        g.members.push_back(i);
        g.u1 = f.u1;
        joined = true;
      }
    }
    if (!joined) groups_.push_back({{i}, f.u0, f.u1});
  }
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    for (size_t m : groups_[gi].members) {
      for (size_t u = found_[m].u0; u < found_[m].u1; ++u)
        unit_group_[u] = static_cast<int>(gi);
    }
  }
}

std::vector<std::string> PageReader::group_ids(const Group& g) const {
  std::vector<std::string> ids;
  for (size_t m : g.members) {
    const Found& f = found_[m];
    if (is_country_modifier(f, 0) && m != g.members.front()) continue;
    if (std::find(ids.begin(), ids.end(), f.entry->id) == ids.end())
      ids.push_back(f.entry->id);
  }
  return ids;
}

// A country right after a word or another actor names what it qualifies
// ("Đài Truyền hình Việt Nam", "Chính phủ Việt Nam"), not an actor.
bool PageReader::is_country_modifier(const Found& f, size_t clause_u0) const {
  if (f.entry->kind != "country" || f.u0 == 0 || f.u0 <= clause_u0)
    return false;
  const size_t p = f.u0 - 1;
  if (between_has(units_[p].end, units_[f.u0].begin, ',') ||
      between_has(units_[p].end, units_[f.u0].begin, '(') ||
      between_has(units_[p].end, units_[f.u0].begin, '\n') ||
      between_has(units_[p].end, units_[f.u0].begin, ':')) {
    return false;
  }
  static const std::unordered_set<std::string> kFree = {
      "và",   "hoặc", "là",   "do",  "được", "bởi",
      "giao", "cả",   "cùng", "của", "với",  "giữa"};
  return !kFree.count(word(p));
}

// Whether the group is the object of what precedes it ("phối hợp với X",
// "báo cáo Thủ tướng Chính phủ", "của Bộ trưởng Bộ X").
bool PageReader::group_is_object(const Group& g, size_t clause_u0) const {
  size_t p = g.u0;
  while (p >= clause_u0 + 2 && p >= 2 &&
         kTitles.count({word(p - 2), word(p - 1)})) {
    p -= 2;
  }
  if (p == 0 || p <= clause_u0) return false;
  if (between_has(units_[p - 1].end, units_[p].begin, ',') ||
      between_has(units_[p - 1].end, units_[p].begin, '(')) {
    return false;
  }
  return kObjectMarkers.count(word(p - 1)) > 0;
}

// The actors named right after unit `u` (skipping title words when
// `allow_titles`), within the clause.
std::vector<std::string> PageReader::actors_after(size_t u, size_t clause_u1,
                                                  bool allow_titles) const {
  size_t p = u;
  if (allow_titles) {
    for (int k = 0;
         k < 2 && p + 1 < clause_u1 && kTitles.count({word(p), word(p + 1)});
         ++k) {
      p += 2;
    }
  }
  if (p >= clause_u1) return {};
  const int g = group_at(p);
  if (g < 0 || groups_[g].u0 != p) return {};
  return group_ids(groups_[g]);
}

// The first date the passage states as its own: "ngày 16/8/2021", "ngày 9
// tháng 10 năm 2025", "tháng 6/2005", "tháng 6 năm 2005". Deadlines and
// periods ("trước ngày", "đến năm", "từ ngày") are not the passage's date.
std::string PageReader::passage_date(size_t u0, size_t u1) const {
  static const std::unordered_set<std::string> kNotOwn = {
      "trước", "đến", "hết",  "từ", "tới", "sau",
      "vào",   "hạn", "đoạn", "kể", "lực", "dự"};
  auto own = [&](size_t u) {  // the two words before "ngày"/"tháng"
    if (u > u0 && kNotOwn.count(word(u - 1))) return false;
    if (u > u0 + 1 && kNotOwn.count(word(u - 2))) return false;
    return true;
  };
  auto number = [&](size_t u) -> int {
    if (u >= u1 || units_[u].kind != TokenKind::kNumber) return -1;
    const std::string& w = word(u);
    if (w.empty() || w.size() > 4 ||
        !std::all_of(w.begin(), w.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      return -1;
    }
    return std::stoi(w);
  };
  char buf[48];
  for (size_t u = u0; u < u1; ++u) {
    const std::string& w = word(u);
    if (w != "ngày" && w != "tháng") continue;
    if (!own(u)) continue;
    if (u + 1 >= u1) continue;
    const std::string& next = word(u + 1);
    if (w == "ngày" && next.size() == 10 && next[4] == '-' && next[7] == '-' &&
        units_[u + 1].kind == TokenKind::kNumber) {
      return next;  // "ngày 16/8/2021" is already "2021-08-16"
    }
    if (w == "ngày") {
      const std::string& raw = next;  // "9-10/9/2021": the first day
      const size_t dash = raw.rfind('-');
      if (dash != std::string::npos && raw.find('/') != std::string::npos) {
        std::string tail = raw.substr(dash + 1);
        int d = 0, m = 0, y = 0;
        if (std::sscanf(tail.c_str(), "%d/%d/%d", &d, &m, &y) == 3 && d >= 1 &&
            d <= 31 && m >= 1 && m <= 12 && y > 1800) {
          int d0 = std::atoi(raw.c_str());
          if (d0 >= 1 && d0 <= d) d = d0;
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
          return buf;
        }
      }
      // "ngày 9 tháng 10 năm 2025"
      const int d = number(u + 1);
      if (d >= 1 && d <= 31 && u + 5 < u1 + 1 && u + 2 < u1 &&
          word(u + 2) == "tháng") {
        const int m = number(u + 3);
        if (m >= 1 && m <= 12 && u + 4 < u1 && word(u + 4) == "năm") {
          const int y = number(u + 5);
          if (y > 1800) {
            std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
            return buf;
          }
        }
      }
      continue;
    }
    // "tháng 6/2005", "tháng 6 năm 2005"
    int m = 0, y = 0;
    if (std::sscanf(next.c_str(), "%d/%d", &m, &y) == 2 && m >= 1 && m <= 12 &&
        y > 1800 && next.find('/') != std::string::npos) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      return buf;
    }
    m = number(u + 1);
    if (m >= 1 && m <= 12 && u + 3 < u1 && word(u + 2) == "năm") {
      y = number(u + 3);
      if (y > 1800) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        return buf;
      }
    }
  }
  return {};
}

// A header's actors: "1. Bộ Ngoại giao:", "Bộ Công an có trách nhiệm:",
// "Định kỳ hằng năm ..., Bộ Công an có trách nhiệm:", "Điều 13. Trách
// nhiệm của Bộ Tài chính", "1. Bộ Tài chính (Cục Thống kê)".
std::vector<std::string> PageReader::header_subject(
    size_t u0, size_t u1, size_t line_end_byte) const {
  if (u0 >= u1) return {};
  // Skip a list marker ("1", "a", "II").
  size_t s = u0;
  if (line_kind_ == LineKind::kClause || line_kind_ == LineKind::kPoint ||
      line_kind_ == LineKind::kArticle) {
    if (line_kind_ == LineKind::kArticle) ++s;  // "điều"
    if (s < u1) ++s;                            // the number or letter
  }
  if (line_kind_ == LineKind::kArticle) {
    // "Trách nhiệm / Nhiệm vụ / Quyền ... của X"
    if (s >= u1) return {};
    const std::string& w = word(s);
    if (w != "trách" && w != "nhiệm" && w != "quyền" && w != "chức") return {};
    // Only heading words before "của": "Trách nhiệm tổ chức thực hiện ...
    // của Quốc hội" is not the Assembly's duty.
    static const std::unordered_set<std::string> kDutyWords = {
        "trách", "nhiệm", "vụ", "quyền", "hạn", "và", "nghĩa", "chức", "năng"};
    for (size_t u = s; u < u1; ++u) {
      if (word(u) == "của") return actors_after(u + 1, u1, true);
      if (!kDutyWords.count(word(u))) return {};
    }
    return {};
  }
  // The text up to a final colon, or the whole line when it is only names.
  std::string_view line = std::string_view(text()).substr(
      units_[u0].begin, line_end_byte - units_[u0].begin);
  while (!line.empty() && is_space_byte(line.back())) line.remove_suffix(1);
  const bool colon = !line.empty() && line.back() == ':';
  auto try_from = [&](size_t from) -> std::vector<std::string> {
    if (from >= u1) return {};  // a line that is only its list marker
    const int g = group_at(from);
    if (g < 0 || groups_[g].u0 != from || groups_[g].u1 > u1) return {};
    size_t rest = 0;
    for (size_t u = groups_[g].u1; u < u1; ++u) {
      if (!kHeaderWords.count(word(u))) ++rest;
    }
    if (colon ? rest > 2
              : (groups_[g].u1 != u1 &&
                 !between_has(units_[groups_[g].u1 - 1].end,
                              units_[groups_[g].u1].begin, '('))) {
      return {};
    }
    return group_ids(groups_[g]);
  };
  std::vector<std::string> ids = try_from(s);
  if (!ids.empty() || !colon) return ids;
  // After a leading adverbial: the part after the last comma.
  for (size_t u = u1; u > s + 1; --u) {
    if (between_has(units_[u - 2].end, units_[u - 1].begin, ',')) {
      return try_from(u - 1);
    }
  }
  return {};
}

std::vector<std::string> PageReader::context_subject() const {
  switch (line_kind_) {
    case LineKind::kArticle:
    case LineKind::kSection:
      return {};
    case LineKind::kClause:
      return article_subject_;
    case LineKind::kPoint:
      if (clause_blocked_) return {};
      return !clause_subject_.empty() ? clause_subject_ : article_subject_;
    case LineKind::kPara:
    case LineKind::kBullet:
      break;
  }
  if (point_blocked_ || clause_blocked_) return {};
  if (line_kind_ == LineKind::kBullet && !para_subject_.empty())
    return para_subject_;
  if (!point_subject_.empty()) return point_subject_;
  if (!clause_subject_.empty()) return clause_subject_;
  if (!article_subject_.empty()) return article_subject_;
  if (!seen_article_) return doc_subject_;
  return {};
}

void PageReader::run() {
  build_units_and_mentions();
  if (units_.empty()) return;
  build_groups();
  for (const TextSpan& line : split_lines(text()))
    read_line(line.begin, line.end);
}

LineKind classify_line(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_space_byte(line[i])) ++i;
  line.remove_prefix(i);
  if (line.empty()) return LineKind::kPara;
  auto starts = [&](std::string_view p) {
    return line.substr(0, p.size()) == p;
  };
  const std::string_view kArticleWord = "Điều ";
  if (starts(kArticleWord) && line.size() > kArticleWord.size() &&
      line[kArticleWord.size()] >= '0' && line[kArticleWord.size()] <= '9') {
    return LineKind::kArticle;
  }
  if (starts("Chương ") || starts("CHƯƠNG ") || starts("Mục ") ||
      starts("MỤC ") || starts("Phần ") || starts("PHẦN ")) {
    return LineKind::kSection;
  }
  size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')'))
    return LineKind::kClause;
  if (line.size() >= 2 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')')
    return LineKind::kPoint;
  if (starts("đ)")) return LineKind::kPoint;
  if (starts("•") || starts("- ") || starts("+ ") || starts("* ") ||
      starts("Ø") || starts("– ") || starts("▪") || starts("●") ||
      starts("◦")) {
    return LineKind::kBullet;
  }
  return LineKind::kPara;
}

void PageReader::read_line(size_t lb, size_t le) {
  const std::string_view line = std::string_view(text()).substr(lb, le - lb);
  const size_t u0 = first_unit_at_or_after(lb);
  size_t u1 = u0;
  while (u1 < units_.size() && units_[u1].end <= le) ++u1;
  if (u0 == u1) return;
  line_kind_ = classify_line(line);
  // A first line that is one actor's name: the page is about it.
  if (first_line_) {
    first_line_ = false;
    if (first_page_ && u1 - u0 <= 12) {
      const int g = group_at(u0);
      if (g >= 0 && groups_[g].members.size() == 1 &&
          (groups_[g].u1 - groups_[g].u0) * 10 >= (u1 - u0) * 6) {
        doc_subject_ = group_ids(groups_[g]);
      }
    }
  }
  switch (line_kind_) {
    case LineKind::kArticle:
      seen_article_ = true;
      clause_blocked_ = point_blocked_ = false;
      article_subject_ = header_subject(u0, u1, le);
      clause_subject_.clear();
      point_subject_.clear();
      para_subject_.clear();
      return;
    case LineKind::kSection:
      clause_blocked_ = point_blocked_ = false;
      article_subject_.clear();
      clause_subject_.clear();
      point_subject_.clear();
      para_subject_.clear();
      return;
    case LineKind::kClause:
      point_subject_.clear();
      para_subject_.clear();
      point_blocked_ = false;
      clause_subject_ = header_subject(u0, u1, le);
      // "5. Thành viên của Hội đồng có trách nhiệm:" heads items whose
      // subject is no actor: they must not fall back on the article's.
      clause_blocked_ = clause_subject_.empty() && ends_with_colon(line);
      if (!clause_subject_.empty()) return;
      break;
    case LineKind::kPoint:
      para_subject_.clear();
      point_subject_ = header_subject(u0, u1, le);
      point_blocked_ = point_subject_.empty() && ends_with_colon(line);
      if (!point_subject_.empty()) return;
      break;
    case LineKind::kPara: {
      std::vector<std::string> h = header_subject(u0, u1, le);
      std::string_view t = line;
      while (!t.empty() && is_space_byte(t.back())) t.remove_suffix(1);
      if (!h.empty() && !t.empty() && t.back() == ':') {
        para_subject_ = std::move(h);
        return;
      }
      para_subject_.clear();
      break;
    }
    case LineKind::kBullet:
      break;
  }
  for (const TextSpan& s : split_sentences(line)) {
    const size_t sb = lb + s.begin, se = lb + s.end;
    const size_t su0 = first_unit_at_or_after(sb);
    size_t su1 = su0;
    while (su1 < units_.size() && units_[su1].end <= se) ++su1;
    std::vector<std::string> sentence_subject;
    size_t cb = sb;
    for (size_t i = sb; i <= se; ++i) {
      if (i == se || text()[i] == ';') {
        read_clause(cb, i, su0, su1, sentence_subject);
        cb = i + 1;
      }
    }
  }
}

bool matches_at(const std::vector<Unit>& units, size_t u, size_t limit,
                const std::vector<std::string>& terms) {
  if (u + terms.size() > limit) return false;
  for (size_t k = 0; k < terms.size(); ++k) {
    if (units[u + k].exact != terms[k]) return false;
  }
  return true;
}

void PageReader::read_clause(size_t cb, size_t ce, size_t sentence_u0,
                             size_t sentence_u1,
                             std::vector<std::string>& sentence_subject) {
  const size_t cu0 = first_unit_at_or_after(cb);
  size_t cu1 = cu0;
  while (cu1 < units_.size() && units_[cu1].end <= ce) ++cu1;
  if (cu0 == cu1) return;
  // The cues of the clause, left to right; none inside a name.
  std::vector<CueHit> hits;
  for (size_t u = cu0; u < cu1;) {
    size_t matched = 0;
    if (found_at(u) < 0) {
      for (size_t d = 0; d < std::size(kCues); ++d) {
        const auto& terms = impl_.cue_terms[d];
        if (!matches_at(units_, u, cu1, terms)) continue;
        bool inside = false;
        for (size_t k = u; k < u + terms.size(); ++k)
          inside = inside || found_at(k) >= 0;
        if (inside) continue;
        hits.push_back({d, u, u + terms.size(), {}, false});
        matched = terms.size();
        break;
      }
    }
    u += matched > 0 ? matched : 1;
  }
  if (hits.empty()) return;
  // "vận động X <cue>": the advocacy is the other cue's means.
  std::vector<CueHit> earlier;
  for (size_t h = 0; h < hits.size(); ++h) {
    CueHit& hit = hits[h];
    const CueDef& def = kCues[hit.def];
    bool negated = false;
    Stance stance = def.stance;
    resolve(hit, earlier, cu0, cu1, cu0, sentence_subject, negated, stance);
    earlier.push_back(hit);
    if (!hit.actors.empty()) sentence_subject = hit.actors;
    if (hit.actors.empty()) continue;
    if ((def.flags & kAdvocacy) && h + 1 < hits.size()) continue;
    if (negated) {
      if (stance != Stance::kSupports) continue;
      stance = Stance::kOpposes;
    }
    // The clause as quote, without bullets and surrounding space.
    size_t qb = cb, qe = ce;
    while (qb < qe) {
      if (is_space_byte(text()[qb])) {
        ++qb;
        continue;
      }
      const auto [cp, len] = decode_at(text(), qb);
      // Bullets, and the no-break and typographic spaces of web pages.
      if (cp == U'•' || cp == U'Ø' || cp == U'▪' || cp == U'●' || cp == U'◦' ||
          cp == U'-' || cp == U'–' || cp == U'+' || cp == U'*' ||
          cp == U'\u00A0' || (cp >= U'\u2000' && cp <= U'\u200B') ||
          cp == U'\u202F' || cp == U'\u3000') {
        qb += len;
        continue;
      }
      break;
    }
    while (qe > qb) {
      if (is_space_byte(text()[qe - 1])) {
        --qe;
      } else if (qe - qb >= 2 && text().substr(qe - 2, 2) == "\u00A0") {
        qe -= 2;  // a trailing no-break space
      } else {
        break;
      }
    }
    const uint32_t pb = norm_.to_page(qb, false);
    const uint32_t pe = norm_.to_page(qe, true);
    // Process and forum: named in the sentence, else the actor's, else the
    // document's.
    std::string process, forum;
    for (size_t u = sentence_u0; u < sentence_u1; ++u) {
      const int fi = found_at(u);
      if (fi < 0 || !found_[fi].process || found_[fi].u0 != u) continue;
      const TaxonomyEntry* e = found_[fi].entry;
      if (e->kind == "forum" && forum.empty()) forum = e->id;
      if (e->kind == "process" && process.empty()) process = e->id;
    }
    if (process.empty() && !forum.empty())
      process = impl_.process_of_forum(forum);
    std::vector<std::string> topics;
    for (const auto& [u, entry] : topics_) {
      if (u < sentence_u0 || u >= sentence_u1) continue;
      if (std::find(topics.begin(), topics.end(), entry->id) == topics.end())
        topics.push_back(entry->id);
    }
    if (topics.empty()) {
      for (size_t i = 0; i < ctx_.topics.size() && i < 3; ++i)
        topics.push_back(ctx_.topics[i]);
    }
    std::string date = passage_date(sentence_u0, sentence_u1);
    const bool own_date = !date.empty();
    if (!own_date) date = ctx_.issue_date;
    const std::string cue_text(std::string_view(text()).substr(
        units_[hit.u0].begin, units_[hit.u1 - 1].end - units_[hit.u0].begin));
    for (const std::string& actor : hit.actors) {
      bool dup = false;
      for (const ExtractedPosition& p : out_) {
        dup = dup || (p.page == page_number_ && p.begin == pb && p.end == pe &&
                      p.actor == actor && p.stance == stance);
      }
      if (dup) continue;
      ExtractedPosition p;
      p.actor = actor;
      p.stance = stance;
      p.forum = forum;
      p.process = process;
      if (p.process.empty()) {
        auto it = impl_.affiliation.find(actor);
        if (it != impl_.affiliation.end()) p.process = it->second;
      }
      if (p.process.empty()) p.process = doc_process_;
      p.topics = topics;
      p.date = date;
      p.date_from_passage = own_date;
      p.quote = page_.substr(pb, pe - pb);
      p.page = page_number_;
      p.begin = pb;
      p.end = pe;
      p.cue = cue_text;
      p.key = position_key(p.actor, p.stance, p.quote);
      out_.push_back(std::move(p));
    }
  }
}

void PageReader::resolve(CueHit& hit, std::vector<CueHit>& earlier, size_t cu0,
                         size_t cu1, size_t clause_start_u,
                         const std::vector<std::string>& sentence_subject,
                         bool& negated, Stance& stance) {
  const CueDef& def = kCues[hit.def];
  hit.resolved = true;
  const size_t c0 = hit.u0, c1 = hit.u1;
  const std::string prev = c0 > cu0 ? word(c0 - 1) : std::string();
  const std::string prev2 = c0 > cu0 + 1 ? word(c0 - 2) : std::string();
  const std::string phrase = def.phrase;
  // Negation right before the cue.
  if (prev == "không" || prev == "chưa" || prev == "chẳng" ||
      (prev == "hề" && (prev2 == "không" || prev2 == "chưa"))) {
    negated = true;
  }
  const bool after_colon =
      c1 < cu1 && between_has(units_[c1 - 1].end, units_[c1].begin, ':');
  // "Điều hành: X" is the only use of "điều hành" we read.
  if (phrase == "điều hành") {
    if (after_colon) hit.actors = actors_after(c1, cu1, false);
    return;
  }
  if (after_colon) {  // "Đề xuất, kiến nghị:" (a form's heading)
    hit.noun = true;
    return;
  }
  // "đề nghị X ...": a request to X; without an addressee, a proposal.
  static const std::unordered_set<std::string> kAgentNouns = {
      "cơ",    "đơn", "tổ",    "các",  "bộ",    "cá",   "ủy",
      "người", "chủ", "doanh", "ngân", "những", "quốc", "chính"};
  const bool addressee_actor =
      (def.flags & kAddressee) && c1 < cu1 &&
      (!actors_after(c1, cu1, false).empty() ||
       (word(c1) == "với" && !actors_after(c1 + 1, cu1, false).empty()));
  const bool addressee =
      addressee_actor ||
      ((def.flags & kAddressee) && c1 < cu1 && kAgentNouns.count(word(c1)) &&
       !between_has(units_[c1 - 1].end, units_[c1].begin, ','));
  if (addressee || def.stance == Stance::kRequests) stance = Stance::kRequests;
  // "đầu mối là X", "<cue> bởi X".
  if (def.flags & kAgentAfter) {
    hit.actors = actors_after(c1, cu1, false);
    return;
  }
  if (c1 < cu1 && word(c1) == "bởi") {
    hit.actors = actors_after(c1 + 1, cu1, true);
    return;
  }
  // "của X" right after the cue; of a list, a last member set off by a
  // comma when the clause goes on is the next verb's subject ("Trên cơ sở
  // đề xuất của Bộ Ngoại giao, Bộ Tài chính tổng hợp").
  std::vector<std::string> possessive;
  if (c1 < cu1 && word(c1) == "của") {
    possessive = actors_after(c1 + 1, cu1, true);
    size_t p = c1 + 1;
    while (p + 1 < cu1 && kTitles.count({word(p), word(p + 1)})) p += 2;
    const int g = p < cu1 ? group_at(p) : -1;
    if (g >= 0 && possessive.size() >= 2 && groups_[g].u1 < cu1) {
      const Found& last = found_[groups_[g].members.back()];
      const Found& before =
          found_[groups_[g].members[groups_[g].members.size() - 2]];
      if (between_has(units_[before.u1 - 1].end, units_[last.u0].begin, ',')) {
        possessive.pop_back();
      }
    }
  }
  // A noun: only "của X" names whose it is ("Theo đề nghị của Bộ trưởng Bộ
  // X", "cam kết của Chính phủ").
  bool noun = kNounBefore.count(prev) > 0 &&
              !(prev == "quan" && prev2 == "liên");  // "có liên quan đề xuất"
  // Right after another cue it is that verb's object ("ủng hộ đề xuất",
  // "chủ trì vận động các quốc gia").
  for (const CueHit& e : earlier) {
    if (e.u1 == c0 && !e.noun &&
        !between_has(units_[c0 - 1].end, units_[c0].begin, ',')) {
      noun = true;
    }
  }
  if (noun && (prev == "quan" || prev == "vị" || prev == "chức") &&
      c0 >= cu0 + 3 && (word(c0 - 3) == "là" || word(c0 - 3) == "làm")) {
    noun = false;  // "là cơ quan chủ trì"
  }
  if (phrase.rfind("cơ quan", 0) == 0 || phrase.rfind("đơn vị", 0) == 0) {
    noun = !(prev == "là" || prev == "làm");
  }
  if (phrase == "cam kết" && c1 + 1 < cu1 && word(c1) == "quốc" &&
      word(c1 + 1) == "tế") {
    noun = true;  // "cam kết quốc tế": international commitments
  }
  if (noun) {
    hit.noun = true;
    if (!possessive.empty()) {
      hit.actors = possessive;
      if ((def.flags & kAddressee) && def.stance == Stance::kProposes)
        stance = Stance::kProposes;
    }
    return;
  }
  // The subject before the cue. A candidate set off by a comma and other
  // words, or too far, is not the subject, but an earlier cue of the clause
  // may still share its own ("X chủ trì, phối hợp với ... đề xuất").
  size_t foreign = 0;
  bool comma_seen = false;
  size_t u = c0;
  while (u > cu0) {
    --u;
    if (between_has(units_[u].end, units_[u + 1].begin, ',')) comma_seen = true;
    const int gi = group_at(u);
    if (gi >= 0) {
      const Group& g = groups_[gi];
      const Found& head = found_[g.members.front()];
      const bool object =
          group_is_object(g, cu0) || in_object_list(g, cu0, earlier);
      // "Cục Công nghiệp công nghệ thông tin (Bộ Khoa học và Công nghệ)
      // chủ trì": the ministry in brackets only says whose office it is.
      const bool bracketed =
          g.u0 > cu0 && group_at(g.u0 - 1) < 0 &&
          between_has(units_[g.u0 - 1].end, units_[g.u0].begin, '(');
      const bool modifier = bracketed || (g.members.size() == 1 &&
                                          is_country_modifier(head, cu0));
      const bool far = foreign > 3 || (comma_seen && foreign > 0);
      u = std::max(g.u0, cu0);
      if (object || modifier || far) {
        foreign += modifier || far ? g.u1 - g.u0 : 0;
        continue;
      }
      hit.actors = group_ids(g);
      return;
    }
    const int fi = found_at(u);
    if (fi >= 0) {  // a process or forum named on the way
      ++foreign;
      u = std::max(found_[fi].u0, cu0);
      continue;
    }
    const std::string& w = word(u);
    // An earlier cue of this clause: a shared subject ("X chủ trì, đề
    // xuất"), or a causative whose object is the subject ("vận động các
    // quốc gia ủng hộ"), or a verb whose subject is no actor.
    bool stop = false;
    for (const CueHit& e : earlier) {
      if (u < e.u0 || u >= e.u1) continue;
      const CueDef& ed = kCues[e.def];
      const bool causative = (ed.flags & (kAdvocacy | kAddressee)) ||
                             ed.stance == Stance::kRequests;
      if (e.noun) break;
      if (causative) return;
      if (!e.actors.empty()) {
        hit.actors = e.actors;
        return;
      }
      stop = true;
    }
    if (stop) return;
    if (u > cu0 && kCausativePairs.count({word(u - 1), w})) return;
    // A passive agent that is not an actor: "được một thành viên đề xuất".
    if (w == "bị" || w == "do") return;
    if (w == "được" &&
        !(u + 1 < c0 && (word(u + 1) == "giao" || word(u + 1) == "phân" ||
                         word(u + 1) == "ủy"))) {
      return;
    }
    if (!kSubjectGap.count(w)) ++foreign;
  }
  // No subject in the clause: a clause that starts with its cue takes the
  // heading's (or the sentence's) subject.
  size_t start = clause_start_u;
  if (start < c0 &&
      (units_[start].kind == TokenKind::kNumber || word(start).size() == 1) &&
      line_kind_ != LineKind::kPara && line_kind_ != LineKind::kBullet) {
    ++start;  // the list marker "1", "a"
  }
  for (size_t k = c0; k > start; --k) {
    if (between_has(units_[k - 1].end, units_[k].begin, ',')) {
      start = k;
      break;
    }
  }
  size_t lead = 0;
  for (size_t k = start; k < c0; ++k) {
    if (!kLeadAdverbs.count(word(k))) return;
    ++lead;
  }
  if (lead > 4) return;
  if (c1 < cu1 && kNounSubjectAfter.count(word(c1))) {
    hit.noun = true;
    return;
  }
  if (def.flags & kAddressee) {
    // "Đề nghị Tòa án nhân dân tối cao ...": the issuer asks.
    if (addressee_actor && !ctx_.issuer_id.empty())
      hit.actors = {ctx_.issuer_id};
    return;
  }
  if (!possessive.empty()) {
    hit.actors = possessive;
    return;
  }
  if (!sentence_subject.empty()) {
    hit.actors = sentence_subject;
    return;
  }
  hit.actors = context_subject();
}

// Whether the group stands in a list after "phối hợp (với)" / "với" a few
// words back ("phối hợp với các bộ, cơ quan liên quan và Ngân hàng ...").
bool PageReader::in_object_list(const Group& g, size_t clause_u0,
                                const std::vector<CueHit>& earlier) const {
  const size_t lo = g.u0 > clause_u0 + 8 ? g.u0 - 8 : clause_u0;
  for (size_t k = g.u0; k > lo; --k) {
    const size_t u = k - 1;
    for (const CueHit& e : earlier) {
      if (u >= e.u0 && u < e.u1) return false;
    }
    if (group_at(u) >= 0) return false;
    const std::string& w = word(u);
    if (w == "với" || (w == "hợp" && u > clause_u0 && word(u - 1) == "phối"))
      return true;
  }
  return false;
}

}  // namespace

std::vector<ExtractedPosition> PositionExtractor::extract(
    const std::vector<std::string>& pages, const PositionContext& ctx) const {
  std::vector<ExtractedPosition> out;
  // The document's process: named in its title or in its first short
  // lines (a heading, not a passing mention in the body).
  const Derived& d = impl_->derived;
  std::string doc_process = d.process_in(ctx.title);
  if (doc_process.empty() && !pages.empty()) {
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
      doc_process = d.process_in(l);
      if (!doc_process.empty()) break;
    }
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    PageReader reader(d, pages[i], static_cast<uint32_t>(i + 1), ctx,
                      doc_process, i == 0, out);
    reader.run();
  }
  return out;
}

std::vector<ExtractedPosition> extract_positions(
    const std::vector<std::string>& pages, const PositionContext& ctx,
    const Taxonomy& taxonomy) {
  return PositionExtractor(taxonomy).extract(pages, ctx);
}

}  // namespace kb
