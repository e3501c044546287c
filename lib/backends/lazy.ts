import { checkBindingVersions } from './runtime';
import { ChoreoRedisError } from '../plan/errors';

/**
 * A module loaded on first call and kept from then on: for the provider modules of optional features, so that
 * data stores without the feature never load them. Wrap the deep `require` of the module, with its
 * `typeof import(...)` type, and call the result where the feature is rendered:
 * `const endpoint = lazyModule(() => require('<provider>/lib/<resource>') as typeof import('<provider>/lib/<resource>'))`,
 * then `new (endpoint().Resource)(scope, id, config)`.
 */
export function lazyModule<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/**
 * `lazyModule` for a module of an optional peer package that a feature needs: when the package is not installed,
 * the library's `ProviderNotInstalled` error names it and the `npm install` line, instead of a bare
 * MODULE_NOT_FOUND; when another version is installed, `UnsupportedVersion` (see `checkBindingVersions`).
 *
 * @param packageSpec the package and its pinned version, such as `@cdktf/provider-random@12.0.1`
 * @param neededBy what needs it, such as `access.rotation on Aiven for Valkey`
 */
export function lazyPackageModule<T>(packageSpec: string, neededBy: string, load: () => T): () => T {
  const module = lazyModule(load);
  const name = packageSpec.replace(/@[^@/]*$/, '');
  return () => {
    checkBindingVersions({ [name]: packageSpec.slice(name.length + 1) }, neededBy);
    try {
      return module();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
      throw new ChoreoRedisError('ProviderNotInstalled', `${neededBy} needs the npm package ${name}, which is not installed; run "npm install -E ${packageSpec}".`);
    }
  };
}
