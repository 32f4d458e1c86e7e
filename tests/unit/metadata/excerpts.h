// Excerpts of real documents for the metadata tests: HTML text
// (../shared/corpus/vbpl) has table cells joined by tabs; PDF text
// (../shared/corpus/vbpl-pdf, pdf-real) is Poppler's physical layout.
#ifndef VNKB_TESTS_UNIT_METADATA_EXCERPTS_H_
#define VNKB_TESTS_UNIT_METADATA_EXCERPTS_H_

namespace kb::test {

// vbpl-000001.html
inline constexpr char kDecreeHtml[] =
    "CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 249/2025/NĐ-CP\tHà Nội, ngày 19 tháng 09 năm 2025\n"
    "NGHỊ ĐỊNH\n"
    "Quy định cơ chế, chính sách thu hút chuyên gia khoa học, công nghệ, đổi "
    "mới sáng tạo "
    "và chuyển đổi số\n"
    "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
    "Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;\n"
    "Căn cứ Luật Viên chức số 58/2010/QH12; Luật sửa đổi, bổ sung một số điều "
    "của Luật Cán "
    "bộ, công chức và Luật Viên chức số 52/2019/QH14;\n"
    "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;\n"
    "Theo đề nghị của Bộ trưởng Bộ Nội vụ;\n"
    "Chính phủ ban hành Nghị định quy định cơ chế, chính sách thu hút chuyên "
    "gia khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số.\n"
    "Chương I\n"
    "QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "2. Nghị định này không áp dụng đối với Tổng công trình sư, Kiến trúc sư "
    "trưởng quy định "
    "tại Nghị định số 231/2025/NĐ-CP ngày 26 tháng 8 năm 2025 của Chính phủ.\n";

// vbpl-000002.pdf
inline constexpr char kLawPdf[] =
    R"(      QUỐC HỘI              CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM

                                     Độc lập - Tự do - Hạnh phúc



Luật số: 121/2025/QH15            Hà Nội, ngày 10 tháng 12 năm 2025

                                                 LUẬT

             HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo
Nghị quyết số 203/2025/QH15;

Quốc hội ban hành Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân.

                                                Chương I

                                    NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
)";

// vbpl-000003.html: a law without a place-date line.
inline constexpr char kLawNoDateHtml[] =
    "QUỐC HỘI\n"
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập – Tự do – Hạnh phúc\n"
    "Luật số: 109/2025/QH15\n"
    "LUẬT\n"
    "THUẾ THU NHẬP CÁ NHÂN\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, "
    "bổ sung một "
    "số điều theo Nghị quyết số 203/2025/QH15;\n";

// vbpl-000023.html
inline constexpr char kResolutionHtml[] =
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n"
    "Nghị quyết số: 115/2025/UBTVQH15\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "NGHỊ QUYẾT\n"
    "Quy định chi tiết và hướng dẫn thi hành Luật Hoạt động giám sát\n";

// vbpl-000192.pdf: a joint circular of six issuers; the motto and the date
// wrap in a narrow right column.
inline constexpr char kJointCircularPdf[] =
    R"(                                                                                      CỘNG HÒA XÃ
                                                                                     HỘI CHỦ NGHĨA
                                                                                       VIỆT NAM
  BỘ TƯ PHÁP - BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ TÀI CHÍNH -
 TÒA ÁN NHÂN DÂN TỐI CAO - VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO
                                                                                      Độc lập - Tự do -
                                                                                        Hạnh phúc
         Số: 29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC
                                                                                       Hà Nội, ngày 31
                                                                                     tháng 12 năm 2025

                                       THÔNG TƯ LIÊN TỊCH

   Sửa đổi, bổ sung một số điều của Thông tư liên tịch số 10/2018/TTLT-BTP-BCA-BQP-BTC-
 TANDTC-VKSNDTC ngày 29 tháng 6 năm 2018 quy định về phối hợp thực hiện trợ giúp pháp lý
                                     trong hoạt động tố tụng

Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14;
)";

// vbpl-000619.pdf: a joint resolution whose motto is broken across the left
// cell's lines and whose number wraps.
inline constexpr char kJointResolutionPdf[] =
    R"(          ỦY BAN THƯỜNG VỤ QUỐC HỘI
                                                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
           CHÍNH PHỦ - ĐOÀN CHỦ TỊCH
                                                                        NAM
               ỦY BAN TRUNG ƯƠNG
                                                                  Độc lập - Tự do - Hạnh phúc
          MẶT TRẬN TỔ QUỐC VIỆT NAM

        Số: 102/2025/NQLT - UBTVQH15 - CP -
                                                                Hà Nội, ngày 26 tháng 9 năm 2025
                  ĐCTUBTWMTQVN

                                     NGHỊ QUYẾT LIÊN TỊCH

                     Hướng dẫn quy trình hiệp thương, giới thiệu người ứng cử
)";

// vbpl-000252.pdf: the issuer's second line under the motto's first.
inline constexpr char kStateBankPdf[] =
    R"(NGÂN HÀNG NHÀ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

         VIỆT NAM                          Độc lập - Tự do - Hạnh phúc

          _________                         _______________________

   Số: 81/2025/TT-NHNN                   Hà Nội, ngày 31 tháng 12 năm 2025

                                              THÔNG TƯ
)";

