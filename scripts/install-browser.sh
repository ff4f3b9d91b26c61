#!/usr/bin/env bash
# The browser test drives Debian's Chromium (Playwright's own browser download is not used). Installs it when missing.
set -euo pipefail
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done
exec bash "$(dirname "$0")/apt-install.sh" "the browser test" chromium fonts-dejavu-core
