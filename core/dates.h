// Dates: every parser and formatter of dates, with one set of year bounds
// and real-calendar validation (no 30 February), so that the indexer, the
// librarian's commands, the server and the text analysis agree on what a
// date is.
//
// A date may be partial: a year ("2005"), a month ("2005-06") or a day
// ("2005-06-16"). It is stored and exchanged as ISO 8601 text of its
// precision (format_iso), and sorted as YYYYMMDD (sortable_date).
#ifndef VNKB_CORE_DATES_H_
#define VNKB_CORE_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kb {

// The years a date may have, everywhere. Wide enough for the historical
// texts policy documents cite, narrow enough that "3401/12/2021" or a
// serial number read as a year is not taken for a date.
inline constexpr int kMinYear = 1800;
inline constexpr int kMaxYear = 2199;

enum class DatePrecision { kYear, kMonth, kDay };

// A valid date of the Gregorian calendar within [kMinYear, kMaxYear].
// Built only by make_* and parse_* below, which check it.
struct Date {
  int year = 0;
  int month = 0;  // 1..12; 0 at year precision
  int day = 0;    // 1..days_in_month; 0 unless at day precision

  DatePrecision precision() const {
    return day     ? DatePrecision::kDay
           : month ? DatePrecision::kMonth
                   : DatePrecision::kYear;
  }
  friend bool operator==(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
// 28..31; 0 when `month` is not 1..12.
int days_in_month(int year, int month);

// Checked constructors: nullopt outside the bounds or the calendar.
std::optional<Date> make_date(int year, int month, int day);
std::optional<Date> make_month(int year, int month);
std::optional<Date> make_year(int year);

// --- Parsers. Each takes the whole string (no blanks around) unless said.

// "YYYY-MM-DD" exactly: the API's from/to, a document's issue date.
std::optional<Date> parse_iso_date(std::string_view s);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD": a date of any precision (positions).
std::optional<Date> parse_iso_partial_date(std::string_view s);
// "d/m/yyyy" as written in Vietnam: day and month of one or two digits, a
// four-digit year, and one separator used twice: '/', '-' or '.'
// ("16/8/2021", "16-08-2021", "16.8.2021").
std::optional<Date> parse_dmy(std::string_view s);
// "m/yyyy" ("6/2005" in "tháng 6/2005"): a month of one or two digits.
std::optional<Date> parse_month_year(std::string_view s);
// What a person types (a command-line flag, a NAME.meta.json value): ISO
// of any precision, or d/m/yyyy. nullopt when not a date, or less precise
// than `min` (an issue date needs a day).
std::optional<Date> parse_date_input(std::string_view s,
                                     DatePrecision min = DatePrecision::kYear);
// A Vietnamese date in words, with or without diacritics, in any case:
// "ngày 9 tháng 10 năm 2025" or "ngày 9/10/2025" (day), "tháng 6 năm 2005"
// or "tháng 6/2005" (month), "năm 2005" (year).
std::optional<Date> parse_vietnamese_date(std::string_view utf8);
// For scanners of folded text (lower case, no diacritics, core/vietnamese.h
// append_folded): the date that follows "ngay" when `i` is just after it,
// blanks first: "19 thang 09 nam 2025" (a word may touch its number:
// "thang12"), or "16/8/2021", "16-08-2021", "16.8.2021". On success `i`
// moves past the date; otherwise `i` is unchanged.
std::optional<Date> read_date_after_ngay(std::u32string_view folded, size_t& i);
// The same after "thang": "6/2005" or "6 nam 2005" (a month).
std::optional<Date> read_date_after_thang(std::u32string_view folded,
                                          size_t& i);
// A date written as one token at `i` of any text: "11/03/2024" (d/m/yyyy as
// parse_dmy reads it) or "2024-03-11" (ISO, any precision); the token must
// not touch a letter or digit on either side. On success `i` moves past it.
std::optional<Date> read_date_token(std::u32string_view text, size_t& i);

// --- Formatters.

// ISO 8601 of the date's precision: "2025", "2025-10" or "2025-10-09".
std::string format_iso(const Date& date);
// As people in Vietnam read a date, and as the web UI writes it, from
// stored ISO text: "2024-03-07" -> "07/03/2024", "2024-03" -> "03/2024",
// "2024" -> "2024"; any other text unchanged.
std::string format_display(std::string_view iso);
// The value-slot form YYYYMMDD (core/schema.h kDateSlot); a year or a month
// stands for its first day, so that a range covering it holds it.
std::string sortable_date(const Date& date);
// The same from stored ISO text of any precision, leniently: its digits,
// padded with the first day; "" unless 4, 6 or 8 digits (no date).
std::string sortable_date(std::string_view iso);

}  // namespace kb

#endif  // VNKB_CORE_DATES_H_
