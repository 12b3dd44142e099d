#!/usr/bin/env bash
# Checks the project's shell scripts with ShellCheck; any finding fails the build. ShellCheck comes from
# Debian's packages: installed here when it is missing (a fresh CI machine), as root.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v shellcheck >/dev/null 2>&1; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ShellCheck (apt-get install -y shellcheck)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
  else
    echo "The script check needs ShellCheck (apt-get install -y shellcheck)." >&2
    exit 1
  fi
fi
# -x follows the files duijie sources, so each part is checked with the settings and helpers it uses.
exec shellcheck -x duijie scripts/lib/*.sh scripts/check.sh api-spec/lint.sh deploy/check.sh .ci/run
