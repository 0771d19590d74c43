#!/usr/bin/env bash
# Seeds fuzz/corpus/analyse/ with every file of the shared corpus (../shared/corpus beside the
# repository, or $FOI_CORPUS), plus a few hand-made edge cases. The corpus folder is not
# committed; libFuzzer adds what it finds there as it runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${FOI_CORPUS:-$here/../../shared/corpus}"
out="$here/corpus/analyse"
mkdir -p "$out"
find "$src/seeds" "$src/synthetic" "$src/peers" -type f | while read -r f; do
  cp "$f" "$out/$(echo "${f#"$src"/}" | tr '/' '_')"
done
printf '' >"$out/edge-empty"
printf '\xff\xfeQ\x001\x00.\x00 \x00Y\x00e\x00s\x00' >"$out/edge-utf16le"
printf 'Q1. How many?\r\nAnswer: 250+\r\n' >"$out/edge-crlf"
printf 'Dear Council\na. b c d\n\nb, Council\n%s\xc3\xa9\n' "$(printf 'a%.0s' $(seq 199))" >"$out/edge-straddle"
echo "seeded $(ls "$out" | wc -l) files into $out"
