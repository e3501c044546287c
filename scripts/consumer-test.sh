#!/usr/bin/env bash
# The package as a consumer gets it: compile with jsii and pack, in a copy of this clone (the working tree
# keeps no compiled output); install the tarball into a new project made from examples/consumer with only
# cdktf, constructs and the AWS and random bindings; type-check it under the example's strict tsconfig
# (0 errors expected); synthesize it with `cdktf synth`, and find the ElastiCache replication group.
# Then follows the README's adoption steps in a second project on the same installation: its adoption example
# (the code block after `<!-- adoption-example`), type-checked and synthesized, must import the ElastiCache
# replication group and subnet group by the IDs its `adopt` prop names.
# Also checks that `npm pack` refuses an uncompiled clone, that the package holds no TypeScript sources,
# that the README's quick start is examples/consumer/main.ts, and that the packed bin runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/choreo-redis-consumer-XXXXXX")
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1
npm_flags=(--prefer-offline --no-audit --no-fund --loglevel=error)
fail() { echo "consumer-test: FAIL: $*" >&2; exit 1; }
step() { echo "consumer-test: $* ($SECONDS s)"; }

step "the README quick start is examples/consumer/main.ts"
quickstart=$(awk '/^## Quick start/ { section = 1; next } /^## / { section = 0 }
  section && /^```ts$/ { code = 1; next } section && code && /^```$/ { exit } section && code { print }' README.md)
diff <(echo "$quickstart") examples/consumer/main.ts >&2 || fail "the README's quick start differs from examples/consumer/main.ts (diff above)"

step "copy the clone's files (tracked and not ignored) to $work/src"
mkdir "$work/src"
git ls-files -z --cached --others --exclude-standard \
  | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$work/src"
ln -s "$root/node_modules" "$work/src/node_modules"
cd "$work/src"

step "npm pack refuses to pack before compiling"
if npm pack --dry-run >"$work/uncompiled.log" 2>&1; then fail "npm pack packed an uncompiled clone"; fi
grep -q "run 'npx projen compile'" "$work/uncompiled.log" || { cat "$work/uncompiled.log" >&2; fail "npm pack failed without saying to compile"; }

step "compile with jsii (npx projen compile)"
npx projen compile >"$work/compile.log" 2>&1 || { cat "$work/compile.log" >&2; fail "npx projen compile failed"; }

step "npm pack"
# npm packs the bundled dependencies (ioredis and its own) from node_modules, but not through a symbolic link:
# the copy's node_modules becomes a directory with copies of the entries the root's own pack would bundle
# (ioredis, @ioredis, ...) and links to all others.
bundled=$(cd "$root" && npm pack --dry-run --json --ignore-scripts --loglevel=error | node -e '
  const paths = JSON.parse(require("fs").readFileSync(0, "utf8"))[0].files.map((file) => file.path);
  console.log([...new Set(paths.map((path) => /^node_modules\/([^/]+)\//.exec(path)?.[1]).filter(Boolean))].join("\n"));')
rm node_modules
mkdir node_modules
for entry in "$root"/node_modules/* "$root"/node_modules/.bin; do
  if grep -qxF "$(basename "$entry")" <<<"$bundled"; then cp -r "$entry" node_modules/; else ln -s "$entry" node_modules/; fi
done
npm pack --pack-destination "$work" --json --loglevel=error >"$work/pack.json"
tarball=$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/pack.json")
node - "$work/pack.json" <<'EOF'
const [pack] = require(process.argv[2]);
const extension = (path) => /\.d\.ts$/.test(path) ? '.d.ts' : (/(\.[^./]+)$/.exec(path) ?? [, '(none)'])[1];
const count = (files) => Object.entries(files.reduce((counts, { path }) => {
  counts[extension(path)] = (counts[extension(path)] ?? 0) + 1;
  return counts;
}, {})).sort(([, a], [, b]) => b - a).map(([ext, n]) => `${ext} ${n}`).join(', ');
const own = pack.files.filter(({ path }) => !path.startsWith('node_modules/'));
const bundled = pack.files.filter(({ path }) => path.startsWith('node_modules/'));
console.log(`tarball ${pack.filename}: ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked, ${pack.files.length} files`);
console.log(`  the library's own ${own.length} files: ${count(own)}`);
console.log(`  bundled dependencies (${pack.bundled.join(', ')}), ${bundled.length} files: ${count(bundled)}`);
const problems = [];
const sources = own.filter(({ path }) => /\.ts$/.test(path) && !/\.d\.ts$/.test(path)).map(({ path }) => path);
if (sources.length > 0) problems.push(`TypeScript sources: ${sources.join(', ')}`);
for (const path of ['.jsii', 'lib/index.js', 'lib/index.d.ts', 'lib/verify/cli.js', 'bin/choreo-redis', 'README.md', 'CHANGELOG.md', 'LICENSE', 'API.md']) {
  if (!own.some((file) => file.path === path)) problems.push(`no ${path}`);
}
const strays = own.filter(({ path }) => !/^(lib\/|bin\/|\.jsii$|README\.md$|CHANGELOG\.md$|LICENSE$|API\.md$|package\.json$)/.test(path));
if (strays.length > 0) problems.push(`files outside the package's contents: ${strays.map(({ path }) => path).join(', ')}`);
if (problems.length > 0) {
  console.error(`consumer-test: FAIL: the tarball has ${problems.join('; ')}`);
  process.exit(1);
}
EOF

step "a new consumer from examples/consumer: npm install the tarball and the example's dependencies"
cd "$work"
cp -r "$root/examples/consumer" consumer
cd consumer
npm install "$work/$tarball" "${npm_flags[@]}"
for unwanted in @cdktf/provider-azurerm @cdktf/provider-google @cdktf/provider-digitalocean; do
  [ ! -e "node_modules/$unwanted" ] || fail "$unwanted was installed; a consumer of one cloud installs only that cloud's bindings"
done

step "npx tsc --noEmit -p . (strict, noUncheckedIndexedAccess, skipLibCheck), then with exactOptionalPropertyTypes"
# The example's tsconfig, which the README tells users to copy, leaves exactOptionalPropertyTypes off, so that an
# optional prop takes a value that may be undefined (kmsKey: process.env.KMS_KEY); the declarations must still
# type-check for a consumer who turns it on.
for flags in "" "--exactOptionalPropertyTypes"; do
  # shellcheck disable=SC2086 # $flags is one flag or none
  if ! npx tsc --noEmit -p . $flags >"$work/tsc.log" 2>&1; then
    cat "$work/tsc.log" >&2
    fail "tsc ${flags} reported $(grep -c 'error TS' "$work/tsc.log") error(s) in the consumer"
  fi
done
echo "tsc: 0 errors, with and without exactOptionalPropertyTypes"

step "CHECKPOINT_DISABLE=1 npx cdktf synth"
start=$(date +%s%N)
npx cdktf synth >"$work/synth.log" 2>&1 || { cat "$work/synth.log" >&2; fail "cdktf synth failed"; }
! grep '\[DeprecatedProp\]' "$work/synth.log" >&2 || fail "the quick start writes a prop under a deprecated name (above)"
echo "cdktf synth: $(( ($(date +%s%N) - start) / 1000000 )) ms"
node - cdktf.out/stacks/cache/cdk.tf.json <<'EOF'
const stack = require(require('path').resolve(process.argv[2]));
const groups = Object.keys(stack.resource?.aws_elasticache_replication_group ?? {});
if (groups.length !== 1) {
  console.error(`consumer-test: FAIL: expected one aws_elasticache_replication_group in ${process.argv[2]}, found ${groups.length}`);
  process.exit(1);
}
console.log(`synthesized: aws_elasticache_replication_group.${groups[0]}, outputs ${Object.keys(stack.output ?? {}).join(', ')}`);
EOF

step "the README's adoption example, in a new project beside the consumer: tsc, then cdktf synth"
adoption=$(awk '/<!-- adoption-example/ { marked = 1; next } marked && /^ *```ts$/ { code = 1; next }
  code && /^ *```$/ { exit } code { sub(/^   /, ""); print }' "$root/README.md")
[ -n "$adoption" ] || fail "the README has no TypeScript block after its <!-- adoption-example --> marker"
mkdir "$work/adopt"
cp cdktf.json tsconfig.json package.json "$work/adopt/"
ln -s "$work/consumer/node_modules" "$work/adopt/node_modules"
printf '%s\n' "$adoption" >"$work/adopt/main.ts"
cd "$work/adopt"
if ! npx tsc --noEmit -p . >"$work/adopt-tsc.log" 2>&1; then
  cat "$work/adopt-tsc.log" >&2
  fail "tsc reported $(grep -c 'error TS' "$work/adopt-tsc.log") error(s) in the README's adoption example"
fi
npx cdktf synth >"$work/adopt-synth.log" 2>&1 || { cat "$work/adopt-synth.log" >&2; fail "cdktf synth failed on the README's adoption example"; }
! grep '\[DeprecatedProp\]' "$work/adopt-synth.log" >&2 || fail "the README's adoption example writes a prop under a deprecated name (above)"
# Every warning the example prints is named: a promise not kept in the README's adoption section, an adoption warning
# there or in docs/adoption.md.
section=$(awk '/^## Adopt an existing data store/ { on = 1; next } on && /^## / { exit } on' "$root/README.md")
for code in $(grep -o '\[[A-Za-z]*NotKept\]' "$work/adopt-synth.log" | tr -d '[]' | sort -u); do
  grep -q "\`$code\`" <<<"$section" || fail "the README's adoption example prints [$code], which its adoption section does not name"
done
pages="$section$(cat "$root/docs/adoption.md")"
for code in $(grep -o '\[Adopted[A-Za-z]*\]' "$work/adopt-synth.log" | tr -d '[]' | sort -u); do
  grep -q "\`$code\`" <<<"$pages" || fail "the adoption example prints [$code], which no adoption page names"
done
echo "warnings: $(grep -o '\[Adopted[A-Za-z]*\]' "$work/adopt-synth.log" | sort -u | tr '\n' ' ')"
node - main.ts cdktf.out/stacks <<'EOF'
const { readFileSync, readdirSync } = require('fs');
const { join } = require('path');
const fail = (message) => { console.error(`consumer-test: FAIL: the README's adoption example: ${message}`); process.exit(1); };
const source = readFileSync(process.argv[2], 'utf8');
const adopt = /adopt: \{ replicationGroupId: '([^']+)', subnetGroupName: '([^']+)' \}/.exec(source);
if (adopt === null) fail('no adopt: { replicationGroupId, subnetGroupName } in the example');
const stacks = readdirSync(process.argv[3]);
if (stacks.length !== 1) fail(`expected one stack, found ${stacks.join(', ') || 'none'}`);
const stack = JSON.parse(readFileSync(join(process.argv[3], stacks[0], 'cdk.tf.json'), 'utf8'));
const imports = stack.import ?? [];
const expected = [['aws_elasticache_replication_group', adopt[1], 'replication_group_id'], ['aws_elasticache_subnet_group', adopt[2], 'name']];
if (imports.length !== expected.length) fail(`expected ${expected.length} import blocks, found ${JSON.stringify(imports)}`);
for (const [type, id, nameAttribute] of expected) {
  const block = imports.find((i) => i.to.startsWith(`${type}.`));
  if (block === undefined) fail(`no import block for a ${type}`);
  if (block.id !== id) fail(`${block.to} is imported by "${block.id}", not the "${id}" the example's adopt names`);
  const resource = stack.resource?.[type]?.[block.to.slice(type.length + 1)];
  if (resource === undefined) fail(`the import block's target ${block.to} is not in the configuration`);
  if (resource[nameAttribute] !== id) fail(`${block.to} has ${nameAttribute} "${resource[nameAttribute]}", not the imported "${id}"`);
  console.log(`import { to = ${block.to}, id = "${block.id}" }`);
}
EOF

step "the packed bin runs without the sources (npx choreo-redis --help)"
cd "$work/consumer"
usage=$(npx --no-install choreo-redis --help) || fail "npx choreo-redis --help failed"
grep -q 'choreo-redis verify --plan' <<<"$usage" || fail "npx choreo-redis --help printed no usage: $usage"

step "passed"
