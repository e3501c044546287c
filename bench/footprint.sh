#!/usr/bin/env bash
# Footprint of a consumer: packs this library (compiled with jsii in a scratch copy, never in the worktree),
# installs it with only the peer dependencies a consumer needs, and measures node_modules and a cold import.
#   bash bench/footprint.sh [aws|all|none ...]   (default: aws all none)
# Needs the npm registry. Writes nothing into the repository.
set -euo pipefail
trap 'rm -rf "$work"' EXIT
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/choreo-footprint-XXXXXX)"
runs="${RUNS:-5}"
consumers=("$@"); [ ${#consumers[@]} -gt 0 ] || consumers=(aws all none)

peer() { node -p "require('$root/package.json').peerDependencies['$1']"; }

echo "== compiling and packing in $work/src"
mkdir -p "$work/src"
(cd "$root" && git ls-files -co --exclude-standard | grep -v '^node_modules' | tar -cf - -T -) | tar -xf - -C "$work/src"
ln -s "$(readlink -f "$root/node_modules")" "$work/src/node_modules"
printf '/bench/\n' >> "$work/src/.npmignore"
(cd "$work/src" && npx jsii --silence-warnings=reserved-word >/dev/null 2>&1 && npm pack --silent --pack-destination "$work" >/dev/null)
echo "packed files: $(tar -tzf "$work"/*.tgz | grep -c .), of them under bench/: $(tar -tzf "$work"/*.tgz | grep -c "^package/bench/" || true)"
tarball="$(ls "$work"/*.tgz)"
echo "package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB packed"

node -r ts-node/register/transpile-only "$root/bench/footprint-spec.ts" > "$work/spec.json"
echo "backends: $(node -p "require('$work/spec.json').map((b) => b.factory).join(', ')")"

cat > "$work/consumer.js" <<'JS'
// One cold import, as a consumer pays it: the library, then one data store per backend, each built with its
// factory and the matrix app's example props and rendered, which loads that backend's provider modules.
// With "direct": cdktf and the same provider modules (recorded by a library run) required directly.
const { performance } = require('perf_hooks');
const { readFileSync, writeFileSync, existsSync } = require('fs');
const { join } = require('path');
const [mode, how] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(join(__dirname, '..', 'spec.json'), 'utf8'));
const wanted = mode === 'all' ? spec : mode === 'aws' ? spec.filter((b) => b.cloud === 'aws').slice(0, 1) : [];
const modulesFile = join(__dirname, 'modules.json');
const start = performance.now();
if (how === 'direct') {
  require('cdktf');
  (existsSync(modulesFile) ? JSON.parse(readFileSync(modulesFile, 'utf8')) : []).forEach((m) => require(m));
  const totalMs = performance.now() - start;
  console.log(JSON.stringify({ entryMs: totalMs, totalMs, rssMib: process.resourceUsage().maxRSS / 1024, called: [], errors: {}, providers: [] }));
  process.exit(0);
}
const lib = require('cdktf-choreo-redis');
const { App, TerraformStack } = require('cdktf');
const entryMs = performance.now() - start;
const stack = new TerraformStack(new App({ outdir: join(__dirname, 'out') }), 'footprint');
const called = []; const errors = {};
for (const backend of wanted) {
  try {
    new lib.ChoreoRedis(stack, backend.id, { plan: lib.ServicePlan.BUSINESS, backend: lib.RedisBackend[backend.factory](backend.props) });
    called.push(backend.factory);
  } catch (e) { errors[backend.factory] = `${e.code ?? ''} ${e.message}`; }
}
const totalMs = performance.now() - start;
const loaded = Object.keys(require.cache).filter((p) => /node_modules\/@cdktf\/provider-[a-z]+\//.test(p));
writeFileSync(modulesFile, JSON.stringify(loaded));
const providers = [...new Set(loaded.map((p) => /node_modules\/(@cdktf\/provider-[a-z]+)\//.exec(p)[1]))].sort();
let missing;
if (mode === 'none' && spec.length > 0) {
  try { new lib.ChoreoRedis(stack, 'missing', { plan: lib.ServicePlan.BUSINESS, backend: lib.RedisBackend[spec[0].factory](spec[0].props) }); } catch (e) { missing = `${e.code}: ${e.message}`; }
}
console.log(JSON.stringify({ entryMs, totalMs, rssMib: process.resourceUsage().maxRSS / 1024, called, errors, providers, missing }));
JS

for consumer in "${consumers[@]}"; do
  dir="$work/$consumer"; mkdir -p "$dir"
  deps=("cdktf@$(peer cdktf)" "constructs@$(peer constructs)")
  # The packages the consumer's backends name in their definitions (spec.json).
  while read -r dep; do [ -n "$dep" ] && deps+=("$dep"); done < <(node -e '
    const spec = require(process.argv[1]); const mode = process.argv[2];
    const wanted = mode === "all" ? spec : mode === "aws" ? spec.filter((b) => b.cloud === "aws").slice(0, 1) : [];
    const packages = Object.assign({}, ...wanted.map((b) => b.packages));
    console.log(Object.entries(packages).map(([name, version]) => `${name}@${version}`).join("\n"));
  ' "$work/spec.json" "$consumer")
  echo "== consumer $consumer: npm install ${deps[*]} + the package"
  (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "$tarball" "${deps[@]}" >/dev/null)
  echo "node_modules: $(du -sm "$dir/node_modules" | cut -f1) MiB ($(du -sm "$dir/node_modules/cdktf-choreo-redis" | cut -f1) MiB the package itself)"
  { du -sm "$dir"/node_modules/@cdktf/* "$dir"/node_modules/cdktf "$dir"/node_modules/constructs 2>/dev/null || true; } | sed "s#$dir/node_modules/##" | sort -rn | sed 's/^/  /'
  cp "$work/consumer.js" "$dir/"
  node "$dir/consumer.js" "$consumer" >/dev/null # warm the file cache, and record the provider modules loaded
done

# Cold imports, consumers interleaved so that other load on the machine spreads over all of them alike.
for _ in $(seq "$runs"); do
  for consumer in "${consumers[@]}"; do
    node "$work/$consumer/consumer.js" "$consumer" >> "$work/$consumer/runs.jsonl"
    node "$work/$consumer/consumer.js" "$consumer" direct >> "$work/$consumer/direct.jsonl"
  done
done
for consumer in "${consumers[@]}"; do
  echo "== consumer $consumer"
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const med = (k) => { const v = runs.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
    const spread = (k) => { const v = runs.map((r) => r[k]); return `${Math.min(...v).toFixed(0)}-${Math.max(...v).toFixed(0)}`; };
    const r = runs[0];
    console.log(`cold import (median of ${runs.length}): entry point ${med("entryMs").toFixed(0)} ms (${spread("entryMs")}), with factories ${med("totalMs").toFixed(0)} ms (${spread("totalMs")}), peak RSS ${med("rssMib").toFixed(0)} MiB`);
    console.log(`data stores rendered: ${r.called.join(", ") || "none"}; provider packages loaded: ${r.providers.join(", ") || "none"}`);
    if (Object.keys(r.errors).length) console.log("errors: " + JSON.stringify(r.errors));
    if (r.missing) console.log("without the provider: " + r.missing);
  ' "$work/$consumer/runs.jsonl"
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const v = runs.map((r) => r.totalMs).sort((a, b) => a - b);
    console.log(`for comparison, cdktf and the same provider modules required directly: ${v[Math.floor(v.length / 2)].toFixed(0)} ms (${v[0].toFixed(0)}-${v[v.length - 1].toFixed(0)})`);
  ' "$work/$consumer/direct.jsonl"
done
