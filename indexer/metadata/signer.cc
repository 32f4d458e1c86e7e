// The signature block (see signer.h).
#include "indexer/metadata/signer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/utf8.h"
#include "indexer/metadata/preamble.h"

namespace kb::metadata {
namespace {

// Cells between a signing authority and the signer's name: PDF layout
// interleaves a long recipients' list with the wrapped signature column.
constexpr size_t kSignatureCells = 24;

// Marks that open a signing authority: "TM." (on behalf of), "KT." (signing
// for), "TL." (by order), "TUQ." (by authorization), "Q." (acting).
constexpr std::u32string_view kSigningMarks[] = {U"tm.", U"kt.", U"tl.",
                                                 U"tuq.", U"q."};

// Signing ranks, folded.
constexpr std::u32string_view kRoles[] = {
    U"bo truong",          U"thu truong",      U"thu tuong",
    U"pho thu tuong",      U"chu tich",        U"pho chu tich",
    U"thong doc",          U"pho thong doc",   U"tong thanh tra",
    U"pho tong thanh tra", U"chanh an",        U"pho chanh an",
    U"vien truong",        U"pho vien truong", U"tong kiem toan",
    U"pho tong kiem toan", U"chu nhiem",       U"pho chu nhiem",
    U"tong cuc truong",    U"cuc truong",      U"vu truong",
    U"giam doc",           U"pho giam doc",    U"truong ban",
    U"chanh van phong",    U"tong thu ky",     U"tong giam doc",
    U"truong doan",
};

// "PHÓ THỐNG ĐỐC", also when written in title case ("Phó Thống Đốc").
bool is_role(std::u32string_view folded) {
  for (std::u32string_view role : kRoles) {
    if (match_phrase(folded, 0, role) != std::u32string_view::npos) return true;
  }
  return false;
}

// A person's name: two to six words, each a capital followed by small
// letters ("Nguyễn Hòa Bình", "Phạm Thị Thanh Trà").
bool is_person_name(std::u32string_view text) {
  int words = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (is_blank_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && !is_blank_char(text[j])) ++j;
    if (!u_isupper(static_cast<UChar32>(text[i]))) return false;
    for (size_t k = i + 1; k < j; ++k) {
      const auto c = static_cast<UChar32>(text[k]);
      if (!u_islower(c) && u_charType(c) != U_NON_SPACING_MARK) return false;
    }
    ++words;
    i = j;
  }
  return words >= 2 && words <= 6;
}

// Common Vietnamese family names (folded), to accept a name that is not
// right under the signing authority (PDF layout interleaves the recipients'
// list with the signature column).
constexpr std::u32string_view kFamilyNames[] = {
    U"nguyen", U"tran",  U"le",    U"pham",  U"hoang", U"huynh", U"phan",
    U"vu",     U"vo",    U"dang",  U"bui",   U"do",    U"ho",    U"ngo",
    U"duong",  U"ly",    U"dao",   U"dinh",  U"lam",   U"mai",   U"trinh",
    U"truong", U"luu",   U"ha",    U"ta",    U"cao",   U"to",    U"quach",
    U"chau",   U"thai",  U"la",    U"vuong", U"kieu",  U"doan",  U"luong",
    U"trieu",  U"chu",   U"hua",   U"tang",  U"tu",    U"giang", U"nghiem",
    U"lai",    U"khuc",  U"than",  U"tong",  U"au",    U"mac",   U"ninh",
    U"dong",   U"hau",   U"phung", U"dam",   U"luc",   U"nong",  U"lo",
    U"quan",   U"be",    U"son",   U"kim",   U"ton",   U"diep",  U"bach",
    U"vi",     U"khong", U"ong",   U"han",   U"thach", U"danh",  U"lu",
    U"y",      U"dieu",  U"lieu",  U"quang", U"tieu",  U"hong",  U"nham"};

bool has_family_name(std::u32string_view folded) {
  const size_t e = folded.find(U' ');
  const std::u32string_view first = folded.substr(0, e);
  return std::find(std::begin(kFamilyNames), std::end(kFamilyNames), first) !=
         std::end(kFamilyNames);
}

// Military ranks and academic titles written before a signer's name.
constexpr std::u32string_view kNamePrefixes[] = {
    U"dai tuong",  U"thuong tuong", U"trung tuong", U"thieu tuong",
    U"pho do doc", U"chuan do doc", U"do doc",      U"dai ta",
    U"thuong ta",  U"trung ta",     U"thieu ta",    U"gs.ts.",
    U"pgs.ts.",    U"gs.",          U"pgs.",        U"ts.",
    U"ths.",       U"bs."};

// The name in a signature cell without a rank or title before it.
std::u32string_view strip_name_prefix(std::u32string_view text,
                                      std::u32string_view folded) {
  for (std::u32string_view prefix : kNamePrefixes) {
    const size_t e = match_phrase(folded, 0, prefix);
    if (e != std::u32string_view::npos) return trimmed(text.substr(e));
  }
  return text;
}

// A non-blank cell of the signature block, in reading order.
struct Cell {
  std::u32string_view text;    // trimmed
  std::u32string_view folded;  // same span, folded
  size_t column = 0;           // where it starts on its line
  size_t line = 0;
};

// A name wrapped in a narrow PDF signature column ("Phạm Thị Thanh" /
// "Trà"): the rest is the next cell of the same column, one or two
// capitalized words on one of the next lines.
std::u32string complete_name(const std::vector<Cell>& stream, size_t at,
                             std::u32string_view name) {
  std::u32string out(name);
  const Cell& first = stream[at];
  if (first.column < kRightColumn) return out;
  for (size_t j = at + 1; j < stream.size() && j <= at + 3; ++j) {
    const Cell& c = stream[j];
    if (c.line == first.line || c.line > first.line + 2) break;
    if (c.column < kRightColumn) continue;  // the recipients' list on the left
    const size_t words =
        static_cast<size_t>(std::count(c.text.begin(), c.text.end(), U' ')) + 1;
    std::u32string joined = out + U" " + std::u32string(c.text);
    if (words <= 2 && is_person_name(joined) &&
        std::count(joined.begin(), joined.end(), U' ') < 6) {
      out = std::move(joined);
    }
    break;
  }
  return out;
}

}  // namespace

