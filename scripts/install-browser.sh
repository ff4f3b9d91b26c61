#!/usr/bin/env bash
# The browser test drives Debian's Chromium (Playwright's own browser download is not used). Installs it when
# missing: with apt-get as root, or with sudo when that needs no password; otherwise says what to run.
set -euo pipefail
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "The browser test needs Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu), then 'make test' again." >&2
  exit 1
fi
echo "installing Debian's chromium for the browser test (once)…" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
