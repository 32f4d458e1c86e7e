// Canonical and folded word forms: tone placement, Đ, repair, idempotence.
#include "core/vietnamese.h"

#include <gtest/gtest.h>

#include "core/utf8.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

std::string canon(const std::string& s) {
  return u32_to_utf8(canonical_word(utf8_to_u32(to_nfc(s))));
}
std::string fold(const std::string& s) {
  return u32_to_utf8(folded_word(utf8_to_u32(s)));
}

// Old style (tone on the first vowel) and new style (on the second) for the
// oa / oe / uy clusters with no final consonant, all five tones.
const struct {
  const char* old_style;
  const char* new_style;
} kTonePlacements[] = {
    {"hòa", "hoà"},   {"hóa", "hoá"},   {"hỏa", "hoả"},   {"hõa", "hoã"},
    {"họa", "hoạ"},   {"khòe", "khoè"}, {"khóe", "khoé"}, {"khỏe", "khoẻ"},
    {"khõe", "khoẽ"}, {"khọe", "khoẹ"}, {"thùy", "thuỳ"}, {"thúy", "thuý"},
    {"thủy", "thuỷ"}, {"thũy", "thuỹ"}, {"thụy", "thuỵ"}, {"tòa", "toà"},
    {"lũy", "luỹ"},   {"xòe", "xoè"},   {"tùy", "tuỳ"},   {"Hòa", "Hoà"},
};

TEST(CanonicalWord, BothTonePlacementsMeetLowerAndUpperCase) {
  for (const auto& c : kTonePlacements) {
    SCOPED_TRACE(c.old_style);
    EXPECT_EQ(canon(c.old_style), canon(c.new_style));
    EXPECT_EQ(canon(test::upper(c.old_style)), canon(c.new_style));
    EXPECT_EQ(canon(test::upper(c.new_style)), canon(c.old_style));
    // The documented canonical position is the old style, lower case.
    std::string lower;
    icu::UnicodeString::fromUTF8(c.old_style)
        .toLower(icu::Locale("vi"))
        .toUTF8String(lower);
    EXPECT_EQ(canon(c.new_style), lower);
  }
}

TEST(CanonicalWord, SyllablesWhereBothStylesAgreeAreUnchanged) {
  for (const char* w :
       {"hoàn", "hoạch", "khoét", "huýt",  "huế",   "thuở",  "tuấn",
        "xoắn", "ngoài", "ngoáy", "khuỷu", "múa",   "mía",   "cửa",
        "tuổi", "cái",   "quý",   "quỳnh", "quả",   "già",   "giữa",
        "gì",   "gìn",   "người", "nước",  "quyết", "khuya", "thuyền",
        "được", "việt",  "rượu",  "khuấy", "huỳnh", "tuyển"}) {
    SCOPED_TRACE(w);
    EXPECT_EQ(canon(w), w);
    EXPECT_EQ(canon(test::upper(w)), w);
  }
}

TEST(CanonicalWord, RepairsToneOnWrongVowel) {
  const struct {
    const char* typed;
    const char* canonical;
  } cases[] = {
      {"nứơc", "nước"}, {"ngừơi", "người"}, {"qủa", "quả"}, {"gìa", "già"},
      {"thủơ", "thuở"}, {"múôn", "muốn"},   {"qúy", "quý"}, {"hoàn", "hoàn"},
      {"hòan", "hoàn"}, {"ngòai", "ngoài"}, {"gịư", "giự"}, {"vịêc", "việc"},
      {"vìêc", "viềc"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typed);
    EXPECT_EQ(canon(c.typed), c.canonical);
  }
}

TEST(CanonicalWord, EthIsDStroke) {
  EXPECT_EQ(canon("ÐỀ"), canon("ĐỀ"));
  EXPECT_EQ(canon("ðề"), "đề");
  EXPECT_EQ(fold("Ðường"), "duong");
  EXPECT_EQ(fold("Đường"), "duong");
}

TEST(CanonicalWord, NonVietnameseWordsKeepTheirMarks) {
  EXPECT_EQ(canon("café"), "café");
  EXPECT_EQ(canon("FLEGT"), "flegt");
  EXPECT_EQ(canon("Oxfam"), "oxfam");
  EXPECT_EQ(canon("hóà"), "hóà");  // two tones: ambiguous, left alone
}

TEST(CanonicalWord, CyrillicLookAlikesInLatinWords) {
  EXPECT_EQ(canon("BTС"), "btc");        // Cyrillic С
  EXPECT_EQ(canon("СР"), "cp");          // all look-alikes
  EXPECT_EQ(canon("Россия"), "россия");  // real Russian: untouched
}

TEST(CanonicalWord, Idempotent) {
  for (const auto& c : kTonePlacements) {
    const std::string once = canon(c.new_style);
    EXPECT_EQ(canon(once), once);
  }
}

TEST(FoldedWord, RemovesEveryDiacritic) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"Đường", "duong"}, {"nhựa", "nhua"},     {"Ô nhiễm", "o nhiem"},
      {"THỎA", "thoa"},   {"khoáng", "khoang"}, {"sản", "san"},
      {"ĂN", "an"},       {"ỹ", "y"},
  };
  for (const auto& c : cases) EXPECT_EQ(fold(c.in), c.out) << c.in;
  EXPECT_EQ(fold(test::nfd("Nguyễn")), "nguyen");
}

TEST(Diacritics, TellsAccentedFromPlain) {
  EXPECT_TRUE(has_diacritics(utf8_to_u32("quyết")));
  EXPECT_TRUE(has_diacritics(utf8_to_u32("đi")));
  EXPECT_TRUE(has_diacritics(utf8_to_u32(test::nfd("hòa"))));
  EXPECT_FALSE(has_diacritics(utf8_to_u32("quyet dinh 1407/QD-TTg")));
}

TEST(Syllable, Validity) {
  for (const char* w :
       {"ba", "trong", "nghiêng", "quốc", "giữa", "khuỷu", "đường"}) {
    EXPECT_TRUE(is_vietnamese_syllable(utf8_to_u32(w))) << w;
  }
  for (const char* w : {"flegt", "oxfam", "tµi", "qh13", "str", "ae"}) {
    EXPECT_FALSE(is_vietnamese_syllable(utf8_to_u32(w))) << w;
  }
}

TEST(Utf8, PrefixNeverCutsACharacter) {
  // Issue 19: `list` cut titles inside a character.
  const std::string s = "Quyết định";  // "ế" is 3 bytes at 3..5
  static const struct {
    size_t max;
    const char* want;
  } cases[] = {{0, ""},     {3, "Quy"},   {4, "Quy"},         {5, "Quy"},
               {6, "Quyế"}, {7, "Quyết"}, {100, "Quyết định"}};
  for (const auto& c : cases) {
    EXPECT_EQ(utf8_prefix(s, c.max), c.want) << c.max;
    EXPECT_TRUE(is_valid_utf8(utf8_prefix(s, c.max))) << c.max;
  }
}

}  // namespace
}  // namespace kb
