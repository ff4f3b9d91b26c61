#!/usr/bin/env bash
# Installs Debian packages a test needs: with apt-get as root, or with sudo when that needs no password; otherwise
# says what to run. Usage: apt-install.sh "WHAT NEEDS THEM" PACKAGE...
# Services the packages ship are not started (policy-rc.d): the tests start their own.
set -euo pipefail
why=$1; shift
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "$why needs Debian's $*: run 'sudo apt-get install $*' (Debian/Ubuntu), then 'make test' again." >&2
  exit 1
fi
echo "installing Debian's $* for $why (once)…" >&2
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod +x "$policy"
  trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
