#!/usr/bin/env bash
# Installs everything Encours needs to build and test, and skips what is already there at the right
# version: safe to run again and again (./scripts/serve.sh and ./scripts/test.sh run it first).
#
#   Debian:    chromium, chromium-driver            (browser tests; never a downloaded browser)
#   rustup:    target wasm32-unknown-unknown, rustfmt, clippy
#   cargo:     trunk 0.21.14, wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock
#   npm:       npm ci (package-lock.json): wasm-opt from `binaryen` 132, @playwright/test, terser
#              (minifies the wasm-bindgen JavaScript of release builds, scripts/post-build.mjs)
#   crates:    cargo fetch, so that builds run offline (Trunk.toml: offline = true)
#
# Nothing is downloaded from anywhere but Debian, crates.io and the npm registry: Trunk's own tool
# downloads are off (Trunk.toml), and Playwright never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
APT_PACKAGES=(chromium chromium-driver)
WASM_TARGET=wasm32-unknown-unknown
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) export PATH="$CARGO_BIN:$PATH" ;; esac
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# cargo install from outside the project, so that its .cargo/config.toml does not apply.
cargo_install() { (cd "${TMPDIR:-/tmp}" && cargo install "$@"); }

# --- Tools the machine must already have -------------------------------------------------------
for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || die "$tool is not installed (Rust by rustup; Node.js >= 20 with npm)"
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js >= 20 is needed (found $(node --version))"

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "ok: ${APT_PACKAGES[*]} (Debian packages) installed"
else
  say "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || die "/usr/bin/chromium or /usr/bin/chromedriver missing"

# --- Rust toolchain: wasm target and components ------------------------------------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "ok: rust target $WASM_TARGET"
else
  say "installing rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi
for component in rustfmt clippy; do
  if [ "$component" = rustfmt ]; then probe=(cargo fmt --version); else probe=(cargo clippy --version); fi
  if "${probe[@]}" >/dev/null 2>&1; then
    say "ok: $component"
  else
    say "installing rust component $component"
    rustup component add "$component"
  fi
done

# --- trunk -------------------------------------------------------------------------------------
have=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$TRUNK_VERSION" ]; then
  say "ok: trunk $have"
else
  say "installing trunk $TRUNK_VERSION (found: ${have:-none}; takes about 10 minutes)"
  cargo_install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli: exactly the wasm-bindgen of Cargo.lock ----------------------------------
bindgen=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$bindgen" ] || die "no wasm-bindgen in Cargo.lock"
pinned=$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)
[ "$pinned" = "$bindgen" ] ||
  die "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $bindgen: make them equal"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$bindgen" ] && [ "$have_runner" = "$bindgen" ]; then
  say "ok: wasm-bindgen-cli $have (wasm-bindgen, wasm-bindgen-test-runner)"
else
  say "installing wasm-bindgen-cli $bindgen (found: ${have:-none}; takes about 5 minutes)"
  cargo_install --force wasm-bindgen-cli --version "$bindgen"
fi

# --- npm packages (wasm-opt 132, Playwright) ---------------------------------------------------
stamp=node_modules/.encours-npm-ci
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  say "ok: node_modules matches package-lock.json"
else
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi
wasm_opt=$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)
case "$wasm_opt" in
  *version_132*) say "ok: $wasm_opt (node_modules/.bin)" ;;
  *) die "node_modules/.bin/wasm-opt is not version 132 (got: ${wasm_opt:-nothing})" ;;
esac

# --- crates, so that builds and tests run offline ----------------------------------------------
if cargo fetch --locked --offline >/dev/null 2>&1; then
  say "ok: crates of Cargo.lock already fetched"
else
  say "fetching crates (cargo fetch)"
  cargo fetch --locked
fi

say "done"
