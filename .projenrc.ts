import { cdktf, javascript } from 'projen';

const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-choreo-redis',
  description:
    'Choreo-managed Redis service plans (Hobbyist, Startup, Business, Premium) as one CDK for Terraform construct over ElastiCache, Azure Managed Redis, Memorystore, DigitalOcean Managed Valkey and Aiven for Valkey.',
  author: 'cdktf-choreo-redis contributors',
  authorAddress: 'cdktf-choreo-redis@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdktf-choreo-redis/cdktf-choreo-redis.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  cdktfVersion: '0.21.0',
  constructsVersion: '^10.4.2',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.3',
  srcdir: 'lib',
  libdir: 'lib',
  testdir: 'test',
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  prettier: false,
  stability: 'experimental',
  minNodeVersion: '20.0.0',
  keywords: ['cdktf', 'terraform', 'redis', 'valkey', 'elasticache', 'memorystore', 'azure-managed-redis', 'digitalocean', 'aiven'],
  peerDeps: [
    '@cdktf/provider-aws@21.22.1',
    '@cdktf/provider-azurerm@14.23.1',
    '@cdktf/provider-google@16.12.1',
    '@cdktf/provider-digitalocean@13.14.1',
    '@cdktf/provider-random@12.0.1',
    '@cdktf/provider-kubernetes@12.1.1',
  ],
  devDeps: [
    '@types/node@^20',
    '@swc/core',
    '@swc/jest',
    'cdktf-cli@0.21.0',
    'fast-check',
    '@grpc/grpc-js',
    '@grpc/proto-loader',
    '@msgpack/msgpack',
  ],
  bundledDeps: ['ioredis'],
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  },
});

project.package.file.addOverride('peerDependenciesMeta', {
  '@cdktf/provider-aws': { optional: true },
  '@cdktf/provider-azurerm': { optional: true },
  '@cdktf/provider-google': { optional: true },
  '@cdktf/provider-digitalocean': { optional: true },
  '@cdktf/provider-random': { optional: true },
  '@cdktf/provider-kubernetes': { optional: true },
});

// Tests run through @swc/jest (fast, no type-check); `tsc -p tsconfig.dev.json` type-checks instead.
project.deps.removeDependency('ts-jest');
const jestConfig = project.package.file;
jestConfig.addOverride('jest.transform', {
  '^.+\\.[t]sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
});
// Each backend folder's harness/ holds that backend's tests beside its code.
jestConfig.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts', '<rootDir>/lib/backends/*/harness/*.test.ts']);
jestConfig.addOverride('jest.collectCoverage', false);
jestConfig.addOverride('jest.reporters', ['default']);
jestConfig.addOverride('jest.testTimeout', 60000);
// jest uses one worker fewer than the machine's cores: on the 2-core machines here that is one. Two workers
// run the suite in about two thirds of the time.
jestConfig.addOverride('jest.maxWorkers', 2);

// The pure plan layer may not depend on cdktf, constructs or any provider binding.
project.eslint?.addOverride({
  files: ['lib/plan/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'],
        message: 'lib/plan is pure: no cdktf, constructs or provider imports.',
      }],
    }],
  },
});
// A provider's root index costs seconds and over a gigabyte to load: deep imports only.
project.eslint?.addRules({
  'no-restricted-imports': ['error', {
    paths: ['@cdktf/provider-aws', '@cdktf/provider-azurerm', '@cdktf/provider-google', '@cdktf/provider-digitalocean', '@cdktf/provider-random', '@cdktf/provider-kubernetes']
      .map((name) => ({ name, message: `Import a deep module such as ${name}/lib/provider instead of the root index.` })),
  }],
});
project.eslint?.addLintPattern('examples');
// A backend's harness/ (its tests, matrix entry, change scenarios, arbitrary, provider rules and bench baseline)
// is development code: jsii does not compile it and the package does not ship it.
project.tsconfig?.addExclude('lib/backends/*/harness/**');
project.npmignore?.exclude('/lib/backends/*/harness/');
project.npmignore?.exclude('/lib/backends/tsconfig.json');
project.eslint?.addRules({
  'import/no-extraneous-dependencies': ['error', {
    devDependencies: ['**/test/**', '**/harness/**', '**/build-tools/**', '.projenrc.ts', 'projenrc/**/*.ts'],
    optionalDependencies: false,
    peerDependencies: true,
  }],
});
project.eslint?.addLintPattern('scripts');

