// Dates of force (see force.h).
#include "indexer/metadata/force.h"

#include "core/dates.h"
#include "indexer/metadata/text_lines.h"

namespace kb::metadata {
namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  const auto date = make_date(y, m, d);
  return date ? format_iso(*date) : std::string();
}

std::string plus_days(const std::string& iso, int days) {
  const auto d = parse_iso_date(iso);
  if (!d) return {};
  return civil_from_days(days_from_civil(d->year, d->month, d->day) + days);
}

// Skips the optional words in `words` (folded phrases) at `i`, any order.
size_t skip_words(std::u32string_view f, size_t i,
                  std::initializer_list<std::u32string_view> words) {
  for (bool again = true; again;) {
    again = false;
    i = skip_blanks(f, i);
    if (i < f.size() && f[i] == U',') i = skip_blanks(f, i + 1);
    for (std::u32string_view w : words) {
      const size_t k = match_phrase(f, i, w);
      if (k != npos) {
        i = k;
        again = true;
      }
    }
  }
  return i;
}

// The date "ngày …" at `i` (after "ngay"): a written date, or the day of
// signing or adoption. "" when neither.
std::string date_at(std::u32string_view f, size_t& i,
                    const std::string& issue_date) {
  size_t k = i;
  if (auto d = read_date_after_ngay(f, k)) {
    i = k;
    return format_iso(*d);
  }
  // "12/ 02/2026": blanks around the slashes.
  std::u32string packed = U" ";
  size_t j = skip_blanks(f, i);
  for (; j < f.size() && packed.size() < 12; ++j) {
    if (is_digit(f[j]) || f[j] == U'/') {
      packed += f[j];
    } else if (!is_blank_char(f[j])) {
      break;
    }
  }
  size_t p = 0;
  if (auto d = read_date_after_ngay(packed, p)) {
    i = j;
    return format_iso(*d);
  }
  for (std::u32string_view w : {U"ky ban hanh", U"ky", U"ban hanh",
                                U"duoc thong qua", U"thong qua", U"cong bo"}) {
    const size_t e = match_phrase(f, skip_blanks(f, i), w);
    if (e != npos) {
      i = e;
      return issue_date;
    }
  }
  return {};
}

// After "có hiệu lực": the date it starts from.
std::string effective_after(std::u32string_view f, size_t& i,
                            const std::string& issue_date) {
  i = skip_words(f, i, {U"thi hanh", U"chinh thuc", U"ke"});
  // "sau 45 ngày kể từ ngày ký"
  if (size_t k = match_phrase(f, i, U"sau"); k != npos) {
    size_t d = skip_blanks(f, k);
    int n = 0;
    size_t e = d;
    while (e < f.size() && is_digit(f[e]) && e - d < 4)
      n = n * 10 + static_cast<int>(f[e++] - U'0');
    if (e > d) {
      size_t j = match_phrase(f, skip_blanks(f, e), U"ngay");
      if (j != npos) {
        j = skip_words(f, j, {U"ke tu", U"tu"});
        if (size_t g = match_phrase(f, j, U"ngay"); g != npos) {
          i = g;
          const std::string base = date_at(f, i, issue_date);
          return base.empty() ? base : plus_days(base, n);
        }
      }
    }
    return {};
  }
  const size_t tu = match_phrase(f, i, U"tu");
  if (tu == npos) return {};
  i = skip_blanks(f, tu);
  if (size_t g = match_phrase(f, i, U"ngay"); g != npos) {
    i = g;
    return date_at(f, i, issue_date);
  }
  // "kể từ ký ban hành" (a word left out)
  return date_at(f, i, issue_date);
}

// The end: "đến hết ngày …", "đến ngày …" after the start.
std::string expiry_after(std::u32string_view f, size_t i) {
  for (size_t k = i; k < f.size() && k < i + 60; ++k) {
    if (k > 0 && is_alnum(f[k - 1])) continue;
    size_t e = match_phrase(f, k, U"den het ngay");
    if (e == npos) e = match_phrase(f, k, U"den ngay");
    if (e == npos) continue;
    if (auto d = read_date_after_ngay(f, e)) return format_iso(*d);
    return {};
  }
  return {};
}

// Words that name this document before "này" ("Điều này" is an article).
constexpr std::u32string_view kDocumentWords[] = {U"thong tu lien tich",
                                                  U"thong tu",
                                                  U"nghi dinh",
                                                  U"quyet dinh",
                                                  U"nghi quyet",
                                                  U"bo luat",
                                                  U"luat",
                                                  U"phap lenh",
                                                  U"chi thi",
                                                  U"lenh",
                                                  U"van ban",
                                                  U"quy che",
                                                  U"quy dinh",
                                                  U"ke hoach",
                                                  U"chuong trinh",
                                                  U"huong dan",
                                                  U"thong bao",
                                                  U"cong van"};

