#!/usr/bin/env bash
# Indexing benchmarks, called by tools/bench (prints Markdown on stdout).
#   tools/bench_index.sh pdf  SHARED_DIR WORK_DIR
#   tools/bench_index.sh text SHARED_DIR WORK_DIR
# pdf:  ../shared/corpus/vbpl-pdf and pdf-real through vnkb-index, and in the
#       same run pdftotext (-layout, as we read pages) and omindex (Debian's
#       xapian-omega) over the same files.
# text: the codification split into one file per article (~67k documents):
#       documents/s, MB/s, index size on disk, peak memory. The database is
#       kept in WORK_DIR/phapdien-db for the server benchmark.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what=$1
shared=$2
work=$3
index="$root/build/indexer/vnkb-index"
mkdir -p "$work"

seconds_of() { awk '{print $1}' "$1"; }
kb_of() { awk '{print $2}' "$1"; }

if [ "$what" = pdf ]; then
  pdfs="$work/pdfs"
  rm -rf "$pdfs" "$work/pdf-db" "$work/omega-db"
  mkdir -p "$pdfs"
  cp "$shared"/corpus/vbpl-pdf/*.pdf "$shared"/corpus/pdf-real/*.pdf "$pdfs"/
  files=$(ls "$pdfs" | wc -l)
  mb=$(du -sm "$pdfs" | cut -f1)
  sync
  # OCR off: pdftotext and omindex do not OCR the image pages either.
  /usr/bin/time -f '%e %M' -o "$work/t.vnkb" "$index" --db "$work/pdf-db" --quiet add --ocr=never "$pdfs" || true
  pages=$("$index" --db "$work/pdf-db" stats --json | sed -n 's/.*"pages": \([0-9]*\).*/\1/p')
  /usr/bin/time -f '%e %M' -o "$work/t.pdftotext" bash -c 'for f in "$0"/*.pdf; do pdftotext -q -layout "$f" /dev/null; done' "$pdfs"
  /usr/bin/time -f '%e %M' -o "$work/t.omindex" omindex --db "$work/omega-db" --url / "$pdfs" >/dev/null 2>&1
  tv=$(seconds_of "$work/t.vnkb"); tp=$(seconds_of "$work/t.pdftotext"); to=$(seconds_of "$work/t.omindex")
  cat <<EOF
| tool | seconds | pages/s | peak memory (MB) |
|---|---:|---:|---:|
| vnkb-index add (extract, analyse, metadata, catalog, index) | $tv | $(awk "BEGIN {printf \"%.1f\", $pages / $tv}") | $(( $(kb_of "$work/t.vnkb") / 1024 )) |
| pdftotext -layout, one process per file (text only) | $tp | $(awk "BEGIN {printf \"%.1f\", $pages / $tp}") | $(( $(kb_of "$work/t.pdftotext") / 1024 )) |
| omindex (xapian-omega 1.4) | $to | $(awk "BEGIN {printf \"%.1f\", $pages / $to}") | $(( $(kb_of "$work/t.omindex") / 1024 )) |

Input: $files PDFs, $pages pages, $mb MB. vnkb / pdftotext time: **$(awk "BEGIN {printf \"%.2f\", $tv / $tp}")** (target ≤ 1.5);
vnkb / omindex time: **$(awk "BEGIN {printf \"%.2f\", $tv / $to}")** (target < 1).
EOF
  rm -rf "$pdfs" "$work/omega-db"
  exit 0
fi

if [ "$what" = text ]; then
  articles="$work/articles"
  rm -rf "$articles" "$work/phapdien-db"
  mapfile -t md < <(find "$shared/corpus/phapdien" -name '*.md' | sort)
  split=$("$root/build/tools/split_phapdien" "$articles" "${md[@]}")
  docs=$(echo "$split" | awk '{print $1}')
  bytes=$(echo "$split" | awk '{print $3}')
  sync
  /usr/bin/time -f '%e %M' -o "$work/t.text" "$index" --db "$work/phapdien-db" --quiet add "$articles"
  t=$(seconds_of "$work/t.text")
  xapian_mb=$(du -sm "$work/phapdien-db/xapian" | cut -f1)
  catalog_mb=$(du -sm "$work/phapdien-db/catalog.sqlite" | cut -f1)
  cat <<EOF
| measure | value |
|---|---:|
| documents (articles) | $docs |
| text | $(awk "BEGIN {printf \"%.1f\", $bytes / 1e6}") MB |
| time | $t s |
| documents/s | $(awk "BEGIN {printf \"%.0f\", $docs / $t}") |
| MB/s | $(awk "BEGIN {printf \"%.2f\", $bytes / 1e6 / $t}") |
| Xapian index on disk | $xapian_mb MB |
| catalog (SQLite, with the page text) on disk | $catalog_mb MB |
| peak memory (resident) | $(( $(kb_of "$work/t.text") / 1024 )) MB |

Input: \`build/tools/split_phapdien\` over every Markdown file of ../shared/corpus/phapdien (one file per article, its heading first).
EOF
  rm -rf "$articles"
  exit 0
fi
echo "usage: bench_index.sh pdf|text SHARED WORK" >&2
exit 2
