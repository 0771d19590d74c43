#!/usr/bin/env bash
# Builds the page into dist/: index.html, app.js, worker.js, style.css, the wasm-bindgen glue
# (foi_analyser_wasm.js), the .wasm, and the self-contained dist/foi-analyser.html that works
# opened straight from disk. Prints the .wasm size, raw and gzipped.
#
# Needs: the wasm32-unknown-unknown target and wasm-bindgen-cli at the Cargo.lock version
# (installed here when missing), node; wasm-opt (Debian: binaryen) is used when present, and
# installed when missing if that needs no password (root, or sudo without one).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh

page_prerequisites

target_dir="${CARGO_TARGET_DIR:-target}"
out="$target_dir/page"
# memchr (under regex) needs simd128 in wasm to be fast; every current browser has it.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
cargo build -p foi-analyser-wasm --target wasm32-unknown-unknown --profile wasm
rm -rf "$out" && mkdir -p "$out/opt"
raw="$target_dir/wasm32-unknown-unknown/wasm/foi_analyser_wasm.wasm"
wasm="$out/opt/foi_analyser_wasm.wasm"
cp "$raw" "$wasm"
# wasm-opt runs before wasm-bindgen: Debian's binaryen (108) rewrites the externref table that
# wasm-bindgen adds into an anyref table, which browsers then refuse to fill.
if command -v wasm-opt >/dev/null 2>&1; then
  if wasm-opt -Os --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      "$raw" -o "$wasm"; then
    echo "wasm-opt -Os: $(wc -c <"$raw") -> $(wc -c <"$wasm") bytes (before wasm-bindgen)"
  else
    echo "warning: wasm-opt failed; keeping the unoptimised .wasm" >&2
    cp "$raw" "$wasm"
  fi
else
  echo "note: wasm-opt not found (Debian: apt-get install binaryen); the .wasm is not size-optimised" >&2
fi
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" "$wasm"
scripts/build-wasm-module.sh formats "$out"
scripts/build-wasm-module.sh batch "$out"

node scripts/assemble-page.mjs "$out" dist
echo "built dist/ (serve it, or open dist/foi-analyser.html from disk)"
