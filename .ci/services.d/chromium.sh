#!/usr/bin/env bash
# Headless Chromium for the browser tests (pytest -m browser): Debian's package, driven by
# Playwright for Python through its executable path (no browser download).
set -eu
if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "chromium missing and apt-get unavailable: browser tests will skip"
        exit 1
    fi
fi
pip install -q -e '.[web-test]' || pip install -q 'playwright>=1.40'
/usr/bin/chromium --version
