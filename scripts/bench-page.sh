#!/usr/bin/env bash
# The page's benchmark: .wasm gzipped size, cold load-to-ready, and the time to analyse each
# corpus file in the page vs natively. Builds the page first. Needs what scripts/test.sh
# installs (chromium, the browser tests' npm packages).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-page.sh >/dev/null
cargo build --release -q
(cd tests/browser && node bench.mjs)