project.gitignore.exclude('cdktf.out/', '.gen/', '/examples/**/*.js', '/examples/**/*.d.ts', '/scripts/**/*.js', '/test/**/*.js', '/test/**/*.d.ts', 'imports/', '.terraform/');
project.npmignore?.exclude('/examples/', '/scripts/', 'cdktf.json', 'tsconfig.dev.json', '/.ci/', 'cdktf.out/');

project.addTask('typecheck', {
  description: 'Type-check the library, tests, examples and scripts',
  exec: 'tsc -p tsconfig.dev.json',
});
project.testTask.reset();
project.testTask.exec('bash scripts/ensure-redis-server.sh');
// The type-check, ESLint and jest run side by side (scripts/test.sh); arguments go to jest.
project.testTask.exec('bash scripts/test.sh', { receiveArgs: true });

project.addTask('synth', {
  description: 'Synthesize the example apps into cdktf.out/stacks with cdktf synth',
  env: { CHECKPOINT_DISABLE: '1', TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_PREFER_TS_EXTS: 'true' },
  exec: 'cdktf synth --output cdktf.out',
});

// `npm run terraform:check -- <cdktf.out directory>`: the real Terraform core over every synthesized stack, offline,
// against stand-in providers, then the plan-change walk (test/terraform/). `-- --self-test` runs its planted faults.
project.addTask('terraform:check', {
  description: 'Run Terraform init, validate, plan, apply and a re-plan over every synthesized stack, offline, then the plan-change walk',
  env: { CHECKPOINT_DISABLE: '1' },
  exec: 'node --require ./test/terraform/swc-register.cjs test/terraform/check.ts',
  receiveArgs: true,
});

project.addTask('docs:matrix', {
  description: 'Regenerate the generated blocks of docs/ (plans, conformance, changes, lifecycle, alerts, access, adoption) and CHANGELOG.md from the code',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_PREFER_TS_EXTS: 'true' },
  exec: 'node --require ts-node/register/transpile-only scripts/plan-matrix.ts',
});

project.addTask('api:check', {
  description: 'Compile the public API with jsii and check that API.md is current',
  exec: 'bash scripts/check-api.sh',
});

// `npm run bench`: the library against hand-written cdktf baselines (README "Performance").
project.addTask('bench', {
  description: 'Benchmark synth time, peak RSS and cold import against hand-written cdktf baselines (bench/)',
  exec: 'node bench/bench.js',
  receiveArgs: true,
});
project.eslint?.addLintPattern('bench');
project.npmignore?.exclude('/bench/');

// `npx choreo-redis verify ...` checks a deployed data store against its plan.
project.addBins({ 'choreo-redis': 'bin/choreo-redis' });
project.npmignore?.include('/bin/');

// The package holds compiled JavaScript, declarations and the .jsii assembly, never the TypeScript sources:
// a consumer's tsc prefers a .ts file over its .d.ts, and would type-check the library under the consumer's
// own compiler options and against every cloud's bindings. docs/ is read in the repository, as README links it;
// CHANGELOG.md ships with the package, for whoever upgrades it, and CONTRIBUTING.md stays in the repository.
// `npm pack` writes its tarball into the project: the next pack would otherwise ship it inside the new one.
project.npmignore?.exclude('/lib/**/*.ts', 'tsconfig.tsbuildinfo', '/docs/', '/CONTRIBUTING.md', '*.tgz');
project.npmignore?.include('/lib/**/*.d.ts');
// `npm pack` on an uncompiled clone would ship no JavaScript: stop and say what to run.
project.package.setScript('prepack', 'bash scripts/check-packable.sh');
// The consumer project is built against the packed library by scripts/consumer-test.sh, not by this project.
project.eslint?.addIgnorePattern('examples/consumer/');

project.synth();
