// The DOCX reader: Word's page breaks, tables, the core.xml title, and
// password-protected or renamed files.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <fstream>
#include <string>

#include "indexer/read/docx.h"
#include "tests/unit/extract_test_util.h"

namespace kb::extract_test {
namespace {

namespace fs = std::filesystem;

// --- DOCX --------------------------------------------------------------------

TEST(ExtractDocx, PagesTablesTitleAndVietnamese) {
  const Extracted e = extract("quyet-dinh.docx");
  ASSERT_EQ(e.status, ExtractStatus::kOk) << e.error;
  EXPECT_EQ(e.format, "docx");
  EXPECT_EQ(e.title, "Quyết định ban hành Quy chế quản lý tài liệu điện tử");
  EXPECT_EQ(e.encoding, "tcvn3");  // one paragraph was typed in TCVN3
  ASSERT_EQ(e.pages.size(), 3u);
  // Letterhead table rows on their lines, cells by tabs; tab stops are not
  // tabs; deleted text and field codes dropped; NFD composed; TCVN3 decoded.
  EXPECT_EQ(e.pages[0].text,
            "BỘ TƯ PHÁP\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số: 125/QĐ-BTP\tHà Nội, ngày 15 tháng 3 năm 2024\n"
            "QUYẾT ĐỊNH\n"
            "Về việc ban hành Quy chế quản lý tài liệu điện tử\n"
            "Căn cứ Luật Lưu trữ số 33/2011/QH13;\n"
            "Theo đề nghị của Chánh Văn phòng,\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý tài liệu "
            "điện tử.\n"
            "Trang 1\n"
            "Bộ Tài nguyên và Môi trường phối hợp thực hiện.\n"
            "Ủy ban nhân dân xã-phường thực hiện.\n"
            "Nơi nhận:\tBỘ TRƯỞNG");
  // The explicit break and Word's lastRenderedPageBreak after it make one
  // page break, not two; the text box is read once.
  EXPECT_EQ(e.pages[1].text,
            "PHỤ LỤC\n"
            "Danh mục tài liệu\n"
            "và thời hạn bảo quản\n"
            "STT\tTên tài liệu\tThời hạn bảo quản\n"
            "1\tHồ sơ, tài liệu điện tử\tVĩnh viễn\n"
            "2\tVăn bản hành chính\n"
            "và thư từ\t10 năm\n"
            "Mẫu số 01");
  EXPECT_EQ(e.pages[2].text,
            "QUY CHẾ\nQuản lý tài liệu điện tử tại Bộ Tư pháp");
  expect_same(e, extract_docx(fixture("quyet-dinh.docx")));
}

TEST(ExtractDocx, OleContainerNamedDocx) {
  // Word saves a password-protected .docx as an OLE file with an
  // "EncryptedPackage" stream (the directory entry name is UTF-16LE).
  const fs::path dir =
      fs::temp_directory_path() / ("vnkb-ole-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole.resize(1024, '\0');
  std::string old_doc = ole;
  const std::string name("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0",
                         32);
  ole += name;
  ole.resize(2048, '\0');
  old_doc.resize(2048, '\0');
  std::ofstream(dir / "protected.docx", std::ios::binary) << ole;
  std::ofstream(dir / "renamed.docx", std::ios::binary) << old_doc;
  EXPECT_EQ(extract_file(dir / "protected.docx", limits()).reason,
            FailureReason::kEncrypted);
  EXPECT_EQ(extract_file(dir / "renamed.docx", limits()).reason,
            FailureReason::kUnsupported);
  fs::remove_all(dir);
}

TEST(ExtractDocx, ZipBombIsTooLargeNotDamaged) {
  // 300 MB of one letter deflate to about 300 KB: the archive declares the
  // size, and the reader refuses before unpacking.
  const fs::path dir =
      fs::temp_directory_path() / ("vnkb-bomb-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "bomb.docx";
  static std::string xml;
  xml.assign(300u << 20, 'a');
  int err = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(zip, nullptr);
  zip_source_t* source = zip_source_buffer(zip, xml.data(), xml.size(), 0);
  ASSERT_NE(source, nullptr);
  const zip_int64_t index =
      zip_file_add(zip, "word/document.xml", source, ZIP_FL_OVERWRITE);
  ASSERT_GE(index, 0);
  ASSERT_EQ(zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                                     ZIP_CM_DEFLATE, 1),
            0);
  ASSERT_EQ(zip_close(zip), 0);
  std::string().swap(xml);
  EXPECT_LT(fs::file_size(path), 4u << 20);
  for (const Extracted& e :
       {extract_file(path, limits()), extract_docx(path)}) {
    EXPECT_EQ(e.status, ExtractStatus::kFailed);
    EXPECT_EQ(e.reason, FailureReason::kTooLarge) << e.error;
    EXPECT_TRUE(contains(e.error, "MB")) << e.error;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kb::extract_test
