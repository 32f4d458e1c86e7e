#!/usr/bin/env bash
# Rebuilds the fixtures of tests/unit/extract_*_test.cc in this folder. The
# committed files are what the tests read; this script documents how each was
# made. Needs: qpdf, poppler-utils (pdftoppm), zip, iconv (libc-bin), python3,
# and the shared corpus (../shared next to the repository, or $VNKB_SHARED).
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
shared=${VNKB_SHARED:-$here/../../../../shared}
corpus=$shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- Real PDFs, bytes unchanged -------------------------------------------
# Quyết định 39/2025/QĐ-TTg, 2 pages (LibreOffice rendering of vbpl.vn HTML).
cp "$corpus/vbpl-pdf/vbpl-000588.pdf" qd-39-2025-qd-ttg.pdf
# Thông tư 35/2025/TT-BKHCN, 2 pages, whose text layer is decomposed (NFD).
cp "$corpus/vbpl-pdf/vbpl-000386.pdf" tt-35-2025-tt-bkhcn-nfd.pdf
# Án lệ 47/2021/AL, 4 pages, Word 2019; its Title is TCVN3 mojibake.
cp "$corpus/pdf-real/anle-47.pdf" anle-47-2021.pdf

# --- Made from real PDFs with qpdf ----------------------------------------
# Page 1 of a scan ("Microsoft: Print To PDF" of page images): no text layer.
qpdf --deterministic-id --empty --pages "$corpus/pdf-scanned/09-2025-QD-TTg.pdf" 1 -- scanned-page.pdf
# Text page, scanned page, blank page (page 2 of vbpl-000059 holds nothing).
qpdf --deterministic-id --empty --pages qd-39-2025-qd-ttg.pdf 1 scanned-page.pdf 1 \
  "$corpus/vbpl-pdf/vbpl-000059.pdf" 2 -- mixed-text-scan-blank.pdf
# AES-256 with a user password: opens only with "user". (Encrypted output
# differs at each run: qpdf draws a fresh salt and file ID.)
qpdf --encrypt user owner 256 -- qd-39-2025-qd-ttg.pdf encrypted-user-password.pdf
# AES-256 with an owner password only: anyone may open it (and read it).
qpdf --encrypt "" owner 256 --print=none --modify=none -- \
  tt-35-2025-tt-bkhcn-nfd.pdf encrypted-owner-password.pdf
# The first 20,000 bytes of a real PDF: no xref, no trailer, cut objects.
head -c 20000 qd-39-2025-qd-ttg.pdf > truncated.pdf

# --- A web page printed to PDF by a browser --------------------------------
# Seed 002 (corpus/seeds) as the page its site shows: the banner in small
# type, the heading in large type, the dateline and paragraphs; printed by
# Chromium with its header (date, the page's <title>, a file name) and
# footer. The PDF's Title is that file name; the heading is its largest
# text. (The header's date differs at each run.)
python3 - "$here/../../../corpus/seeds/002_8887ebef5e683073.txt" "$tmp/page.html" <<'EOF'
import html, sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
lines = [l for l in lines if l]
out = ['<!doctype html><html lang="vi"><head><meta charset="utf-8">',
       '<title>002_8887ebef5e683073</title><style>body{font-family:"DejaVu Sans",'
       'sans-serif;font-size:11pt} nav{font-size:9pt} h1{font-size:20pt}'
       '</style></head><body>', '<nav>%s</nav>' % html.escape(lines[0]),
       '<h1>%s</h1>' % html.escape(lines[1])]
out += ['<p>%s</p>' % html.escape(l) for l in lines[2:]]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out + ["</body></html>"]))
EOF
chromium --headless --no-sandbox --disable-gpu \
  --print-to-pdf="$here/web-page-printed.pdf" "$tmp/page.html"

# --- Synthetic files -------------------------------------------------------
python3 make_pdfs.py slow slow-nested-forms.pdf
python3 make_pdfs.py textbomb text-bomb.pdf
python3 make_pdfs.py many many-pages.pdf 30
python3 - <<'EOF'
import random
rng = random.Random(20240315)
with open("random-bytes.pdf", "wb") as f:
    f.write(bytes(rng.randrange(256) for _ in range(4096)))
with open("garbage-after-header.pdf", "wb") as f:
    f.write(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(4096)))
EOF
: > empty.pdf
: > empty.txt
# A real PNG (8 dpi rendering of a decision page).
pdftoppm -r 8 -f 1 -l 1 -png -singlefile qd-39-2025-qd-ttg.pdf page

