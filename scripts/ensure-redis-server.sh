#!/usr/bin/env bash
# The real-Redis tests need Debian's redis-server and redis-tools. Install them when missing (as root,
# through apt); otherwise fail and say how, rather than let the suite skip them.
set -euo pipefail
if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing redis-server and redis-tools for the real-Redis tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools >/dev/null
  # Debian's package starts a system service on port 6379; the tests start their own servers.
  (service redis-server stop || true) >/dev/null 2>&1
  exit 0
fi
echo "redis-server and redis-cli are required for the tests: run 'sudo apt-get install -y redis-server redis-tools'." >&2
exit 1
