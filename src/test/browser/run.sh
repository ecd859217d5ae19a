#!/usr/bin/env bash
# The browser tests: installs what they need (Debian's chromium, playwright-core from npm), then runs every
# *.test.mjs here, one file at a time, each against its own target/tally.jar. Needs RabbitMQ on 127.0.0.1:5672,
# like the integration tests.
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "no $CHROMIUM: installing Debian's chromium"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  # another apt or dpkg run (unattended upgrades, a parallel install) holds the lock: wait for it
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium > /dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
# one file at a time: each starts a JVM of its own
exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
