#!/usr/bin/env bash
# The batch case of issue 13, side by side: the release CLI over every small real reply
# (../shared/corpus/real-layouts/*.txt and tests/layouts/*.txt), all files in one process, and
# the naive Python regex script (scripts/naive_foi.py) over the same files. Prints the MB/s of
# each (best of RUNS runs, default 5: the machine is shared and noisy) and their ratio.
#
# CALLGRIND=1 also prints the instructions (valgrind's callgrind, the stable measure) of the
# CLI over the batch and over the corpus pasted as one input, in one process and per warm pass.
# The CLI is measured rather than a bench or an example: those are built with the features
# that dev-dependencies turn on in `regex` (literal prefilters, Unicode tables), the CLI not.
# BIN=path measures another build of the CLI (a baseline) with the same files.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
corpus=${FOI_CORPUS:-../shared/corpus}
files=()
for f in "$corpus"/real-layouts/*.txt tests/layouts/*.txt; do
  [ "$(basename "$f")" = KNOWN_MISSES.txt ] || files+=("$f")
done
bytes=$(cat "${files[@]}" | wc -c)

if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  cargo build --release --quiet
  bin=target/release/foi-analyser
fi

# Best wall-clock seconds of `runs` runs of the command given.
best_of() {
  local best="" t0 t1 t
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$t; fi
  done
  echo "$best"
}

engine=$(best_of "$bin" --format json "${files[@]}")
naive=$(best_of python3 scripts/naive_foi.py "${files[@]}")
printf '%d replies, %d bytes, best of %d runs, one process each\n' "${#files[@]}" "$bytes" "$runs"
awk -v b="$bytes" -v e="$engine" -v n="$naive" 'BEGIN {
  printf "foi-analyser (release CLI): %8.3f s  %7.2f MB/s\n", e, b / e / 1e6
  printf "naive_foi.py (Python re):   %8.3f s  %7.2f MB/s\n", n, b / n / 1e6
  printf "ratio: foi-analyser is %.1fx the naive script\n", n / e
}'

if [ "${CALLGRIND:-}" = 1 ]; then
  command -v valgrind >/dev/null || { echo "CALLGRIND=1 needs valgrind (apt-get install valgrind)" >&2; exit 1; }
  # Instructions of one run of the CLI over the files given (output included).
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --format json "$@" 2>&1 >/dev/null |
      awk '/Collected/ { print $NF }'
  }
  # The corpus pasted as one input, as benches/pipeline.rs's analyse/corpus-concat.
  concat=$(mktemp)
  trap 'rm -f "$concat"' EXIT
  for f in "$corpus"/seeds/*.txt "$corpus"/synthetic/*.txt "$corpus"/peers/alaveteli/folding/*.txt \
    "$corpus"/peers/alaveteli/eml/*.eml; do
    cat "$f"
    printf '\n\n'
  done >"$concat"
  # Each case run once and twice in one process: the difference is one warm pass (patterns
  # compiled, caches filled), the single run what a user waits for.
  once=$(count "${files[@]}")
  twice=$(count "${files[@]}" "${files[@]}")
  awk -v o="$once" -v t="$twice" -v n="${#files[@]}" -v b="$bytes" 'BEGIN {
    printf "callgrind batch:  %.1fM instructions in one process (%.0f per byte); warm %.1fM per pass, %.0f per reply\n", o / 1e6, o / b, (t - o) / 1e6, (t - o) / n
  }'
  once=$(count "$concat")
  twice=$(count "$concat" "$concat")
  awk -v o="$once" -v t="$twice" -v b="$(wc -c <"$concat")" 'BEGIN {
    printf "callgrind concat: %.1fM instructions in one process; warm %.1fM per analysis of %d bytes (%.0f per byte)\n", o / 1e6, (t - o) / 1e6, b, (t - o) / b
  }'
fi
