#!/bin/sh
# Install Debian's chromium for the dashboard's browser tests when it is missing (CI runs as
# root). Never downloads Playwright's own browsers. Exits 0 even when it cannot install: the
# browser tests then skip, saying why.
set -u
CHROMIUM="${CASUS_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM missing and cannot apt-get install it (not root or no apt);" \
       "the browser tests will skip" >&2
  exit 0
fi
echo "ensure-chromium: installing chromium with apt-get" >&2
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >&2; then
  echo "ensure-chromium: apt-get install chromium failed; the browser tests will skip" >&2
fi
exit 0
