import { Token } from 'cdktf';
import type { Construct } from 'constructs';
import { adoptedName, adoptionWarnings } from './adoption';
import { IRedisBackend } from './backend';
import { BackendDefinition, BackendNames, DataStoreDesign, Renderer } from './definition';
import { checkBindingVersions } from './runtime';
import { BackendAccess, BackendAlerts, ChangeTable, ChoreoRedisError, Cloud, DataStoreRequest, Failures, PlanWarning, validateRegion } from '../plan';

/**
 * Loads a renderer, whose provider bindings load with it, after checking that cdktf and the bindings are the
 * versions the library is tested with, and tells the user which package to install when a binding is missing.
 */
export function loadRenderer<S>(definition: Pick<BackendDefinition<unknown, S>, 'loadRenderer' | 'packages' | 'factory'>): Renderer<S> {
  checkBindingVersions(definition.packages, `RedisBackend.${definition.factory}()`);
  try {
    return definition.loadRenderer();
  } catch (e) {
    const missing = Object.keys(definition.packages).find((name) => (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND'
      && String((e as Error).message).includes(`'${name}/`));
    if (missing === undefined) throw e;
    const install = Object.entries(definition.packages).map(([name, version]) => `${name}@${version}`).join(' ');
    throw new ChoreoRedisError('ProviderNotInstalled',
      `RedisBackend.${definition.factory}() needs the npm package ${missing}, which is not installed; run "npm install -E ${install}".`);
  }
}

/**
 * A backend made of its definition: props are validated when the factory is called (their declared types first,
 * by the factory), before any data store uses them, and the renderer (with the provider bindings) loads only when a data store is rendered.
 */
export class DefinedBackend<P, S> implements IRedisBackend {
  public readonly cloud: Cloud;
  public readonly service: string;
  public readonly backendId: string;
  public readonly region: string;
  public readonly _nameScope: string;
  public readonly _changes: ChangeTable;
  public readonly _alerting: { readonly factory: string; readonly alerts?: BackendAlerts };
  public readonly _access: BackendAccess;

  /**
   * @param _props the props as given, old prop names mapped to new ones; tools that re-create the backend elsewhere (the
   * footprint benchmark) read them
   * @param deprecations warnings for the old prop names the props used, shown by every data store on the backend
   * @param skipped props already reported as unknown, of a wrong type or missing, whose checks are skipped
   */
  constructor(private readonly definition: BackendDefinition<P, S>, public readonly _props: P,
    private readonly deprecations: readonly PlanWarning[] = [], skipped: ReadonlySet<string> = new Set()) {
    this.region = definition.regionOf(_props);
    // The region and the backend's own rules in one error, every fault named.
    const failures = new Failures();
    if (!Token.isUnresolved(this.region) && !skipped.has(definition.regionProp)) {
      failures.attempt(() => validateRegion(definition.regions, this.region, `RedisBackend.${definition.factory}({ ${definition.regionProp} })`));
    }
    failures.attempt(() => definition.validate(_props, Token.isUnresolved, skipped));
    failures.throwAny();
    this.cloud = definition.cloud;
    this.service = definition.service;
    this.backendId = definition.id;
    this._nameScope = definition.nameScopeOf?.(_props) ?? this.region;
    this._changes = definition.changes;
    this._alerting = { factory: definition.factory, alerts: definition.alerts };
    this._access = definition.access;
  }

  public _design(request: DataStoreRequest, names: BackendNames): DataStoreDesign {
    const adoption = this.definition.adoptionOf?.(this._props, request);
    const named = adoption === undefined ? names
      : { ...names, name: adoptedName(adoption, names.name, this.definition.factory, Token.isUnresolved) };
    const { settings, ...planned } = this.definition.plan(this._props, request, named, Token.isUnresolved);
    return {
      ...planned,
      warnings: [
        ...this.deprecations,
        ...planned.warnings ?? [],
        ...tagRewriteWarnings(this.definition, request),
        ...adoption?.warnings ?? [],
        ...adoption === undefined ? [] : adoptionWarnings(this.definition.adoptionConsequences ?? [], this._props, request, `RedisBackend.${this.definition.factory}({ adopt })`),
      ],
      imports: adoption?.imports ?? [],
      render: (scope: Construct) => loadRenderer(this.definition)(scope, { ...planned, settings }),
    };
  }
}

/** The warning that names the tags the backend writes in another form than given, if any. */
function tagRewriteWarnings(definition: Pick<BackendDefinition<unknown, unknown>, 'service' | 'rewrittenTags'>, request: DataStoreRequest): PlanWarning[] {
  const rewrites = definition.rewrittenTags?.(request.tags, Token.isUnresolved) ?? [];
  if (rewrites.length === 0) return [];
  return [{
    code: 'TagsRewritten',
    message: `${definition.service} writes ${rewrites.length === 1 ? 'a tag' : `${rewrites.length} tags`} in its own form (its character rules): `
      + `${rewrites.map((r) => `"${r.given}" as "${r.written}"`).join(', ')}. Give ${rewrites.length === 1 ? 'it' : 'them'} in that form to silence this warning.`,
  }];
}
