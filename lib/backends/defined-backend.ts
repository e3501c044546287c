import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { BackendDefinition, BackendNames, BackendPlan, IRedisBackend, RedisBinding } from './backend';
import { ChangeTable, Cloud, DataStoreRequest } from '../plan';

/**
 * A backend made of its pure definition (identity, validation, planning) and a renderer: subclasses only
 * define `_render`. Props are validated when the factory is called, before any data store uses them.
 *
 * @internal
 */
export abstract class DefinedBackend<P> implements IRedisBackend {
  public readonly cloud: Cloud;
  public readonly service: string;
  public readonly region: string;
  public readonly _nameScope: string;
  public readonly _changes: ChangeTable;

  protected constructor(private readonly definition: BackendDefinition<P>, protected readonly props: P) {
    definition.validate(props, Token.isUnresolved);
    this.cloud = definition.cloud;
    this.service = definition.service;
    this.region = definition.regionOf(props);
    this._nameScope = definition.nameScopeOf?.(props) ?? this.region;
    this._changes = definition.changes;
  }

  public _plan(request: DataStoreRequest, names: BackendNames): BackendPlan {
    return this.definition.plan(this.props, request, names, Token.isUnresolved);
  }

  public abstract _render(scope: Construct, plan: BackendPlan): RedisBinding;
}
