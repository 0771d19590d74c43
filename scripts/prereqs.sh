# shellcheck shell=bash
# Installs what the build and the tests need when it is missing; quick when it is all there.
# Sourced by build-page.sh, serve.sh and test.sh; run from the repository root.

# The version of wasm-bindgen in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo "prereqs: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

need_wasm_bindgen() {
  local want have
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "prereqs: wasm-bindgen is not in Cargo.lock; run cargo build once" >&2
    return 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  if [ "$have" != "$want" ]; then
    echo "prereqs: installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
    # --locked first, as published; when the registry lacks one of its locked dependencies,
    # resolve them afresh (same wasm-bindgen-cli version).
    cargo install wasm-bindgen-cli --locked --version "$want" \
      || cargo install wasm-bindgen-cli --version "$want"
  fi
}

# Debian's chromium (the browser tests) and binaryen (wasm-opt, for a smaller .wasm).
need_apt_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v wasm-opt >/dev/null 2>&1 || missing+=(binaryen)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "prereqs: installing ${missing[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_rust_components() {
  local installed
  installed="$(rustup component list --installed 2>/dev/null)"
  for c in rustfmt clippy; do
    echo "$installed" | grep -q "^$c" || rustup component add "$c"
  done
}

need_npm_packages() {
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
}
