#!/usr/bin/env bash
# Lints the contract with Spectral (spectral:oas + OWASP API security rules); an error fails the build.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "The contract lint needs Node.js and npm (apt-get install -y nodejs npm)." >&2; exit 1; }
# npm ci only when the installed tree is missing or older than the lock file: it takes ~20 s.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=error --display-only-failures --format=text