bool names_document(std::u32string_view before) {
  for (std::u32string_view w : kDocumentWords) {
    if (before == w) return true;
    if (before.size() > w.size() && before.ends_with(w) &&
        before[before.size() - w.size() - 1] == U' ') {
      // "Các quyết định này": decisions taken under it, not itself.
      const std::u32string_view rest =
          before.substr(0, before.size() - w.size() - 1);
      return !(rest.ends_with(U"cac") || rest.ends_with(U"nhung"));
    }
  }
  return false;
}

// "<Loại> này có hiệu lực", or "<Loại> có hiệu lực" opening the sentence:
// the offset after "có hiệu lực", or npos. Quoted text (another document's
// article) only when `quoted` is set.
size_t this_document_in_force(const Sentence& s, bool quoted) {
  const std::u32string_view f = s.folded;
  const size_t start = body_start(s);
  for (size_t i = 0; i < f.size(); ++i) {
    if ((!quoted && s.quoted[i]) || (i > 0 && is_alnum(f[i - 1]))) continue;
    const size_t k = match_phrase(f, i, U"co hieu luc");
    if (k == npos) continue;
    // The last words decide ("các quyết định chính thức này"): a window of
    // 12 holds them and, when the sentence is longer, never equals a
    // document word alone.
    std::u32string before = words_before(f, i, 12);
    if (before.ends_with(U" chinh thuc")) before.resize(before.size() - 11);
    if (before.ends_with(U" nay") &&
        names_document(
            std::u32string_view(before).substr(0, before.size() - 4)))
      return k;
    if (i >= start) {
      const std::u32string subject =
          collapsed_prefix(f.substr(start, i - start), 20);
      if (subject.size() < 20 && names_document(subject)) return k;
    }
  }
  return npos;
}

}  // namespace

Force read_force(const std::vector<Sentence>& sentences,
                 const std::string& issue_date) {
  Force out;
  std::string signed_on = issue_date;
  if (signed_on.empty()) {
    // A law: "… đã được Quốc hội … thông qua ngày 10 tháng 12 năm 2025."
    for (auto it = sentences.rbegin(); it != sentences.rend(); ++it) {
      const std::u32string_view f = it->folded;
      // "… thông qua ngày …", "… thông qua tại Phiên họp thứ 49 ngày …".
      for (size_t i = 0; i < f.size() && signed_on.empty(); ++i) {
        const size_t k = match_phrase(f, i, U"thong qua");
        if (k == npos || (i > 0 && is_alnum(f[i - 1]))) continue;
        for (size_t g = k; g < f.size() && g < k + 60; ++g) {
          if (f[g] == U'.' || f[g] == U';') break;
          // "… được thông qua và trước ngày …" is another day.
          if (is_alnum(f[g - 1]) == false &&
              (match_phrase(f, g, U"va") != npos ||
               match_phrase(f, g, U"truoc") != npos ||
               match_phrase(f, g, U"sau") != npos))
            break;
          const size_t n = match_phrase(f, g, U"ngay");
          if (n == npos || is_alnum(f[g - 1])) continue;
          size_t j = n;
          if (auto d = read_date_after_ngay(f, j)) signed_on = format_iso(*d);
          break;
        }
      }
      if (!signed_on.empty()) break;
    }
  }
  // This document's own sentence; failing that, one in quotation marks (a
  // text that quotes its whole final article).
  for (const bool quoted : {false, true}) {
    for (const Sentence& s : sentences) {
      size_t i = this_document_in_force(s, quoted);
      if (i == npos) continue;
      const size_t from =
          skip_words(s.folded, i, {U"thi hanh", U"chinh thuc", U"ke"});
      const bool anchored = match_phrase(s.folded, from, U"tu") != npos ||
                            match_phrase(s.folded, from, U"sau") != npos;
      const std::string date = effective_after(s.folded, i, signed_on);
      // "… kể từ ngày ký" with no known day of signing: no date rather
      // than one from a sentence about something else.
      if (date.empty() && anchored) return out;
      if (date.empty()) continue;
      out.effective_date = date;
      out.expiry_date = expiry_after(s.folded, i);
      out.sentence = sentence_excerpt(s, 0, s.text.size());
      out.page = s.page;
      return out;
    }
  }
  return out;
}

}  // namespace kb::metadata
