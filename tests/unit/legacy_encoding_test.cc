// Legacy encodings: exact conversion, glibc cross-check, no false positives.
#include "core/legacy_encoding.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "tests/unit/test_util.h"

namespace kb {
namespace {

const struct {
  const char* unicode;
  const char* tcvn3;
  const char* vni;
  const char* viqr;
} kSamples[] = {
    // From ../shared/VIETNAMESE.md (checked there by running code).
    {"Bộ Tài nguyên và Môi trường", "Bé Tµi nguyªn vµ M«i tr\u00ADêng",
     "Boä Taøi nguyeân vaø Moâi tröôøng",
     "Bo^. Ta`i nguye^n va` Mo^i tru+o+`ng"},
    {"Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc",
     "Ñoäc laäp - Töï do - Haïnh phuùc",
     "DDo^.c la^.p - Tu+. do - Ha.nh phu'c"},
    {"Số: 1407/QĐ-TTg", "Sè: 1407/Q§-TTg", "Soá: 1407/QÑ-TTg",
     "So^': 1407/QDD-TTg"},
};

TEST(LegacyEncoding, Tcvn3Converted) {
  for (const auto& s : kSamples) {
    const DecodedText d = repair_legacy_text(s.tcvn3);
    EXPECT_EQ(d.text, s.unicode);
    EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  }
}

TEST(LegacyEncoding, VniConverted) {
  for (const auto& s : kSamples) {
    const DecodedText d = repair_legacy_text(s.vni);
    EXPECT_EQ(d.text, s.unicode);
    EXPECT_EQ(d.encoding, Encoding::kVni);
  }
}

TEST(LegacyEncoding, ViqrConverted) {
  for (const auto& s : kSamples) {
    const DecodedText d = repair_legacy_text(s.viqr);
    EXPECT_EQ(d.text, s.unicode) << s.viqr;
    EXPECT_EQ(d.encoding, Encoding::kViqr) << s.viqr;
  }
}

TEST(LegacyEncoding, PopplerHyphenForUHorn) {
  // Poppler maps TCVN3's 0xAD (ư) to '-': "M«i tr-êng".
  EXPECT_EQ(repair_legacy_text("Bé Tµi nguyªn vµ M«i tr-êng").text,
            "Bộ Tài nguyên và Môi trường");
  EXPECT_EQ(repair_legacy_text("n-íc vµ VPA-FLEGT").text, "nước và VPA-FLEGT");
}

// The TCVN3 table agrees with glibc's TCVN5712-1 converter, byte by byte.
TEST(LegacyEncoding, Tcvn3TableMatchesGlibc) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
  for (int b = 0xA1; b <= 0xFF; ++b) {
    if (b >= 0xB0 && b <= 0xB4) continue;  // combining marks, tested via NFC
    char in[1] = {static_cast<char>(b)};
    char out[8] = {};
    char* inp = in;
    char* outp = out;
    size_t inleft = 1, outleft = sizeof out;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    ASSERT_NE(iconv(cd, &inp, &inleft, &outp, &outleft),
              static_cast<size_t>(-1));
    iconv(cd, nullptr, nullptr, &outp,
          &outleft);  // flush: the decoder is stateful
    std::string latin1;
    append_utf8(static_cast<char32_t>(b), latin1);
    EXPECT_EQ(convert_tcvn3(latin1, false), std::string(out, outp))
        << std::hex << b;
  }
  iconv_close(cd);
}

TEST(LegacyEncoding, RawTcvn3FileBytes) {
  // Encode with glibc, decode with ours.
  iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
  ASSERT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string text =
      "Quyết định phê duyệt Đề án\nBộ Tài nguyên và Môi trường chủ trì.\n";
  std::string out(text.size() * 2, '\0');
  char* inp = text.data();
  char* outp = out.data();
  size_t inleft = text.size(), outleft = out.size();
  ASSERT_NE(iconv(cd, &inp, &inleft, &outp, &outleft), static_cast<size_t>(-1));
  out.resize(out.size() - outleft);
  iconv_close(cd);
  ASSERT_FALSE(is_valid_utf8(out));
  const DecodedText d = decode_text_file(out);
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_EQ(d.text, text);
}

TEST(LegacyEncoding, AStrayByteLeavesUtf8AsUtf8) {
  // Issue 19: one invalid byte made a whole UTF-8 file read as another
  // encoding, and its text became mojibake that search could not find.
  const std::string good = "Báo cáo về hiệp định thương mại tự do.\n";
  std::string file = good + good;
  file += "Đàm phán vòng \xFF thứ hai về rác thải nhựa.\n";
  file += good;
  const DecodedText d = decode_text_file(file);
  EXPECT_EQ(d.encoding, Encoding::kUnicode);
  EXPECT_EQ(
      d.text,
      good + good + "Đàm phán vòng \uFFFD thứ hai về rác thải nhựa.\n" + good);
}

TEST(LegacyEncoding, AUtf8FileWithATcvn3LineIsDecodedLineByLine) {
  // A UTF-8 heading above a TCVN3 body (a note pasted from an old file).
  std::string file = "Ghi chú cuộc họp\n";
  file += "B\xE9 T\xB5i nguy\xAAn v\xB5 M\xABi tr\xAD\xEAng\n";
  const DecodedText d = decode_text_file(file);
  EXPECT_NE(d.text.find("Ghi chú cuộc họp"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("Bộ Tài nguyên và Môi trường"), std::string::npos)
      << d.text;
}

TEST(LegacyEncoding, Utf16AndBom) {
  EXPECT_EQ(decode_text_file("\xEF\xBB\xBFH\xC3\xB2"
                             "a")
                .text,
            "Hòa");
  const std::string utf16le(
      "\xFF\xFEH\x00\xF2\x00"
      "a\x00",
      8);
  EXPECT_EQ(decode_text_file(utf16le).text, "Hòa");
}

TEST(LegacyEncoding, ProperUnicodeIsNeverTouched) {
  for (const char* s : {"Hòa bình",
                        "Tài",
                        "Café Olé à la française",
                        "© 2024 Bộ TN&MT",
                        "I'm here",
                        "What is it?",
                        "Nguyễn Văn A.",
                        "hoà, thuỷ, khoẻ",
                        "Giá: 1.000.000 đ ± 5%",
                        "«Thỏa thuận» và ‘ô nhiễm’",
                        "Hà Nội, ngày 19 tháng 09 năm 2025",
                        "José Ramos-Horta, São Tomé",
                        "Ông bà",
                        "Toàn cầu",
                        "Vinh",
                        "Oxfam, CDI, PanNature",
                        "Ha Noi la thu do",
                        "a. b. c.",
                        "x^2 + y^2",
                        "Chapter 1.2.3"}) {
    const DecodedText d = repair_legacy_text(s);
    EXPECT_EQ(d.text, s);
    EXPECT_EQ(d.encoding, Encoding::kUnicode) << s;
  }
  // NFD text stays NFD (repair is not normalization).
  const std::string decomposed = test::nfd("Bộ Tài nguyên và Môi trường");
  EXPECT_EQ(repair_legacy_text(decomposed).text, decomposed);
}

// A real vbpl.vn page: Unicode headings, TCVN3 body read as Latin-1.
TEST(LegacyEncoding, RealMixedPage) {
  std::ifstream in(test::test_data("tcvn3-vbpl-000891.html"), std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const DecodedText d = repair_legacy_text(buf.str());
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_NE(d.text.find("QUYẾT ĐỊNH"), std::string::npos);  // untouched heading
  EXPECT_NE(d.text.find("Đính chính Quyết định số 29/2007/QĐ-BXD"),
            std::string::npos);
  EXPECT_NE(d.text.find("Bộ trưởng Bộ Xây dựng"), std::string::npos);
  EXPECT_NE(d.text.find("Uỷ ban nhân dân các tỉnh"), std::string::npos);
  EXPECT_EQ(d.text.find("Bé tr"), std::string::npos);
}

}  // namespace
}  // namespace kb
