// Tests of core/dates.h: every accepted form, every rejected one, one set of
// year bounds and the real calendar (issue 19: 2020-02-30 and 31/02/2024
// were accepted).
#include "core/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/utf8.h"

namespace kb {
namespace {

// The date as ISO text, or "-" when not a date.
std::string iso(const std::optional<Date>& d) {
  return d ? format_iso(*d) : "-";
}

TEST(Dates, Calendar) {
  static const struct {
    int year, month, days;
  } cases[] = {
      {2023, 1, 31}, {2023, 2, 28}, {2024, 2, 29}, {1900, 2, 28},
      {2000, 2, 29}, {2100, 2, 28}, {2023, 4, 30}, {2023, 12, 31},
      {2023, 0, 0},  {2023, 13, 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(days_in_month(c.year, c.month), c.days)
        << c.year << "-" << c.month;
  }
}

TEST(Dates, MakeChecksBoundsAndCalendar) {
  static const struct {
    int y, m, d;
    const char* want;
  } cases[] = {
      {2024, 2, 29, "2024-02-29"},
      {2023, 2, 29, "-"},
      {2020, 2, 30, "-"},
      {2024, 4, 31, "-"},
      {2024, 12, 31, "2024-12-31"},
      {2024, 0, 1, "-"},
      {2024, 13, 1, "-"},
      {2024, 1, 0, "-"},
      {kMinYear, 1, 1, "1800-01-01"},
      {kMinYear - 1, 12, 31, "-"},
      {kMaxYear, 12, 31, "2199-12-31"},
      {kMaxYear + 1, 1, 1, "-"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(iso(make_date(c.y, c.m, c.d)), c.want)
        << c.y << "/" << c.m << "/" << c.d;
  }
  EXPECT_EQ(iso(make_month(2005, 6)), "2005-06");
  EXPECT_EQ(iso(make_month(2005, 13)), "-");
  EXPECT_EQ(iso(make_year(2005)), "2005");
  EXPECT_EQ(iso(make_year(1799)), "-");
}

TEST(Dates, ParseIso) {
  static const struct {
    const char* in;
    const char* day;      // parse_iso_date
    const char* partial;  // parse_iso_partial_date
  } cases[] = {
      {"2021-08-16", "2021-08-16", "2021-08-16"},
      {"2024-02-29", "2024-02-29", "2024-02-29"},
      {"2020-02-30", "-", "-"},  // issue 19
      {"2021-13-01", "-", "-"},
      {"2021-00-10", "-", "-"},
      {"2021-01-00", "-", "-"},
      {"2021-08", "-", "2021-08"},
      {"2021", "-", "2021"},
      {"0999-01-01", "-", "-"},  // out of bounds
      {"9999-12-31", "-", "-"},
      {"2021-8-16", "-", "-"},  // ISO has two-digit parts
      {"21-08-16", "-", "-"},
      {"2021/08/16", "-", "-"},
      {"2021-08-16 ", "-", "-"},
      {" 2021-08-16", "-", "-"},
      {"2021-08-16T00:00", "-", "-"},
      {"20210816", "-", "-"},
      {"", "-", "-"},
      {"-", "-", "-"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(iso(parse_iso_date(c.in)), c.day) << c.in;
    EXPECT_EQ(iso(parse_iso_partial_date(c.in)), c.partial) << c.in;
  }
}

TEST(Dates, ParseDayMonthYear) {
  static const struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"16/8/2021", "2021-08-16"},
      {"16-08-2021", "2021-08-16"},
      {"16.8.2021", "2021-08-16"},
      {"1/1/1800", "1800-01-01"},
      {"29/2/2024", "2024-02-29"},
      {"31/02/2024", "-"},  // issue 19
      {"29/2/2023", "-"},
      {"32/1/2020", "-"},
      {"16/13/2021", "-"},
      {"16/8-2021", "-"},  // one separator, used twice
      {"16,8,2021", "-"},
      {"16/8/21", "-"},  // a four-digit year
      {"16/8/02021", "-"},
      {"116/8/2021", "-"},
      {"16/8/2021/", "-"},
      {"+1/2/2020", "-"},
      {"1/2/1799", "-"},
      {"1/2/2200", "-"},
      {"3401100000/12/2021", "-"},
      {"", "-"},
  };
  for (const auto& c : cases) EXPECT_EQ(iso(parse_dmy(c.in)), c.want) << c.in;
}

TEST(Dates, ParseMonthYear) {
  static const struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"6/2005", "2005-06"}, {"06/2005", "2005-06"}, {"12/2199", "2199-12"},
      {"13/2005", "-"},      {"0/2005", "-"},        {"6/05", "-"},
      {"6-2005", "-"},       {"6/2005x", "-"},       {"1/1/2005", "-"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(iso(parse_month_year(c.in)), c.want) << c.in;
  }
}

TEST(Dates, ParseInput) {
  static const struct {
    const char* in;
    DatePrecision min;
    const char* want;
  } cases[] = {
      {"2021-08-16", DatePrecision::kDay, "2021-08-16"},
      {"16/8/2021", DatePrecision::kDay, "2021-08-16"},
      {"16-8-2021", DatePrecision::kDay, "2021-08-16"},
      {"16.8.2021", DatePrecision::kYear, "2021-08-16"},
      {"2021-08", DatePrecision::kDay, "-"},
      {"2021-08", DatePrecision::kMonth, "2021-08"},
      {"2021", DatePrecision::kMonth, "-"},
      {"2021", DatePrecision::kYear, "2021"},
      {"31/02/2024", DatePrecision::kYear, "-"},  // issue 19
      {"2020-02-30", DatePrecision::kYear, "-"},
      {"32/1/2020", DatePrecision::kYear, "-"},
      {"yesterday", DatePrecision::kYear, "-"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(iso(parse_date_input(c.in, c.min)), c.want) << c.in;
  }
}

TEST(Dates, ParseVietnamese) {
  static const struct {
    const char* in;
    const char* want;
  } cases[] = {
      {"ngày 9 tháng 10 năm 2025", "2025-10-09"},
      {"Ngày 19 tháng 09 năm 2025", "2025-09-19"},
      {"NGÀY 19 THÁNG 9 NĂM 2025", "2025-09-19"},
      {"ngay 9 thang 10 nam 2025", "2025-10-09"},
      {"ngày 31 tháng12 năm 2025", "2025-12-31"},
      {"ngày 16/8/2021", "2021-08-16"},
      {"ngày 16-08-2021", "2021-08-16"},
      {"  ngày 9 tháng 10 năm 2025  ", "2025-10-09"},
      {"tháng 6 năm 2005", "2005-06"},
      {"tháng 6/2005", "2005-06"},
      {"năm 2005", "2005"},
      {"ngày 30 tháng 2 năm 2024", "-"},
      {"ngày 9 tháng 10 năm 1799", "-"},
      {"ngày 9 tháng 10", "-"},
      {"ngày 9 tháng 10 năm 2025 và", "-"},
      {"ngàyx 9 tháng 10 năm 2025", "-"},
      {"tháng 13 năm 2005", "-"},
      {"năm 205", "-"},
      {"9 tháng 10 năm 2025", "-"},
      {"", "-"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(iso(parse_vietnamese_date(c.in)), c.want) << c.in;
  }
}

TEST(Dates, ReadAfterNgayInFoldedText) {
  static const struct {
    const char* folded;  // the text, "ngay" already read
    const char* want;
    size_t end;  // where the scan stops on success
  } cases[] = {
      {" 19 thang 09 nam 2025, ha noi", "2025-09-19", 21},
      {" 31 thang12 nam 2025", "2025-12-31", 20},
      {"\t16/8/2021 ve", "2021-08-16", 10},
      {" 16.08.2021", "2021-08-16", 11},
      {" 16/8-2021", "-", 0},
      {" 16 /8/2021", "-", 0},
      {" 30 thang 2 nam 2024", "-", 0},
      {" 19 thangx 09 nam 2025", "-", 0},
      {" 123 thang 1 nam 2025", "-", 0},
      {" thang 1 nam 2025", "-", 0},
  };
  for (const auto& c : cases) {
    const std::u32string f = utf8_to_u32(c.folded);
    size_t i = 0;
    EXPECT_EQ(iso(read_date_after_ngay(f, i)), c.want) << c.folded;
    EXPECT_EQ(i, c.end) << c.folded;
  }
}

TEST(Dates, Format) {
  static const struct {
    Date date;
    const char* iso;
    const char* sortable;
    const char* display;
  } cases[] = {
      {*make_date(2021, 8, 6), "2021-08-06", "20210806", "06/08/2021"},
      {*make_month(2005, 6), "2005-06", "20050601", "06/2005"},
      {*make_year(2019), "2019", "20190101", "2019"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(format_iso(c.date), c.iso);
    EXPECT_EQ(format_display(c.iso), c.display);
    EXPECT_EQ(sortable_date(c.date), c.sortable);
    // Stored text sorts as its parsed date does.
    EXPECT_EQ(sortable_date(std::string_view(c.iso)), c.sortable);
  }
  EXPECT_EQ(sortable_date(std::string_view("")), "");
  EXPECT_EQ(sortable_date(std::string_view("20")), "");
  // Text that is no stored date is shown as it is.
  EXPECT_EQ(format_display(""), "");
  EXPECT_EQ(format_display("không rõ"), "không rõ");
}

TEST(Dates, PrecisionAndEquality) {
  EXPECT_EQ(make_year(2020)->precision(), DatePrecision::kYear);
  EXPECT_EQ(make_month(2020, 1)->precision(), DatePrecision::kMonth);
  EXPECT_EQ(make_date(2020, 1, 2)->precision(), DatePrecision::kDay);
  EXPECT_EQ(parse_dmy("2/1/2020"), parse_iso_date("2020-01-02"));
  EXPECT_EQ(parse_vietnamese_date("ngày 2 tháng 1 năm 2020"),
            parse_iso_date("2020-01-02"));
}

}  // namespace
}  // namespace kb