// vbpl-000246.pdf: the left cell glued to the motto by a single space.
inline constexpr char kGluedPdf[] =
    R"(BỘ NÔNG NGHIỆP VÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   MÔI TRƯỜNG           Độc lập - Tự do - Hạnh phúc
      --------                  ---------------

 Số: 94/2025/TT-BNNMT               Hà Nội, ngày 31 tháng 12 năm 2025

                                             THÔNG TƯ
)";

// vbpl-000390.pdf: one space between the number and the place.
inline constexpr char kOneSpacePdf[] =
    R"(                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
BỘ Y TẾ
                       Độc lập - Tự do - Hạnh phúc

Số: 54/2025/TT-BYT Hà Nội, ngày 31 tháng 12 năm 2025

                                                THÔNG TƯ
)";

// vbpl-000163.html: the heading says decree, the number says circular.
inline constexpr char kHeadingVsNumberHtml[] =
    "CHÍNH PHỦ\n"
    "-------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "---------------\n"
    "Số: 100/2025/TT-BCA\n"
    "Hà Nội, ngày 31 tháng 12 năm 2025\n"
    "NGHỊ ĐỊNH\n"
    "Sửa đổi, bổ sung một số điều của Nghị định số 36/2025/NĐ-CP\n"
    "ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng,\n";

// vbpl-000009.html: no colon, a Cyrillic С in the number.
inline constexpr char kCyrillicHtml[] =
    "BỘ TÀI CHÍNH\n"
    "Số 06/2026/TT-BT\u0421\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 26 tháng 01 năm 2026\n"
    "THÔNG TƯ\n";

// vbpl-000036.html
inline constexpr char kSpacedNumberHtml[] =
    "BỘ CÔNG THƯƠNG\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 04 /2026/TT-BCT\n"
    "Hà Nội, ngày 26 tháng 01 năm 2026\n"
    "THÔNG TƯ\n";

// vbpl-000020.html
inline constexpr char kDottedSerialHtml[] =
    "CHÍNH PHỦ\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 66.12/2026/NQ-CP\n"
    "Hà Nội, ngày 26 tháng 01 năm 2026\n"
    "NGHỊ QUYẾT\n";

// vbpl-000140.html
inline constexpr char kNoTypeCodeHtml[] =
    "BỘ CÔNG THƯƠNG\n"
    "Số: 03/2026-BCT\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 26 tháng 01 năm 2026\n"
    "THÔNG TƯ\n"
    "Quy định về hạn ngạch thuế quan nhập khẩu mặt hàng\n";

// vbpl-000357.html: the serial left blank.
inline constexpr char kBlankSerialHtml[] =
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: /2025/TT-BNNMT\tHà Nội, ngày 31 tháng 12 năm 2025\n"
    "THÔNG TƯ\n";

// vbpl-000152.html: no letterhead; the title cites another circular.
inline constexpr char kNoLetterheadHtml[] =
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "________________________\n"
    "THÔNG TƯ\n"
    "QUY ĐỊNH THỦ TỤC CẤP, THU HỒI BẢN CÔNG BỐ PHÙ HỢP LAO ĐỘNG HÀNG HẢI VÀ "
    "GIẤY CHỨNG NHẬN "
    "LAO ĐỘNG HÀNG HẢI\n"
    "____________________-\n"
    "Thông tư số 43/2015/TT-BGTVT ngày 20 tháng 8 năm 2015 của Bộ trưởng Bộ "
    "Giao thông vận "
    "tải quy định thủ tục cấp, thu hồi Bản công bố phù hợp lao động hàng hải\n";

// vbpl-000045.html: the text starts at the heading.
inline constexpr char kHeadingOnlyHtml[] =
    "THÔNG TƯ\n"
    "Quy định về phân công trách nhiệm, quan hệ phối hợp, quy trình xác minh, "
    "giải quyết vụ "
    "cháy trong Công an nhân dân\n"
    "Căn cứ Luật Tổ chức Cơ quan điều tra hình sự số 99/2015/QH13;\n"
    "Theo đề nghị của Cục trưởng Cục Cảnh sát phòng cháy, chữa cháy và cứu "
    "nạn, cứu hộ;\n";

// pdf-real/anle-27.pdf: a precedent, prose from the first line.
inline constexpr char kPrecedentPdf[] =
    R"(      Án lệ số 27/2019/AL về thụ lý, giải quyết vụ án hành chính liên quan
đến nhà đất mà Nhà nước đã quản lý, bố trí sử dụng trong quá trình thực
      Được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua
ngày 22 tháng 8 năm 2019 và được công bố theo Quyết định số 293/QĐ-CA
ngày 09 tháng 9 năm 2019 của Chánh án Tòa án nhân dân tối cao.
nhận việc đòi lại nhà đất mà Nhà nước đã quản lý, bố trí sử dụng trong quá trình
nghĩa liên quan đến nhà đất trước ngày 01-7-1991 theo quy định tại Nghị quyết
số 23/2003/QH11 ngày 26-11-2003 của Quốc hội mà quyết định đó đã được ban
     Vào ngày 16/11/2009, cụ C1 và những người con thỏa thuận lập văn bản
)";

}  // namespace kb::test

#endif  // VNKB_TESTS_UNIT_METADATA_EXCERPTS_H_
