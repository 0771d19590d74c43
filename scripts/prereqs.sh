# shellcheck shell=bash
# Installs what the build and the tests need when it is missing; quick when it is all there.
# Sourced by build-page.sh, serve.sh, bench-page.sh and test.sh; run from the repository root.
#
# Every check here must work when its tool is MISSING, under the callers' `set -euo pipefail`:
# a command that is not installed exits 127, and in `v="$(tool --version | awk …)"` that status
# (pipefail) makes the assignment fail and `set -e` ends the script before anything is
# installed. So a tool's output is only ever read through `tool_output`, which never fails.
# tests/scripts/prereqs.test.sh runs these checks with every tool absent and stub installers.
#
# Entry points: `page_prerequisites` (build-page.sh), `browser_prerequisites` (bench-page.sh),
# `test_prerequisites` (test.sh).

# `cargo install` puts wasm-bindgen here; a shell where rustup's env file was not sourced lacks it.
cargo_bin="${CARGO_HOME:-${HOME}/.cargo}/bin"
case ":${PATH}:" in
  *":${cargo_bin}:"*) ;;
  *) PATH="${PATH}:${cargo_bin}" ;;
esac
unset cargo_bin

# The standard output of a command, or nothing when the command is missing or fails. Never a
# failing status, so that `v="$(tool_output tool --version)"` is safe under `set -e -o pipefail`.
tool_output() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$@" 2>/dev/null || true
}

# Fails with a clear message when a command this script cannot install itself is missing.
need_command() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "prereqs: '$1' is needed and not found: $2" >&2
  return 1
}

# The version of wasm-bindgen in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_wasm_target() {
  local installed
  installed="$(tool_output rustup target list --installed)"
  if ! grep -qx wasm32-unknown-unknown <<<"${installed}"; then
    need_command rustup "install the Rust toolchain with rustup (https://rustup.rs)" || return 1
    echo "prereqs: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

need_wasm_bindgen() {
  local want have
  want="$(wasm_bindgen_version)"
  if [ -z "${want}" ]; then
    echo "prereqs: wasm-bindgen is not in Cargo.lock; run cargo build once" >&2
    return 1
  fi
  have="$(tool_output wasm-bindgen --version)"
  have="$(awk '{ print $2; exit }' <<<"${have}")"
  if [ "${have}" != "${want}" ]; then
    need_command cargo "install the Rust toolchain with rustup (https://rustup.rs)" || return 1
    echo "prereqs: installing wasm-bindgen-cli ${want} (found: ${have:-none}); this takes a few minutes"
    # Only the wasm-bindgen binary, without the TLS stack its test runner needs, and built with
    # a quick profile: it produces the same output and compiles in half the time.
    local lean=(--no-default-features --bin wasm-bindgen)
    # --locked first, as published; when the registry lacks one of its locked dependencies,
    # resolve them afresh (same wasm-bindgen-cli version).
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
      bash -c 'cargo install wasm-bindgen-cli --locked --version "$1" "${@:2}" \
        || cargo install wasm-bindgen-cli --version "$1" "${@:2}"' _ "${want}" "${lean[@]}"
    have="$(tool_output wasm-bindgen --version)"
    have="$(awk '{ print $2; exit }' <<<"${have}")"
    if [ "${have}" != "${want}" ]; then
      echo "prereqs: wasm-bindgen ${want} was installed but \`wasm-bindgen --version\` says '${have:-not found}': is ${CARGO_HOME:-${HOME}/.cargo}/bin first on PATH?" >&2
      return 1
    fi
  fi
}

need_rust_components() {
  # Asks the tools themselves: through rustup's proxies, `cargo fmt --version` fails when the
  # component is not installed.
  local c
  for c in fmt clippy; do
    if [ -z "$(tool_output cargo "${c}" --version)" ]; then
      local component="${c/fmt/rustfmt}"
      need_command rustup "install the Rust toolchain with rustup (https://rustup.rs), or ${component}" || return 1
      echo "prereqs: adding the ${component} component"
      rustup component add "${component}"
    fi
  done
}

# Debian's chromium (the browser tests; CHROMIUM names another one, as in tests/browser/lib.mjs),
# binaryen (wasm-opt, for a smaller .wasm) and shellcheck (the scripts' lint).
# `need_apt_packages` installs them in the foreground; `start_apt_packages` in the background
# (while Rust compiles) and `wait_apt_packages` waits for it. APT_WANT lists which to check.
APT_WANT="chromium binaryen shellcheck"
apt_missing() {
  local p
  for p in ${APT_WANT}; do
    case "${p}" in
      chromium) [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || echo chromium fonts-dejavu-core ;;
      binaryen) command -v wasm-opt >/dev/null 2>&1 || echo binaryen ;;
      *) command -v "${p}" >/dev/null 2>&1 || echo "${p}" ;;
    esac
  done
}

# The command prefix that runs apt-get as root: nothing, or sudo. Fails with a message when
# neither is possible.
apt_runner() {
  need_command apt-get "install these packages with your system's package manager: $*" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    echo ""
  else
    need_command sudo "run as root, or install these Debian packages: $*" || return 1
    echo sudo
  fi
}

