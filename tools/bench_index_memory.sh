#!/usr/bin/env bash
# Memory and time of indexing one large text file (issue 19), in one run:
#   tools/bench_index_memory.sh SHARED_DIR WORK_DIR [SIZES_MB...]
# Builds text files from the codification (SHARED_DIR/corpus/phapdien, read,
# not copied into the repository): a baseline of 10 KB, then one file per
# size in 12-word lines and one per size on a single line. Each file goes
# into a new database with build/indexer/vnkb-index add; the indexer's own
# peak RSS (VmHWM of its process, polled; the reading service is a separate
# process) and wall time are printed as a Markdown table, with the peak above
# the baseline's as a multiple of the file's size, and seconds per MB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared=$1
work=$2
shift 2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 4 13 50)
index="$root/build/indexer/vnkb-index"
mkdir -p "$work"

# make_text FILE BYTES WORDS_PER_LINE (0: one line)
make_text() {
  python3 - "$shared/corpus/phapdien" "$1" "$2" "$3" <<'EOF'
import glob, sys
src, path, size, per_line = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
words = []
for f in sorted(glob.glob(src + '/*/*.md'))[:20]:
    words += open(f, encoding='utf-8').read().split()
n = i = 0
with open(path, 'w', encoding='utf-8') as out:
    while n < size:
        k = per_line or 1000
        chunk = ' '.join(words[(i + j) % len(words)] for j in range(k))
        chunk += '\n' if per_line else ' '
        i += k
        out.write(chunk)
        n += len(chunk.encode())
EOF
}

# measure FILE: prints "PEAK_KB SECONDS" for indexing FILE into a new database.
measure() {
  local db="$work/db"
  rm -rf "$db"
  local start=$EPOCHREALTIME
  "$index" --db "$db" --quiet add "$1" >/dev/null &
  local pid=$! peak=0 hwm
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.02
  done
  wait "$pid"
  local end=$EPOCHREALTIME
  echo "$peak $(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
}

make_text "$work/base.txt" 10000 12
read -r base_kb base_s < <(measure "$work/base.txt")
echo "| file | size (MB) | seconds | s/MB | indexer peak RSS (MB) | (peak - baseline) / size |"
echo "|---|---:|---:|---:|---:|---:|"
awk -v s="$base_s" -v kb="$base_kb" \
  'BEGIN {printf "| baseline, 10 KB | 0.01 | %.2f | | %.0f | |\n", s, kb / 1024}'
for shape in lines oneline; do
  for mb in "${sizes[@]}"; do
    f="$work/$shape-$mb.txt"
    [ -f "$f" ] || make_text "$f" $((mb * 1000000)) "$([ $shape = lines ] && echo 12 || echo 0)"
    bytes=$(stat -c %s "$f")
    read -r kb s < <(measure "$f")
    label=$([ $shape = lines ] && echo "12-word lines" || echo "one line")
    awk -v label="$label" -v bytes="$bytes" -v s="$s" -v kb="$kb" -v base="$base_kb" \
      'BEGIN {printf "| %s | %.1f | %.2f | %.2f | %.0f | %.1f |\n", label,
              bytes / 1e6, s, s * 1e6 / bytes, kb / 1024, (kb - base) * 1024 / bytes}'
  done
done
rm -rf "$work/db"
