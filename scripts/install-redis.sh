#!/usr/bin/env bash
# The distributed-crawl tests start a real redis-server (Debian's package) on a free port. Installs it when missing.
set -euo pipefail
command -v redis-server >/dev/null && exit 0
exec bash "$(dirname "$0")/apt-install.sh" "the distributed-crawl tests" redis-server