bool is_authority(std::u32string_view text, std::u32string_view folded) {
  if (!is_upper_line(text)) return false;
  for (std::u32string_view mark : kSigningMarks) {
    if (folded.substr(0, mark.size()) == mark) return true;
  }
  return is_role(folded);
}

std::string find_signer(const std::vector<Line>& lines, size_t begin) {
  // The signature block reads as a sequence of cells whatever the layout:
  // HTML puts it in one table row (tab-separated) or on lines of its own,
  // PDF layout interleaves it with the recipients' list on the left.
  std::vector<Cell> stream;
  for (size_t i = begin; i < lines.size(); ++i) {
    const Line& line = lines[i];
    for (const auto& [b, e] : cells(line)) {
      const std::u32string_view t =
          std::u32string_view(line.text).substr(b, e - b);
      const std::u32string_view f =
          std::u32string_view(line.folded).substr(b, e - b);
      const std::u32string_view tt = trimmed(t);
      const size_t off = static_cast<size_t>(tt.data() - t.data());
      if (!tt.empty())
        stream.push_back(
            {tt, f.substr(off, tt.size()), line.indent + b + off, i});
    }
  }
  for (size_t i = 0; i < stream.size(); ++i) {
    if (!is_authority(stream[i].text, stream[i].folded)) continue;
    bool close = true;  // only roles and signature notes since the authority
    for (size_t j = i + 1; j < stream.size() && j <= i + kSignatureCells; ++j) {
      const Cell& c = stream[j];
      const std::u32string_view name = strip_name_prefix(c.text, c.folded);
      if (is_person_name(name) && !is_role(c.folded)) {
        const std::u32string_view folded =
            c.folded.substr(c.folded.size() - name.size());
        if (close || has_family_name(folded))
          return u32_to_utf8(complete_name(stream, j, name));
      }
      if (ends_preamble(c.text, c.folded) || starts_with_word(c.text, U"điều"))
        break;
      const bool note =
          c.text.front() == U'(' || c.text.front() == U'[' ||
          match_phrase(c.folded, 0, U"da ky") != std::u32string_view::npos ||
          match_phrase(c.folded, 0, U"ky ten") != std::u32string_view::npos;
      if (!note && !is_upper_line(c.text)) close = false;
    }
  }
  return {};
}

}  // namespace kb::metadata
