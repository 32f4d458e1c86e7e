#!/usr/bin/env bash
# Indexing benchmarks, called by tools/bench (prints Markdown on stdout).
#   tools/bench_index.sh pdf  SHARED_DIR WORK_DIR
#   tools/bench_index.sh text SHARED_DIR WORK_DIR
# pdf:  ../shared/corpus/vbpl-pdf and pdf-real through vnkb-index, and in the
#       same run pdftotext (-layout, as we read pages) and omindex (Debian's
#       xapian-omega) over the same files. VNKB_BENCH_BEFORE=BINARY also runs
#       another vnkb-index over them, for a before/after row.
# text: the codification split into one file per article, 10,000 of its ~67k
#       articles (VNKB_BENCH_ARTICLES=N; 0 for all) through vnkb-index, and in
#       the same run omindex and a bare Xapian indexer: time, documents/s,
#       MB/s, size on disk, peak memory. The database is kept in
#       WORK_DIR/phapdien-db for the server benchmark.
#       VNKB_BENCH_BEFORE=BINARY also runs another vnkb-index (a build of an
#       earlier commit) over the same articles in the same run, for a
#       before/after row.
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
  /usr/bin/time -f '%e %M %U %S' -o "$work/t.vnkb" "$index" --db "$work/pdf-db" --quiet add --ocr=never "$pdfs" || true
  pages=$("$index" --db "$work/pdf-db" stats --json | sed -n 's/.*"pages": \([0-9]*\).*/\1/p')
  before="${VNKB_BENCH_BEFORE:-}"
  if [ -n "$before" ]; then
    rm -rf "$work/pdf-before-db"
    /usr/bin/time -f '%e %M %U %S' -o "$work/t.before" "$before" --db "$work/pdf-before-db" --quiet add --ocr=never "$pdfs" || true
  fi
  /usr/bin/time -f '%e %M %U %S' -o "$work/t.pdftotext" bash -c 'for f in "$0"/*.pdf; do pdftotext -q -layout "$f" /dev/null; done' "$pdfs"
  /usr/bin/time -f '%e %M %U %S' -o "$work/t.omindex" omindex --db "$work/omega-db" --url / "$pdfs" >/dev/null 2>&1
  cpu_of() { awk '{printf "%.2f", $3 + $4}' "$1"; }
  tv=$(seconds_of "$work/t.vnkb"); tp=$(seconds_of "$work/t.pdftotext"); to=$(seconds_of "$work/t.omindex")
  cv=$(cpu_of "$work/t.vnkb"); cp=$(cpu_of "$work/t.pdftotext"); co=$(cpu_of "$work/t.omindex")
  ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
  row() { echo "| $1 | $2 | $3 | $(awk "BEGIN {printf \"%.1f\", $pages / $2}") | $(( $(kb_of "$4") / 1024 )) |"; }
  cat <<EOF
| tool | seconds | CPU seconds | pages/s | peak memory (MB) |
|---|---:|---:|---:|---:|
$(row "vnkb-index add (extract, analyse, metadata, catalog, index)" "$tv" "$cv" "$work/t.vnkb")
$([ -n "$before" ] && row "vnkb-index before (\`VNKB_BENCH_BEFORE\`)" "$(seconds_of "$work/t.before")" "$(cpu_of "$work/t.before")" "$work/t.before")
$(row "pdftotext -layout, one process per file (text only)" "$tp" "$cp" "$work/t.pdftotext")
$(row "omindex (xapian-omega 1.4)" "$to" "$co" "$work/t.omindex")

Input: $files PDFs, $pages pages, $mb MB. vnkb / pdftotext time: **$(ratio "$tv" "$tp")**,
CPU time: **$(ratio "$cv" "$cp")** (target ≤ 1.2); vnkb / omindex time: **$(ratio "$tv" "$to")**,
CPU time: $(ratio "$cv" "$co") (target < 1). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).
$([ -n "$before" ] && echo "Before (\`VNKB_BENCH_BEFORE\`) / pdftotext time: **$(ratio "$(seconds_of "$work/t.before")" "$tp")**, CPU time: **$(ratio "$(cpu_of "$work/t.before")" "$cp")**; after / before time: $(ratio "$tv" "$(seconds_of "$work/t.before")"), CPU time: $(ratio "$cv" "$(cpu_of "$work/t.before")").")
EOF
  rm -rf "$pdfs" "$work/omega-db" "$work/pdf-before-db"
  exit 0
fi

