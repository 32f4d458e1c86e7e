// DOCX text: word/document.xml from the zip (libzip), read with libxml2's
// streaming reader. Pages follow Word's own page breaks: explicit ones,
// "page break before" paragraphs, and the <w:lastRenderedPageBreak/> marks
// Word leaves where a page last ended.
#include "indexer/read/docx.h"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <fstream>
#include <memory>

#include "core/legacy_encoding.h"
#include "core/utf8.h"
#include "indexer/read/title.h"

namespace kb {
namespace {

constexpr zip_uint64_t kMaxXmlBytes = 256ull << 20;
constexpr const char* kWordNs =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kMarkupCompatibilityNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

enum class Member { kOk, kMissing, kEncrypted, kBroken, kTooLarge };

// Reads one member of the archive.
Member read_member(zip_t* zip, const char* name, std::string& out) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name, 0, &st) != 0) return Member::kMissing;
  if (!(st.valid & ZIP_STAT_SIZE)) return Member::kBroken;
  // A zip bomb declares its unpacked size; refuse before unpacking.
  if (st.size > kMaxXmlBytes) return Member::kTooLarge;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen(zip, name, 0), zip_fclose);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(zip));
    return code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD
               ? Member::kEncrypted
               : Member::kBroken;
  }
  out.assign(static_cast<size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    const zip_int64_t n =
        zip_fread(file.get(), out.data() + done, st.size - done);
    if (n <= 0) return Member::kBroken;  // truncated data or a bad checksum
    done += static_cast<zip_uint64_t>(n);
  }
  return Member::kOk;
}

std::string local_name(xmlTextReaderPtr r) {
  const xmlChar* n = xmlTextReaderConstLocalName(r);
  return n ? reinterpret_cast<const char*>(n) : "";
}

bool namespace_is(xmlTextReaderPtr r, const char* ns) {
  const xmlChar* uri = xmlTextReaderConstNamespaceUri(r);
  return uri != nullptr &&
         std::string_view(reinterpret_cast<const char*>(uri)) == ns;
}

std::string attribute(xmlTextReaderPtr r, const char* name) {
  std::unique_ptr<xmlChar, void (*)(void*)> v(
      xmlTextReaderGetAttributeNs(r, reinterpret_cast<const xmlChar*>(name),
                                  reinterpret_cast<const xmlChar*>(kWordNs)),
      xmlFree);
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

// An on/off property such as <w:pageBreakBefore/> or w:val="false".
bool property_on(xmlTextReaderPtr r) {
  const std::string v = attribute(r, "val");
  return v != "0" && v != "false" && v != "off";
}

using XmlReader = std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)>;

XmlReader open_xml(const std::string& xml, const char* name) {
  // No network, no DTD loading, no entity substitution: a document cannot
  // make us fetch or expand anything.
  return XmlReader(
      xmlReaderForMemory(
          xml.data(), static_cast<int>(xml.size()), name, nullptr,
          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeTextReader);
}

// Collects page texts while document.xml is walked.
class PageBuilder {
 public:
  PageBuilder() : pages_(1) {}
  void text(std::string_view s) { page() += s; }
  void ch(char c) { page() += c; }
  // A page break; ignored at the top of a page, where Word writes a
  // lastRenderedPageBreak right after an explicit break.
  void page_break() {
    if (page().find_first_not_of(" \t\n") != std::string::npos)
      pages_.emplace_back();
  }
  void end_paragraph() { ch('\n'); }
  // The break after a cell's last paragraph becomes a tab, so that a row of
  // one-paragraph cells stays on one line.
  void end_cell() {
    while (!page().empty() && (page().back() == ' ' || page().back() == '\n'))
      page().pop_back();
    ch('\t');
  }
  void end_row() {
    while (!page().empty() && (page().back() == '\t' || page().back() == ' '))
      page().pop_back();
    ch('\n');
  }
  std::vector<std::string>& pages() { return pages_; }

 private:
  std::string& page() { return pages_.back(); }
  std::vector<std::string> pages_;
};

// Walks document.xml; false when it is not well-formed XML.
bool document_pages(const std::string& xml, std::vector<std::string>& pages) {
  XmlReader reader = open_xml(xml, "document.xml");
  if (!reader) return false;
  xmlTextReaderPtr r = reader.get();
  PageBuilder b;
  bool in_text = false;
  int tabs_depth = 0;  // inside <w:tabs> (tab stop definitions, not tabs)
  int ret = xmlTextReaderRead(r);
  while (ret == 1) {
    const int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string name = local_name(r);
      const bool empty = xmlTextReaderIsEmptyElement(r);
      // Word writes a text box twice: as DrawingML and, in mc:Fallback, as
      // VML for old readers. Read it once.
      if (name == "Fallback" && namespace_is(r, kMarkupCompatibilityNs)) {
        ret = xmlTextReaderNext(r);
        continue;
      }
      if (name == "t") {
        in_text = !empty;
      } else if (name == "delText" || name == "instrText") {
        // Deleted text and field codes (" PAGE ") are not the document's.
        in_text = false;
      } else if (name == "tabs") {
        if (!empty) ++tabs_depth;
      } else if ((name == "tab" && tabs_depth == 0) || name == "ptab") {
        b.ch('\t');
      } else if (name == "br") {
        if (attribute(r, "type") == "page") {
          b.page_break();
        } else {
          b.ch('\n');
        }
      } else if (name == "cr") {
        b.ch('\n');
      } else if (name == "noBreakHyphen") {
        b.ch('-');
      } else if (name == "lastRenderedPageBreak") {
        b.page_break();
      } else if (name == "pageBreakBefore") {
        if (property_on(r)) b.page_break();
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      const std::string name = local_name(r);
      if (name == "t") in_text = false;
      if (name == "tabs" && tabs_depth > 0) --tabs_depth;
      if (name == "p") b.end_paragraph();
      if (name == "tc") b.end_cell();
      if (name == "tr") b.end_row();
    } else if (in_text &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE)) {
      // Whitespace-only runs count too: dropping " " between two runs would
      // glue their words together.
      if (const xmlChar* v = xmlTextReaderConstValue(r))
        b.text(reinterpret_cast<const char*>(v));
    }
    ret = xmlTextReaderRead(r);
  }
  pages = std::move(b.pages());
  return ret == 0;
}

