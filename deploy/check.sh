#!/usr/bin/env bash
# Checks the deployment files offline (see checks.mjs): the Compose file against the Compose schema, the
# Kubernetes overlays built with kustomize and checked against the Kubernetes API schemas.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "The deployment checks need Node.js and npm (apt-get install -y nodejs npm)." >&2; exit 1; }
# npm ci only when the installed tree is missing or older than the lock file
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node checks.mjs
