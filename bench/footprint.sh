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

cat > "$work/consumer.js" <<'JS'
// One cold import, as a consumer pays it: the library, then one factory per backend (each loads its
// provider modules). With "direct": cdktf and the same provider modules required directly, for comparison.
const { performance } = require('perf_hooks');
const [mode, how] = process.argv.slice(2);
const start = performance.now();
if (how === 'direct') {
  // The provider modules the backends load for the matrix app's data stores.
  const modules = {
    aws: ['aws/lib/elasticache-replication-group', 'aws/lib/elasticache-subnet-group', 'aws/lib/elasticache-user',
      'aws/lib/elasticache-user-group', 'aws/lib/security-group', 'aws/lib/vpc-security-group-ingress-rule', 'random/lib/password'],
    azure: ['azurerm/lib/managed-redis', 'azurerm/lib/resource-group', 'azurerm/lib/storage-account', 'azurerm/lib/storage-container',
      'azurerm/lib/storage-management-policy', 'azurerm/lib/logic-app-workflow', 'azurerm/lib/logic-app-trigger-recurrence',
      'azurerm/lib/logic-app-action-custom', 'azurerm/lib/role-definition', 'azurerm/lib/role-assignment'],
    gcp: ['google/lib/redis-instance', 'google/lib/cloud-scheduler-job', 'google/lib/project-iam-custom-role', 'google/lib/project-iam-member',
      'google/lib/service-account', 'google/lib/storage-bucket', 'google/lib/storage-bucket-iam-member', 'google/lib/memorystore-instance',
      'google/lib/data-google-client-config'],
    digitalocean: ['digitalocean/lib/database-cluster', 'digitalocean/lib/database-firewall', 'digitalocean/lib/database-valkey-config'],
  };
  require('cdktf');
  const clouds = mode === 'all' ? Object.keys(modules) : mode === 'aws' ? ['aws'] : [];
  clouds.forEach((cloud) => modules[cloud].forEach((m) => require(`@cdktf/provider-${m}`)));
  const totalMs = performance.now() - start;
  console.log(JSON.stringify({ entryMs: totalMs, totalMs, rssMib: process.resourceUsage().maxRSS / 1024, called: [], errors: {}, providers: [] }));
  process.exit(0);
}
const lib = require('cdktf-choreo-redis');
const entryMs = performance.now() - start;
const factories = {
  elastiCache: () => lib.RedisBackend.elastiCache({ region: 'eu-west-1', vpcId: 'vpc-0123', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] }),
  azureManagedRedis: () => lib.RedisBackend.azureManagedRedis({ location: 'westeurope' }),
  memorystore: () => lib.RedisBackend.memorystore({ project: 'example-project', region: 'europe-west1', authorizedNetwork: 'projects/example-project/global/networks/default' }),
  memorystoreValkey: () => lib.RedisBackend.memorystoreValkey({ project: 'example-project', region: 'europe-west1', network: 'projects/example-project/global/networks/default' }),
  digitalOceanValkey: () => lib.RedisBackend.digitalOceanValkey({ region: 'fra1' }),
};
const wanted = mode === 'all' ? Object.keys(factories) : mode === 'aws' ? ['elastiCache'] : [];
const called = []; const errors = {};
for (const name of wanted) {
  if (typeof lib.RedisBackend[name] !== 'function') continue;
  try { factories[name](); called.push(name); } catch (e) { errors[name] = `${e.code ?? ''} ${e.message}`; }
}
const totalMs = performance.now() - start;
const providers = [...new Set(Object.keys(require.cache).map((p) => /node_modules\/(@cdktf\/provider-[a-z]+)\//.exec(p)?.[1]).filter(Boolean))].sort();
let missing;
if (mode === 'none') {
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
  { du -sm "$dir"/node_modules/@cdktf/* "$dir"/node_modules/cdktf "$dir"/node_modules/constructs 2>/dev/null || true; } | sed "s#$dir/node_modules/##" | sort -rn | sed 's/^/  /'
  cp "$work/consumer.js" "$dir/"
  node "$dir/consumer.js" "$consumer" >/dev/null # warm the file cache
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
    console.log(`factories called: ${r.called.join(", ") || "none"}; provider packages loaded: ${r.providers.join(", ") || "none"}`);
    if (Object.keys(r.errors).length) console.log("factory errors: " + JSON.stringify(r.errors));
    if (r.missing) console.log("without the provider: " + r.missing);
  ' "$work/$consumer/runs.jsonl"
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const v = runs.map((r) => r.totalMs).sort((a, b) => a - b);
    console.log(`for comparison, cdktf and the same provider modules required directly: ${v[Math.floor(v.length / 2)].toFixed(0)} ms (${v[0].toFixed(0)}-${v[v.length - 1].toFixed(0)})`);
  ' "$work/$consumer/direct.jsonl"
done
