#!/usr/bin/env bash
# The prerequisite checks of scripts/ on a "fresh machine", without needing one: each script is
# run from a copy of the repository's scripts with a PATH and CARGO_HOME from which
# wasm-bindgen, wasm-opt, chromium, shellcheck, rustfmt/clippy, the wasm32 target and the npm
# packages are all absent, and with stub installers (cargo, rustup, apt-get, npm, sudo) that
# record what they are asked to install and then "install" a stub of it. A check that aborts
# instead of installing (as `have="$(wasm-bindgen --version | awk …)"` did under pipefail) makes
# the script stop before its first real step, and this test fail.
#
# Run by scripts/test.sh; on its own: tests/scripts/prereqs.test.sh (needs bash and coreutils).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
want_bindgen="$(cd "${repo}" && . scripts/prereqs.sh && wasm_bindgen_version)"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The commands a shell script needs, and nothing else from this machine.
sysbin="${work}/sysbin"
mkdir -p "${sysbin}"
for t in bash sh env awk grep sed tr cat rm mkdir mktemp cp mv wc id dirname basename date \
  sleep touch chmod ls head tail sort uniq cut tee true false; do
  p="$(command -v "${t}" || true)"
  [ -n "${p}" ] && [ "${p#/}" != "${p}" ] && ln -s "${p}" "${sysbin}/${t}"
done

# A fresh "machine": the repository's scripts, Cargo.lock and the browser tests' package files,
# an empty CARGO_HOME, a /usr/bin of its own, and the stub installers.
# Usage: new_machine NAME; sets M (its root), and the install log is $M/installs.log.
new_machine() {
  M="${work}/$1"
  mkdir -p "${M}/repo/tests/browser" "${M}/cargo/bin" "${M}/usrbin" "${M}/stubs" "${M}/state"
  cp -r "${repo}/scripts" "${M}/repo/"
  cp "${repo}/Cargo.lock" "${M}/repo/"
  cp "${repo}/tests/browser/package.json" "${repo}/tests/browser/package-lock.json" "${M}/repo/tests/browser/"
  mkdir -p "${M}/repo/vendor"
  cp "${repo}/vendor/package.json" "${repo}/vendor/package-lock.json" "${M}/repo/vendor/"
  : >"${M}/installs.log"

  # cargo: fmt/clippy exist once rustup added them; `install wasm-bindgen-cli --version V`
  # puts a wasm-bindgen that reports V in CARGO_HOME/bin; `build` stops the script (the
  # prerequisites are done by then): that is the mark that a script got past them.
  cat >"${M}/stubs/cargo" <<'STUB'
#!/usr/bin/env bash
log="${STUB_MACHINE}/installs.log"
case "$1" in
  metadata) echo '{}' ;;
  fmt | clippy)
    [ -e "${STUB_MACHINE}/state/component-${1/fmt/rustfmt}" ] || { echo "error: '$1' is not installed" >&2; exit 1; }
    echo "$1 1.0.0 (stub)" ;;
  install)
    echo "cargo $*" >>"${log}"
    [[ " $* " == *" --locked "* ]] && [ -n "${STUB_LOCKED_FAILS:-}" ] && { echo "error: failed to select a version (stub)" >&2; exit 101; }
    version=""
    while [ $# -gt 0 ]; do [ "$1" = --version ] && version="$2"; shift; done
    printf '#!/usr/bin/env bash\necho "wasm-bindgen %s"\n' "${version}" >"${CARGO_HOME}/bin/wasm-bindgen"
    chmod +x "${CARGO_HOME}/bin/wasm-bindgen" ;;
  build) echo "stub cargo: build reached" ; exit 3 ;;
  *) echo "stub cargo: unexpected: $*" >&2 ; exit 2 ;;
esac
STUB
  # rustup: knows the host target and the components it was asked to add.
  cat >"${M}/stubs/rustup" <<'STUB'
#!/usr/bin/env bash
log="${STUB_MACHINE}/installs.log"
state="${STUB_MACHINE}/state"
case "$1 $2" in
  "target list") echo x86_64-unknown-linux-gnu; [ -e "${state}/target-wasm32" ] && echo wasm32-unknown-unknown; true ;;
  "target add") echo "rustup $*" >>"${log}"; touch "${state}/target-wasm32" ;;
  "component list") ls "${state}" | sed -n 's/^component-//p' ;;
  "component add") echo "rustup $*" >>"${log}"; touch "${state}/component-$3" ;;
  *) echo "stub rustup: unexpected: $*" >&2; exit 2 ;;
esac
STUB
  # apt-get: "installs" chromium where CHROMIUM points, wasm-opt and shellcheck in usrbin.
  cat >"${M}/stubs/apt-get" <<'STUB'
