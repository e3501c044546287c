#!/usr/bin/env bash
# Runs before `npm pack` and `npm publish` (the package's prepack script). The package ships what jsii
# compiles (JavaScript, declarations, the .jsii assembly) and no TypeScript sources, so packing a clone that
# was not compiled, or whose sources changed after the last compile, would ship no code or stale code.
# It checks rather than compiles: `npx projen build` and `npx projen package` have compiled just before.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node - <<'EOF'
const { existsSync, statSync } = require('fs');
const { relative } = require('path');
const ts = require('typescript');

const fail = (problem) => {
  console.error(`cdktf-choreo-redis: cannot pack: ${problem}; run 'npx projen compile' (jsii) first, then pack again.`);
  process.exit(1);
};
const list = (files) => files.slice(0, 5).map((file) => relative('.', file)).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');

if (!existsSync('.jsii')) fail('.jsii is missing, so the package would hold no compiled code');
// The sources jsii compiles: what tsconfig.json includes and does not exclude.
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
});
const sources = config.fileNames.filter((file) => !file.endsWith('.d.ts'));
const uncompiled = sources.filter((file) => !existsSync(file.replace(/\.ts$/, '.js')));
if (uncompiled.length > 0) fail(`no compiled JavaScript for ${list(uncompiled)}`);
const compiledAt = statSync('.jsii').mtimeMs;
const changed = sources.filter((file) => statSync(file).mtimeMs > compiledAt);
if (changed.length > 0) fail(`${list(changed)} changed after the last compile`);
EOF
