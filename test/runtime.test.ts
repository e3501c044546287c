/**
 * The environment a data store renders in: the versions of cdktf and the provider bindings the tests prove, and an
 * app of another CDK refused with the library's own error rather than a TypeError inside that CDK.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ChoreoRedis, RedisBackend, ServicePlan } from '../lib';
import { codeOf } from './util';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { TESTED_CDKTF_VERSION, checkBindingVersions, installedVersion } from '../lib/backends/runtime';

const PACKAGE = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The TypeScript sources under `dir`, the backends' harnesses left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'harness' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the versions the tests prove', () => {
  const tested = { cdktf: TESTED_CDKTF_VERSION, ...Object.assign({}, ...BACKEND_DEFINITIONS.map((d) => d.packages)) as Record<string, string> };

  test.each(Object.entries(tested))('%s %s is what the tests run with, and the peer dependency is exactly it', (name, version) => {
    expect(installedVersion(name)).toBe(version);
    expect(PACKAGE.peerDependencies[name]).toBe(version);
  });

  test('every provider binding the library names (a backend\'s, or an optional feature\'s) is a peer dependency of that exact version, and installed', () => {
    const named = new Map<string, string>(Object.entries(tested).filter(([name]) => name !== 'cdktf'));
    for (const file of sourceFiles(join(__dirname, '..', 'lib'))) {
      for (const [, name, version] of readFileSync(file, 'utf8').matchAll(/'(@cdktf\/provider-[a-z]+)@(\d+\.\d+\.\d+)'/g)) named.set(name, version);
    }
    const peers = Object.entries(PACKAGE.peerDependencies).filter(([name]) => name.startsWith('@cdktf/provider-'));
    expect(Object.fromEntries(peers)).toEqual(Object.fromEntries(named));
    for (const [name, version] of named) expect(installedVersion(name)).toBe(version);
  });

  test('the README\'s backend table names the same versions', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    for (const definition of BACKEND_DEFINITIONS) {
      const row = readme.split('\n').find((line) => line.startsWith('| ') && line.includes(`| \`${definition.factory}()\` |`));
      expect(row).toBeDefined();
      for (const [name, version] of Object.entries(definition.packages)) expect(row).toContain(`\`${name}@${version}\``);
    }
    expect(readme).toContain(`cdktf@${TESTED_CDKTF_VERSION}`);
  });
});

describe('checkBindingVersions', () => {
  const installed = (versions: Record<string, string>) => (name: string) => versions[name];

  test('passes the tested versions, and leaves a missing binding to the install hint', () => {
    expect(() => checkBindingVersions({ '@cdktf/provider-aws': '21.22.1' }, 'X', installed({ 'cdktf': '0.21.0', '@cdktf/provider-aws': '21.22.1' }))).not.toThrow();
    expect(() => checkBindingVersions({ '@cdktf/provider-aws': '21.22.1' }, 'X', installed({ cdktf: '0.21.0' }))).not.toThrow();
  });

  test('refuses cdktf 0.20 with provider-aws 19, naming the installed and the tested versions and the install line', () => {
    const check = () => checkBindingVersions({ '@cdktf/provider-aws': '21.22.1', '@cdktf/provider-random': '12.0.1' }, 'RedisBackend.elastiCache()',
      installed({ 'cdktf': '0.20.11', '@cdktf/provider-aws': '19.50.0', '@cdktf/provider-random': '12.0.1' }));
    expect(codeOf(check)).toBe('UnsupportedVersion');
    expect(check).toThrow('RedisBackend.elastiCache() is tested with cdktf 0.21.0 and @cdktf/provider-aws 21.22.1, but 0.20.11 and 19.50.0 are installed');
    expect(check).toThrow('npm install cdktf@0.21.0 @cdktf/provider-aws@21.22.1 @cdktf/provider-random@12.0.1');
  });

  test('a newer binding than the tested one is refused too', () => {
    expect(codeOf(() => checkBindingVersions({ '@cdktf/provider-azurerm': '14.23.1' }, 'X', installed({ 'cdktf': '0.21.0', '@cdktf/provider-azurerm': '14.24.0' }))))
      .toBe('UnsupportedVersion');
  });

  test('a data store renders only with the tested binding: provider-aws 19 loaded is refused at render, not dropped', () => {
    jest.isolateModules(() => {
      jest.doMock('@cdktf/provider-aws/package.json', () => ({ version: '19.50.0' }));
      /* eslint-disable @typescript-eslint/no-require-imports -- a fresh copy of the library that sees the mocked binding */
      const lib = require('../lib') as typeof import('../lib');
      const cdktf = require('cdktf') as typeof import('cdktf');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 'old');
      const backend = lib.RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] });
      const create = () => new lib.ChoreoRedis(stack, 'Redis', { plan: lib.ServicePlan.BUSINESS, backend });
      expect(create).toThrow('[UnsupportedVersion] RedisBackend.elastiCache() is tested with @cdktf/provider-aws 21.22.1, but 19.50.0 is installed');
    });
    jest.dontMock('@cdktf/provider-aws/package.json');
  });
  test('an optional feature\'s binding is checked when the feature loads it: a Kubernetes binding of another version is refused', () => {
    jest.isolateModules(() => {
      jest.doMock('@cdktf/provider-kubernetes/package.json', () => ({ version: '11.0.0' }));
      /* eslint-disable @typescript-eslint/no-require-imports -- a fresh copy of the library that sees the mocked binding */
      const lib = require('../lib') as typeof import('../lib');
      const cdktf = require('cdktf') as typeof import('cdktf');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 'old');
      const backend = lib.RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] });
      const secret = lib.CredentialSecret.kubernetes({ namespace: 'apps', readers: ['app'] });
      const create = () => new lib.ChoreoRedis(stack, 'Redis', { plan: lib.ServicePlan.BUSINESS, backend, access: { secret } });
      expect(create).toThrow('[UnsupportedVersion] CredentialSecret.kubernetes() is tested with @cdktf/provider-kubernetes 12.1.1, but 11.0.0 is installed');
    });
    jest.dontMock('@cdktf/provider-kubernetes/package.json');
  });
});

