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
# Real reports, where the per-page cost dominates rather than process starts
# (inputs made here, in $WORK, never committed):
#   long report   the PDFs of fixtures/pdf joined until about LONG_PAGES pages
#                 (qpdf), one `planex batch --jobs JOBS` vs one `pdftotext -layout`;
#                 then joined to 2,600 pages, once, for peak RSS (flat in pages)
#   reports batch 20 report PDFs (the fixture PDFs joined once, each starting
#                 at another file), `planex batch --jobs JOBS` vs
#                 `xargs -P JOBS pdftotext -layout`
#   big text      1, 10 and 30 MB of text (fixtures/docs repeated), `planex extract`
#                 alone: MB/s (wall and CPU) and peak RSS, which must stay linear
#                 in the size; then the 30 MB under `batch --max-memory 96MiB`,
#                 which must give a memory_limit record and go on
#
# Usage: benches/compare.sh [JOBS]       (default JOBS: 2)
# Env:   PLANEX=path/to/planex            (default: builds target/release/planex)
#        REPEAT=N                         best of N runs per measurement (default 3)
#        LONG_PAGES=N                     pages of the long report (default 650)
#        ONLY=reports                     only the real-report and big-text cases
#        HEAP=1                           also where the long report's heap goes at its
#                                         peak (valgrind --tool=massif, 1 thread; minutes)
#        INSTR=1                          also the long report's instruction count by stage
#                                         (valgrind --tool=callgrind, 1 thread; minutes): on a
#                                         shared machine, the figure to compare builds by
# Installs nothing. Needs: pdftotext and pdfinfo (Debian/Ubuntu: `apt-get install
# poppler-utils`), GNU time (`apt-get install time`); qpdf for the joined reports
# (skipped without it); perf or valgrind optional.
set -euo pipefail
cd "$(dirname "$0")/.."

JOBS=${1:-2}
REPEAT=${REPEAT:-3}
LONG_PAGES=${LONG_PAGES:-650}
ONLY=${ONLY:-}
HEAP=${HEAP:-}
INSTR=${INSTR:-}
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

# pair_line LABEL A B: one line of wall, CPU and peak RSS for planex (A) and pdftotext (B),
# with the speed ratio (B's wall / A's wall) and the CPU ratio (A's CPU / B's CPU).
pair_line() {
  local label=$1 a=$2 b=$3
  set -- $a; local wa=$2 ka=$3 ca=$4
  set -- $b; local wb=$2 kb=$3 cb=$4
  printf '%-34s planex %6.2f s %6.2f cpu %7.1f MiB | pdftotext %6.2f s %6.2f cpu %7.1f MiB | speed %sx, cpu %sx\n' \
    "$label" "$wa" "$ca" "$(awk -v k="$ka" 'BEGIN{print k/1024}')" "$wb" "$cb" "$(awk -v k="$kb" 'BEGIN{print k/1024}')" \
    "$(ratio "$wb" "$wa")" "$(ratio "$ca" "$cb")"
}

