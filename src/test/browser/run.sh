#!/usr/bin/env bash
# The browser test: installs what it needs (Debian's chromium, playwright-core from npm), then runs hawtio.test.mjs
# against target/tally.jar. Needs RabbitMQ on 127.0.0.1:5672, like the integration tests.
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "no $CHROMIUM: installing Debian's chromium"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium > /dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
exec node --test --test-reporter=spec hawtio.test.mjs
