// Loads the lane's TypeScript (and the library and harness code the plan-change walk renders with) through swc, as
// jest does, rather than through ts-node's TypeScript transpiler: several seconds less at start-up. No type-check
// here: `npm test` runs tsc.
const { readFileSync } = require('fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