if [ "$what" = text ]; then
  # The same articles, in the same run, through vnkb-index, omindex (Debian's
  # xapian-omega, default settings) and a bare Xapian loop
  # (build/tools/bench_xapian_index: TermGenerator with positions). The files
  # are read once before, so each tool finds them in the page cache.
  articles="$work/articles"
  all="$work/articles-all"
  rm -rf "$articles" "$all" "$work/phapdien-db" "$work/omega-db" "$work/bare-db"
  mapfile -t md < <(find "$shared/corpus/phapdien" -name '*.md' | sort)
  "$root/build/tools/split_phapdien" "$all" "${md[@]}" >/dev/null
  total=$(ls "$all" | wc -l)
  want=${VNKB_BENCH_ARTICLES:-10000}
  sample="every article"
  if [ "$want" -ge "$total" ] || [ "$want" -le 0 ]; then
    mv "$all" "$articles"
  else
    # Every k-th article in code order: each part of the codification.
    mkdir -p "$articles"
    step=$(( (total + want - 1) / want ))
    sample="every ${step}th article (in code order)"
    ls "$all" | sort | awk -v k="$step" 'NR % k == 1' |
      while read -r f; do mv "$all/$f" "$articles/"; done
    rm -rf "$all"
  fi
  docs=$(ls "$articles" | wc -l)
  bytes=$(find "$articles" -type f -exec cat {} + | wc -c)
  sync
  # Wall time, peak memory, CPU time (user + system, children included).
  VNKB_PROFILE=1 /usr/bin/time -f '%e %M %U %S' -o "$work/t.text" "$index" --db "$work/phapdien-db" --quiet add "$articles" 2>"$work/stages.txt"
  before="${VNKB_BENCH_BEFORE:-}"
  if [ -n "$before" ]; then
    rm -rf "$work/before-db"
    VNKB_PROFILE=1 /usr/bin/time -f '%e %M %U %S' -o "$work/t.before" "$before" --db "$work/before-db" --quiet add "$articles" 2>"$work/stages-before.txt"
  fi
  /usr/bin/time -f '%e %M %U %S' -o "$work/t.omindex" omindex --db "$work/omega-db" --url / "$articles" >/dev/null 2>&1
  /usr/bin/time -f '%e %M %U %S' -o "$work/t.bare" "$root/build/tools/bench_xapian_index" --db "$work/bare-db" "$articles" >/dev/null
  t=$(seconds_of "$work/t.text"); to=$(seconds_of "$work/t.omindex"); tb=$(seconds_of "$work/t.bare")
  cpu_of() { awk '{printf "%.2f", $3 + $4}' "$1"; }
  c=$(cpu_of "$work/t.text"); co=$(cpu_of "$work/t.omindex"); cb=$(cpu_of "$work/t.bare")
  mb() { du -sk "$@" | awk '{s += $1} END {printf "%.1f", s / 1024}'; }
  ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
  xapian_mb=$(mb "$work/phapdien-db/xapian")
  positions_mb=$(mb "$work/phapdien-db/positions")
  catalog_mb=$(mb "$work/phapdien-db"/catalog.sqlite*)
  vnkb_mb=$(awk "BEGIN {printf \"%.1f\", $xapian_mb + $positions_mb + $catalog_mb}")
  omega_mb=$(mb "$work/omega-db"); bare_mb=$(mb "$work/bare-db")
  if [ -n "$before" ]; then
    tbf=$(seconds_of "$work/t.before"); cbf=$(cpu_of "$work/t.before")
    before_mb=$(awk "BEGIN {printf \"%.1f\", $(mb "$work/before-db/xapian") + $(mb "$work/before-db/positions") + $(mb "$work/before-db"/catalog.sqlite*)}")
  fi
  row() {
    echo "| $1 | $2 | $(cpu_of "$4") | $(awk "BEGIN {printf \"%.0f\", $docs / $2}") | $(awk "BEGIN {printf \"%.2f\", $bytes / 1e6 / $2}") | $3 | $(( $(kb_of "$4") / 1024 )) |"
  }
  cat <<EOF
| tool | seconds | CPU seconds | documents/s | MB/s | on disk (MB) | peak memory (MB) |
|---|---:|---:|---:|---:|---:|---:|
$(row "vnkb-index add (analysis, metadata, tags, positions, catalog, index)" "$t" "$vnkb_mb" "$work/t.text")
$([ -n "$before" ] && row "vnkb-index before (\`VNKB_BENCH_BEFORE\`)" "$tbf" "$before_mb" "$work/t.before")
$(row "omindex (xapian-omega 1.4, default settings)" "$to" "$omega_mb" "$work/t.omindex")
$(row "bare Xapian (TermGenerator with positions, \`build/tools/bench_xapian_index\`)" "$tb" "$bare_mb" "$work/t.bare")

Input: $docs articles, $(awk "BEGIN {printf \"%.1f\", $bytes / 1e6}") MB of text: $sample of the $total that \`build/tools/split_phapdien\` makes of every Markdown file of ../shared/corpus/phapdien (one file per article, its heading first); \`VNKB_BENCH_ARTICLES=N\` sets the number, 0 for all.
vnkb on disk: Xapian index $xapian_mb MB, positions index $positions_mb MB, catalog (SQLite, with the page text) $catalog_mb MB.

vnkb / omindex time: **$(ratio "$t" "$to")** (target ≤ 1.0), CPU time: **$(ratio "$c" "$co")**; vnkb / omindex size: **$(ratio "$vnkb_mb" "$omega_mb")** (target ≤ 1.5);
vnkb / bare Xapian time: $(ratio "$t" "$tb"), CPU time: $(ratio "$c" "$cb"); omindex / bare Xapian time: $(ratio "$to" "$tb").
$([ -n "$before" ] && echo "Before (\`VNKB_BENCH_BEFORE\`) / omindex time: **$(ratio "$tbf" "$to")**, CPU time: **$(ratio "$cbf" "$co")**, size: **$(ratio "$before_mb" "$omega_mb")**; after / before CPU time: $(ratio "$c" "$cbf"), size: $(ratio "$vnkb_mb" "$before_mb").")
Load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg) (on a shared machine CPU seconds are the steadier figure).

Where vnkb-index's time went in this run (\`VNKB_PROFILE=1\`, indexer/stage_times.h; CPU of the thread that ran each stage; text files are read by the extract service's processes; analyse, metadata, tags, positions and index build run on the derive thread, catalog, index write, commit and compact on the calling one):

\`\`\`
$(grep -A20 '^stage ' "$work/stages.txt")
\`\`\`
EOF
  if [ -n "$before" ]; then
    echo
    echo "The same for the before binary:"
    echo
    echo '```'
    grep -A20 '^stage ' "$work/stages-before.txt"
    echo '```'
  fi
  rm -rf "$articles" "$work/omega-db" "$work/bare-db" "$work/before-db"
  exit 0
fi
echo "usage: bench_index.sh pdf|text SHARED WORK" >&2
exit 2
