#!/usr/bin/env bash
# The distributed-crawl tests start a real redis-server (Debian's package) on a free port. Installs it when missing:
# with apt-get as root, or with sudo when that needs no password; otherwise says what to run.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
[ -x /usr/bin/redis-server ] && exit 0
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "The distributed-crawl tests need Redis: run 'sudo apt-get install redis-server' (Debian/Ubuntu), then 'make test' again." >&2
  exit 1
fi
echo "installing Debian's redis-server for the distributed-crawl tests (once)…" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
# policy-rc.d 101: the package must not start a system-wide server; the tests start their own
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod +x "$policy"
  trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi
"${as_root[@]}" apt-get install -y -qq --no-install-recommends redis-server >/dev/null