# --- DOCX from minimal WordprocessingML parts ------------------------------
w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
mc='xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
mkdir -p "$tmp/docx/_rels" "$tmp/docx/word" "$tmp/docx/docProps"
cat > "$tmp/docx/[Content_Types].xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
EOF
cat > "$tmp/docx/_rels/.rels" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
EOF
cat > "$tmp/docx/docProps/core.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Quyết định ban hành Quy chế quản lý tài liệu điện tử</dc:title>
<dc:creator>Văn phòng Bộ</dc:creator>
<cp:lastModifiedBy>Văn thư</cp:lastModifiedBy>
</cp:coreProperties>
EOF
cell() { printf '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>%s</w:tc>' "$1"; }
para() { printf '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' "$1"; }
# "Điều 1" typed with decomposed diacritics (NFD), as some editors save it.
nfd=$(python3 -c 'import unicodedata; print(unicodedata.normalize("NFD", "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý tài liệu điện tử."))')
{
  printf '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  printf '<w:document %s %s><w:body>' "$w" "$mc"
  # Page 1: letterhead table, title, preamble.
  printf '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
  printf '<w:tr>%s%s</w:tr>' "$(cell "$(para 'BỘ TƯ PHÁP')")" \
    "$(cell "$(para 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')$(para 'Độc lập - Tự do - Hạnh phúc')")"
  printf '<w:tr>%s%s</w:tr>' "$(cell "$(para 'Số: 125/QĐ-BTP')")" \
    "$(cell "$(para 'Hà Nội, ngày 15 tháng 3 năm 2024')")"
  printf '</w:tbl>'
  printf '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>QUYẾT ĐỊNH</w:t></w:r></w:p>'
  # Tab stops in the paragraph properties are not tabs in the text.
  printf '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>'
  printf '<w:r><w:t>Về việc ban hành Quy chế quản lý tài liệu điện tử</w:t></w:r></w:p>'
  # Words split over runs; the space lives in a preserved run.
  printf '<w:p><w:r><w:t xml:space="preserve">Căn cứ </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Luật Lưu trữ</w:t></w:r>'
  printf '<w:r><w:t xml:space="preserve"> số 33/2011/QH13;</w:t></w:r></w:p>'
  # Tracked changes: the deletion is gone, the insertion stays.
  printf '<w:p><w:r><w:t xml:space="preserve">Theo đề nghị </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>đã bị xóa </w:delText></w:r></w:del>'
  printf '<w:ins w:id="2" w:author="A"><w:r><w:t>của Chánh Văn phòng,</w:t></w:r></w:ins></w:p>'
  printf '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' "$nfd"
  # A field: its code (PAGE) is not text, its result (1) is.
  printf '<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
  printf '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
  # Typed in TCVN3 with a .VnTime font: bytes shown as Latin-1 letters.
  printf '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>Bé Tµi nguyªn vµ M«i tr\xc2\xadêng phèi hîp thùc hiÖn.</w:t></w:r></w:p>'
  printf '<w:p><w:r><w:t>Ủy ban nhân dân xã</w:t><w:noBreakHyphen/><w:t>phường thực hiện.</w:t></w:r></w:p>'
  printf '<w:p><w:r><w:t>Nơi nhận:</w:t><w:tab/><w:t>BỘ TRƯỞNG</w:t></w:r></w:p>'
  # An explicit page break, then the mark Word leaves where page 2 began.
  printf '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
  printf '<w:p><w:r><w:lastRenderedPageBreak/><w:t>PHỤ LỤC</w:t></w:r></w:p>'
  printf '<w:p><w:r><w:t>Danh mục tài liệu</w:t><w:br/><w:t>và thời hạn bảo quản</w:t></w:r></w:p>'
  printf '<w:tbl>'
  printf '<w:tr>%s%s%s</w:tr>' "$(cell "$(para 'STT')")" "$(cell "$(para 'Tên tài liệu')")" "$(cell "$(para 'Thời hạn bảo quản')")"
  printf '<w:tr>%s%s%s</w:tr>' "$(cell "$(para '1')")" "$(cell "$(para 'Hồ sơ, tài liệu điện tử')")" "$(cell "$(para 'Vĩnh viễn')")"
  printf '<w:tr>%s%s%s</w:tr>' "$(cell "$(para '2')")" "$(cell "$(para 'Văn bản hành chính')$(para 'và thư từ')")" "$(cell "$(para '10 năm')")"
  printf '</w:tbl>'
  # A text box: DrawingML for Word 2010+, the same text as VML fallback.
  printf '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Mẫu số 01</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>'
  printf '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Mẫu số 01</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
  # Page 3 starts at a "page break before" paragraph; val="0" turns it off.
  printf '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>QUY CHẾ</w:t></w:r></w:p>'
  printf '<w:p><w:pPr><w:pageBreakBefore w:val="0"/></w:pPr><w:r><w:t>Quản lý tài liệu điện tử tại Bộ Tư pháp</w:t></w:r></w:p>'
  printf '<w:p/>'
  printf '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>\n'
} > "$tmp/docx/word/document.xml"
# Fixed member dates, so that the archives come out byte for byte the same.
stamp() { find "$1" -exec touch -d 2024-03-15T08:00:00Z {} +; }
stamp "$tmp/docx"
rm -f quyet-dinh.docx && (cd "$tmp/docx" && zip -q -X -r "$here/quyet-dinh.docx" '[Content_Types].xml' _rels docProps word)

# The same package with zip's own (ZipCrypto) password on every member.
rm -f zip-password.docx && (cd "$tmp/docx" && zip -q -X -r -P secret "$here/zip-password.docx" '[Content_Types].xml' _rels docProps word)
# The same package without word/document.xml.
rm -f no-document-xml.docx && (cd "$tmp/docx" && zip -q -X -r "$here/no-document-xml.docx" '[Content_Types].xml' _rels docProps)
# document.xml cut in the middle of a paragraph, with a mismatched tag.
head -c 1500 "$tmp/docx/word/document.xml" > "$tmp/broken.xml"
printf '</w:tbl></w:p>\n' >> "$tmp/broken.xml"
mkdir -p "$tmp/bad/word" && cp -r "$tmp/docx/[Content_Types].xml" "$tmp/docx/_rels" "$tmp/docx/docProps" "$tmp/bad/"
cp "$tmp/broken.xml" "$tmp/bad/word/document.xml"
stamp "$tmp/bad"
rm -f malformed-document-xml.docx && (cd "$tmp/bad" && zip -q -X -r "$here/malformed-document-xml.docx" '[Content_Types].xml' _rels docProps word)
# A well-formed document with nothing in it.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<w:document %s><w:body><w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p></w:body></w:document>\n' "$w" > "$tmp/bad/word/document.xml"
stamp "$tmp/bad"
rm -f empty-body.docx && (cd "$tmp/bad" && zip -q -X -r "$here/empty-body.docx" '[Content_Types].xml' _rels docProps word)

# --- HTML ------------------------------------------------------------------
# Windows-1258: precomposed base letters plus combining tone marks.
cat > "$tmp/cp1258.html" <<'EOF'
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>Nghị định số 15/2020/NĐ-CP</title></head>
<body><p>Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông.</p>
<p>Điều 1. Phạm vi điều chỉnh</p></body></html>
EOF
iconv -f UTF-8 -t WINDOWS-1258 "$tmp/cp1258.html" > windows-1258.html
# An old site: text typed in TCVN3 (.VnTime fonts), page declared Windows-1252.
cat > "$tmp/tcvn3-1252.html" <<'EOF'
<html><head><meta charset="windows-1252"><title>Văn bản pháp luật</title></head>
<body><p><font face=".VnTime">Bộ Tài nguyên và Môi trường</font></p>
<p><font face=".VnTime">Quyết định số 12/2003/QĐ-BTNMT về việc ban hành quy chế làm việc của cơ quan</font></p></body></html>
EOF
iconv -f UTF-8 -t TCVN5712-1 "$tmp/tcvn3-1252.html" > tcvn3-windows-1252.html
# Plain Windows-1252 (French): must come out unchanged, not "repaired".
printf '<html><head><meta charset="windows-1252"><title>D\xe9cret</title></head><body><p>D\xe9cret relatif \xe0 la protection des donn\xe9es \x96 \xabcaf\xe9\xbb</p></body></html>\n' > windows-1252.html

# --- Plain text and Markdown -----------------------------------------------
# A demo seed: a tab-separated program table with stray <i>, <p>, <ul style=...>.
cp "$shared/seeds/003_931c19f7e019d404.txt" stray-html-program.txt
chmod 644 ./*.pdf ./*.txt 2>/dev/null || true
# Raw TCVN3 bytes (glibc's TCVN5712-1, a superset of TCVN3).
printf 'QUYẾT ĐỊNH\nVề việc ban hành Quy chế quản lý hồ sơ, tài liệu điện tử\nBộ trưởng Bộ Tài nguyên và Môi trường\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n' |
  iconv -f UTF-8 -t TCVN5712-1 > tcvn3.txt
