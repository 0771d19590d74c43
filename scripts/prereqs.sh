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
    # Only the wasm-bindgen binary, without the TLS stack its test runner needs, and built with
    # a quick profile: it produces the same output and compiles in half the time.
    local lean=(--no-default-features --bin wasm-bindgen)
    # --locked first, as published; when the registry lacks one of its locked dependencies,
    # resolve them afresh (same wasm-bindgen-cli version).
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
      bash -c 'cargo install wasm-bindgen-cli --locked --version "$1" "${@:2}" \
        || cargo install wasm-bindgen-cli --version "$1" "${@:2}"' _ "$want" "${lean[@]}"
  fi
}

# Debian's chromium (the browser tests) and binaryen (wasm-opt, for a smaller .wasm).
# `need_apt_packages` installs them in the foreground; `start_apt_packages` in the background
# (while Rust compiles) and `wait_apt_packages` waits for it.
apt_missing() {
  [ -x /usr/bin/chromium ] || echo chromium fonts-dejavu-core
  command -v wasm-opt >/dev/null 2>&1 || echo binaryen
}

need_apt_packages() {
  local missing
  missing="$(apt_missing | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "prereqs: installing $missing from Debian's packages"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

APT_PID=""
APT_LOG=""
start_apt_packages() {
  [ -z "$(apt_missing)" ] && return 0
  APT_LOG="$(mktemp)"
  need_apt_packages >"$APT_LOG" 2>&1 &
  APT_PID=$!
  echo "prereqs: installing $(apt_missing | tr '\n' ' ')from Debian's packages in the background"
}

wait_apt_packages() {
  [ -z "$APT_PID" ] && return 0
  if ! wait "$APT_PID"; then
    cat "$APT_LOG" >&2
    echo "prereqs: apt-get install failed" >&2
    return 1
  fi
  cat "$APT_LOG"
  rm -f "$APT_LOG"
  APT_PID=""
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
