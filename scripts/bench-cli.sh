#!/usr/bin/env bash
# The batch case of issue 13, side by side: the release CLI over every small real reply
# (../shared/corpus/real-layouts/*.txt and tests/layouts/*.txt), all files in one process, and
# the naive Python regex script (scripts/naive_foi.py) over the same files. Prints the MB/s of
# each (best of RUNS runs, default 5: the machine is shared and noisy) and their ratio.
#
# CALLGRIND=1 also prints the instructions per analysis (valgrind's callgrind, the stable
# measure) of the batch and of the concatenated corpus, as examples/profile.rs counts them.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
corpus=${FOI_CORPUS:-../shared/corpus}
files=()
for f in "$corpus"/real-layouts/*.txt tests/layouts/*.txt; do
  [ "$(basename "$f")" = KNOWN_MISSES.txt ] || files+=("$f")
done
bytes=$(cat "${files[@]}" | wc -c)

cargo build --release --quiet
bin=target/release/foi-analyser

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
  cargo build --release --quiet --example profile
  for case in batch concat; do
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" --collect-atstart=no \
      --toggle-collect='*measured*' target/release/examples/profile "$case" 2>&1 |
      awk -v c="$case" '/^[a-z]+: [0-9]+ inputs/ { n = $2; b = $4 } /Collected/ { i = $NF }
        END { printf "callgrind %s: %d instructions for %d inputs (%d bytes): %d per input, %.0f per byte\n", c, i, n, b, i / n, i / b }'
    rm -f "$out"
  done
fi
