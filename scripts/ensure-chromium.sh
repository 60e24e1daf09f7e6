#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser test (browser-test/): nothing downloads a
# browser of its own. Installs it with apt-get when missing (as root, or with passwordless sudo);
# otherwise only warns, and the browser test says what is missing.
set -u
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "ensure-chromium: no apt-get here; install Chromium and set CHROMIUM_PATH" >&2; exit 0; }
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    echo "ensure-chromium: not root and no passwordless sudo; run: apt-get install -y chromium" >&2; exit 0
  fi
fi
echo "ensure-chromium: installing Debian's chromium for the browser test" >&2
{ "${SUDO[@]}" apt-get update -qq \
  && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
  || echo "ensure-chromium: apt-get install chromium failed (the browser test will fail)" >&2
exit 0
