#!/usr/bin/env bash
# End-to-end tests of the web UI in a real browser (Debian's chromium, driven
# by playwright-core) against a real vnkb-serve over a fresh index of corpus/
# and tests/e2e/data/.
#
#   tests/e2e/run.sh BUILD_DIR                 run the tests
#   tests/e2e/run.sh BUILD_DIR --screenshots   also refresh docs/screenshots/
#
# Screenshots of every test go to test-output/e2e/. Exits non-zero on any
# failure; the server is always stopped.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [--screenshots]" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
screenshots=0
[ "${2:-}" = "--screenshots" ] && screenshots=1

index="$build/indexer/vnkb-index"
serve="$build/search-server/vnkb-serve"
for exe in "$index" "$serve"; do
  [ -x "$exe" ] || { echo "e2e: missing $exe (build the vnkb-index and vnkb-serve targets)" >&2; exit 1; }
done
command -v node >/dev/null || { echo "e2e: node is missing (run tools/setup)" >&2; exit 1; }
command -v qpdf >/dev/null || { echo "e2e: qpdf is missing (run tools/setup)" >&2; exit 1; }
chromium="${VNKB_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "e2e: $chromium is missing (run tools/setup)" >&2; exit 1; }

# The npm packages (playwright-core only): tools/setup installs them; a
# checkout without them gets them here.
if [ ! -f "$here/node_modules/playwright-core/package.json" ] ||
   [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "e2e: installing npm packages (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/vnkb-e2e.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

out="$root/test-output/e2e"
mkdir -p "$out"

echo "e2e: indexing corpus/ and tests/e2e/data/"
"$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" -q add "$root/corpus" "$here/data"
# corpus/ has its scans read by OCR; a two-page scan left unread shows that
# state (two pages, so the page strip shows too).
mkdir -p "$work/scans"
qpdf --empty --pages "$root/tests/data/extract/scanned-page.pdf" 1,1 -- "$work/scans/unread-scan.pdf"
"$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" -q add --ocr=never "$work/scans"
# A relation the librarian added (tests/relations.test.mjs): 42/2026/NĐ-CP
# replaces 49/2025/TT-BNNMT.
"$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" -q add \
  --relation "replaces 49/2025/TT-BNNMT" "$root/corpus/vbpl/vbpl-000184.html"
# Positions a librarian added and corrected (the positions view marks them):
# one on the injected-HTML document that quotes its <script> as text, dated
# by a month, with HTML in its forum name and target too; and the first extracted position, corrected to a bare year.
"$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" -q positions add \
  --doc "$here/data/bao-cao-kiem-thu-an-toan.html" --actor bng --stance concerned \
  --date 2024-05 --topic transparency --page 1 \
  --forum-name 'Phiên thử <img src=x onerror="window.__pwned=2"> & bạn' \
  --target 'mục <b>đậm</b> & "trích" <script>window.__pwned=3</script>' \
  --quote 'Đoạn mã thử nghiệm thứ nhất: <script>window.__pwned=1</script> phải hiện ra như chữ.' >/dev/null
first="$("$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" positions list --json |
  node -e 'let s="";process.stdin.on("data",(d)=>{s+=d}).on("end",()=>{const p=JSON.parse(s).find((x)=>x.source==="extracted");process.stdout.write(p?String(p.id):"")})')"
if [ -n "$first" ]; then
  "$index" --db "$work/db" --taxonomy "$root/corpus/taxonomy" -q positions edit "$first" --date 2019 >/dev/null
fi

"$serve" --db "$work/db" --port 0 --ui "$root/ui" -q >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!

url=""
for _ in $(seq 200); do
  url="$(sed -n 's#^vnkb-serve: \(http://[^ ]*/\) .*#\1#p' "$work/serve.out" | head -n1)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "e2e: vnkb-serve did not start" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  exit 1
fi
ok=0
for _ in $(seq 100); do
  if curl -fsS "${url}api/health" >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.1
done
[ "$ok" = 1 ] || { echo "e2e: ${url}api/health does not answer" >&2; cat "$work/serve.err" >&2; exit 1; }
echo "e2e: server at $url ($(curl -fsS "${url}api/health"))"

export VNKB_URL="$url" VNKB_E2E_OUT="$out" VNKB_CHROMIUM="$chromium" VNKB_ROOT="$root"
status=0
node --test --test-concurrency=1 --test-timeout=120000 "$here"/tests/*.test.mjs || status=$?

if [ "$status" = 0 ] && [ "$screenshots" = 1 ]; then
  node "$here/screenshots.mjs" || status=$?
fi
if [ "$status" != 0 ]; then
  echo "e2e: FAILED (screenshots in $out; server log follows)" >&2
  tail -n 50 "$work/serve.err" >&2 || true
fi
exit "$status"
