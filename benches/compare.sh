#!/usr/bin/env bash
# Compares `planex batch` with poppler's `pdftotext` on the same PDFs and cores.
#
# For each file set (../shared/corpus, then the PDFs under fixtures/) it measures,
# with /usr/bin/time -v, wall time and peak RSS of:
#   pdftotext   one process per file, JOBS at a time (xargs -P), text to /dev/null,
#               under `timeout 60` like planex's default per-file limit (poppler
#               loops for minutes on some corpus files; so does pdfinfo, given 10 s)
#   planex      `planex batch` (full JSON job) with 1 and JOBS jobs, worker processes
#   in-process  `planex batch --in-process` with JOBS jobs (no isolation)
# and prints pages/s (pages counted once with pdfinfo) and the ratios the issue
# asks for: planex/pdftotext, JOBS jobs vs 1 job, isolation overhead. Then peak RSS
# of the batch for 100 vs 2,000 inputs (fixture files repeated via --files-from)
# and a profile of one in-process run (perf, or valgrind --tool=callgrind).
#
# Usage: benches/compare.sh [JOBS]       (default JOBS: 2)
# Env:   PLANEX=path/to/planex            (default: builds target/release/planex)
#        REPEAT=N                         best of N runs per measurement (default 3)
# Installs nothing. Needs: pdftotext and pdfinfo (Debian/Ubuntu: `apt-get install
# poppler-utils`), GNU time (`apt-get install time`); perf or valgrind optional.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${1:-2}
REPEAT=${REPEAT:-3}
SHARED=../shared/corpus

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "compare.sh: $1 is missing: $2" >&2
    exit 2
  fi
}
need pdftotext "install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils)"
need pdfinfo "install poppler-utils (Debian/Ubuntu: sudo apt-get install poppler-utils)"
[ -x /usr/bin/time ] || { echo "compare.sh: /usr/bin/time is missing: install GNU time (sudo apt-get install time)" >&2; exit 2; }

