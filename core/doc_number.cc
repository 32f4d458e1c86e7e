// Official document numbers: recognition, canonical spelling and match key.
#include "core/doc_number.h"

#include <unicode/uchar.h>

#include <unordered_map>

#include "core/utf8.h"
#include "core/vietnamese.h"

namespace kb {
namespace {

struct CodeInfo {
  const char* code;       // canonical spelling
  const char* type_name;  // document type, or nullptr for an issuer code
};

// Type codes: Decree 30/2020/NĐ-CP appendix III and the normative types.
// Issuer codes: government bodies and ministries (names live in the taxonomy,
// corpus/taxonomy/agencies.json; here only the spelling matters).
constexpr CodeInfo kCodes[] = {
    {"NQ", "Nghị quyết"},
    {"QĐ", "Quyết định"},
    {"CT", "Chỉ thị"},
    {"QC", "Quy chế"},
    {"QyĐ", "Quy định"},
    {"TC", "Thông cáo"},
    {"TB", "Thông báo"},
    {"HD", "Hướng dẫn"},
    {"CTr", "Chương trình"},
    {"KH", "Kế hoạch"},
    {"PA", "Phương án"},
    {"ĐA", "Đề án"},
    {"DA", "Dự án"},
    {"BC", "Báo cáo"},
    {"BB", "Biên bản"},
    {"TTr", "Tờ trình"},
    {"HĐ", "Hợp đồng"},
    {"CĐ", "Công điện"},
    {"BGN", "Bản ghi nhớ"},
    {"BTT", "Bản thỏa thuận"},
    {"GUQ", "Giấy ủy quyền"},
    {"GM", "Giấy mời"},
    {"GGT", "Giấy giới thiệu"},
    {"GNP", "Giấy nghỉ phép"},
    {"PG", "Phiếu gửi"},
    {"PC", "Phiếu chuyển"},
    {"PB", "Phiếu báo"},
    {"SY", "Bản sao y"},
    {"TrS", "Bản trích sao"},
    {"SL", "Bản sao lục"},
    {"NĐ", "Nghị định"},
    {"TT", "Thông tư"},
    {"TTLT", "Thông tư liên tịch"},
    {"NQLT", "Nghị quyết liên tịch"},
    {"L", "Luật"},
    {"VBHN", "Văn bản hợp nhất"},
    {"CV", "Công văn"},
    {"PL", "Pháp lệnh"},
    {"AL", "Án lệ"},
    {"TTg", nullptr},
    {"CP", nullptr},
    {"VPCP", nullptr},
    {"QH", nullptr},
    {"UBTVQH", nullptr},
    {"CTN", nullptr},
    {"UBND", nullptr},
    {"HĐND", nullptr},
    {"NHNN", nullptr},
    {"TTCP", nullptr},
    {"TANDTC", nullptr},
    {"VKSNDTC", nullptr},
    {"KTNN", nullptr},
    {"BTNMT", nullptr},
    {"BNNPTNT", nullptr},
    {"BNNMT", nullptr},
    {"BNG", nullptr},
    {"BTC", nullptr},
    {"BNV", nullptr},
    {"BTP", nullptr},
    {"BCA", nullptr},
    {"BQP", nullptr},
    {"BCT", nullptr},
    {"BGDĐT", nullptr},
    {"BYT", nullptr},
    {"BXD", nullptr},
    {"BGTVT", nullptr},
    {"BKHĐT", nullptr},
    {"BLĐTBXH", nullptr},
    {"BVHTTDL", nullptr},
    {"BKHCN", nullptr},
    {"BTTTT", nullptr},
    {"UBDT", nullptr},
    {"BDTTG", nullptr},
    {"VPQH", nullptr},
    {"HĐTP", nullptr},
    {"BCĐ", nullptr},
    {"TCMT", nullptr},
    {"MTTQ", nullptr},
    {"TLĐ", nullptr},
};

// A code's lower-case form (Đ kept) and its folded form.
std::u32string lower_u32(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) out.push_back(lower_letter(c));
  return out;
}

struct CodeTables {
  std::unordered_map<std::u32string, const CodeInfo*> by_lower;
  std::unordered_map<std::u32string, const CodeInfo*> by_folded;  // unique only
  std::unordered_map<std::u32string, const CodeInfo*> type_by_name;