# join_reports OUT FIRST PAGES: the fixture PDFs, starting with the FIRST-th, joined in turn
# until the result has at least PAGES pages.
join_reports() {
  local out=$1 first=$2 want=$3 pages=0 i=0 n
  local -a files=() parts=()
  mapfile -t files < <(find fixtures/pdf -type f -iname '*.pdf' | sort)
  n=${#files[@]}
  while [ "$pages" -lt "$want" ]; do
    local f=${files[$(((first + i) % n))]}
    parts+=("$f")
    pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
    i=$((i + 1))
  done
  qpdf --empty --pages "${parts[@]}" -- "$out"
}

real_reports() {
  if ! command -v qpdf >/dev/null 2>&1; then
    echo "## real reports: qpdf is missing (apt-get install qpdf): skipped"
    echo
    return
  fi
  join_reports "$WORK/long.pdf" 0 "$LONG_PAGES"
  local pages
  pages=$(pdfinfo "$WORK/long.pdf" | awk '/^Pages:/ {print $2}')
  echo "## one long report: $pages pages, $JOBS jobs, best of $REPEAT"
  local r_pdf r_jobs r_one
  r_pdf=$(measure pdftotext pdftotext -q -layout "$WORK/long.pdf" /dev/null)
  r_jobs=$(measure "planex-${JOBS}jobs" "$PLANEX" batch --quiet --jobs "$JOBS" "$WORK/long.pdf" -o "$WORK/long-out")
  r_one=$(measure planex-1job "$PLANEX" batch --quiet --jobs 1 "$WORK/long.pdf" -o "$WORK/long-out1")
  pair_line "long report, $JOBS jobs" "$r_jobs" "$r_pdf"
  pair_line "long report, 1 job" "$r_one" "$r_pdf"
  echo "(targets: speed >= 1.5x with $JOBS jobs; cpu <= 1.0x; peak RSS <= 64 MiB at 2,600 pages)"
  # Memory must not grow with the page count: the same report at 2,600 pages.
  join_reports "$WORK/long2600.pdf" 0 2600
  r_pdf=$(REPEAT=1 measure pdftotext pdftotext -q -layout "$WORK/long2600.pdf" /dev/null)
  r_jobs=$(REPEAT=1 measure "planex-${JOBS}jobs" "$PLANEX" extract --compact "$WORK/long2600.pdf")
  pair_line "long report, 2,600 pages, extract" "$r_jobs" "$r_pdf"
  echo
  # The peak's heap by allocation site: what to shrink for the RSS target. The
  # binary's own pages (about 9 MiB resident) come on top of the heap.
  if [ -n "$HEAP" ] && command -v valgrind >/dev/null 2>&1; then
    echo "## long report: heap at its peak by allocation site (massif, 1 thread, ${pages} pages)"
    RAYON_NUM_THREADS=1 valgrind --tool=massif --threshold=0.5 --massif-out-file="$WORK/massif.out" \
      "$PLANEX" extract --compact "$WORK/long.pdf" >/dev/null 2>&1 || true
    # The peak snapshot's tree, each allocation chain cut at its first frame in
    # planex, pdf-extract, lopdf or regex (the callers below it are left out).
    local peak
    peak=$(ms_print "$WORK/massif.out" 2>/dev/null | sed -n 's/.*Detailed snapshots:.* \([0-9]*\) (peak).*/\1/p')
    ms_print "$WORK/massif.out" 2>/dev/null | awk -v peak="$peak" '
      $1 == peak && $2 ~ /^[0-9,]+$/ { inside = 1; next }
      inside && /^ +[0-9]+ +[0-9,]+ +[0-9,]+/ { exit }
      inside && /->[0-9.]+%/ {
        depth = index($0, "->")
        for (d in shown) if (d + 0 >= depth) delete shown[d]
        for (d in shown) next
        if ($0 ~ /0x[0-9A-F]+: (planex|pdf_extract|lopdf|regex)/) { sub(/^[| ]*/, ""); print; shown[depth] = 1 }
      }' | head -40 || true
    echo
  fi

  # Instructions do not depend on the other load of a shared machine as times do.
  if [ -n "$INSTR" ] && command -v valgrind >/dev/null 2>&1; then
    echo "## long report: instructions by stage (callgrind, 1 thread, ${pages} pages)"
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$WORK/long.callgrind" \
      "$PLANEX" extract --compact "$WORK/long.pdf" >/dev/null 2>&1 || true
    callgrind_annotate --inclusive=yes "$WORK/long.callgrind" 2>/dev/null \
      | grep -E 'PROGRAM TOTALS|planex::(read::pdf::read_share|layout::order::render|normalize::normalize_pages|detect::detect|extract::extract_consuming|check::check)( |$)' \
      | grep -v '=>' | sed -E 's# [^ ]*/src/[^:]*:# #; s# \[.*##' | head -8 || true
    echo
  fi

  local first
  mkdir -p "$WORK/reports"
  for first in $(seq 0 19); do
    join_reports "$WORK/reports/report-$first.pdf" "$first" 50
  done
  find "$WORK/reports" -type f -name '*.pdf' | sort >"$WORK/reports.list"
  echo "## reports batch: 20 PDFs, $(while IFS= read -r f; do pdfinfo "$f" | awk '/^Pages:/ {print $2}'; done <"$WORK/reports.list" | awk '{s+=$1} END{print s}') pages, $JOBS jobs, best of $REPEAT"
  r_pdf=$(measure pdftotext xargs -a "$WORK/reports.list" -d '\n' -P "$JOBS" -I{} pdftotext -q -layout {} /dev/null)
  r_jobs=$(measure "planex-${JOBS}jobs" "$PLANEX" batch --quiet --jobs "$JOBS" --files-from "$WORK/reports.list" -o "$WORK/reports-out")
  r_one=$(measure planex-1job "$PLANEX" batch --quiet --jobs 1 --files-from "$WORK/reports.list" -o "$WORK/reports-out1")
  pair_line "reports batch, $JOBS jobs" "$r_jobs" "$r_pdf"
  echo "ratio $JOBS jobs / 1 job: $(ratio "$(echo "$r_one" | cut -d' ' -f2)" "$(echo "$r_jobs" | cut -d' ' -f2)")   (target >= 1.9)"
  echo "(target: speed >= 1.5x)"
  echo
}

big_text() {
  echo "## big text: fixtures/docs repeated, planex extract, best of $REPEAT"
  echo "(MB/s from CPU time too: on a shared machine wall time counts other load)"
  local mb first_cpu_per_mb=""
  find fixtures/docs -type f | sort | xargs cat >"$WORK/docs.txt"
  for mb in 1 10 30; do
    : >"$WORK/big.txt"
    while [ "$(stat -c %s "$WORK/big.txt")" -lt $((mb * 1000000)) ]; do cat "$WORK/docs.txt" >>"$WORK/big.txt"; done
    local r bytes
    bytes=$(stat -c %s "$WORK/big.txt")
    r=$(measure "text-${mb}MB" "$PLANEX" extract --compact "$WORK/big.txt")
    set -- $r
    local cpu_per_mb
    cpu_per_mb=$(awk -v b="$bytes" -v c="$4" 'BEGIN{print c/(b/1e6)}')
    [ -z "$first_cpu_per_mb" ] && first_cpu_per_mb=$cpu_per_mb
    printf '%3d MB: %6.2f s, %6.2f cpu, %5.1f MB/s wall, %5.1f MB/s cpu, peak RSS %6.1f MiB, cpu per MB %sx the 1 MB run\n' \
      "$mb" "$2" "$4" "$(awk -v b="$bytes" -v s="$2" 'BEGIN{print (s>0)?b/s/1e6:0}')" \
      "$(awk -v b="$bytes" -v s="$4" 'BEGIN{print (s>0)?b/s/1e6:0}')" "$(awk -v k="$3" 'BEGIN{print k/1024}')" \
      "$(ratio "$cpu_per_mb" "$first_cpu_per_mb")"
  done
  echo "(targets: >= 20 MB/s on one core; cpu per MB and RSS per MB flat: ratios near 1.00)"
  # A text input meets the batch's memory limit as a PDF does: a record of kind
  # memory_limit for it, and the batch goes on with the next input.
  local kinds
  kinds=$("$PLANEX" batch --quiet --jobs 1 --max-memory 96MiB -o - "$WORK/big.txt" "$WORK/docs.txt" 2>/dev/null \
    | grep -o '"kind":"[a-z_]*"\|"document":{' | tr '\n' ' ' || true)
  echo "30 MB of text under --max-memory 96MiB, then a small text: $kinds  (expected: memory_limit, then a document)"
  echo
}

echo "# planex $("$PLANEX" --version | cut -d' ' -f2) vs $(pdftotext -v 2>&1 | head -1), $(nproc) cores"
echo
real_reports
big_text
[ "$ONLY" = reports ] && exit 0
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
