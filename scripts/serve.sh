#!/usr/bin/env bash
# Builds the page (dist/ and dist/foi-analyser.html) and serves dist/ on http://127.0.0.1:8080
# (PORT=... to change). Needs rustup/cargo, node and python3; installs the wasm32 target and
# wasm-bindgen-cli when missing. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build-page.sh
port="${PORT:-8080}"
echo
echo "Serving the page at http://127.0.0.1:$port/  (single file: dist/foi-analyser.html)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