  CodeTables() {
    std::unordered_map<std::u32string, int> folded_count;
    for (const CodeInfo& info : kCodes) {
      const std::u32string code = utf8_to_u32(info.code);
      by_lower.emplace(lower_u32(code), &info);
      const std::u32string f = folded_word(code);
      if (folded_count[f]++ == 0) {
        by_folded.emplace(f, &info);
      } else if (by_folded[f] != nullptr &&
                 std::string_view(by_folded[f]->code) != info.code) {
        by_folded[f] = nullptr;  // ambiguous (ĐA / DA): needs the Đ
      }
      if (info.type_name != nullptr) {
        type_by_name.emplace(folded_word(utf8_to_u32(info.type_name)), &info);
      }
    }
  }
};

const CodeTables& code_tables() {
  static const CodeTables t;
  return t;
}

// The Latin letter a Cyrillic look-alike imitates in a document number
// (TT-BTС), and Đ for the eth look-alike Ð; other characters unchanged.
char32_t latin_look_alike(char32_t c) {
  if (c == 0x00D0) return 0x0110;
  const char32_t twin = latin_twin(c);
  return twin != 0 ? twin : c;
}

const CodeInfo* lookup_code(std::u32string_view code) {
  const CodeTables& t = code_tables();
  auto it = t.by_lower.find(lower_u32(code));
  if (it != t.by_lower.end()) return it->second;
  auto f = t.by_folded.find(folded_word(code));
  if (f != t.by_folded.end()) return f->second;
  return nullptr;
}

// Canonical spelling of a known code, allowing a term suffix (QH13), or "".
std::u32string known_code(std::u32string_view code) {
  if (const CodeInfo* info = lookup_code(code)) return utf8_to_u32(info->code);
  size_t digits = code.size();
  while (digits > 0 && code[digits - 1] >= U'0' && code[digits - 1] <= U'9')
    --digits;
  if (digits > 0 && digits < code.size()) {
    if (const CodeInfo* info = lookup_code(code.substr(0, digits))) {
      if (info->type_name == nullptr) {
        std::u32string out = utf8_to_u32(info->code);
        out.append(code.substr(digits));
        return out;
      }
    }
  }
  return {};
}

bool is_alnum_or_mark(char32_t c) {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') ||
           ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
  }
  return u_isalnum(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool is_code_letter(char32_t c) {
  c = latin_look_alike(c);
  return ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') || c == 0x0110 ||
         c == 0x0111;
}

bool is_upper_code(std::u32string_view seg) {
  int letters = 0;
  for (char32_t c : seg) {
    if (is_ascii_digit(c)) continue;
    if (!((c >= U'A' && c <= U'Z') || c == 0x0110)) return false;
    ++letters;
  }
  return letters >= 2;
}

// Splits and canonicalizes one code segment; false when it is not a code.
bool accept_segment(std::u32string seg, std::vector<std::u32string>& out) {
  for (char32_t& c : seg) c = latin_look_alike(c);
  if (std::u32string known = known_code(seg); !known.empty()) {
    out.push_back(std::move(known));
    return true;
  }
  // Glued type and issuer: QĐTTg, QDTTG. Both halves must be known, except
  // in a mixed-case segment, which cannot be one abbreviation (QĐTTg).
  const bool upper = is_upper_code(seg);
  for (int pass = 0; pass < (upper ? 1 : 2); ++pass) {
    for (size_t split = seg.size() - 1; split >= 1; --split) {
      const CodeInfo* type = lookup_code(seg.substr(0, split));
      if (type == nullptr || type->type_name == nullptr) continue;
      std::u32string rest = known_code(seg.substr(split));
      if (rest.empty() && pass == 1 && is_upper_code(seg.substr(split))) {
        rest = seg.substr(split);
      }
      if (!rest.empty()) {
        out.push_back(utf8_to_u32(type->code));
        out.push_back(std::move(rest));
        return true;
      }
    }
  }
  if (upper) {
    out.push_back(std::move(seg));
    return true;
  }
  return false;
}

// Spaces inside a number; line breaks too, since PDFs wrap numbers at their
// separators ("283/2025/NĐ-⏎CP").
size_t skip_spaces(std::u32string_view text, size_t i) {
  while (i < text.size() &&
         (text[i] == U' ' || text[i] == 0x00A0 || text[i] == U'\t' ||
          text[i] == U'\n' || text[i] == U'\r')) {
    ++i;
  }
  return i;
}

// Reads a code segment at `i`: a letter, then letters and digits (at most 12).
size_t segment_end(std::u32string_view text, size_t i) {
  if (i >= text.size() || !is_code_letter(text[i])) return i;
  size_t j = i;
  while (j < text.size() &&
         (is_code_letter(text[j]) || is_ascii_digit(text[j])))
    ++j;
  if (j < text.size() && is_alnum_or_mark(text[j])) return i;  // not a code
  return j - i > 12 ? i : j;
}

std::string strip_zeros(const std::string& serial) {
  size_t z = 0;
  while (z + 1 < serial.size() && serial[z] == '0') ++z;
  return serial.substr(z);
}

}  // namespace

std::string DocNumber::display() const {
  std::string out = serial + "/";
  if (!year.empty()) out += year + "/";
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) out += "-";
    out += codes[i];
  }
  return out;
}