#!/usr/bin/env bash
log="${STUB_MACHINE}/installs.log"
echo "apt-get $* (uid $(id -u))" >>"${log}"
[ "$(id -u)" -eq 0 ] || { echo "E: permission denied (stub)" >&2; exit 100; }
for p in "$@"; do
  case "${p}" in
    chromium) f="${CHROMIUM}" ;;
    binaryen) f="${STUB_MACHINE}/usrbin/wasm-opt" ;;
    shellcheck) f="${STUB_MACHINE}/usrbin/shellcheck" ;;
    *) continue ;;
  esac
  printf '#!/usr/bin/env bash\necho "stub %s"\nexit 1\n' "${p}" >"${f}"
  chmod +x "${f}"
done
STUB
  # npm: `ci` creates the packages of the directory's package.json (the browser tests' two, or
  # PDF.js in vendor/) and npm's own record of the installed tree.
  cat >"${M}/stubs/npm" <<'STUB'
#!/usr/bin/env bash
echo "npm $* (in ${PWD#"${STUB_MACHINE}"/})" >>"${STUB_MACHINE}/installs.log"
[ "$1" = ci ] || exit 2
case "${PWD}" in
  */vendor) mkdir -p node_modules/pdfjs-dist/build ;;
  *) mkdir -p node_modules/playwright-core node_modules/axe-core ;;
esac
touch node_modules/.package-lock.json
STUB
  # node and python3 are present on the machine the README assumes.
  printf '#!/usr/bin/env bash\necho "stub node: $*"\nexit 4\n' >"${M}/stubs/node"
  # python3: knows openpyxl once pip has "installed" it.
  cat >"${M}/stubs/python3" <<'STUB'
#!/usr/bin/env bash
state="${STUB_MACHINE}/state"
case "$1 $2" in
  "-c import openpyxl") [ -e "${state}/openpyxl" ] ;;
  "-m pip") echo "python3 $*" >>"${STUB_MACHINE}/installs.log"; touch "${state}/openpyxl" ;;
  *) exit 4 ;;
esac
STUB
  chmod +x "${M}/stubs/"*
}

# A sudo that runs its command as root, and an `id` for a user who is not root: the apt-get
# stub refuses to install without root.
add_non_root_with_sudo() {
  cat >"${M}/stubs/sudo" <<'STUB'
#!/usr/bin/env bash
[ "$1" = -n ] && shift
echo "sudo $*" >>"${STUB_MACHINE}/installs.log"
[ "$1" = true ] && exit 0
STUB_UID=0 exec "$@"
STUB
  # shellcheck disable=SC2016 # the stub's own code
  printf '#!/usr/bin/env bash\n[ "$1" = -u ] && echo "${STUB_UID:-1000}"\n' >"${M}/stubs/id"
  chmod +x "${M}/stubs/sudo" "${M}/stubs/id"
}

# Runs a script of the copy on the fresh machine; its output goes to $M/NAME.out, status to RC.
run() {
  local name="$1"
  shift
  set +e
  env -i HOME="${M}/home" PATH="${M}/stubs:${M}/usrbin:${sysbin}" CARGO_HOME="${M}/cargo" \
    CHROMIUM="${M}/usrbin/chromium" STUB_MACHINE="${M}" STUB_LOCKED_FAILS="${STUB_LOCKED_FAILS:-}" \
    TMPDIR="${work}" bash "$@" >"${M}/${name}.out" 2>&1
  RC=$?
  set -e
}

# Fails unless the install log has a line matching the extended regular expression.
expect_install() {
  grep -Eq -- "$2" "${M}/installs.log" || fail "$1: nothing in the install log matches /$2/"
}

expect_output() {
  grep -Fq -- "$3" "${M}/$2.out" || fail "$1: its output lacks '$3'"
}

show() {
  echo "--- $1: output"
  cat "${M}/$1.out"
  echo "--- install log"
  cat "${M}/installs.log"
}

checked=0
check() {
  checked=$((checked + 1))
  local before=${failures}
  "$@"
  if [ "${failures}" -ne "${before}" ]; then show "${LAST}"; else echo "ok: $1"; fi
}