std::string core_title(zip_t* zip) {
  std::string xml;
  if (read_member(zip, "docProps/core.xml", xml) != Member::kOk) return {};
  XmlReader reader = open_xml(xml, "core.xml");
  if (!reader) return {};
  bool in_title = false;
  std::string title;
  while (xmlTextReaderRead(reader.get()) == 1) {
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_ELEMENT)
      in_title = local_name(reader.get()) == "title";
    if (type == XML_READER_TYPE_END_ELEMENT) in_title = false;
    if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) &&
        in_title) {
      if (const xmlChar* v = xmlTextReaderConstValue(reader.get())) {
        title += reinterpret_cast<const char*>(v);
      }
    }
  }
  return title;
}

// Trailing spaces off every line, at most one empty line in a row (Word
// users space paragraphs with empty ones), no empty lines at the ends.
std::string tidy_page(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 0;
  for (char c : text) {
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
        out.pop_back();
      if (!out.empty() && ++newlines <= 2) out += '\n';
      continue;
    }
    newlines = 0;
    out += c;
  }
  while (!out.empty() &&
         (out.back() == '\n' || out.back() == ' ' || out.back() == '\t')) {
    out.pop_back();
  }
  return out;
}

// The file is not a zip. Word saves a password-protected document as an OLE
// container holding an "EncryptedPackage" stream; other OLE files are
// Word 97-2003 documents renamed .docx.
Extracted not_a_zip(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(8 << 20, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (bytes.substr(0, 8) ==
      std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    static constexpr std::string_view kEncryptedPackage(
        "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    if (bytes.find(kEncryptedPackage) != std::string::npos) {
      return Extracted::failure("docx", FailureReason::kEncrypted,
                                "the document is protected by a password");
    }
    return Extracted::failure("docx", FailureReason::kUnsupported,
                              "a Word 97-2003 document (.doc), not a .docx");
  }
  return Extracted::failure("docx", FailureReason::kDamaged,
                            "not a readable zip archive");
}

}  // namespace

Extracted extract_docx(const std::filesystem::path& path) {
  int err = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> zip(
      zip_open(path.c_str(), ZIP_RDONLY, &err), zip_discard);
  if (!zip) return not_a_zip(path);
  std::string xml;
  switch (read_member(zip.get(), "word/document.xml", xml)) {
    case Member::kOk:
      break;
    case Member::kMissing:
      return Extracted::failure("docx", FailureReason::kDamaged,
                                "no word/document.xml in the archive");
    case Member::kEncrypted:
      return Extracted::failure("docx", FailureReason::kEncrypted,
                                "the archive is protected by a password");
    case Member::kBroken:
      return Extracted::failure("docx", FailureReason::kDamaged,
                                "word/document.xml cannot be unpacked");
    case Member::kTooLarge:
      return Extracted::failure("docx", FailureReason::kTooLarge,
                                "word/document.xml unpacks to more than " +
                                    std::to_string(kMaxXmlBytes >> 20) + " MB");
  }
  std::vector<std::string> pages;
  if (!document_pages(xml, pages)) {
    return Extracted::failure("docx", FailureReason::kDamaged,
                              "word/document.xml is not valid XML");
  }
  Extracted e;
  e.format = "docx";
  e.title = clean_title(core_title(zip.get()));
  Encoding seen = Encoding::kUnicode;
  bool any = false;
  for (const std::string& text : pages) {
    DecodedText repaired = repair_legacy_text(tidy_page(text));
    if (repaired.encoding != Encoding::kUnicode) seen = repaired.encoding;
    ExtractedPage p;
    p.text = to_nfc(std::move(repaired.text));
    any = any || !p.text.empty();
    e.pages.push_back(std::move(p));
  }
  while (e.pages.size() > 1 && e.pages.back().text.empty()) e.pages.pop_back();
  if (!any)
    return Extracted::failure("docx", FailureReason::kEmpty,
                              "the document has no text");
  e.encoding = encoding_name(seen);
  return e;
}

}  // namespace kb
