#!/usr/bin/env bash
# The page's benchmark: .wasm gzipped size, cold load-to-ready, and the time to analyse each
# corpus file in the page vs natively. Builds the page first. Installs, when missing, what the
# page build needs and chromium and the browser tests' npm packages (see scripts/prereqs.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prereqs.sh
browser_prerequisites
./scripts/build-page.sh >/dev/null
cargo build --release -q
(cd tests/browser && node bench.mjs)
