#!/usr/bin/env python3
"""Writes the synthetic PDFs of this folder (called by make_fixtures.sh).

  slow      a page whose content draws form 1, which draws form 2 twice, which
            draws form 3 twice ... 40 levels: 2^40 drawings of one line. Tiny
            on disk, endless for any reader; extraction must time out.
  textbomb  the same with a leaf that shows 3,900 characters: the text kept
            for the page grows by tens of MB a second until memory runs out.
  many N    N pages of 60 lines of ASCII text (over 64 KB of text in all, more
            than a pipe holds), each line numbered "Trang P dong L". Its Title
            is UTF-8 bytes without a byte order mark, as many producers write
            it (PDF readers show "CÃ´ng vÄƒn").
"""
import sys
import zlib


def build(objects, root=1, info=None):
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    info_ref = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, info_ref, xref)
    return bytes(out)


def stream(data, extra=b"", compress=True):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def slow(depth=40, leaf=b"0 0 m 1 1 l S"):
    # 1 catalog, 2 pages, 3 page, 4 font, 5 .. 4+depth forms, 5+depth content.
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /X 5 0 R >> /Font << /F 4 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + depth),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for k in range(depth):
        if k + 1 < depth:
            content = b"q /X Do Q q 1 0 0 1 0.001 0 cm /X Do Q"
            res = b"/Resources << /XObject << /X %d 0 R >> >>" % (5 + k + 1)
        else:
            content = leaf
            res = b"/Resources << /Font << /F 4 0 R >> >>"
        objs.append(stream(content, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res,
                           compress=False))
    objs.append(stream(b"/X Do", compress=False))
    return build(objs)


def many(npages, lines=60):
    words = ("quy dinh thong tu nghi dinh chinh phu bo tai chinh ngan sach "
             "dieu khoan hieu luc thi hanh to chuc ca nhan co quan").split()
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(npages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, npages),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for p in range(npages):
        ops = [b"BT /F 9 Tf 11 TL 40 800 Td"]
        for line in range(lines):
            w = " ".join(words[(p * 7 + line * 3 + j) % len(words)] for j in range(12))
            ops.append(b"(Trang %d dong %d %s) Tj T*" % (p + 1, line + 1, w.encode()))
        ops.append(b"ET")
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * p))
        objs.append(stream(b"\n".join(ops)))
    objs.append(b"<< /Title (%s) /Producer (make_pdfs.py) >>" % "Công văn 7197/BKHCN-CĐSQG".encode())
    return build(objs, info=len(objs))


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "slow":
        data = slow()
    elif kind == "textbomb":
        data = slow(leaf=b"BT /F 1 Tf 10 10 Td (" + b"Nghi dinh so " * 300 + b") Tj ET")
    else:
        data = many(int(sys.argv[3]))
    with open(out, "wb") as f:
        f.write(data)