need_apt_packages() {
  local missing sudo
  missing="$(apt_missing | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  sudo="$(apt_runner "${missing}")" || return 1
  echo "prereqs: installing ${missing}from Debian's packages"
  # Waits for another apt-get (another checkout's script) instead of failing on its lock.
  local lock=(-o DPkg::Lock::Timeout=600)
  ${sudo} apt-get "${lock[@]}" update -qq || return 1
  # shellcheck disable=SC2086 # $missing is a list of package names
  DEBIAN_FRONTEND=noninteractive ${sudo} apt-get "${lock[@]}" install -y -qq --no-install-recommends ${missing} >/dev/null
}

APT_PID=""
APT_LOG=""
start_apt_packages() {
  [ -z "$(apt_missing)" ] && return 0
  APT_LOG="$(mktemp)"
  need_apt_packages >"${APT_LOG}" 2>&1 &
  APT_PID=$!
  echo "prereqs: installing $(apt_missing | tr '\n' ' ')from Debian's packages in the background"
}

wait_apt_packages() {
  [ -z "${APT_PID}" ] && return 0
  if ! wait "${APT_PID}"; then
    cat "${APT_LOG}" >&2
    echo "prereqs: apt-get install failed" >&2
    return 1
  fi
  cat "${APT_LOG}"
  rm -f "${APT_LOG}"
  APT_PID=""
}

# True when running as root, or when sudo works without asking for a password.
root_without_password() {
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

# binaryen's wasm-opt makes the .wasm smaller but the page builds without it: installed only
# when that needs no password (root, or sudo without one).
want_wasm_opt() {
  command -v wasm-opt >/dev/null 2>&1 && return 0
  # (Otherwise build-page.sh says that the .wasm is not size-optimised.)
  if command -v apt-get >/dev/null 2>&1 && root_without_password; then
    APT_WANT=binaryen need_apt_packages || echo "prereqs: could not install binaryen" >&2
  fi
}

# The browser tests' npm packages (playwright-core, axe-core; no browser is downloaded).
# `npm ci` again only when package-lock.json is newer than the installed tree.
need_npm_packages() {
  local dir=tests/browser
  if [ -d "${dir}/node_modules/playwright-core" ] && [ -d "${dir}/node_modules/axe-core" ] \
    && [ "${dir}/node_modules/.package-lock.json" -nt "${dir}/package-lock.json" ]; then
    return 0
  fi
  need_command npm "install Node.js 20 or later with npm" || return 1
  echo "prereqs: installing the browser tests' npm packages (npm ci in ${dir})"
  (cd "${dir}" && npm ci --no-audit --no-fund --loglevel=error)
}

# The browser libraries the page build copies into dist/ (vendor/package.json: PDF.js, which
# the page loads only when a PDF is dropped). `npm ci` again only when package-lock.json is
# newer than the installed tree; optional packages (a canvas binding for Node) are not needed.
need_vendor_packages() {
  local dir=vendor
  if [ -d "${dir}/node_modules/pdfjs-dist/build" ] \
    && [ "${dir}/node_modules/.package-lock.json" -nt "${dir}/package-lock.json" ]; then
    return 0
  fi
  need_command npm "install Node.js 20 or later with npm" || return 1
  echo "prereqs: installing the page's vendored npm packages (npm ci in ${dir})"
  (cd "${dir}" && npm ci --omit=optional --no-audit --no-fund --loglevel=error)
}

# openpyxl reads the batch comparison's XLSX back in the browser tests (a real reader of the
# workbook); from PyPI for the python3 the tests run.
need_openpyxl() {
  local py="${PYTHON:-python3}"
  if "${py}" -c 'import openpyxl' >/dev/null 2>&1; then
    return 0
  fi
  echo "prereqs: installing openpyxl for ${py} (pip)"
  "${py}" -m pip install --quiet --disable-pip-version-check openpyxl
}

# What scripts/build-page.sh needs: the wasm32 target, wasm-bindgen-cli, wasm-opt if possible,
# and PDF.js from npm.
page_prerequisites() {
  need_command node "install Node.js 20 or later" || return 1
  need_vendor_packages
  need_wasm_target
  cargo metadata --format-version 1 >/dev/null # brings Cargo.lock up to date
  need_wasm_bindgen
  want_wasm_opt
}

# What the browser tests and the benchmark need besides the page: chromium, the npm packages.
browser_prerequisites() {
  APT_WANT=chromium need_apt_packages
  need_npm_packages
}

# Everything scripts/test.sh needs; the Debian packages install in the background meanwhile.
test_prerequisites() {
  need_command python3 "install python3 (the corpus score)" || return 1
  start_apt_packages
  need_rust_components
  need_wasm_target
  cargo metadata --format-version 1 >/dev/null # brings Cargo.lock up to date
  need_wasm_bindgen
  need_npm_packages
  need_vendor_packages
  need_openpyxl
  wait_apt_packages
}