std::string DocNumber::key() const {
  std::string out = strip_zeros(serial) + "/";
  if (!year.empty()) out += year + "/";
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) out += "-";
    out += u32_to_utf8(folded_word(utf8_to_u32(codes[i])));
  }
  return out;
}

std::string DocNumber::type_code() const {
  if (codes.empty()) return {};
  const CodeInfo* info = lookup_code(utf8_to_u32(codes[0]));
  return info != nullptr && info->type_name != nullptr ? info->code
                                                       : std::string();
}

std::string DocNumber::issuer_code() const {
  const size_t at = type_code().empty() ? 0 : 1;
  if (at >= codes.size()) return {};
  std::string code = codes[at];
  while (!code.empty() && code.back() >= '0' && code.back() <= '9')
    code.pop_back();
  return code;
}

std::optional<NumberMatch> match_doc_number(std::u32string_view text,
                                            size_t begin) {
  if (begin >= text.size() || !is_ascii_digit(text[begin])) return std::nullopt;
  if (begin > 0 &&
      (is_alnum_or_mark(text[begin - 1]) || text[begin - 1] == U'/' ||
       ((text[begin - 1] == U'.' || text[begin - 1] == U',') && begin > 1 &&
        is_ascii_digit(text[begin - 2])))) {
    return std::nullopt;
  }
  // The year of a standard's code ("TCCS.01:2017/ĐCKS", "QCVN 01:2021/BTNMT")
  // is not a document's serial: a standard has no document number. ("Số:1408/
  // QĐ-BXD" is one: a letter before the colon.)
  if (begin > 1 && text[begin - 1] == U':' && is_ascii_digit(text[begin - 2]))
    return std::nullopt;
  size_t i = begin;
  while (i < text.size() && is_ascii_digit(text[i])) ++i;
  if (i - begin > 5) return std::nullopt;
  NumberMatch m;
  m.begin = begin;
  m.number.serial = u32_to_utf8(text.substr(begin, i - begin));
  size_t k = skip_spaces(text, i);
  if (k >= text.size() || text[k] != U'/') return std::nullopt;
  k = skip_spaces(text, k + 1);
  // Optional year: (19|20)dd followed by '/'.
  if (k + 4 <= text.size() && is_ascii_digit(text[k]) &&
      is_ascii_digit(text[k + 1]) && is_ascii_digit(text[k + 2]) &&
      is_ascii_digit(text[k + 3]) &&
      ((text[k] == U'1' && text[k + 1] == U'9') ||
       (text[k] == U'2' && text[k + 1] == U'0'))) {
    const size_t after = skip_spaces(text, k + 4);
    if (after < text.size() && text[after] == U'/') {
      m.number.year = u32_to_utf8(text.substr(k, 4));
      k = skip_spaces(text, after + 1);
    }
  }
  std::vector<std::u32string> codes;
  size_t end = segment_end(text, k);
  if (end == k ||
      !accept_segment(std::u32string(text.substr(k, end - k)), codes)) {
    return std::nullopt;
  }
  for (int more = 0; more < 5; ++more) {
    size_t s = skip_spaces(text, end);
    if (s >= text.size() || (text[s] != U'-' && text[s] != 0x2013)) break;
    const size_t dash = s;
    s = skip_spaces(text, s + 1);
    // OCR doubles a hyphen across a stain or a line end ("20/2020/QĐ- -TTg").
    if (s < text.size() && (text[s] == U'-' || text[s] == 0x2013))
      s = skip_spaces(text, s + 1);
    const size_t e = segment_end(text, s);
    if (e == s) break;
    std::u32string seg(text.substr(s, e - s));
    // Across an en dash with spaces on both sides only a known code
    // continues the number ("NĐ – CP"): an English title's capitals follow
    // a number so ("Decree No. 112/2008/ND-CP – ON MANAGEMENT ...", not
    // 112/2008/NĐ-CP-ON). A hyphen keeps any code ("UBND - VX").
    const bool title_dash = text[dash] == 0x2013 && dash != end &&
                            s == skip_spaces(text, dash + 1) && s != dash + 1;
    if (title_dash) {
      for (char32_t& c : seg) c = latin_look_alike(c);
      if (known_code(seg).empty()) break;
    }
    if (!accept_segment(std::move(seg), codes)) break;
    end = e;
  }
  m.end = end;
  for (const std::u32string& c : codes)
    m.number.codes.push_back(u32_to_utf8(c));
  return m;
}

