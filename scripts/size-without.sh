#!/usr/bin/env bash
# What each part of the app costs in the wasm: builds the committed app without it and prints
# the wasm's gzip -9 size against the whole app's. Not a test (about 20 minutes on 2 cores):
# the evidence behind the README's "What a feature costs". Usage: scripts/size-without.sh [NAME...]
#
# Each part is taken out by a few textual edits of a copy of HEAD (the working tree is not
# touched). An edit that no longer matches the source stops the script, so a stale pattern
# cannot measure the whole app under another name. The parts share code, so their costs do
# not add up exactly: the combined rows are measured, not summed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WASM_OPT=$ROOT/node_modules/.bin/wasm-opt
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target/size-without}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

LANG_ONE=("src/ui/mod.rs|s/self == Lang::Fr/true/" "src/ui/mod.rs|s/Lang::En => en,/Lang::En => fr,/")
CHARTS=("src/ui/components/ratio_table.rs|s/{super::charts::ratio_charts(s)}//"
  "src/ui/components/analysis_blocks.rs|s/{super::charts::criteria_chart(s)}//"
  "src/ui/pages/portfolio.rs|s/crate::ui::components::charts::class_chart(lang.get(), &totals)/{ let _ = totals; ().into_any() }/")
REPORT=("src/ui/mod.rs|s/components::report::provide_printing();//"
  "src/ui/mod.rs|s#<components::report::ReportSheet/>##"
  "src/ui/pages/analysis.rs|s/{crate::ui::components::report::print_button(lang)}//"
  "src/ui/pages/client.rs|s/{crate::ui::components::report::print_button(lang)}//")
WHAT_IF=("src/ui/pages/analysis.rs|s/{what_if_section(state)}//")
DEMO=("src/ui/import.rs|s#include_str!(\"../../samples/demo-portfolio.json\")#\"\"#")
OFFLINE=("src/ui/mod.rs|s/offline::start();//")
page() { echo "src/ui/mod.rs|s#View::$1 => view! { <pages::$2::$1Page/> }.into_any(),#View::$1 => ().into_any(),#"; }
OPTIONAL=("${LANG_ONE[@]}" "${CHARTS[@]}" "${REPORT[@]}" "${WHAT_IF[@]}" "${DEMO[@]}" "${OFFLINE[@]}")

# The edits that take each part out, one `file|sed expression` per line.
edits() {
  case $1 in
    app) ;;
    one-language) printf '%s\n' "${LANG_ONE[@]}" ;;
    no-charts) printf '%s\n' "${CHARTS[@]}" ;;
    no-print-report) printf '%s\n' "${REPORT[@]}" ;;
    no-what-if) printf '%s\n' "${WHAT_IF[@]}" ;;
    no-demo) printf '%s\n' "${DEMO[@]}" ;;
    no-offline) printf '%s\n' "${OFFLINE[@]}" ;;
    no-policy-editor) page Policy policy ;;
    no-settings) page Settings settings ;;
    no-optional) printf '%s\n' "${OPTIONAL[@]}" ;;
    core-only) printf '%s\n' "${OPTIONAL[@]}"; page Policy policy; page Settings settings ;;
    *) echo "unknown part: $1" >&2; return 1 ;;
  esac
}
NAMES=("$@")
[ ${#NAMES[@]} -gt 0 ] || NAMES=(app one-language no-charts no-print-report no-what-if
  no-demo no-offline no-policy-editor no-settings no-optional core-only)

measure() {
  local name=$1 src=$WORK/src-$1
  rm -rf "$src" && mkdir -p "$src"
  # -m: fresh modification times, or cargo would take the last experiment's build as up to date.
  git archive HEAD | tar -xm -C "$src"
  local e file expr before
  while IFS= read -r e; do
    [ -n "$e" ] || continue
    file=${e%%|*} expr=${e#*|}
    before=$(sha1sum "$src/$file")
    sed -i "$expr" "$src/$file"
    if [ "$(sha1sum "$src/$file")" = "$before" ]; then
      echo "$name: the edit '$expr' no longer matches $file; update this script" >&2
      exit 1
    fi
  done < <(edits "$name")
  if ! (cd "$src" && cargo build -q --release --offline --target wasm32-unknown-unknown --bin encours \
    2> "$WORK/build.log"); then
    cat "$WORK/build.log" >&2
    exit 1
  fi
  rm -rf "$WORK/out" && mkdir -p "$WORK/out"
  wasm-bindgen --target web --out-dir "$WORK/out" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/encours.wasm"
  "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$WORK/out/encours_bg.wasm" -o "$WORK/out/opt.wasm"
  gzip -9c "$WORK/out/opt.wasm" | wc -c
}

base=$(measure app)
printf '%-18s %10s %11s\n' part "wasm gzip" "vs the app"
awk -v b="$base" 'BEGIN { printf "%-18s %7.1f KB\n", "app", b / 1000 }'
for n in "${NAMES[@]}"; do
  [ "$n" = app ] && continue
  edits "$n" > /dev/null
  s=$(measure "$n")
  awk -v n="$n" -v s="$s" -v b="$base" 'BEGIN { printf "%-18s %7.1f KB %+8.1f KB\n", n, s / 1000, (s - b) / 1000 }'
done
