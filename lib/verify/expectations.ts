/**
 * What the verifier checks each promise against: the plan's full promises, or, for `--backend`, what the library's
 * own conformance data says that backend keeps of them.
 */
import { UsageError } from './errors';
import type { BackendSummary } from '../backends/definition';
import { RESTRICTED_COMMANDS } from '../plan/commands';
import { ProductPromise, Realization, isGap } from '../plan/conformance';
import { ChoreoRedisError } from '../plan/errors';
import { ALL_EVICTION_POLICIES, DEFAULT_EVICTION_POLICY, EvictionPolicy } from '../plan/parity';
import { resolveRequest } from '../plan/request';
import { PLAN_PROMISES, ServicePlan, maxConnectionsFor } from '../plan/service-plan';

/** The promises a client can check on a running data store, in report order. */
export const CHECKED_PROMISES: readonly ProductPromise[] = [
  ProductPromise.TLS, ProductPromise.AUTHENTICATION, ProductPromise.RESTRICTED_COMMANDS, ProductPromise.LUA_SCRIPTING,
  ProductPromise.CONNECTION_LIMIT, ProductPromise.NODES, ProductPromise.EVICTION_POLICY,
];

/** What the backend's conformance data says it runs, for the engine row. */
export interface EngineExpectation {
  /** The managed service's name, such as `ElastiCache`. */
  readonly service: string;
  readonly engine: string;
  readonly version: string;
  /** The engine-compatibility row's account: what the engine adds or lacks against Redis OSS 7.2. */
  readonly detail: string;
}

/** A promise the backend's conformance data says it falls short of: checked for what the backend does keep. */
export interface AcceptedGap {
  readonly realization: Realization;
  /** The conformance data's account of what the backend does instead. */
  readonly reason: string;
}

/** What `maxclients` must reach. */
export type ConnectionExpectation =
  /** max(10000, 4 x the server's maxmemory in MB): the plan's formula, when nothing states the number. */
  | { readonly kind: 'formula' }
  /** A stated number: the limit the construct promised, or the service's own where the conformance data accepts it. */
  | { readonly kind: 'at-least'; readonly count: number; readonly source: string }
  /** The service applies a limit it does not state (an accepted gap): `maxclients` is only read. */
  | { readonly kind: 'unstated' };

/** Everything one data store is checked against. */
export interface Expectations {
  readonly plan: ServicePlan;
  /** Whether Lua scripting was asked for. */
  readonly luaScripting: boolean;
  /**
   * The backend identifier whose conformance data applies.
   *
   * @default - none: the plan's full promises
   */
  readonly backend?: string;
  /** Restricted commands whose every probe must be refused; the others may be allowed. */
  readonly refusedCommands: readonly string[];
  /** Whether the Lua commands must be allowed (or else refused). */
  readonly luaAllowed: boolean;
  /** The `maxmemory-policy` the data store was made with. */
  readonly evictionPolicy: string;
  /**
   * What the backend runs by default, named in the engine row.
   *
   * @default - no backend: the row names the Redis OSS 7.2 baseline only
   */
  readonly engine?: EngineExpectation;
  /** Nodes: the primary and its standbys. */
  readonly nodeCount: number;
  readonly connections: ConnectionExpectation;
  /** The gaps the conformance data reports in the checked promises, which are reported `accepted` when the rest holds. */
  readonly gaps: Readonly<Partial<Record<ProductPromise, AcceptedGap>>>;
}

/** What is known of a data store before connecting to it. */
export interface DataStoreFacts {
  readonly plan: ServicePlan;
  readonly luaScripting: boolean;
  /**
   * The `maxmemory-policy` the data store was made with (the `eviction_policy` of its verify output).
   *
   * @default - the product's, noeviction
   */
  readonly evictionPolicy?: string;
  /**
   * A backend identifier from the library, such as `memorystore`.
   *
   * @default - the plan's full promises
   */
  readonly backend?: string;
  /**
   * The connection limit the construct promised (the `max_connections` of its verify output).
   *
   * @default - derived from the server's maxmemory
   */
  readonly maxConnections?: number;
  /**
   * Nodes the construct planned (the `node_count` of its verify output).
   *
   * @default - the plan's, or the backend's plan for it
   */
  readonly nodeCount?: number;
}

