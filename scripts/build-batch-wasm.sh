#!/usr/bin/env bash
# Builds the page's batch module into OUT (called by scripts/build-page.sh after the start-up
# module): the wasm crate with its `batch` feature (the comparison of many replies and its XLSX
# export), as OUT/foi_analyser_batch.js and OUT/foi_analyser_batch_bg.wasm. The page loads it
# only when several files are dropped, so the start-up .wasm does not carry it.
#
#   scripts/build-batch-wasm.sh OUT
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: build-batch-wasm.sh OUT}"
target_dir="${CARGO_TARGET_DIR:-target}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
cargo build -p foi-analyser-wasm --features batch --target wasm32-unknown-unknown --profile wasm
raw="$target_dir/wasm32-unknown-unknown/wasm/foi_analyser_wasm.wasm"
mkdir -p "$out/batch-opt"
wasm="$out/batch-opt/foi_analyser_batch.wasm"
cp "$raw" "$wasm"
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Os --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$raw" -o "$wasm" || cp "$raw" "$wasm"
fi
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" --out-name foi_analyser_batch "$wasm"