describe('an app of another CDK', () => {
  /** An App class like the one a package at `dir` exports: the same symbol and context as cdktf's, its own class. */
  function foreignApp(dir: string, version: string): Construct {
    const file = join(mkdtempSync(join(tmpdir(), 'choreo-cdk-')), ...dir.split('/'), 'app.js');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, [
      `const { Construct } = require(${JSON.stringify(require.resolve('constructs'))});`,
      'class App extends Construct {',
      '  constructor() {',
      '    super(undefined, "");',
      '    Object.defineProperty(this, Symbol.for("cdktf/App"), { value: true });',
      `    this.node.setContext("cdktfVersion", ${JSON.stringify(version)});`,
      '  }',
      '}',
      'module.exports = { App };',
    ].join('\n'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the other CDK's module would be
    const { App } = require(file) as { App: new () => Construct };
    return new App();
  }
  /** The message of the error a data store in `stack` fails with. */
  function errorIn(stack: TerraformStack): string {
    const backend = RedisBackend.elastiCache({ region: 'eu-west-1', network: 'vpc-1', subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'] });
    try {
      new ChoreoRedis(stack, 'Redis', { plan: ServicePlan.BUSINESS, backend });
    } catch (e) {
      return String((e as Error).message);
    }
    return 'no error';
  }

  test('a CDK Terrain (cdktn) app is refused with what is supported', () => {
    const message = errorIn(new TerraformStack(foreignApp('node_modules/cdktn/lib', '0.22.0'), 'cache'));
    expect(message).toContain('[UnsupportedCdk] cache/Redis is in an app of CDK Terrain (cdktn 0.22.0); this library is built on CDK for Terraform (cdktf 0.21.0)');
    expect(message).toContain('cdktn is not supported');
  });

  test('an app of a second copy of cdktf is refused with how to install one', () => {
    expect(errorIn(new TerraformStack(foreignApp('node_modules/other/node_modules/cdktf/lib', '0.20.0'), 'cache')))
      .toContain('[UnsupportedCdk] cache/Redis is in an app made by another copy of cdktf (0.20.0) than the one this library loads (0.21.0)');
  });
});
