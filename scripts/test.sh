#!/usr/bin/env bash
# Every check of Encours, as CI runs them (.ci/run). Installs what is missing first (setup.sh).
#
#   ./scripts/test.sh
#
# Steps: format, clippy (native and wasm), native tests, wasm-bindgen tests in headless Chromium
# (when the crate has any), release build into dist/, bundle size budget, Playwright end-to-end
# tests on dist/. A failing step does not stop the independent ones; the script exits non-zero if
# any step failed, and prints how long each step took.
set -uo pipefail
cd "$(dirname "$0")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"  # trunk, wasm-bindgen (cargo install)
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

names=() results=() times=()
failed=0
started=$SECONDS

# run NAME COMMAND...: runs one step, records its result and its time.
run() {
  local name=$1 start=$SECONDS status
  shift
  printf '\n==> %s: %s\n' "$name" "$*"
  "$@"
  status=$?
  names+=("$name") times+=($((SECONDS - start)))
  if [ "$status" -eq 0 ]; then
    results+=(ok)
  else
    results+=("FAILED ($status)")
    failed=1
    printf '==> %s FAILED (exit %s)\n' "$name" "$status"
  fi
  return "$status"
}

# skip NAME WHY: records a step that did not run.
skip() {
  printf '\n==> %s: skipped (%s)\n' "$1" "$2"
  names+=("$1") times+=(0) results+=("skipped: $2")
}

wasm_tests() { grep -rlE 'wasm_bindgen_test' --include='*.rs' src tests 2>/dev/null | head -n 1; }

run_wasm_tests() {
  CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
    WASM_BINDGEN_USE_BROWSER=1 \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/scripts/webdriver.json" \
    WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --locked --target wasm32-unknown-unknown --tests
}

if ! run setup bash scripts/setup.sh; then
  echo "setup failed: nothing else can run" >&2
  exit 1
fi

run format cargo fmt --all --check
run clippy cargo clippy --locked --all-targets -- -D warnings
run clippy-wasm cargo clippy --locked --target wasm32-unknown-unknown -- -D warnings
run test cargo test --locked
if [ -n "$(wasm_tests)" ]; then
  run test-wasm run_wasm_tests
else
  skip test-wasm "no wasm_bindgen_test in src/ or tests/"
fi
if run build npm run build; then
  run size npm run size
  run e2e npm run test:e2e
else
  skip size "no build"
  skip e2e "no build"
fi

printf '\n%-12s %8s  %s\n' step seconds result
for i in "${!names[@]}"; do
  printf '%-12s %8s  %s\n' "${names[$i]}" "${times[$i]}" "${results[$i]}"
done
printf '%-12s %8s\n' total $((SECONDS - started))
if [ "$failed" -ne 0 ]; then
  echo "FAILED: see the steps above"
  exit 1
fi
echo "OK: every check passed"
