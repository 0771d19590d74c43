#!/usr/bin/env bash
# Builds one of the page's on-demand WebAssembly modules into OUT (called by
# scripts/build-page.sh after the start-up module): the wasm crate with only the feature NAME
# (no engine), as OUT/foi_analyser_NAME.js (the wasm-bindgen glue) and
# OUT/foi_analyser_NAME_bg.wasm. The page loads each only when it is needed:
#
#   formats  the readers of e-mail, Word, Excel, OpenDocument, zip and HTML: loaded when such a
#            file is dropped; it decodes, and the start-up module analyses the text
#   batch    the comparison of many replies and its XLSX export: loaded when several files are
#            dropped
#
#   scripts/build-wasm-module.sh NAME OUT
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: build-wasm-module.sh NAME OUT}"
out="${2:?usage: build-wasm-module.sh NAME OUT}"
target_dir="${CARGO_TARGET_DIR:-target}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
cargo build -p foi-analyser-wasm --no-default-features --features "${name}" \
  --target wasm32-unknown-unknown --profile wasm
raw="$target_dir/wasm32-unknown-unknown/wasm/foi_analyser_wasm.wasm"
mkdir -p "$out/${name}-opt"
wasm="$out/${name}-opt/foi_analyser_${name}.wasm"
cp "$raw" "$wasm"
# As for the start-up module: wasm-opt before wasm-bindgen (see build-page.sh).
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Os --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
    "$raw" -o "$wasm" || cp "$raw" "$wasm"
fi
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" --out-name "foi_analyser_${name}" "$wasm"
