#!/usr/bin/env bash
# The public API must compile with jsii (so it can be published for every jsii language), and API.md must be
# what jsii-docgen makes of it. jsii writes JavaScript next to the sources; it is removed again afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=$(mktemp --suffix=.md)
trap 'rm -f "$generated"; find lib -name "*.js" -delete; find lib -name "*.d.ts" -delete; rm -f .jsii tsconfig.tsbuildinfo' EXIT
npx jsii --silence-warnings=reserved-word
npx jsii-docgen -o "$generated"
if ! cmp -s API.md "$generated"; then
  echo "API.md does not match the code: run 'npx projen build' (or this script's two commands) and commit API.md." >&2
  diff -u API.md "$generated" | head -40 >&2
  exit 1
fi
echo "jsii compiles the public API, and API.md is current."
