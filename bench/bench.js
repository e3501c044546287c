#!/usr/bin/env node
// `npm run bench`: compiles lib/, examples/ and bench/ to JavaScript in a temporary directory with
// @swc/core, then runs the compiled bench/run.js. Library and baselines are measured as plain JavaScript,
// so neither pays for transpiling TypeScript at run time. `--keep` keeps the compiled directory.
'use strict';
const { transformFileSync } = require('@swc/core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-bench-'));

function compile(dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      compile(rel);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const { code } = transformFileSync(path.join(root, rel), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: false,
        swcrc: false,
      });
      const target = path.join(out, rel.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
    }
  }
}

['lib', 'examples', 'bench'].forEach(compile);
fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(out, 'node_modules'), 'dir');
if (process.argv.includes('--keep')) {
  console.log(`compiled into ${out} (kept)`);
} else {
  process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
}
require(path.join(out, 'bench', 'run.js'));