if [ -z "${PLANEX:-}" ]; then
  cargo build --release --quiet
  PLANEX=target/release/planex
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure NAME CMD...: best wall time (s) of REPEAT runs, then the peak RSS (KiB) and the
# CPU time (user + sys, s; less sensitive than wall time to other load on the machine) of that run.
measure() {
  local name=$1 best="" rss="" cpu=""
  shift
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -v -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || true
    local wall kib used
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time")
    kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time")
    used=$(awk -F': ' '/(User|System) time \(seconds\)/ {s+=$2} END{print s}' "$WORK/time")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$wall; rss=$kib; cpu=$used; fi
  done
  echo "$name $best $rss $cpu"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a" }'; }

compare_set() {
  local label=$1 list=$2
  local files pages
  files=$(wc -l <"$list")
  if [ "$files" -eq 0 ]; then
    echo "## $label: no PDFs, skipped"
    return
  fi
  pages=$(while IFS= read -r f; do timeout 10 pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'; done <"$list" | awk '{s+=$1} END{print s+0}')
  echo "## $label: $files PDFs, $pages pages (pdfinfo), $JOBS jobs, best of $REPEAT"
  local r_pdf r_one r_jobs r_inproc
  r_pdf=$(measure pdftotext xargs -a "$list" -d '\n' -P "$JOBS" -I{} sh -c 'timeout 60 pdftotext -q "$1" /dev/null || true' _ {})
  r_one=$(measure planex-1job "$PLANEX" batch --quiet --jobs 1 --files-from "$list" -o "$WORK/out1")
  r_jobs=$(measure "planex-${JOBS}jobs" "$PLANEX" batch --quiet --jobs "$JOBS" --files-from "$list" -o "$WORK/outN")
  r_inproc=$(measure "in-process-${JOBS}jobs" "$PLANEX" batch --quiet --in-process --jobs "$JOBS" --files-from "$list" -o "$WORK/outI")
  printf '%-22s %8s %8s %10s %12s\n' tool "wall s" "cpu s" "pages/s" "peak RSS MiB"
  for r in "$r_pdf" "$r_one" "$r_jobs" "$r_inproc"; do
    set -- $r
    printf '%-22s %8.2f %8.2f %10.0f %12.1f\n' "$1" "$2" "$4" "$(awk -v p="$pages" -v s="$2" 'BEGIN{print (s>0)?p/s:0}')" "$(awk -v k="$3" 'BEGIN{print k/1024}')"
  done
  local t_pdf t_one t_jobs t_inproc
  t_pdf=$(echo "$r_pdf" | cut -d' ' -f2); t_one=$(echo "$r_one" | cut -d' ' -f2)
  t_jobs=$(echo "$r_jobs" | cut -d' ' -f2); t_inproc=$(echo "$r_inproc" | cut -d' ' -f2)
  echo "ratio planex/pdftotext pages/s ($JOBS jobs): $(ratio "$t_pdf" "$t_jobs")   (target >= 1.0)"
  echo "ratio $JOBS jobs / 1 job:                     $(ratio "$t_one" "$t_jobs")   (target >= 1.8)"
  local c_jobs c_inproc
  c_jobs=$(echo "$r_jobs" | cut -d' ' -f4); c_inproc=$(echo "$r_inproc" | cut -d' ' -f4)
  echo "isolation overhead (workers vs in-process): wall $(awk -v w="$t_jobs" -v i="$t_inproc" 'BEGIN{ if (i>0) printf "%+.1f%%", (w/i-1)*100; else print "n/a" }'), cpu $(awk -v w="$c_jobs" -v i="$c_inproc" 'BEGIN{ if (i>0) printf "%+.1f%%", (w/i-1)*100; else print "n/a" }')   (target <= 10%)"
  if [ -f "$WORK/outN/summary.json" ]; then
    echo "planex outcome: $(tr -d '\n ' <"$WORK/outN/summary.json" | grep -o '"converted":[0-9]*,"reused":[0-9]*,"failed":[0-9]*' ) $(tr -d '\n ' <"$WORK/outN/summary.json" | grep -o '"failures_by_kind":{[^}]*}')"
  fi
  echo
}

echo "# planex $("$PLANEX" --version | cut -d' ' -f2) vs $(pdftotext -v 2>&1 | head -1), $(nproc) cores"
echo
if [ -d "$SHARED" ]; then
  find "$SHARED" -type f -iname '*.pdf' | sort >"$WORK/corpus.list"
  compare_set "../shared/corpus" "$WORK/corpus.list"
else
  echo "## ../shared/corpus is absent: skipped"
fi
find fixtures -type f -iname '*.pdf' | sort >"$WORK/fixtures.list"
compare_set "fixtures PDFs" "$WORK/fixtures.list"

echo "## memory: peak RSS of the batch for 100 vs 2,000 inputs (fixtures/docs repeated, --jobs $JOBS)"
find fixtures/docs -type f | sort >"$WORK/docs.list"
for n in 100 2000; do
  yes "$(cat "$WORK/docs.list")" 2>/dev/null | head -n "$n" >"$WORK/many-$n.list" || true
  r=$(measure "inputs-$n" "$PLANEX" batch --quiet --jobs "$JOBS" --files-from "$WORK/many-$n.list" -o "$WORK/many-$n")
  set -- $r
  printf '%5d inputs: %6.2f s, peak RSS %6.1f MiB\n' "$n" "$2" "$(awk -v k="$3" 'BEGIN{print k/1024}')"
done
echo

echo "## profile: where time goes (planex batch --in-process --jobs 1 on the corpus)"
if [ -d "$SHARED" ] && command -v perf >/dev/null 2>&1 \
  && perf record -q -F 2000 -g -o "$WORK/perf.data" -- "$PLANEX" batch --quiet --in-process --jobs 1 --files-from "$WORK/corpus.list" -o "$WORK/perf-out" >/dev/null 2>&1; then
  perf report -i "$WORK/perf.data" --stdio --no-children --sort dso,symbol 2>/dev/null \
    | grep -E '^ +[0-9]' | head -25 || true
  echo "by crate (self time):"
  perf report -i "$WORK/perf.data" --stdio --no-children --sort symbol 2>/dev/null \
    | awk '/^ +[0-9]/ { pct=$1; sub("%","",pct); sym=$0; crate="other";
        if (sym ~ /pdf_extract::/) crate="pdf_extract"; else if (sym ~ /lopdf::/) crate="lopdf";
        else if (sym ~ /planex::/) crate="planex"; else if (sym ~ /flate2|miniz|inflate/) crate="inflate";
        else if (sym ~ /whatlang/) crate="whatlang"; else if (sym ~ /regex/) crate="regex";
        else if (sym ~ /serde/) crate="serde_json"; else if (sym ~ /malloc|free|realloc|memcpy|memmove/) crate="libc alloc/copy";
        t[crate]+=pct } END { for (c in t) printf "  %-18s %5.1f%%\n", c, t[c] }' | sort -k2 -nr || true
elif [ -d "$SHARED" ] && command -v valgrind >/dev/null 2>&1; then
  head -n 40 "$WORK/corpus.list" >"$WORK/small.list"
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$PLANEX" batch --quiet --in-process --jobs 1 --files-from "$WORK/small.list" -o "$WORK/cg-out" >/dev/null 2>&1 || true
  echo "self cost, top functions (first 40 corpus files):"
  callgrind_annotate "$WORK/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -20 || true
  echo "inclusive cost of the pipeline stages:"
  callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null \
    | grep -E 'planex::(convert_raw|read::read_bytes|read::pdf::extract|normalize::normalize|detect::detect|extract::extract|check::check)( |$)|sha2::sha256::compress256 ' \
    | grep -F '[' | head -12 || true
else
  echo "no profiler (perf or valgrind) or no corpus: skipped"
fi
