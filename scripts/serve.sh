#!/usr/bin/env bash
# Builds Encours and serves it at http://127.0.0.1:8080/ (Ctrl-C to stop).
# Installs what is missing first (setup.sh). Another port: PORT=9000 ./scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"  # trunk, wasm-bindgen (cargo install)

bash scripts/setup.sh
npm run build
exec node scripts/serve.mjs --dir dist --host 127.0.0.1 --port "${PORT:-8080}"
