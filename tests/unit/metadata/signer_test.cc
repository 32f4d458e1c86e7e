// The signer (indexer/metadata/signer.h).
#include <gtest/gtest.h>

#include "indexer/metadata/extractor.h"
#include "tests/unit/metadata/excerpts.h"
#include "tests/unit/metadata/metadata_test_util.h"

namespace kb::test {
namespace {

const Case kSignerCases[] = {
    // vbpl-000036.html
    {"lines",
     "Điều 1. Phạm vi điều chỉnh\nNơi nhận:\n- Thủ tướng, các Phó Thủ tướng "
     "Chính phủ;\n"
     "- Lưu: VT, XNK(5).\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nNguyễn Sinh Nhật "
     "Tân\n",
     "Nguyễn Sinh Nhật Tân"},
    // vbpl-000226.html: the signature cells of one table row.
    {"cells",
     "Điều 9. Trách nhiệm thi hành\nBộ trưởng, Thủ trưởng cơ quan ngang bộ "
     "chịu trách nhiệm "
     "thi hành Nghị định này.\tTM. CHÍNH PHỦ\tTHỦ TƯỚNG\t(Đã ký)\tPhạm Minh "
     "Chính\n",
     "Phạm Minh Chính"},
    // vbpl-000012.html: a military rank before the name.
    {"rank", "Điều 1.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nThượng tướng Vũ Hải Sản\n",
     "Vũ Hải Sản"},
    {"signed_without_parentheses",
     "Điều 1.\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nĐã ký\nPhạm Minh Chính\nPHỤ LỤC\n",
     "Phạm Minh Chính"},
    {"role_in_title_case",
     "Điều 1.\nKT. THỐNG ĐỐC\nPhó Thống Đốc\n(Đã ký)\nĐoàn Thái Sơn\n",
     "Đoàn Thái Sơn"},
    // vbpl-000027.pdf: the name wraps in the narrow signature column, the
    // recipients' list runs alongside.
    {"pdf_wrapped",
     R"(Điều 5. Hiệu lực thi hành
- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;
                                                                           TM. CHÍNH PHỦ
- Văn phòng Trung ương và các Ban của Đảng;
                                                                           KT. THỦ TƯỚNG
- Văn phòng Tổng Bí thư;
                                                                              PHÓ THỦ
- Văn phòng Chủ tịch nước;
                                                                               TƯỚNG
- Hội đồng Dân tộc và các Ủy ban của Quốc hội;
- Văn phòng Quốc hội;
                                                                                (Đã ký)
- Tòa án nhân dân tối cao;
- Viện kiểm sát nhân dân tối cao;
                                                                           Phạm Thị Thanh
- Kiểm toán nhà nước;
                                                                                  Trà
- Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;
)",
     "Phạm Thị Thanh Trà"},
    {"no_signature", kDecreeHtml, ""},
};

TEST(MetadataSigner, Table) {
  for (const Case& c : kSignerCases) {
    EXPECT_EQ(meta_of(c.text).signer, c.expected) << c.name;
  }
}

}  // namespace
}  // namespace kb::test
