/**
 * The run-time environment a data store is rendered in: the CDK that made the app, and the versions of cdktf and of
 * the provider bindings that are loaded. The library is tested with exact versions (the peer dependencies); a
 * binding of another version can name attributes differently, and one that lacks an attribute drops it without a
 * word (provider-aws 19 has no per-resource `region`, so a data store would land in the provider's default
 * region). Outside the tested versions, rendering stops with the versions installed and required.
 */
import { App } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ChoreoRedisError } from '../plan';

/** The cdktf version the library is built and tested with: its peer dependency, exactly. */
export const TESTED_CDKTF_VERSION = '0.21.0';

/** Reads an installed package's version as this library resolves the package, or undefined when it is not installed. */
export type VersionOf = (name: string) => string | undefined;

/** The version of `name` that `require` from this library loads. */
export const installedVersion: VersionOf = (name) => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's own manifest, as this library resolves it
    return (require(`${name}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
};

/** This library's own version, from its manifest: old prop names are accepted until the release that removes them. */
export function libraryVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the library's own manifest, two folders up from lib/backends
  return String((require('../../package.json') as { version?: string }).version ?? '0.0.0');
}

/** Versions already checked in this process, by package: each package is read once. */
const CHECKED = new Map<string, string | undefined>();

function versionOnce(name: string, versionOf: VersionOf): string | undefined {
  if (versionOf !== installedVersion) return versionOf(name);
  if (!CHECKED.has(name)) CHECKED.set(name, versionOf(name));
  return CHECKED.get(name);
}

/**
 * Checks that cdktf and the given provider bindings are the versions the library is tested with.
 *
 * @param packages the bindings a renderer loads, name to tested version
 * @param who what needs them, for the message, such as `RedisBackend.elastiCache()`
 * @throws ChoreoRedisError `UnsupportedVersion` naming the installed and the required versions
 */
export function checkBindingVersions(packages: Readonly<Record<string, string>>, who: string, versionOf: VersionOf = installedVersion): void {
  const required: Record<string, string> = { cdktf: TESTED_CDKTF_VERSION, ...packages };
  const wrong = Object.entries(required)
    .map(([name, version]) => ({ name, version, installed: versionOnce(name, versionOf) }))
    .filter((p) => p.installed !== undefined && p.installed !== p.version);
  if (wrong.length === 0) return;
  const install = Object.entries(required).map(([name, version]) => `${name}@${version}`).join(' ');
  throw new ChoreoRedisError('UnsupportedVersion',
    `${who} is tested with ${wrong.map((p) => `${p.name} ${p.version}`).join(' and ')}, but ${wrong.map((p) => `${p.installed}`).join(' and ')} `
    + `${wrong.length === 1 ? 'is' : 'are'} installed; other versions name attributes differently, and one that lacks an attribute drops it `
    + '(provider-aws 19 has no per-resource region, so a data store would land in the provider\'s default region). Install the tested versions: '
    + `npm install -E ${install}. A project whose .npmrc sets legacy-peer-deps gets no warning from npm about this.`);
}

/**
 * Checks that the app was made by the cdktf this library loads: an app of CDK Terrain (`cdktn`), a fork with its own
 * classes, or of another copy of cdktf, shares no classes with it, and fails later inside the other CDK with a
 * TypeError.
 *
 * @throws ChoreoRedisError `UnsupportedCdk`
 */
export function checkSameCdk(scope: IConstruct, cdktfVersion: string | undefined = installedVersion('cdktf')): void {
  const root = scope.node.root;
  if (root instanceof App || !App.isApp(root)) return;
  const version = String(root.node.tryGetContext('cdktfVersion') ?? 'unknown');
  const cdktn = loadedFrom(root.constructor, 'cdktn');
  throw new ChoreoRedisError('UnsupportedCdk', cdktn
    ? `${scope.node.path} is in an app of CDK Terrain (cdktn ${version}); this library is built on CDK for Terraform (cdktf ${cdktfVersion ?? TESTED_CDKTF_VERSION}) `
      + 'and its provider bindings (@cdktf/provider-*), whose classes cdktn does not share. Use it in a cdktf app (App and TerraformStack from "cdktf"); '
      + 'cdktn is not supported.'
    : `${scope.node.path} is in an app made by another copy of cdktf (${version}) than the one this library loads (${cdktfVersion ?? 'unknown'}); `
      + `the two share no classes. Install one cdktf for the whole project: npm install -E cdktf@${TESTED_CDKTF_VERSION}, then npm dedupe.`);
}

/** Whether `constructor` was loaded from a file of the npm package `name`. */
function loadedFrom(constructor: unknown, name: string): boolean {
  const pattern = new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`);
  return Object.values(require.cache).some((module) => module !== undefined && pattern.test(module.filename)
    && Object.values((module.exports ?? {}) as Record<string, unknown>).includes(constructor));
}