# scripts/test.sh: all its prerequisites installed, then it goes on to its next step (which
# does not exist in this copy: tests/ is not copied, so the test does not run itself).
test_sh_installs_everything() {
  new_machine test-sh
  LAST="test"
  run test "${M}/repo/scripts/test.sh"
  expect_output test.sh test "==== ok: prerequisites"
  expect_install test.sh "^python3 -m pip install .*openpyxl"
  expect_output test.sh test "==== prerequisite checks with the tools absent"
  expect_install test.sh "^rustup component add rustfmt$"
  expect_install test.sh "^rustup component add clippy$"
  expect_install test.sh "^rustup target add wasm32-unknown-unknown$"
  expect_install test.sh "^cargo install wasm-bindgen-cli .*--version ${want_bindgen//./\\.} "
  expect_install test.sh "^apt-get .* install .*chromium"
  expect_install test.sh "^apt-get .* install .*binaryen"
  expect_install test.sh "^apt-get .* install .*shellcheck"
  expect_install test.sh "^npm ci .*\(in repo/tests/browser\)$"
  expect_install test.sh "^npm ci --omit=optional .*\(in repo/vendor\)$"

  # Once all is there, a second run installs nothing.
  : >"${M}/installs.log"
  LAST=test-again
  run test-again "${M}/repo/scripts/test.sh"
  expect_output "test.sh, second run" test-again "==== ok: prerequisites"
  [ -s "${M}/installs.log" ] && fail "test.sh, second run: installed again what was there"
  true
}

# scripts/build-page.sh and serve.sh (through it): the target, wasm-bindgen-cli (the --locked
# attempt failing, as it does when the registry lacks a locked dependency) and, as root,
# binaryen; then the build starts.
build_page_sh_installs_what_it_needs() {
  new_machine build-page
  LAST=build
  STUB_LOCKED_FAILS=1 run build "${M}/repo/scripts/build-page.sh"
  expect_output build-page.sh build "stub cargo: build reached"
  expect_install build-page.sh "^rustup target add wasm32-unknown-unknown$"
  expect_install build-page.sh "^cargo install wasm-bindgen-cli --locked "
  expect_install build-page.sh "^cargo install wasm-bindgen-cli --version ${want_bindgen//./\\.} "
  expect_install build-page.sh "^apt-get .* install .*binaryen"
  expect_install build-page.sh "^npm ci --omit=optional .*\(in repo/vendor\)$"
  grep -q chromium "${M}/installs.log" && fail "build-page.sh: installed chromium, which it does not need"
  true
}

serve_sh_installs_what_it_needs() {
  new_machine serve
  LAST=serve
  run serve "${M}/repo/scripts/serve.sh"
  expect_output serve.sh serve "stub cargo: build reached"
  expect_install serve.sh "^rustup target add wasm32-unknown-unknown$"
  expect_install serve.sh "^cargo install wasm-bindgen-cli .*--version ${want_bindgen//./\\.} "
}

# scripts/bench-page.sh: chromium and the npm packages, then the page build.
bench_page_sh_installs_what_it_needs() {
  new_machine bench
  LAST=bench
  run bench "${M}/repo/scripts/bench-page.sh"
  expect_install bench-page.sh "^apt-get .* install .*chromium"
  expect_install bench-page.sh "^npm ci "
  expect_install bench-page.sh "^cargo install wasm-bindgen-cli "
  # build-page.sh's output goes to /dev/null in bench-page.sh: its exit status is the stub's.
  [ "${RC}" -eq 3 ] || fail "bench-page.sh: exit ${RC}, expected 3 (stopped at the stub cargo build)"
}

# An older wasm-bindgen on PATH is replaced by the Cargo.lock version.
wrong_wasm_bindgen_version_is_replaced() {
  new_machine old-bindgen
  printf '#!/usr/bin/env bash\necho "wasm-bindgen 0.0.1"\n' >"${M}/cargo/bin/wasm-bindgen"
  chmod +x "${M}/cargo/bin/wasm-bindgen"
  LAST=build
  run build "${M}/repo/scripts/build-page.sh"
  expect_output "old wasm-bindgen" build "found: 0.0.1"
  expect_install "old wasm-bindgen" "^cargo install wasm-bindgen-cli .*--version ${want_bindgen//./\\.} "
  expect_output "old wasm-bindgen" build "stub cargo: build reached"
}

# Not root: apt-get through sudo.
non_root_installs_through_sudo() {
  new_machine sudo
  add_non_root_with_sudo
  LAST="test"
  run test "${M}/repo/scripts/test.sh"
  expect_output "not root" test "==== ok: prerequisites"
  expect_install "not root" "^sudo apt-get .* install .*chromium"
  expect_install "not root" "^apt-get .* install .*chromium.* \(uid 0\)$"
}

check test_sh_installs_everything
check build_page_sh_installs_what_it_needs
check serve_sh_installs_what_it_needs
check bench_page_sh_installs_what_it_needs
check wrong_wasm_bindgen_version_is_replaced
check non_root_installs_through_sudo

if [ "${failures}" -ne 0 ]; then
  echo "prereqs.test.sh: ${failures} failure(s) in ${checked} checks" >&2
  exit 1
fi
echo "prereqs.test.sh: all ${checked} checks passed"