std::vector<NumberMatch> find_doc_numbers(std::u32string_view text) {
  std::vector<NumberMatch> out;
  size_t i = 0;
  while (i < text.size()) {
    if (is_ascii_digit(text[i])) {
      if (auto m = match_doc_number(text, i)) {
        i = m->end;
        out.push_back(std::move(*m));
        continue;
      }
      while (i < text.size() && is_ascii_digit(text[i])) ++i;
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<DocNumber> parse_doc_number(std::string_view utf8) {
  const std::u32string text = utf8_to_u32(to_nfc(utf8));
  const size_t begin = skip_spaces(text, 0);
  auto m = match_doc_number(text, begin);
  if (!m || skip_spaces(text, m->end) != text.size()) return std::nullopt;
  return m->number;
}

std::string canonical_code(std::string_view utf8) {
  std::u32string code = utf8_to_u32(to_nfc(utf8));
  for (char32_t& c : code) c = latin_look_alike(c);
  return u32_to_utf8(known_code(code));
}

std::string type_name_for_code(std::string_view canonical) {
  const CodeInfo* info = lookup_code(utf8_to_u32(canonical));
  return info != nullptr && info->type_name != nullptr ? info->type_name
                                                       : std::string();
}

std::string type_code_for_name(std::string_view name) {
  const CodeTables& t = code_tables();
  std::u32string folded;
  for (char32_t c : utf8_to_u32(to_nfc(name))) {
    if (c == U' ' && (folded.empty() || folded.back() == U' ')) continue;
    append_folded(std::u32string(1, c), folded);
  }
  while (!folded.empty() && folded.back() == U' ') folded.pop_back();
  auto it = t.type_by_name.find(folded);
  return it == t.type_by_name.end() ? std::string() : it->second->code;
}

}  // namespace kb
