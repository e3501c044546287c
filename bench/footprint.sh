#!/usr/bin/env bash
# Footprint of a consumer: packs this library (compiled with jsii in a scratch copy, never in the worktree),
# installs it with only the peer dependencies a consumer needs, and measures node_modules and a cold import.
#   bash bench/footprint.sh [aws|all|none ...]   (default: aws all none)
# Needs the npm registry. Writes nothing into the repository.
set -euo pipefail
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
(cd "$work/src" && npx jsii --silence-warnings=reserved-word >/dev/null && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
echo "package: $(basename "$tarball"), $(du -k "$tarball" | cut -f1) KiB packed"

cat > "$work/consumer.js" <<'JS'
// One cold import, as a consumer pays it: the library, the providers' own modules, one factory per backend.
const { performance } = require('perf_hooks');
const start = performance.now();
const lib = require('cdktf-choreo-redis');
const entryMs = performance.now() - start;
const factories = {
  elastiCache: () => lib.RedisBackend.elastiCache({ region: 'eu-west-1', vpcId: 'vpc-0123', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] }),
  azureManagedRedis: () => lib.RedisBackend.azureManagedRedis({ location: 'westeurope' }),
  memorystore: () => lib.RedisBackend.memorystore({ project: 'p', region: 'europe-west1', authorizedNetwork: 'projects/p/global/networks/default' }),
  memorystoreValkey: () => lib.RedisBackend.memorystoreValkey({ project: 'p', region: 'europe-west1', network: 'projects/p/global/networks/default' }),
  digitalOceanValkey: () => lib.RedisBackend.digitalOceanValkey({ region: 'fra1' }),
};
const wanted = process.argv[2] === 'all' ? Object.keys(factories) : process.argv[2] === 'aws' ? ['elastiCache'] : [];
const called = []; const errors = {};
for (const name of wanted) {
  if (typeof lib.RedisBackend[name] !== 'function') continue;
  try { factories[name](); called.push(name); } catch (e) { errors[name] = `${e.code ?? ''} ${e.message}`; }
}
const totalMs = performance.now() - start;
const providers = [...new Set(Object.keys(require.cache).map((p) => /node_modules\/(@cdktf\/provider-[a-z]+)\//.exec(p)?.[1]).filter(Boolean))].sort();
let missing;
if (process.argv[2] === 'none') {
  try { factories.elastiCache(); } catch (e) { missing = `${e.code}: ${e.message}`; }
}
console.log(JSON.stringify({ entryMs, totalMs, rssMib: process.resourceUsage().maxRSS / 1024, called, errors, providers, missing }));
JS

for consumer in "${consumers[@]}"; do
  dir="$work/$consumer"; mkdir -p "$dir"
  deps=("cdktf@$(peer cdktf)" "constructs@$(peer constructs)")
  case "$consumer" in
    aws) deps+=("@cdktf/provider-aws@$(peer @cdktf/provider-aws)" "@cdktf/provider-random@$(peer @cdktf/provider-random)") ;;
    all) for p in aws azurerm google digitalocean random; do deps+=("@cdktf/provider-$p@$(peer "@cdktf/provider-$p")"); done ;;
    none) ;;
  esac
  echo "== consumer $consumer: npm install ${deps[*]} + the package"
  (cd "$dir" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "$tarball" "${deps[@]}" >/dev/null)
  echo "node_modules: $(du -sm "$dir/node_modules" | cut -f1) MiB ($(du -sm "$dir/node_modules/cdktf-choreo-redis" | cut -f1) MiB the package itself)"
  du -sm "$dir"/node_modules/@cdktf/* "$dir"/node_modules/cdktf "$dir"/node_modules/constructs 2>/dev/null | sed "s#$dir/node_modules/##" | sort -rn | sed 's/^/  /'
  cp "$work/consumer.js" "$dir/"
  node "$dir/consumer.js" "$consumer" >/dev/null # warm the file cache
  for _ in $(seq "$runs"); do node "$dir/consumer.js" "$consumer"; done > "$dir/runs.jsonl"
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const med = (k) => { const v = runs.map((r) => r[k]).sort((a, b) => a - b); return v[v.length >> 1]; };
    const spread = (k) => { const v = runs.map((r) => r[k]); return `${Math.min(...v).toFixed(0)}-${Math.max(...v).toFixed(0)}`; };
    const r = runs[0];
    console.log(`cold import (median of ${runs.length}): entry point ${med("entryMs").toFixed(0)} ms (${spread("entryMs")}), with factories ${med("totalMs").toFixed(0)} ms (${spread("totalMs")}), peak RSS ${med("rssMib").toFixed(0)} MiB`);
    console.log(`factories called: ${r.called.join(", ") || "none"}; provider packages loaded: ${r.providers.join(", ") || "none"}`);
    if (Object.keys(r.errors).length) console.log("factory errors: " + JSON.stringify(r.errors));
    if (r.missing) console.log("without the provider: " + r.missing);
  ' "$dir/runs.jsonl"
done
rm -rf "$work"