/** Every backend's definition, loaded only when a backend is named: a run with --plan alone starts as quickly as before. */
function definitions(): readonly BackendSummary[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (require('../backends/backend-definitions') as typeof import('../backends/backend-definitions')).BACKEND_DEFINITIONS;
}

/** The backend identifiers `--backend` takes. */
export function backendIds(): string[] {
  return definitions().filter((d) => d.verifierExpectations !== undefined).map((d) => d.id);
}

/**
 * The memory a data store was planned with, from the limit the construct promised: max(10000, 4 x MB) names it
 * exactly above the floor; at the floor, the plan's default memory stands in.
 */
function memoryGibOf(maxConnections: number | undefined): number | undefined {
  return maxConnections !== undefined && maxConnections > maxConnectionsFor(0) ? maxConnections / 4 / 1024 : undefined;
}

/** What to check a data store against: the plan's promises, or the backend's conformance data for the plan. */
export function expectationsFor(facts: DataStoreFacts): Expectations {
  const evictionPolicy = facts.evictionPolicy ?? DEFAULT_EVICTION_POLICY;
  if (!ALL_EVICTION_POLICIES.includes(evictionPolicy as EvictionPolicy)) {
    throw new UsageError(`eviction policy "${evictionPolicy}" is not one of ${ALL_EVICTION_POLICIES.join(', ')}`);
  }
  const stated: ConnectionExpectation = facts.maxConnections === undefined ? { kind: 'formula' }
    : { kind: 'at-least', count: facts.maxConnections, source: 'the limit the construct promised' };
  if (facts.backend === undefined) {
    return {
      plan: facts.plan,
      luaScripting: facts.luaScripting,
      refusedCommands: RESTRICTED_COMMANDS,
      luaAllowed: facts.luaScripting,
      evictionPolicy,
      nodeCount: facts.nodeCount ?? PLAN_PROMISES[facts.plan].nodeCount,
      connections: stated,
      gaps: {},
    };
  }
  const definition = definitions().find((d) => d.id === facts.backend);
  if (definition?.verifierExpectations === undefined) {
    throw new UsageError(`backend "${facts.backend}" is not one of the library's backends: ${backendIds().join(', ')}`);
  }
  const request = resolveRequest({
    plan: facts.plan,
    luaScripting: facts.luaScripting,
    memoryGib: memoryGibOf(facts.maxConnections),
    evictionPolicy: evictionPolicy as EvictionPolicy,
  }, () => false);
  let backend;
  try {
    backend = definition.verifierExpectations(request);
  } catch (error) {
    if (!(error instanceof ChoreoRedisError)) throw error;
    throw new UsageError(`${definition.service} cannot plan a ${facts.plan} data store like this one: ${error.message}`);
  }
  const gaps: Partial<Record<ProductPromise, AcceptedGap>> = {};
  for (const promise of CHECKED_PROMISES) {
    const kept = backend.conformance[promise];
    if (isGap(kept.realization)) gaps[promise] = { realization: kept.realization, reason: kept.detail };
  }
  const { serviceMaxConnections } = backend;
  return {
    plan: facts.plan,
    luaScripting: facts.luaScripting,
    backend: definition.id,
    refusedCommands: gaps[ProductPromise.RESTRICTED_COMMANDS] === undefined ? RESTRICTED_COMMANDS : backend.refusedCommands ?? RESTRICTED_COMMANDS,
    // Lua is on or off: a backend that cannot do as asked does the opposite.
    luaAllowed: gaps[ProductPromise.LUA_SCRIPTING] === undefined ? facts.luaScripting : !facts.luaScripting,
    evictionPolicy,
    engine: {
      service: definition.service,
      engine: backend.engine,
      version: backend.engineVersion,
      detail: backend.conformance[ProductPromise.ENGINE_COMPATIBILITY].detail,
    },
    nodeCount: facts.nodeCount ?? backend.nodeCount,
    connections: gaps[ProductPromise.CONNECTION_LIMIT] === undefined ? stated
      : serviceMaxConnections === undefined ? { kind: 'unstated' }
        : { kind: 'at-least', count: serviceMaxConnections, source: `${definition.service}'s own limit` },
    gaps,
  };
}
